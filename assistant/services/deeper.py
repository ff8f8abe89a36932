"""Look a little deeper before composing: the passages ranked just below the ``k`` shown are
scored too, and the one holding a sentence that answers much better than any shown joins the
sources, numbered after them (the shown ones stay retrieval's top ``k``)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer import EvidenceReport, EvidenceScorer
from assistant.answer.rescore import restrict
from assistant.retrieval.passage import Passage

DEEPER_MARGIN = 0.15  # how much better a deeper passage's best sentence must score


def deepen(
    scorer: EvidenceScorer,
    question: str,
    passages: list[Passage],
    deeper: Sequence[Passage],
    previous_answer: str = "",
    margin: float = DEEPER_MARGIN,
) -> tuple[list[Passage], EvidenceReport]:
    """``passages``, plus the deeper passage whose best sentence scores ``margin`` above the
    best of the shown ones (when the question is answerable with it), and the evidence of the
    passages kept (every sentence scored once). An explanation, which adds up several points,
    passes a margin of 0: a deeper passage joins once its best sentence beats the shown ones."""
    report = scorer.score(question, [*passages, *deeper], previous_answer)
    shown = len(passages)
    keep = list(range(1, shown + 1))
    quotable = [e for e in report.evidence if not e.prompt]
    best_shown = max((e.score for e in quotable if e.n <= shown), default=0.0)
    below = max((e for e in quotable if e.n > shown), key=lambda e: e.score, default=None)
    if below is None or not report.answerable or below.score < best_shown + margin:
        return passages, restrict(scorer, report, keep)
    return [*passages, deeper[below.n - shown - 1]], restrict(scorer, report, [*keep, below.n])
