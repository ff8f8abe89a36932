"""The sentence model: a logistic regression over the features of ``features.py`` that gives
each (question, sentence) pair the probability that the sentence answers the question. Its
weights are fitted (``assistant/app/fit.py``, ``paris-health fit``) on labelled pairs, not set by
hand, and ship as ``sentence_model.json`` beside this file; loading it is reading a small JSON
file.

``threshold`` is the decline gate: a question is answered when its best sentence's probability
reaches it (chosen at fit time for the best balance of answers and declines).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.answer.features import FEATURES

MODEL_PATH = Path(__file__).with_name("sentence_model.json")


@dataclass(frozen=True)
class SentenceModel:
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    features: tuple[str, ...] = FEATURES
    fitted_on: str = ""  # what it was fitted on, for the record

    def probability(self, values: Sequence[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SentenceModel:
        raw = json.loads(path.read_text(encoding="utf-8"))
        model = cls(
            weights=tuple(float(w) for w in raw["weights"]),
            intercept=float(raw["intercept"]),
            threshold=float(raw["threshold"]),
            features=tuple(raw["features"]),
            fitted_on=str(raw.get("fitted_on", "")),
        )
        if model.features != FEATURES:
            raise ValueError(
                f"{path.name} was fitted on other features ({', '.join(model.features)}): "
                "fit it again with `paris-health fit`"
            )
        return model


def combined(scores: Sequence[float], points: int = 1) -> float:
    """The probability that one of the best ``points`` sentences answers, from their scores
    (read as independent signals: 1 - the product of their chances of not answering)."""
    missing = 1.0
    for score in scores[:points]:
        missing *= 1.0 - score
    return 1.0 - missing if scores else 0.0
