"""The declines decided once the evidence is scored, whatever the sentence model thinks of the
nearest sentence: a kind of value asked that no sentence about the subject holds
(``asked_value.py``), the rest of a group the sources name only in part (``others.py``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.answer.asked_value import typed_decline
from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Organisation
from assistant.answer.others import others_decline
from assistant.answer.standalone import Reading
from assistant.retrieval.passage import Passage


def decline(
    reading: Reading,
    language: str,
    passages: Sequence[Passage],
    evidence: EvidenceReport,
    organisations: Sequence[Organisation],
    known: Collection[str] = (),
    answer: str = "fact",
) -> str:
    """The decline, with what the sources do hold; "" when the answer may go on. ``known``: the
    corpus's terms; ``answer``: the kind of answer composed (``typed_decline``)."""
    said = " ".join(reading.said)
    return (
        typed_decline(reading.asked, language, passages, evidence, organisations, known, answer)
        or others_decline(reading.message, said, language, evidence, organisations)
        or ""
    )
