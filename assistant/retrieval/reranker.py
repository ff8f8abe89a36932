"""The reranker: ``PARIS_HEALTH_RERANKER`` = none (default) | cross-encoder.

A cross-encoder needs local weights (``PARIS_HEALTH_RERANKER_MODEL_PATH``, a sentence-transformers
CrossEncoder directory): nothing is downloaded. It is off by default: the eval decides.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any, Protocol, get_args

from assistant.retrieval.passage import Passage
from ingest.settings import RerankerMode, Settings


class Reranker(Protocol):
    def rerank(self, query: str, passages: list[Passage]) -> list[Passage]: ...


class CrossEncoderReranker:
    def __init__(self, model_path: str) -> None:
        from sentence_transformers import CrossEncoder

        self.model: Any = CrossEncoder(model_path, device="cpu")
        # the app answers several questions at once; a fast tokenizer refuses concurrent calls
        # ("Already borrowed"), as for the embedder
        self._lock = threading.Lock()

    def rerank(self, query: str, passages: list[Passage]) -> list[Passage]:
        if not passages:
            return passages
        pairs = [(query, p.text) for p in passages]
        with self._lock:
            scores = self.model.predict(pairs, show_progress_bar=False)
        rescored = [replace(p, score=float(s)) for p, s in zip(passages, scores, strict=True)]
        return sorted(rescored, key=lambda p: -p.score)


def build_reranker(settings: Settings) -> Reranker | None:
    mode = settings.reranker
    if mode == "none":
        return None
    if mode == "cross-encoder":
        if not settings.reranker_model_path:
            raise ValueError(
                "reranker=cross-encoder needs PARIS_HEALTH_RERANKER_MODEL_PATH "
                "(a local CrossEncoder model directory)"
            )
        return CrossEncoderReranker(settings.reranker_model_path)
    raise ValueError(f"unknown reranker {mode!r}; valid: {', '.join(get_args(RerankerMode))}")
