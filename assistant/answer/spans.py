"""The answering span of a fact: the words of the answer's first sentence that answer (a name
for "who", a number for "how many", a date for "when", a place for "where")."""

from __future__ import annotations

import re

from assistant.answer.citations import CITATION
from assistant.answer.counted_thing import ONE
from assistant.answer.questions import COUNT_QUESTION, WHEN_QUESTION, YEAR_QUESTION
from assistant.answer.roles import asked_role, holds_role
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import STOPWORDS, fold, tokenize, words

WHO = re.compile(
    r"^\s*(who|whom|qui|which (person|company|organi[sz]ation|institute|body|cluster|"
    r"partner|group|hospital|university|incubator|firm))\b",
    re.I,
)
# organisations asked for wherever the asking words stand: "which other French clusters",
# "c'est quelles entreprises qui pilotent ?", "il y a quelles boîtes". The kind is a common
# noun (lowercase: "what is Lab Santé's goal" asks for no organisation), and a bare "which
# ones" or "lesquels" takes up any noun ("trois piliers. Lesquels ?")
NAMES_ASKED = re.compile(
    r"\b(?i:which|what|quel(le)?s?) (other |autres? )?"
    r"((?!(of|de|des|du|is|are|was|were|est|sont|do|does|did)\b)[a-zà-ÿ\-]+ ){0,2}?"
    r"(compan(y|ies)|firms?|organi[sz]ations?|institut(e|es|ion|ions|s)?|clusters?|partners?|"
    r"groups?|hospitals?|universit(y|ies)|incubators?|labs?|laborator(y|ies)|start-?ups?|"
    r"entreprises?|soci[eé]t[eé]s?|bo[iî]tes?|labos?|laboratoires?|organismes?|p[oô]les?|"
    r"h[oô]pita(l|ux)|groupes?|incubateurs?|partenaires?|[eé]tablissements?)\b"
)
WHERE = re.compile(r"^\s*(where|o[uù]|in which (city|town|place))\b|\bo[uù] (se|est)\b", re.I)
NUMBER_PHRASE = re.compile(
    r"\b(?:over |more than |about |around |nearly |almost |some |up to |plus de |près de )?"
    r"(?:\d[\d,.\s]*\d|\d)\s*(?:%|per ?cent|million|billion|m€|k€|€)?"
    rf"|\b(?:{ONE}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundreds|thousands|half|a third|a quarter|double)\b",
    re.IGNORECASE,
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
DATE_PHRASE = re.compile(
    rf"\b(?:(?:{MONTHS})\s+\d{{1,2}}(?:\s*(?:and|-|–|to)\s*\d{{1,2}})?,?\s*(?:\d{{4}})?"
    rf"|\d{{1,2}}(?:\s*(?:and|-|–|et)\s*\d{{1,2}})?\s+(?:{MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:in |by |since )?(?:{MONTHS})?\s*(?:1[5-9]\d\d|20\d\d)"
    rf"|\w+ (?:months?|years?|weeks?) ago)\b",
    re.IGNORECASE,
)
PLACE = re.compile(
    r"\b(?:in|at|à|au|en)\s+((?:the\s+)?[A-ZÀ-ÖØ-Þ][\w\-’']+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w\-’']+|de|du|"
    r"in)){0,4})"
)
NAME_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ](?:\s+(?:[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ]|de|of|du))*"
    r"(?<!\sof)(?<!\sde)(?<!\sdu)"
)


NEAR = 30  # characters either side of a name where the question's words count


ROLE_WORDS = 3  # words either side of a name where its role stands


def answer_span(question: str, answer: str) -> str:
    """The span of the answer's first sentence that answers ``question``; "" when none fits."""
    first = CITATION.split(answer, maxsplit=1)[0].strip()
    if not first:
        return ""
    count = COUNT_QUESTION.search(question)
    if count:
        return _counted(count.group(1), first)
    if re.search(r"\b(how much|what share|quelle part)\b", question, re.I):
        return _first(NUMBER_PHRASE, first)
    if YEAR_QUESTION.search(question) or WHEN_QUESTION.search(question):
        return _first(DATE_PHRASE, first)
    if WHERE.search(question):
        return _place(question, first)
    if WHO.search(question):
        return _new_name(question, first)
    return ""


