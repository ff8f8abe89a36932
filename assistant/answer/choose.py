"""Choose the answering sentence: not retrieval's best alone, but the evidence score combined
with how well the sentence fits the kind of answer asked for and how much of the question's
focus (its content words other than the names it is about) it holds."""

from __future__ import annotations

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.questions import answer_type_fits, names_in
from assistant.answer.spans import WHO, answer_span
from assistant.text import tokenize

WINDOW = 0.1  # a sentence this far below the best may still answer better
FOCUS_WEIGHT = 0.15  # all of the focus terms are worth this much score
# a who-question's sentence that names someone the question does not (numbers and dates are
# already typed by the evidence gate)
SPAN_BONUS = 0.1


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


def value(ev: Evidence, question: str, weights: dict[str, float], typed: bool) -> float:
    bonus = SPAN_BONUS if typed and answer_span(question, ev.sentence) else 0.0
    return ev.score + FOCUS_WEIGHT * focus_share(weights, ev.sentence) + bonus


def by_value(
    report: EvidenceReport, fits: list[Evidence], question: str, top: int = 6
) -> list[Evidence]:
    """``fits`` with the sentences close to the best (within ``WINDOW``, among the first
    ``top``, of the kind of answer asked for) reordered by their value; the rest keeps its
    order."""
    if not fits:
        return fits
    best = fits[0].score
    close = [
        e
        for e in fits[:top]
        if best - WINDOW <= e.score <= best and answer_type_fits(question, e.sentence)
    ]
    weights = focus_weights(report, question)
    typed = bool(WHO.search(question))
    close.sort(key=lambda e: -value(e, question, weights, typed))
    return close + [e for e in fits if e not in close]
