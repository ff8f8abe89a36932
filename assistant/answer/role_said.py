"""Whether the sources give the role asked of whom it is asked: of a name that is none of the
organisations named ("who is the president of France?" is not answered by "President of
Medicen"), or of a part of an organisation ("who is the president of Medicen's scientific
committee?", "qui préside le comité scientifique de Medicen ?", "who heads Servier's R&D
centre?"): the part's noun must stand in a sentence that gives a person in that role; the
organisation's own president ("Christian Lajoux, President of Medicen") is not its committee's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.evidence import EvidenceReport
from assistant.answer.roles import PERSON_ROLE, ROLE_VERBS, holds_role_of, role_of
from assistant.answer.said_about import usable
from assistant.answer.spelling import spellings
from assistant.answer.value_kinds import holds_value
from assistant.answer.weights import SCOPE
from assistant.retrieval.glossary import english_kin, translate_terms
from ingest.store.text import STOPWORDS, fold, tokenize

COUNTRY = set(tokenize("France"))  # of the scope's words, the country is no organisation's

# the parts of an organisation that have their own heads, English and French
PART = re.compile(
    r"\b(committees?|comit[ée]s?|boards?|councils?|conseils?|departments?|d[ée]partements?|"
    r"divisions?|units?|unit[ée]s?|labs?|laborator(?:y|ies)|laboratoires?|labos?|programmes?|"
    r"programs?|hubs?|platforms?|plateformes?|teams?|[ée]quipes?|branch(?:es)?|filiales?|"
    r"subsidiar(?:y|ies)|offices?|bureaux?|cent(?:re|er)s?)\b",
    re.IGNORECASE,
)
BEST = 5  # the sentences that answer the question best (as ``asked_value.BEST``)


def without(question: str, names: Sequence[str]) -> str:
    """The question less the organisations' names ("Lab Santé" names no lab of theirs)."""
    for name in names:
        question = re.sub(re.escape(name), " ", question, flags=re.IGNORECASE)
    return question


def part_asked(question: str, names: Sequence[str]) -> set[str]:
    """The terms (and their English) of the part of an organisation the question names outside
    the organisations' own names ("committee"; not the "Lab" of "Lab Santé")."""
    terms = [t for m in PART.finditer(without(question, names)) for t in tokenize(m.group(0))]
    return set(terms) | set(translate_terms(terms))


def part_phrase(question: str, names: Sequence[str]) -> set[str]:
    """The part's own words: its noun and the two words before and after it ("clinical
    operations" of "Pharm-Olam's clinical operations department", "scientifique" of "le comité
    scientifique de X"), less the organisations' names and the role asked."""
    around = rf"((?:[\w\-]+\s+){{0,2}})({PART.pattern})((?:\s+[\w\-]+){{0,2}})"
    rest = without(question, names)
    raw = [w for m in re.finditer(around, rest, re.IGNORECASE) for w in m.group(0).split()]
    # not the role ("préside", "president") nor the words that ask it
    kept = [w for w in raw if not re.fullmatch(rf"{PERSON_ROLE}|pr[ée]sid\w*|chairs?", w, re.I)]
    words = [t for t in tokenize(" ".join(kept)) if t not in STOPWORDS and t not in ROLE_VERBS]
    return set(words) | set(translate_terms(words))


def part_unsaid(kind: str, question: str, names: Sequence[str], report: EvidenceReport) -> bool:
    """A role asked of a part that no best sentence giving someone in that role names."""
    part = part_asked(question, names)
    if not part:
        return False
    # the part said by its noun or its own words ("head of clinical operations": the department)
    kin = english_kin(spellings(part_phrase(question, names)))
    return not any(
        holds_value(kind, e.sentence, question) and kin & set(tokenize(fold(e.sentence)))
        for e in usable(report)[:BEST]
    )


def role_unsaid(kind: str, question: str, names: Sequence[str], report: EvidenceReport) -> bool:
    """The role asked, of whom it is asked, is in none of the best sentences: of a name that is
    none of the organisations named (``names``), or of a part of one (:func:`part_unsaid`)."""
    return of_name_unsaid(kind, question, names, report) or part_unsaid(
        kind, question, names, report
    )


def of_name_unsaid(kind: str, question: str, names: Sequence[str], report: EvidenceReport) -> bool:
    """A role asked of a name that is none of the organisations named ("who is the president of
    France?") that no best sentence gives of that name ("President of Medicen" is Medicen's)."""
    of = role_of(question)
    if not of or set(tokenize(of)) & (SCOPE - COUNTRY):
        return False  # "the CEO of the Paris Region health cluster": the region is everyone's
    if any(of in tokenize(name) or of in fold(name).split() for name in names):
        return False
    return not any(holds_role_of(kind, e.sentence, of) for e in usable(report)[:BEST])
