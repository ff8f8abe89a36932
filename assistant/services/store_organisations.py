"""The directory's organisations for the answers (lists, comparisons, the decline gate): one
passage per organisation, read from the index once per index version."""

from __future__ import annotations

import threading
from typing import Any

from assistant.retrieval.passage import Passage


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
        for chunk in self.store.chunks(where={"type": "organisation"}):  # read page by page
            doc_id = str(chunk.metadata.get("doc_id", chunk.id))
            if doc_id not in passages:  # the first chunk of each organisation
                passages[doc_id] = Passage(chunk.id, chunk.text, chunk.metadata, 0.0)
        return sorted(passages.values(), key=lambda p: str(p.metadata.get("title", "")).lower())
