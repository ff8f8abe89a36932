"""Fit the sentence model on labelled (question, sentence) pairs: scikit-learn's logistic
regression (balanced classes), then the decline threshold that best separates the answerable
questions' best sentences from the unanswerable ones'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.features import FEATURES
from assistant.answer.sentence_model import SentenceModel


@dataclass(frozen=True)
class Labelled:
    """The candidate sentences of one question: their features and which of them answer."""

    question: str
    answerable: bool
    rows: list[list[float]]
    labels: list[int]  # 1: the sentence holds the answer
    generated: bool = False  # made from the directory: not used to choose the threshold
    gated: bool = True  # False: declined whatever the gate; not used to choose the threshold


def fit(
    questions: Sequence[Labelled], regularisation: float = 1.0, note: str = ""
) -> SentenceModel:
    """The model fitted on every pair, and its threshold on the questions."""
    from sklearn.linear_model import LogisticRegression

    rows = [row for q in questions for row in q.rows]
    labels = [label for q in questions for label in q.labels]
    if len(set(labels)) < 2:
        raise ValueError("fitting needs sentences that answer and sentences that do not")
    regression = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=1000)
    regression.fit(rows, labels)
    model = SentenceModel(
        weights=tuple(float(w) for w in regression.coef_[0]),
        intercept=float(regression.intercept_[0]),
        threshold=0.5,
        features=FEATURES,
        fitted_on=note,
    )
    threshold = choose_threshold(model, [q for q in questions if q.gated and not q.generated])
    return SentenceModel(model.weights, model.intercept, threshold, FEATURES, note)


def choose_threshold(model: SentenceModel, questions: Sequence[Labelled]) -> float:
    """The probability the best sentence must reach: the one with the best balanced accuracy
    (share of answerable questions answered plus share of unanswerable ones declined), the
    lowest of equals."""
    best = [
        (max((model.probability(r) for r in q.rows), default=0.0), q.answerable) for q in questions
    ]
    answerable = [p for p, a in best if a]
    unanswerable = [p for p, a in best if not a]
    if not answerable or not unanswerable:
        return 0.5
    candidates = sorted({p for p, _ in best})

    def balanced(t: float) -> float:
        answered = sum(p >= t for p in answerable) / len(answerable)
        declined = sum(p < t for p in unanswerable) / len(unanswerable)
        return answered + declined

    top = max(balanced(t) for t in candidates)
    chosen = [t for t in candidates if balanced(t) == top]
    # midway between the chosen best probability and the next lower one: a margin both ways
    lower = [p for p in candidates if p < chosen[0]]
    return (chosen[0] + lower[-1]) / 2 if lower else chosen[0]
