"""The vector store: one Chroma collection (embedded or a ``chroma run`` server: see
``chroma_client``). The embedding model's id is stored in the collection's metadata; a
different model is refused.

Chroma refuses a ``get`` that returns metadata for more than 32,766 rows (one SQL variable per
row), so every read of many rows goes by pages of ``READ_PAGE``.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ingest.settings import Settings
from ingest.store.chroma_client import ChromaEmbeddingFunction, open_client
from ingest.store.embedder import Embedder

MODEL_KEY = "embedding_model"
VERSION_KEY = "index_version"
WRITE_BATCH = 256
READ_PAGE = 5000  # rows per read: well under Chroma's 32,766
ID_PAGE = 20_000  # ids per read of ids alone (no row read: 50,000 ids in 0.16 s, 0.30 by 5,000)
VERSION_TTL_S = 0.5  # how long a read index version is trusted before it is read again (a
# replica sees a commit elsewhere within it: docs/replicas.md; one request of ~1 ms)


class IncompatibleIndexError(RuntimeError):
    """The index was built with another embedding model."""


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: dict[str, Any]
    score: float = 0.0  # cosine similarity for query results


class VectorStore:
    """The chunks of every source, with their embeddings, in one Chroma collection."""

    def __init__(
        self,
        client: Any,
        name: str,
        embedder: Embedder,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.name = name
        self.embedder = embedder
        self.clock = clock
        self._collection: Any = None
        self._count: tuple[str, int] | None = None  # (version, count): no count() per query
        self._version: tuple[float, str] | None = None  # (read at, version)

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder) -> VectorStore:
        return cls(open_client(settings), settings.collection, embedder)

    @property
    def collection(self) -> Any:
        if self._collection is None:
            collection = self.client.get_or_create_collection(
                self.name,
                embedding_function=ChromaEmbeddingFunction(self.embedder),
                metadata={MODEL_KEY: self.embedder.model_id},
                configuration={"hnsw": {"space": "cosine"}},
            )
            self._check_model(collection)
            self._collection = collection
        return self._collection

    def _check_model(self, collection: Any) -> None:
        stored = (collection.metadata or {}).get(MODEL_KEY)
        if stored and stored != self.embedder.model_id:
            raise IncompatibleIndexError(
                f"the index {self.name!r} was built with embedding model {stored!r}, but the "
                f"settings ask for {self.embedder.model_id!r}; use the same embedder or "
                "rebuild the index with `paris-health ingest --rebuild`"
            )

    # --- writing ---------------------------------------------------------------------------
    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
        embeddings: Sequence[Sequence[float]],
    ) -> None:
        for start in range(0, len(ids), WRITE_BATCH):
            end = start + WRITE_BATCH
            self.collection.upsert(
                ids=list(ids[start:end]),
                documents=list(texts[start:end]),
                metadatas=list(metadatas[start:end]),
                embeddings=[list(v) for v in embeddings[start:end]],
            )

    def delete(self, ids: Iterable[str]) -> None:
        batch = list(ids)
        for start in range(0, len(batch), WRITE_BATCH):
            self.collection.delete(ids=batch[start : start + WRITE_BATCH])

    def reset(self) -> None:
        """Delete the whole collection and create it again with the current embedder."""
        with contextlib.suppress(Exception):  # absent already
            self.client.delete_collection(self.name)
        self._collection, self._count, self._version = None, None, None
        self.collection  # noqa: B018 - recreate with the current embedder

    # --- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        """The number of chunks, counted once per index version."""
        version = self.version
        if self._count is None or self._count[0] != version or not version:
            self._count = (version, int(self.collection.count()))
        return self._count[1]

    def pages(
        self, include: list[str], where: dict[str, Any] | None = None, page: int = READ_PAGE
    ) -> Iterator[dict[str, Any]]:
        """The rows of a ``get``, page by page (Chroma refuses one big read)."""
        offset = 0
        while True:
            result = self.collection.get(
                where=where or None, include=include, limit=page, offset=offset
            )
            if not result["ids"]:
                return
            yield result
            if len(result["ids"]) < page:
                return
            offset += page

    def ids_by_source(self, sources: Collection[str] | None = None) -> dict[str, set[str]]:
        """Chunk ids by source: of every source, or of ``sources`` only (one read each)."""
        by_source: dict[str, set[str]] = {}
        wheres: list[dict[str, Any] | None] = (
            [None] if sources is None else [{"source_id": s} for s in sorted(sources)]
        )
        for where in wheres:
            for result in self.pages(["metadatas"], where):
                for chunk_id, meta in zip(result["ids"], result["metadatas"] or [], strict=False):
                    source = str((meta or {}).get("source_id", ""))
                    by_source.setdefault(source, set()).add(chunk_id)
        return by_source

    def ids(self) -> set[str]:
        """Every chunk id (ids only, page by page: no row is read)."""
        return {i for result in self.pages([], page=ID_PAGE) for i in result["ids"]}

    def chunks(self, where: dict[str, Any] | None = None) -> Iterator[StoredChunk]:
        """Every chunk (or those matching ``where``), read page by page."""
        for result in self.pages(["documents", "metadatas"], where):
            for i, t, m in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=False
            ):
                yield StoredChunk(id=i, text=t or "", metadata=dict(m or {}))

    def get(self, ids: Sequence[str]) -> list[StoredChunk]:
        """The chunks with these ids (in no particular order)."""
        found: list[StoredChunk] = []
        for start in range(0, len(ids), READ_PAGE):
            result = self.collection.get(
                ids=list(ids[start : start + READ_PAGE]), include=["documents", "metadatas"]
            )
            found.extend(
                StoredChunk(id=i, text=t or "", metadata=dict(m or {}))
                for i, t, m in zip(
                    result["ids"],
                    result["documents"] or [],
                    result["metadatas"] or [],
                    strict=False,
                )
            )
        return found

    def search(
        self,
        query: str,
        k: int,
        where: dict[str, Any] | None = None,
        vector: Sequence[float] | None = None,
    ) -> list[StoredChunk]:
        """The ``k`` nearest chunks; ``vector`` is the query's embedding when already known."""
        count = self.count()
        if count == 0:
            return []
        result = self.collection.query(
            query_embeddings=[
                list(vector) if vector is not None else self.embedder.embed_query(query)
            ],
            n_results=min(k, count),
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            StoredChunk(id=i, text=t or "", metadata=dict(m or {}), score=1.0 - float(d))
            for i, t, m, d in zip(
                result["ids"][0],
                (result["documents"] or [[]])[0],
                (result["metadatas"] or [[]])[0],
                (result["distances"] or [[]])[0],
                strict=False,
            )
        ]

    def nearest(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        """The ids and similarities of the ``n`` nearest chunks, without their text or metadata
        (reading those rows is what costs, ~50 µs a row at 100k; the ANN search alone does not)."""
        count = self.count()
        if count == 0 or n <= 0:
            return []
        result = self.collection.query(
            query_embeddings=[list(vector)], n_results=min(n, count), include=["distances"]
        )
        distances = (result["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], distances, strict=True)]

    # --- index version (changes whenever the set of chunks changes) --------------------------
    @property
    def version(self) -> str:
        """The index version, read from the store again once ``VERSION_TTL_S`` has passed: a
        commit by another process (an ingest through the same Chroma server, a rebuild that
        made a new collection) is seen within ``VERSION_TTL_S``, and readers reload what they
        derive."""
        now = self.clock()
        if self._version is None or now - self._version[0] >= VERSION_TTL_S:
            self._version = (
                now,
                str((self._fresh_collection().metadata or {}).get(VERSION_KEY, "")),
            )
        return self._version[1]

    def _fresh_collection(self) -> Any:
        """The collection as the store has it now (its metadata, or a new one by the same name);
        the one held when the store cannot say."""
        if self._collection is None:
            return self.collection
        try:
            fresh = self.client.get_collection(
                self.name, embedding_function=ChromaEmbeddingFunction(self.embedder)
            )
        except Exception:  # noqa: BLE001 - gone mid-rebuild, or the server away: reads will say
            return self._collection
        self._check_model(fresh)  # another process rebuilt it with another embedder
        self._collection = fresh
        return fresh

    def refresh_version(self) -> str:
        """A new version: the set of chunks changed (readers reload what they derive from it)."""
        version = uuid.uuid4().hex[:16]
        meta = dict(self.collection.metadata or {})
        meta.pop("hnsw:space", None)
        meta.update({MODEL_KEY: self.embedder.model_id, VERSION_KEY: version})
        self.collection.modify(metadata=meta)
        self._count = None
        self._version = (self.clock(), version)
        return version
