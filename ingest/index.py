"""What ingestion needs from the index and the embedder, as protocols.

``ingest/`` declares them; the Chroma store (``assistant/components/vectorstore.py``) and the
embedders implement them. So ingestion depends on no component, and a test can hand it fakes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol


class DocumentEmbedder(Protocol):
    model_id: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


class IndexWriter(Protocol):
    def ids_by_source(self) -> dict[str, set[str]]:
        """Every chunk id in the index, grouped by the source it came from."""
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