def _place(question: str, text: str) -> str:
    """The place named right after the words of the question ("opened its lab ... in
    Gentilly" for "Where did Sanofi open its lab?")."""
    terms = both_languages(question)
    best, value = "", -1
    for match in PLACE.finditer(text):
        before = set(tokenize(text[max(0, match.start() - 80) : match.start()]))
        if len(terms & before) > value:
            best, value = match.group(1).strip(), len(terms & before)
    return best


def _counted(noun: str, text: str) -> str:
    """The number that counts ``noun`` ("100,000" for "professionals"), else the first one."""
    stems = both_languages(noun)
    for match in NUMBER_PHRASE.finditer(text):
        after = set(tokenize(" ".join(text[match.end() :].split()[:3])))
        if match.group(0).strip() and stems & after:
            return match.group(0).strip(" ,")
    return _first(NUMBER_PHRASE, text)


def both_languages(text: str) -> set[str]:
    """The terms of ``text`` and their English ones (a French question, English sources)."""
    terms = tokenize(text)
    return set(terms) | set(translate_terms(terms))


def _first(pattern: re.Pattern[str], text: str) -> str:
    for match in pattern.finditer(text):
        if match.group(0).strip():
            return match.group(0).strip(" ,")
    return ""


def _new_name(question: str, sentence: str) -> str:
    """The first run of capitalised words the question does not already hold, unless the
    question's words stand clearly more with another (``LED_TO`` more of them in its clause and
    the apposition after it: "launched by three companies (OncoDesign" for "who led and launched
    the hub?", not the Cap Digital of "a project with Cap Digital"); for a role ("Who is the
    president of X?"), the first one right after or before the role's word ("its president
    Christian Lajoux", "Stéphane Roques, CEO of")."""
    asked = {fold(w) for w in words(question)}
    role = asked_role(question)
    found = []
    for match in NAME_RUN.finditer(sentence):
        run = match.group(0)
        tokens = [fold(w) for w in words(run)]
        if all(_said(t, asked) for t in tokens):  # "Île-de-France" for "ile de france"
            continue
        if len(tokens) == 1 and not re.search(r"[A-Z].*[A-Z]", run):
            continue  # one plain capitalised word ("Paris", "Our") is rarely who answers
        found.append(match)
    if not found:
        return ""
    if role is None:
        terms = both_languages(question)
        held = [len(terms & set(tokenize(_described(sentence, m.start())))) for m in found]
        best = max(range(len(found)), key=held.__getitem__)
        return found[best if held[best] - held[0] >= LED_TO else 0].group(0)
    beside = [m for m in found if _beside_role(role, sentence, m)]
    return (beside or found)[0].group(0)


LED_TO = 2  # question words a later name must hold beyond the first's to answer instead
# where a clause ends: a comma, a semicolon or a colon (not within brackets)
CLAUSE_END = re.compile(r"[,;:]\s+")
# a clause that describes the name before it: "the Curie Institute, a leader in ..."
APPOSITION = re.compile(r"(a|an|the|its|which|who|one of)\b", re.IGNORECASE)


def in_brackets(text: str, at: int) -> bool:
    """Position ``at`` of the text stands within brackets: "(OncoDesign, Intersystem"."""
    before = text[:at]
    return before.count("(") > before.count(")")


def _described(sentence: str, at: int) -> str:
    """The clause of the sentence that holds position ``at``, and the apposition after it."""
    cuts = [0]
    for match in CLAUSE_END.finditer(sentence):
        if not in_brackets(sentence, match.start()):
            cuts.append(match.end())
    cuts.append(len(sentence))
    i = max(k for k in range(len(cuts) - 1) if cuts[k] <= at)
    text = sentence[cuts[i] : cuts[i + 1]]
    after = sentence[cuts[i + 1] : cuts[i + 2]] if i + 2 < len(cuts) else ""
    return f"{text} {after}" if APPOSITION.match(after) else text


def _said(token: str, asked: set[str]) -> bool:
    """A word the question holds, as typed or with its hyphens as spaces, or a stopword."""
    parts = [p for p in token.split("-") if p]
    return token in asked or token in STOPWORDS or bool(parts) and all(p in asked for p in parts)


def _beside_role(role: str, sentence: str, match: re.Match[str]) -> bool:
    """The role's word stands within a few words before the name, or right after it."""
    before = " ".join(sentence[: match.start()].split()[-ROLE_WORDS:])
    after = " ".join(sentence[match.end() :].split()[:ROLE_WORDS])
    return holds_role(role, before) or holds_role(role, after)
