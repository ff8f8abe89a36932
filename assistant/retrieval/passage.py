"""``Passage``: a retrieved chunk with its scores, passed from ``retrieve`` to ``compose``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    metadata: dict[str, Any]
    score: float  # fused (RRF) score, or the reranker's
    dense: float = 0.0  # cosine similarity to the query (0 when only BM25 found it)
    bm25: float = 0.0
