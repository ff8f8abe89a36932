"""A question that names the type of the value it asks with a noun the corpus never writes ("what
dates?", "the venue of X", "X hq"): the noun weighs little in the evidence (``weights.py``), so
one of the two sentences an answer leads with must hold a value of that type (a date, a place),
or the question is declined ("what's the venue of the CSIS?" is not answered by what the CSIS
is). Shapes and the corpus's vocabulary only."""

from __future__ import annotations

from collections.abc import Collection

from assistant.answer.evidence import EvidenceReport
from assistant.answer.messages import DECLINE
from assistant.answer.said_about import usable
from assistant.answer.value_kinds import holds_value
from assistant.answer.weights import TYPE_NOUNS
from ingest.store.text import tokenize

LEAD = 2  # the sentences an answer leads with


def type_noun_decline(
    question: str, language: str, evidence: EvidenceReport, known: Collection[str]
) -> str | None:
    """The decline when the question names a date's or a place's type in a noun the corpus
    never writes and neither sentence an answer leads with holds such a value; else None."""
    if not known:
        return None
    asked = set(tokenize(question))
    kinds = [k for k, nouns in TYPE_NOUNS.items() if any(t not in known for t in asked & nouns)]
    if not kinds:
        return None
    best = usable(evidence)[:LEAD]
    if any(holds_value(kind, e.sentence) for kind in kinds for e in best):
        return None
    return DECLINE[language]
