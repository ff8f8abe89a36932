"""Hybrid retrieval: the query embedded once, dense search in Chroma (``dense``: filtered through
the keyword index's filter terms) and BM25 in the keyword index, fused by reciprocal rank fusion.

Nothing is built in the request path: the keyword index is written by ingestion and only
reloaded here when the index version changes; with a shared Chroma server a ``KeywordFollower``
(``follow.py``) first brings it to the chunks another process committed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from assistant.retrieval.dense import dense_search
from assistant.retrieval.follow import KeywordFollower
from assistant.retrieval.glossary import translate_terms
from assistant.retrieval.passage import Passage
from assistant.retrieval.reranker import Reranker, build_reranker
from ingest.settings import Settings
from ingest.store.keyword_index import KeywordIndex
from ingest.store.text import detect_language, tokenize
from ingest.store.vectorstore import VectorStore

RRF_K = 60


def keyword_query(query: str) -> list[str]:
    """BM25 terms over both languages: a French question also searches with its English terms."""
    terms = tokenize(query)
    if detect_language(query) != "fr":
        return terms
    return tokenize(" ".join([*terms, *translate_terms(terms)]))  # as the index was tokenized


class HybridRetriever:
    def __init__(
        self,
        store: VectorStore,
        keyword: KeywordIndex,
        fetch_k: int = 20,
        reranker: Reranker | None = None,
        directory_weight: float = 1.0,
        follower: KeywordFollower | None = None,
    ) -> None:
        self.follower = follower
        self.directory_weight = directory_weight
        self.store = store
        self.keyword = keyword
        self.fetch_k = fetch_k
        self.reranker = reranker
        self._version: str | None = None
        self._lock = threading.Lock()

    def fresh_keyword(self) -> KeywordIndex:
        """The keyword index, reloaded when the index version changed (an ingest committed),
        caught up from the store first when another process wrote it (``follower``)."""
        if self.follower is not None:
            self.follower.follow()
        version = self.store.version
        if version != self._version:
            with self._lock:
                self.keyword.reload()
                self._version = version
        return self.keyword

    def idf(self) -> Mapping[str, float]:
        return self.fresh_keyword().idf()

    def retrieve(
        self, query: str, k: int = 5, filters: dict[str, str] | None = None
    ) -> list[Passage]:
        filters = filters or {}
        keyword = self.fresh_keyword()
        vector = self.store.embedder.embed_query(query)
        dense = dense_search(self.store, keyword, query, vector, self.fetch_k, filters)
        sparse = keyword.search(keyword_query(query), self.fetch_k, filters)
        fused: dict[str, dict[str, Any]] = {}
        for rank, hit in enumerate(dense):
            entry = fused.setdefault(hit.id, {"chunk": hit, "rrf": 0.0, "dense": 0.0, "bm25": 0.0})
            entry["rrf"] += 1.0 / (RRF_K + rank + 1)
            entry["dense"] = hit.score
        for rank, (chunk, score) in enumerate(sparse):
            entry = fused.setdefault(
                chunk.id, {"chunk": chunk, "rrf": 0.0, "dense": 0.0, "bm25": 0.0}
            )
            entry["rrf"] += 1.0 / (RRF_K + rank + 1)
            entry["bm25"] = score
        for entry in fused.values():
            if entry["chunk"].metadata.get("source_kind") == "directory":
                entry["rrf"] *= self.directory_weight
        ranked = sorted(fused.values(), key=lambda e: -e["rrf"])
        passages = [
            Passage(
                e["chunk"].id, e["chunk"].text, e["chunk"].metadata, e["rrf"], e["dense"], e["bm25"]
            )
            for e in ranked
        ]
        if self.reranker is not None:
            passages = self.reranker.rerank(query, passages)
        return passages[:k]


def build_retriever(
    settings: Settings,
    store: VectorStore,
    keyword: KeywordIndex,
    follower: KeywordFollower | None = None,
) -> HybridRetriever:
    return HybridRetriever(
        store,
        keyword,
        fetch_k=settings.fetch_k,
        reranker=build_reranker(settings),
        directory_weight=settings.directory_weight,
        follower=follower,
    )
