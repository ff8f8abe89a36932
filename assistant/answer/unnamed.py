"""The members of a group the sources mention without naming any: asked "which European clusters
are part of the agreement?" of "an agreement with a few high-level European clusters", or "can
you name the nine universities?" of "nine universities, two teacher-training colleges ...", the
sources do not hold the answer, however well that sentence matches the question.

The group is the sentence that holds most of what the question says of it (``others.the_group``);
it mentions the asked noun after a quantifier ("a few", "nine", "other") and names no
organisation beyond those the conversation already said. Shapes and the directory's names only,
never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.asked_value import BEST, refers
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.listed import NAMING
from assistant.answer.messages import DECLINE, NAMED_NONE, NAMED_ONLY
from assistant.answer.numbers import WORD, stated
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.others import group_said
from assistant.answer.question_kind import ORGANISATION_NOUNS
from assistant.answer.said_about import usable
from assistant.answer.spelling import spellings
from assistant.answer.subjects import in_scope
from assistant.answer.weights import SCOPE
from assistant.retrieval.glossary import translate_terms
from ingest.directory.org_kinds import english, kind_terms, kinds_by_word
from ingest.store.text import fold, tokenize

# the kinds a name carries when the directory has none of them ("Université Paris-Saclay")
NAME_KINDS = ("univers", "school", "ecol", "colleg")  # the starts of their words
NEAR = 0.9  # a sentence scoring this share of the group's is as good an answer
VERBS = r"(?:do|does|did|are|is|was|were|have|has|had|can|could|will|would|should|sont|ont)"
GROUP = rf"(?:{ORGANISATION_NOUNS}|leaders?|industrials?|manufacturers?|schools?|colleges?)"
NUMBER = rf"(?:{WORD}|(?!(?:19|20)\d\d\b)\d+)"  # a year is no count
# what follows a group's noun: where, when or whose it is, who spoke of it
AFTER = (
    r"(?:in|of|from|at|for|on|that|which|who|you|mentioned|cited|listed|de|du|des|d['’]|en|"
    r"[àa]|au|aux|dans|pour|sur|qui|que|dont|vous|cit[ée]e?s|mentionn[ée]e?s)"
)
# the nouns of an organisation of any kind: a group counted by one is asked by another
BODIES = frozenset(tokenize("organisation organization organisme body bodies entity"))
# a group taken up from what came before: "which combines these three sectors"
TAKEN_UP = re.compile(r"\b(these|those|ces|such|lesdite?s|the said)\s*$", re.IGNORECASE)
# the members of a group asked by name: "which European clusters ...", "can you name the nine
# universities ...", "quels industriels ...", "apart from Sanofi, which leaders ..."
ASKED = re.compile(
    # the group's noun after its asking word and adjectives, no verb between ("what funding do
    # incubators offer?" asks of them, not who they are)
    rf"\b(?:which|what|quels|quelles|lesquels|lesquelles)\s+(?:(?!{VERBS}\b)[\w\-]+\s+){{0,3}}?"
    rf"(?P<a>{GROUP})\b|"
    rf"\b(?:(?:name|list|nommer|citer|nomme|cite|lister|listez|liste|[ée]num[ée]rer)\s+"
    rf"(?:the|them|those|these|all|les|ces)|"
    rf"names of(?: the| those| these)?|noms des)\s+(?:[\w\-'’]+\s+){{0,4}}?(?P<b>{GROUP})\b|"
    # "which are the clusters ...", "quelles sont les neuf universités ...", "c'est quoi les ..."
    rf"\b(?:(?:which|what|quels|quelles)\s+(?:are|were|sont|[ée]taient)|c['’]est quoi)\s+"
    rf"(?:the|les|ces)\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?P<c>{GROUP})\b|"
    # any group asked again by the number the sources count it by: "list the 52 projects",
    # "what were the 52 foreign investment projects?", "quelles sont les trois priorités ?"
    rf"\b(?:which|what|quels|quelles|quoi|names of|noms des|name|list|nommer|citer|nomme|cite|"
    rf"lister|listez|liste|"
    rf"donner|give|show|tell|"
    rf"donne|donnez)[\s-]+(?:(?:are|were|sont|[ée]taient|me|us|moi|nous)\s+)?"
    rf"(?:the|les|ces|those|these|its|their|leurs?|ses|[\w\-]+['’]s)\s+{NUMBER}\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?P<d>[\w\-]+[sx])(?=\s*(?:[?.,;!]|$)|\s+{AFTER}\b)|"
    # "which four research bodies ...?", "quels trois pôles ...?"
    rf"\b(?:which|what|quels|quelles)\s+{NUMBER}\s+(?:[\w\-]+\s+){{0,2}}?(?P<e>[\w\-]+[sx])\b|"
    # a counted group, then its names asked: "the nine universities ..., what are their names?"
    rf"\b{NUMBER}\s+(?:[\w\-]+\s+){{0,2}}?(?P<g>{GROUP})\b[^?]{{0,80}}\b(?:what are|what're|"
    r"give me|tell me|can you give me|quels sont|donne[zr]?[- ]moi)\s+(?:their|leurs?)\s+"
    r"(?:names|noms)\b|"
    # all of a counted group: "the full list of the 202 pharma establishments", "la liste
    # complète des 202 établissements"
    rf"\b(?:(?:full|complete|whole|entire|exhaustive)\s+list\s+of|liste\s+(?:compl[èe]te|"
    rf"enti[èe]re|exhaustive)\s+(?:des|de))\s+(?:all\s+)?(?:the\s+)?{NUMBER}\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?P<h>[\w\-]+[sx])\b|"
    # "which 4 of the world's 15 most innovative research organisations ...?", "which are the
    # four of ..."
    rf"\b(?:which|what|quels|quelles)\s+(?:(?:are|were|sont)\s+(?:the|les)\s+)?{NUMBER}\s+"
    rf"(?:of|d['’]entre|parmi)\s+[^?]{{0,60}}?"
    rf"\b(?P<i>{GROUP})\b|"
    # a counted group's list: "la liste des neuf universités", "the list of the 52 projects"
    rf"\b(?:list|liste)\s+(?:of|des|de)\s+(?:the\s+|les\s+)?{NUMBER}\s+(?:[\w\-]+\s+){{0,2}}?"
    rf"(?P<j>{GROUP})\b|"
    # "which of the world's 15 most innovative bodies are the four in the region?"
    rf"\b(?:which|what|quels|quelles)\s+(?:ones\s+)?(?:of|d['’]entre|parmi)\s+(?:the|les|ces)\s+"
    rf"[^?]{{0,60}}?\b(?P<f>[\w\-]+[sx])\s+(?:are|were|sont)\s+(?:the|les)\s+{NUMBER}\b",
    re.IGNORECASE,
)
# "which four ...", "which clusters are those?": that group, not the kind
ASKED_OF = re.compile(rf"\b(?:{NUMBER}|those|these|them|ces|ceux|celles|eux)\b", re.IGNORECASE)
# a group mentioned by its number or a quantifier, not by its members
QUANTIFIED = (
    r"\b(?:(?:a )?few|several|some|many|numerous|various|other|a number of|dozens of|"
    rf"{NUMBER}|quelques|plusieurs|nombreux|nombreuses|d['’]autres|autres)\s+"
    r"(?:[\w\-]+\s+){0,3}?"
)


# the members asked bare, last: "Which four?", "which ones exactly?", "lesquels ?"
BARE_ASK = re.compile(
    rf"\b(?:which|quels|quelles|lesquels|lesquelles)(?:\s+(?:ones|{NUMBER}))?"
    r"(?:\s+(?:exactly|precisely|exactement|pr[ée]cis[ée]ment|are they|are those|sont-ils|"
    r"sont-elles))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# the group the message counted before asking bare: "4 of the world's 15 most innovative
# research bodies are in IDF - which ones exactly?"
COUNTED_BEFORE = re.compile(
    rf"\b{NUMBER}\s+(?:[\w\-'’]+\s+){{0,7}}?(?P<noun>{GROUP})\b", re.IGNORECASE
)


def asked_group(message: str) -> str:
    """The noun of the group whose members the message asks for by name, else ""."""
    found = ASKED.search(message)
    if found:
        return next((g for g in found.groups() if g), "")
    bare = BARE_ASK.search(message)
    counted = list(COUNTED_BEFORE.finditer(message[: bare.start()])) if bare else []
    return counted[-1].group("noun") if counted else ""


def unnamed_decline(
    message: str,
    said: str,
    language: str,
    evidence: EvidenceReport,
    organisations: Sequence[Organisation],
) -> str | None:
    """The decline, when the message asks for the members of a group by name and the sentence
    about the group mentions them by a quantifier only (``said``: the earlier answers), with that
    sentence; else None."""
    noun = asked_group(message)
    if not evidence.answerable or not noun:
        return None
    known, group = group_said(message, said, evidence, organisations)
    best = usable(evidence)[:1]
    if group is None:
        return None
    passed = group not in best  # the answer's first sentence names none of the kind asked
    if passed and not passed_over(noun, best, known, organisations):
        return None  # the group is what the answer would quote first, or it is no answer's
    if kind_listed(message, group.sentence, evidence, organisations):
        return None  # "name the research bodies": the directory's, not the sentence's "four"
    # it, the sentence after it, or one nearly as good ("In all, there are 202 ..., including X")
    near = (
        [group] if passed else [e for e in usable(evidence)[:BEST] if e.score >= NEAR * group.score]
    )
    rivals = [e.sentence for e in near]
    stem = translate_terms(tokenize(noun))[:1]  # "hôpitaux": counted as "hospitals"
    if set(stem) & BODIES:  # "research organisations" are counted as "research bodies" too
        stem = sorted(BODIES)
    forms = "|".join(sorted(re.escape(f) for f in spellings(set(stem))))  # "centres", "centers"
    counted = rf"{QUANTIFIED}(?:{forms})\w*" if stem else ""

    def counting(sentence: str) -> re.Match[str] | None:
        return re.search(counted, fold(sentence), re.IGNORECASE) if counted else None

    found = counting(group.sentence)
    if counted and not found and not named_beside(rivals, known, organisations):
        # "all the members" counts none; one nearly as good does ("over 400 members")
        found, group = next(((m, e) for e in near if (m := counting(e.sentence))), (None, group))
    sentences = evidence.sentences.get(group.n, [])
    after = " ".join(sentences[group.position + 1 : group.position + 2])
    if not found or TAKEN_UP.search(fold(group.sentence)[: found.start()]):
        return None  # "these three sectors": named in the sentences before
    if re.fullmatch(GROUP, noun, re.IGNORECASE):  # organisations: the directory knows them
        # any organisation counts for a kind the directory lacks ("leaders"): named beside it
        typed = bool(kinds_by_word().get(fold(noun)))
        text = " ".join([group.sentence, after, *(rivals if typed else [])])
        if members(text, noun, known, organisations):
            return named_in_part(message, found.group(0), group, language, organisations)
    elif NAMING.search(fold(group.sentence)[found.end() :]) or names_them(after, organisations):
        return named_in_part(message, found.group(0), group, language, organisations)
    return f"{DECLINE[language]} {NAMED_NONE[language]} {group.sentence} [{group.n}]"


FULL = re.compile(r"\b(?:full|complete|whole|entire|exhaustive|compl[èe]te|enti[èe]re)\b", re.I)


def named_in_part(
    message: str,
    counted: str,
    group: Evidence,
    language: str,
    organisations: Sequence[Organisation],
) -> str | None:
    """The decline, when the message asks for the full list of a group the sentence counts
    ("202 establishments") and names fewer of ("including Astra Zeneca, ... and Sanofi"): the
    members it names; else None (it names them all, or the whole list is not asked)."""
    if not FULL.search(message):
        return None
    at = fold(group.sentence).find(fold(counted))  # its members stand after the count
    named = [o.label for o in named_in(group.sentence[at + len(counted) :], organisations)]
    if not named:  # "AP-HP, with its 39 hospitals": the owner, no member
        return f"{DECLINE[language]} {NAMED_NONE[language]} {group.sentence} [{group.n}]"
    if len(named) >= max(stated(counted), default=0):
        return None
    only = NAMED_ONLY[language].format(named=", ".join(named))
    return f"{DECLINE[language]} {only} {group.sentence} [{group.n}]"


def passed_over(
    noun: str, best: Sequence[Evidence], known: set[str], organisations: Sequence[Organisation]
) -> bool:
    """The sentence the answer would quote first names none of the organisations of the kind
    asked ("which European clusters ...?" of a sentence naming hospitals and institutes): the
    group's sentence below it is what the question is about."""
    kinds = kinds_by_word().get(fold(noun))
    return bool(best and kinds) and not members(best[0].sentence, noun, known, organisations)


