"""The keyword-search baseline: rank-bm25, as the keyword index was before tantivy (every chunk
scored in Python per query, then a full sort)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ingest.store.embedder import missing_extra
from ingest.store.text import tokenize
from ingest.store.vectorstore import StoredChunk


def bm25_okapi() -> Any:
    """rank-bm25's ``BM25Okapi``, from the ``bench`` extra (a clear error without it)."""
    try:
        from rank_bm25 import BM25Okapi
    except ImportError as exc:
        raise missing_extra("rank-bm25", "bench") from exc
    return BM25Okapi


class RankBM25:
    def __init__(self, chunks: Sequence[StoredChunk]) -> None:
        BM25Okapi = bm25_okapi()
        self.chunks = list(chunks)
        corpus = [tokenize(f"{c.metadata.get('title', '')} {c.text}") or ["_"] for c in chunks]
        self.bm25 = BM25Okapi(corpus) if corpus else None

    def search(self, terms: list[str], k: int) -> list[tuple[StoredChunk, float]]:
        if self.bm25 is None or not terms:
            return []
        scores = self.bm25.get_scores(terms)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        return [(self.chunks[i], float(scores[i])) for i in ranked[:k] if scores[i] > 0]
