"""The question's focus: its content words other than the names it is about, and how much of
it a sentence holds (an explanation's first point should not only say the question back)."""

from __future__ import annotations

from assistant.answer.evidence import EvidenceReport
from assistant.answer.questions import names_in
from ingest.store.text import tokenize


def focus_weights(report: EvidenceReport, question: str) -> dict[str, float]:
    """The question's terms less those of the names it is about ("Medicen", "CEO"): what it
    asks about them ("strategy", "competitors")."""
    named = {t for name in names_in(question) for t in tokenize(name)}
    weights = report.weights or dict.fromkeys(tokenize(question), 1.0)
    return {t: w for t, w in weights.items() if t not in named}


def focus_share(weights: dict[str, float], sentence: str) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    present = set(tokenize(sentence))
    return sum(w for t, w in weights.items() if t in present) / total