def kind_listed(
    message: str, sentence: str, evidence: EvidenceReport, organisations: Sequence[Organisation]
) -> bool:
    """The message asks for a kind of the directory's organisations and says nothing more of
    the sentence's group than that kind and the region ("name the research bodies in Île-de-
    France" of "four of the world's 15 most innovative research bodies are in Île-de-France"):
    the directory lists that kind; "which four ...?", "which are those?" or "the most innovative
    ..." ask for the group."""
    kinds = [k for k in asked_kinds(message) if k != "*"]
    if not kinds or not any(o.kind in kinds for o in organisations) or ASKED_OF.search(message):
        return False
    kind = set(tokenize(" ".join(english(k) for k in kinds))) | kind_terms()
    return not (set(evidence.weights) & set(tokenize(sentence))) - kind - SCOPE


def named_beside(
    sentences: Sequence[str], known: set[str], organisations: Sequence[Organisation]
) -> bool:
    """Some of the sentences name an organisation beyond those known and the region's."""
    named = (o for s in sentences for o in named_in(s, organisations))
    return any(o.label not in known and not in_scope(o) for o in named)


def names_them(sentence: str, organisations: Sequence[Organisation]) -> bool:
    """The sentence takes up the one before and names organisations ("They include Doctolib,
    ..."), not only takes it up ("Beyond the figures, this excellence ...") or names the region
    ("this time, Paris Region ...")."""
    return refers(sentence) and any(not in_scope(o) for o in named_in(sentence, organisations))


def members(
    text: str, noun: str, known: set[str], organisations: Sequence[Organisation]
) -> list[str]:
    """The organisations a text names beyond those ``known``, of the kind the noun says when the
    directory has one ("clusters": clusters; "the CNRS" is no cluster), else for a kind a name
    carries, whose name says it ("universities": "Université Paris-Saclay"; the Pasteur
    Institute is none), else any ("leaders": Sanofi)."""
    kinds = kinds_by_word().get(fold(noun))
    stem = set(tokenize(noun)) | set(translate_terms(tokenize(noun)))
    by_name = not kinds and any(t.startswith(NAME_KINDS) for t in stem)  # a name says it

    def member(o: Organisation) -> bool:
        if kinds:
            return o.kind in kinds
        return not by_name or any(w.startswith(t[:6]) for w in tokenize(o.label) for t in stem)

    return [o.label for o in named_in(text, organisations) if o.label not in known and member(o)]
