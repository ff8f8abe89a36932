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

from assistant.answer.asked_value import BEST, usable
from assistant.answer.counted import COUNTS
from assistant.answer.evidence import EvidenceReport
from assistant.answer.messages import DECLINE, NAMED_NONE
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.others import group_said
from assistant.answer.question_kind import ORGANISATION_NOUNS
from assistant.retrieval.glossary import translate_terms
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import fold, tokenize

# the kinds a name carries when the directory has none of them ("Université Paris-Saclay")
NAME_KINDS = ("univers", "school", "ecol", "colleg")  # the starts of their words
NEAR = 0.9  # a sentence scoring this share of the group's is as good an answer
VERBS = r"(?:do|does|did|are|is|was|were|have|has|had|can|could|will|would|should|sont|ont)"
GROUP = rf"(?:{ORGANISATION_NOUNS}|leaders?|industrials?|manufacturers?|schools?|colleges?)"
# the members of a group asked by name: "which European clusters ...", "can you name the nine
# universities ...", "quels industriels ...", "apart from Sanofi, which leaders ..."
ASKED = re.compile(
    # the group's noun after its asking word and adjectives, no verb between ("what funding do
    # incubators offer?" asks of them, not who they are)
    rf"\b(?:which|what|quels|quelles|lesquels|lesquelles)\s+(?:(?!{VERBS}\b)[\w\-]+\s+){{0,3}}?"
    rf"(?P<a>{GROUP})\b|"
    rf"\b(?:name|list|nommer|citer|nomme|cite)\s+(?:the|them|those|these|all|les|ces)\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?P<b>{GROUP})\b",
    re.IGNORECASE,
)
# a group mentioned by its number or a quantifier, not by its members
QUANTIFIED = (
    r"\b(?:(?:a )?few|several|some|many|numerous|various|other|a number of|dozens of|"
    rf"{'|'.join(COUNTS)}|six|seven|eight|nine|ten|eleven|twelve|twenty|sept|huit|neuf|dix|"
    r"onze|douze|vingt|\d+|quelques|plusieurs|nombreux|nombreuses|d['’]autres|autres)\s+"
    r"(?:[\w\-]+\s+){0,3}?"
)


def asked_group(message: str) -> str:
    """The noun of the group whose members the message asks for by name, else ""."""
    found = ASKED.search(message)
    return (found.group("a") or found.group("b")) if found else ""


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
    if group is None or group not in best:
        return None  # the group is what the answer would quote first, or it is no answer's
    sentences = evidence.sentences.get(group.n, [])
    after = " ".join(sentences[group.position + 1 : group.position + 2])
    # it, the sentence after it, or one nearly as good ("In all, there are 202 ..., including X")
    rivals = [e.sentence for e in usable(evidence)[:BEST] if e.score >= NEAR * group.score]
    if members(" ".join([group.sentence, after, *rivals]), noun, known, organisations):
        return None
    stem = tokenize(noun)[:1]
    counted = rf"{QUANTIFIED}{re.escape(stem[0])}\w*" if stem else ""
    if not counted or not re.search(counted, fold(group.sentence), re.IGNORECASE):
        return None
    return f"{DECLINE[language]} {NAMED_NONE[language]} {group.sentence} [{group.n}]"


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
