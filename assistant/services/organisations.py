"""The directory's organisations for the answers (lists, comparisons, the decline gate): one
passage per organisation, read from the index once per index version."""

from __future__ import annotations

import threading
from typing import Any

from assistant.passage import Passage

PAGE = 5000  # Chroma refuses a get of more than 32,766 rows with metadata: page it


class StoreOrganisations:
    """An :class:`assistant.answer.organisations.OrganisationSource` over the vector store."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._version: str | None = None
        self._passages: list[Passage] = []
        self._lock = threading.Lock()

    def organisation_passages(self) -> list[Passage]:
        version = str(self.store.version)
        with self._lock:
            if self._version != version:
                self._passages = self._read()
                self._version = version
            return self._passages

    def _read(self) -> list[Passage]:
        passages: dict[str, Passage] = {}
        offset = 0
        while True:
            page = self.store.collection.get(
                where={"type": "organisation"},
                include=["documents", "metadatas"],
                limit=PAGE,
                offset=offset,
            )
            ids = page["ids"]
            for chunk_id, text, meta in zip(
                ids, page["documents"] or [], page["metadatas"] or [], strict=False
            ):
                meta = dict(meta or {})
                doc_id = str(meta.get("doc_id", chunk_id))
                if doc_id not in passages:  # the first chunk of each organisation
                    passages[doc_id] = Passage(chunk_id, text or "", meta, 0.0)
            if len(ids) < PAGE:
                break
            offset += PAGE
        return sorted(passages.values(), key=lambda p: str(p.metadata.get("title", "")).lower())
