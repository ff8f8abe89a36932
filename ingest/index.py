"""What ingestion needs from the indexes and the embedder, as protocols.

``ingest/`` declares them; the Chroma store (``assistant/store/vectorstore.py``), the keyword
index (``assistant/store/keyword_index.py``) and the embedders implement them. So ingestion
depends on no component, and a test can hand it fakes.

Each index reports its own chunk ids per source, and the pipeline diffs every index against its
own state: a run killed between two writes leaves each index at some state it can be brought from,
so the next run converges both on the same chunks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any, Protocol


class DocumentEmbedder(Protocol):
    model_id: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


class IndexWriter(Protocol):
    def ids_by_source(self, sources: Collection[str] | None = None) -> dict[str, set[str]]:
        """The chunk ids in the index, grouped by source (every source, or only ``sources``)."""
        ...

    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
        embeddings: Sequence[Sequence[float]],
    ) -> None: ...

    def delete(self, ids: Iterable[str]) -> None: ...

    def refresh_version(self) -> str:
        """Record that the set of chunks changed; returns the new index version."""
        ...


class KeywordWriter(Protocol):
    """The keyword (inverted) index, written in the same ingest step as the vector index."""

    def ids_by_source(self, sources: Collection[str] | None = None) -> dict[str, set[str]]: ...

    def add(
        self, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]
    ) -> None:
        """Add (or replace) chunks by id; visible once committed."""
        ...

    def delete(self, ids: Iterable[str]) -> None: ...

    def commit(self) -> None:
        """Make every change so far durable and visible, all or nothing."""
        ...
