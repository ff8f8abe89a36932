"""``retrieve``: dense search in Chroma fused with BM25 by reciprocal rank fusion.

The BM25 index is built once per index version (it changes whenever an ingest changes the set of
chunks), kept in memory and pickled under the data directory, never rebuilt per query.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.components.reranker import Reranker, build_reranker
from assistant.components.vectorstore import StoredChunk, VectorStore
from assistant.glossary import translate_terms
from assistant.passage import Passage
from assistant.settings import Settings
from assistant.text import TOKENIZER_VERSION, detect_language, tokenize
from ingest.atomic import write_atomic
from ingest.text import slugify

RRF_K = 60
FILTER_KEYS = ("type", "kind", "city", "domain", "language", "source_id")


def parse_filters(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["kind=cluster", "city=Paris"]`` -> a filter dict; bad keys give a clear error."""
    filters: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ValueError(f"a filter is key=value, got {pair!r}")
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}; valid: {', '.join(FILTER_KEYS)}")
        filters[key] = value
    return filters


def chroma_where(filters: dict[str, str]) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    for key, value in filters.items():
        if key == "domain":
            clauses.append({f"domain_{slugify(value)}": True})
        else:
            clauses.append({key: value})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(metadata: dict[str, Any], filters: dict[str, str]) -> bool:
    for key, value in filters.items():
        if key == "domain":
            if metadata.get(f"domain_{slugify(value)}") is not True:
                return False
        elif str(metadata.get(key, "")) != value:
            return False
    return True


@dataclass
class BM25Index:
    version: str
    chunks: list[StoredChunk]
    bm25: Any = field(repr=False, default=None)

    @classmethod
    def build(cls, version: str, chunks: list[StoredChunk]) -> BM25Index:
        from rank_bm25 import BM25Okapi

        corpus = [tokenize(f"{c.metadata.get('title', '')} {c.text}") or ["_"] for c in chunks]
        return cls(version, chunks, BM25Okapi(corpus) if chunks else None)

    @property
    def idf(self) -> dict[str, float]:
        return self.bm25.idf if self.bm25 is not None else {}

    def search(
        self, query: str, k: int, keep: Callable[[dict[str, Any]], bool]
    ) -> list[tuple[StoredChunk, float]]:
        terms = tokenize(query)
        if self.bm25 is None or not terms:
            return []
        scores = self.bm25.get_scores(terms)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        hits = []
        for i in ranked:
            if scores[i] <= 0:
                break
            if keep(self.chunks[i].metadata):
                hits.append((self.chunks[i], float(scores[i])))
                if len(hits) >= k:
                    break
        return hits


class BM25Cache:
    """One BM25 index per index version: in memory, and pickled under the data directory."""

    def __init__(self, store: VectorStore, folder: Path | None) -> None:
        self.store = store
        self.folder = folder
        self._index: BM25Index | None = None
        self._lock = threading.Lock()
        self.builds = 0  # how many times an index was built (observable in tests and benches)

    def get(self) -> BM25Index:
        version = self.store.version
        with self._lock:
            if self._index is not None and self._index.version == version:
                return self._index
            index = self._load(version)
            if index is None:
                index = BM25Index.build(version, self.store.all_chunks())
                self.builds += 1
                self._save(index)
            self._index = index
            return index

    def _path(self, version: str) -> Path | None:
        if self.folder is None or not version:
            return None
        return self.folder / f"bm25-{self.store.name}-{version}-t{TOKENIZER_VERSION}.pkl"

    def _load(self, version: str) -> BM25Index | None:
        path = self._path(version)
        if path is None or not path.exists():
            return None
        try:
            with path.open("rb") as handle:
                index = pickle.load(handle)
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt
            return None
        return index if isinstance(index, BM25Index) and index.version == version else None

    def _save(self, index: BM25Index) -> None:
        path = self._path(index.version)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"bm25-{self.store.name}-*.pkl"):
            old.unlink(missing_ok=True)
        write_atomic(path, pickle.dumps(index))


def keyword_query(query: str) -> str:
    """BM25 over both languages: a French question also searches with its English terms."""
    if detect_language(query) != "fr":
        return query
    terms = tokenize(query)
    return " ".join([*terms, *translate_terms(terms)])


class HybridRetriever:
    def __init__(
        self,
        store: VectorStore,
        bm25: BM25Cache,
        fetch_k: int = 20,
        reranker: Reranker | None = None,
        directory_weight: float = 1.0,
    ) -> None:
        self.directory_weight = directory_weight
        self.store = store
        self.bm25 = bm25
        self.fetch_k = fetch_k
        self.reranker = reranker

    def retrieve(
        self, query: str, k: int = 5, filters: dict[str, str] | None = None
    ) -> list[Passage]:
        filters = filters or {}
        dense = self.store.search(query, self.fetch_k, chroma_where(filters))
        sparse = self.bm25.get().search(
            keyword_query(query), self.fetch_k, lambda m: matches(m, filters)
        )
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


def build_retriever(settings: Settings, store: VectorStore) -> HybridRetriever:
    return HybridRetriever(
        store,
        BM25Cache(store, settings.data_dir / "cache"),
        fetch_k=settings.fetch_k,
        reranker=build_reranker(settings),
        directory_weight=settings.directory_weight,
    )
