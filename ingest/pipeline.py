"""Ingestion: ``load`` (fetch + extract, or read a file) -> ``chunk`` -> ``embed`` -> ``upsert``.

Idempotent and crash-safe by construction:

- chunk ids are derived from the document id and the chunk's content and metadata, so the same
  content always has the same id and is never embedded twice;
- for each source the set of new chunk ids is compared with the ids already in the index: only
  the missing ones are embedded and added, then the stale ones deleted (add before delete, so a
  source is never absent from the index);
- a source that fails (fetch, parse, anything) is left exactly as it was in the index;
- sources in the index that the manifest no longer lists are deleted;
- the keyword index is written in the same step, diffed against its own ids (so a source is
  re-added to it if a run died before its commit), and committed before the version changes.

Because the state that decides what to do is each index itself, a run killed at any point and
started again converges on the same indexes as an uninterrupted run.

Ingestion calls the store directly (``ingest/store/``): the embedder, the vector store
(Chroma), the keyword index (tantivy) and, with ``sentence_vectors_at_ingest``, the sentence cache,
which embeds the new chunks' sentences the answer stage scores. Each index reports its own chunk
ids per source, and the pipeline diffs every index against its own state.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunk import build_splitter, chunk, embedding_text
from ingest.clock import now_iso
from ingest.load import Loader, own_title
from ingest.lock import ingest_lock
from ingest.models import Chunk, IngestError, Source
from ingest.report import IngestReport, Progress, SourceReport, Status
from ingest.state import StateStore
from ingest.store.embedder import Embedder
from ingest.store.embedding_cache import SentenceCache
from ingest.store.keyword_index import KeywordIndex
from ingest.store.vectorstore import VectorStore

if TYPE_CHECKING:
    from ingest.fetch import FetchConfig, Fetcher


@dataclass(frozen=True)
class IngestConfig:
    """What the pipeline needs from the settings (built by the container)."""

    corpus_dir: Path
    data_dir: Path  # holds the ingest lock
    chunk_size: int
    chunk_overlap: int
    fetch: FetchConfig


class Ingestor:
    """Runs the stages over the sources of the manifest and reports what changed."""

    def __init__(
        self,
        config: IngestConfig,
        index: VectorStore,
        embedder: Embedder,
        state: StateStore,
        fetcher_factory: Callable[[], Fetcher] | None = None,
        keyword: KeywordIndex | None = None,
        sentences: SentenceCache | None = None,
    ) -> None:
        self.config = config
        self.sentences = sentences  # embeds the added chunks' sentences ahead of the questions
        self.index = index
        self.keyword = keyword
        self._changed = False
        self.embedder = embedder
        self.state = state
        self.splitter = build_splitter(config.chunk_size, config.chunk_overlap)
        self.fetcher_factory = fetcher_factory or self._default_fetcher

    def _default_fetcher(self) -> Fetcher:
        from ingest.fetch import Fetcher

        return Fetcher(self.config.fetch)

    def run(
        self,
        sources: list[Source],
        *,
        progress: Progress | None = None,
        prune: bool = True,
        lock: bool = True,
    ) -> IngestReport:
        """Ingest ``sources``; with ``prune``, delete indexed sources not among them."""
        started = time.perf_counter()
        report = IngestReport()
        guard: AbstractContextManager[None] = (
            ingest_lock(self.config.data_dir, self.state.database) if lock else nullcontext()
        )
        with guard:
            self._changed = False
            wanted = {s.id for s in sources}
            scope = None if prune else wanted  # without pruning, only these sources are read
            existing = self.index.ids_by_source(scope)
            in_keyword = self.keyword.ids_by_source(scope) if self.keyword else {}
            known = set(existing) | set(in_keyword)
            stale = sorted(sid for sid in known if sid not in wanted) if prune else []
            total = len(sources) + len(stale)
            self._ingest_all(sources, (existing, in_keyword), report, progress, total)
            for done, source_id in enumerate(stale, start=len(sources)):
                if progress:
                    progress(done, total, source_id)
                ids = existing.get(source_id, set()) | in_keyword.get(source_id, set())
                report.items.append(self.delete_source(source_id, ids))
            if progress:
                progress(total, total, "")
            self._finish()
        report.seconds = time.perf_counter() - started
        return report

    def _finish(self) -> None:
        """Commit the keyword index, then give the indexes a new version if anything changed."""
        if self.keyword is not None:
            self.keyword.commit()
        if self._changed:
            self.index.refresh_version()

    def _ingest_all(
        self,
        sources: list[Source],
        existing: tuple[dict[str, set[str]], dict[str, set[str]]],
        report: IngestReport,
        progress: Progress | None,
        total: int,
    ) -> None:
        loader = Loader(self.config.corpus_dir, self.fetcher_factory)
        vector_ids, keyword_ids = existing
        try:
            for done, source in enumerate(sources):
                if progress:
                    progress(done, total, source.id)
                item = self.ingest_source(
                    loader,
                    source,
                    vector_ids.get(source.id, set()),
                    keyword_ids.get(source.id, set()) if self.keyword else None,
                )
                report.items.append(item)
                reason = item.reason or item.note
                self.state.record(
                    source.id,
                    source.location,
                    item.status,
                    reason,
                    item.chunks,
                    now_iso(),
                    title=item.title,
                )
        finally:
            loader.close()

    def remove(self, source_id: str) -> IngestReport:
        """Delete one source's chunks from the index (the manifest is the caller's business)."""
        started = time.perf_counter()
        with ingest_lock(self.config.data_dir, self.state.database):
            self._changed = False
            ids = self.index.ids_by_source({source_id}).get(source_id, set())
            if self.keyword is not None:
                ids |= self.keyword.ids_by_source({source_id}).get(source_id, set())
            report = IngestReport([self.delete_source(source_id, ids)])
            self._finish()
        report.seconds = time.perf_counter() - started
        return report

    def delete_source(self, source_id: str, ids: set[str]) -> SourceReport:
        self.index.delete(ids)
        if self.keyword is not None:
            self.keyword.delete(ids)
        self._changed = self._changed or bool(ids)
        self.state.forget(source_id)
        return SourceReport(source_id, "", "removed", deleted=len(ids))

    def ingest_source(
        self,
        loader: Loader,
        source: Source,
        old_ids: set[str],
        keyword_ids: set[str] | None = None,
    ) -> SourceReport:
        try:
            documents = loader.load(source)
            chunks = chunk(documents, self.splitter)
            if not chunks:
                raise IngestError("no text to index")
            new_ids = {c.id for c in chunks}
            to_add = [c for c in chunks if c.id not in old_ids]
            self.upsert(to_add)
            to_delete = old_ids - new_ids
            self.index.delete(to_delete)
            self._changed = self._changed or bool(to_add or to_delete)
            if keyword_ids is not None:
                self.update_keyword(chunks, keyword_ids)
        except IngestError as exc:
            return SourceReport(source.id, source.location, "failed", exc.reason)
        except Exception as exc:  # noqa: BLE001 - one bad source must not stop the run
            reason = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
            return SourceReport(source.id, source.location, "failed", reason)
        if not old_ids:
            status: Status = "added"
        elif to_add or to_delete:
            status = "updated"
        else:
            status = "unchanged"
        return SourceReport(
            source.id,
            source.location,
            status,
            "",
            len(chunks),
            len(to_add),
            len(to_delete),
            note=loader.note,
            title=own_title(source, documents),
        )

    def update_keyword(self, chunks: list[Chunk], old_ids: set[str]) -> None:
        """Bring the keyword index's chunks of a source to ``chunks`` (committed with the run)."""
        assert self.keyword is not None
        missing = [c for c in chunks if c.id not in old_ids]
        stale = old_ids - {c.id for c in chunks}
        if missing:
            self.keyword.add(
                [c.id for c in missing], [c.text for c in missing], [c.metadata for c in missing]
            )
        self.keyword.delete(stale)
        self._changed = self._changed or bool(missing or stale)

    def upsert(self, chunks: list[Chunk]) -> None:
        """``embed`` then write: the embedder runs on the new chunks only."""
        if not chunks:
            return
        vectors = self.embedder.embed_documents([embedding_text(c) for c in chunks])
        self.index.add(
            [c.id for c in chunks],
            [c.text for c in chunks],
            [c.metadata for c in chunks],
            vectors,
        )
        if self.sentences is not None:
            self.sentences.embed_passages([c.text for c in chunks])
