"""Ingestion: ``load`` (fetch + extract, or read a file) -> ``chunk`` -> ``embed`` -> ``upsert``.

Idempotent and crash-safe by construction:

- chunk ids are derived from the document id and the chunk's content and metadata, so the same
  content always has the same id and is never embedded twice;
- for each source the set of new chunk ids is compared with the ids already in Chroma: only the
  missing ones are embedded and added, then the stale ones deleted (add before delete, so a
  source is never absent from the index);
- a source that fails (fetch, parse, anything) is left exactly as it was in the index;
- sources in the index that the manifest no longer lists are deleted.

Because the state that decides what to do is the index itself, a run killed at any point and
started again converges on the same index as an uninterrupted run.
"""

from __future__ import annotations

import fcntl
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.components.vectorstore import VectorStore
from assistant.settings import Settings
from ingest.chunk import build_splitter, chunk, embedding_text
from ingest.models import Chunk, Document, IngestError, Metadata, Page, Source
from ingest.state import StateStore

Status = Literal["added", "updated", "unchanged", "removed", "failed"]
Progress = Callable[[int, int, str], None]
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DIRECTORY_SUFFIXES = {".csv"}


@dataclass
class SourceReport:
    source_id: str
    location: str
    status: Status
    reason: str = ""
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0


@dataclass
class IngestReport:
    items: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def embedded(self) -> int:
        return sum(item.embedded for item in self.items)

    @property
    def failed(self) -> list[SourceReport]:
        return [item for item in self.items if item.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        counts = ", ".join(
            f"{self.count(s)} {s}" for s in ("added", "updated", "unchanged", "removed", "failed")
        )
        embedded = f"{self.embedded} chunks embedded" if self.embedded else "nothing re-embedded"
        return f"{counts}; {embedded} in {self.seconds:.1f}s"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def base_metadata(source: Source, page: Page | None = None) -> Metadata:
    """Manifest fields win over what the page says about itself; empty values are left out."""
    page = page or Page(text="")
    values: dict[str, object] = {
        "title": source.title or page.title or source.location,
        "type": source.type or ("web-page" if source.kind == "url" else "document"),
        "date": source.date or page.date,
        "language": source.language or page.language,
        "author": page.author,
        "url": source.url or page.url or (source.location if source.kind == "url" else None),
        "source_kind": source.kind,
    }
    return {k: v for k, v in values.items() if isinstance(v, str | int | float | bool) and v != ""}


class Loader:
    """The ``load`` stage: a source becomes documents (fetching and extracting as needed)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetcher: object | None = None

    def fetcher(self) -> Any:
        if self._fetcher is None:
            from ingest.fetch import FetchConfig, Fetcher

            s = self.settings
            self._fetcher = Fetcher(
                FetchConfig(
                    user_agent=s.user_agent,
                    timeout_s=s.fetch_timeout_s,
                    retries=s.fetch_retries,
                    backoff_s=s.fetch_backoff_s,
                    max_bytes=s.fetch_max_bytes,
                    respect_robots=s.respect_robots,
                    snapshots_dir=s.snapshots_dir,
                )
            )
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()  # type: ignore[attr-defined]
            self._fetcher = None

    def load(self, source: Source) -> list[Document]:
        if source.kind == "url":
            return self.load_url(source)
        path = self.resolve(source.location)
        if source.kind == "directory":
            return load_directory(source, path)
        return [load_file(source, path)]

    def resolve(self, location: str) -> Path:
        path = Path(location)
        return path if path.is_absolute() else self.settings.corpus_dir / path

    def load_url(self, source: Source) -> list[Document]:
        from ingest.extract import extract, extract_text_file

        fetcher = self.fetcher()
        if source.sitemap:
            urls = fetcher.sitemap_urls(source.location, source.max_pages)
        elif source.crawl_depth > 0:
            urls = fetcher.crawl(source.location, source.crawl_depth, source.max_pages)
        else:
            urls = [source.location]
        documents = []
        for url in urls:
            result = fetcher.fetch_cached(url)  # a crawled page is not requested twice
            try:
                if result.content_type.startswith("text/plain"):
                    page = extract_text_file(result.content, url)
                else:
                    page = extract(result.content, url=result.url, charset=result.charset)
            except IngestError as exc:
                raise IngestError(f"{url}: {exc.reason}") from exc
            doc_id = source.id if url == source.location else f"{source.id}#{_short(url)}"
            metadata = base_metadata(source, page)
            if url != source.location:
                metadata["title"] = page.title or url
                metadata["url"] = result.url
            documents.append(Document(doc_id, source.id, page.text, metadata))
        if not documents:
            raise IngestError(f"no pages found at {source.location}")
        return documents


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def load_file(source: Source, path: Path) -> Document:
    from ingest.extract import extract, extract_text_file

    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        hint = " (a .csv is a directory source)" if suffix in DIRECTORY_SUFFIXES else ""
        raise IngestError(f"unsupported file type {suffix or '(none)'} for {path.name}{hint}")
    try:
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(f"file not found: {path}") from exc
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror}") from exc
    page = extract_text_file(content, path.name) if suffix in TEXT_SUFFIXES else extract(content)
    if not page.text.strip():
        raise IngestError(f"{path.name} has no text")
    return Document(source.id, source.id, mend_paragraphs(page.text), base_metadata(source, page))


def mend_paragraphs(text: str) -> str:
    """Join a sentence that an extraction cut with a blank line.

    "...Lyon (Lyonbiopole) and Marseille (EuroBioMed)\n\nclusters, we are doing the same..." is
    one sentence: a paragraph that ends without punctuation followed by one that starts in lower
    case.
    """
    return re.sub(r"(?<=[\w)])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[a-z])", " ", text)


def load_directory(source: Source, path: Path) -> list[Document]:
    from ingest.directory import organisations_to_documents, read_organisations

    if not path.exists():
        raise IngestError(f"file not found: {path}")
    organisations = read_organisations(path, source.format)
    if not organisations:
        raise IngestError(f"{path.name} has no organisations")
    documents = []
    for doc in organisations_to_documents(organisations, source.id):
        metadata = {**doc.metadata, "source_kind": "directory"}
        if source.date:
            metadata["date"] = source.date
        documents.append(Document(doc.doc_id, doc.source_id, doc.text, metadata))
    return documents


@contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per data directory (CLI, UI refresh, tests)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / "ingest.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestError(f"another ingest is running on {data_dir}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Ingestor:
    """Runs the stages over the sources of the manifest and reports what changed."""

    def __init__(self, settings: Settings, store: VectorStore, state: StateStore) -> None:
        self.settings = settings
        self.store = store
        self.state = state
        self.splitter = build_splitter(settings.chunk_size, settings.chunk_overlap)

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
            ingest_lock(self.settings.data_dir) if lock else nullcontext()
        )
        loader = Loader(self.settings)
        with guard:
            existing = self.store.ids_by_source()
            wanted = {s.id for s in sources}
            stale = sorted(sid for sid in existing if sid not in wanted) if prune else []
            total = len(sources) + len(stale)
            try:
                for done, source in enumerate(sources):
                    if progress:
                        progress(done, total, source.id)
                    item = self.ingest_source(loader, source, existing.get(source.id, set()))
                    report.items.append(item)
                    self.state.record(
                        source.id,
                        source.location,
                        item.status,
                        item.reason,
                        item.chunks,
                        now_iso(),
                    )
            finally:
                loader.close()
            for done, source_id in enumerate(stale, start=len(sources)):
                if progress:
                    progress(done, total, source_id)
                report.items.append(self.delete_source(source_id, existing[source_id]))
            if progress:
                progress(total, total, "")
            self.store.refresh_version()
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, source_id: str) -> IngestReport:
        """Delete one source's chunks from the index (the manifest is the caller's business)."""
        started = time.perf_counter()
        with ingest_lock(self.settings.data_dir):
            ids = self.store.ids_by_source().get(source_id, set())
            report = IngestReport([self.delete_source(source_id, ids)])
            self.store.refresh_version()
        report.seconds = time.perf_counter() - started
        return report

    def delete_source(self, source_id: str, ids: set[str]) -> SourceReport:
        self.store.delete(ids)
        self.state.forget(source_id)
        return SourceReport(source_id, "", "removed", deleted=len(ids))

    def ingest_source(self, loader: Loader, source: Source, old_ids: set[str]) -> SourceReport:
        try:
            documents = loader.load(source)
            chunks = chunk(documents, self.splitter)
            if not chunks:
                raise IngestError("no text to index")
            new_ids = {c.id for c in chunks}
            to_add = [c for c in chunks if c.id not in old_ids]
            self.upsert(to_add)
            to_delete = old_ids - new_ids
            self.store.delete(to_delete)
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
            source.id, source.location, status, "", len(chunks), len(to_add), len(to_delete)
        )

    def upsert(self, chunks: list[Chunk]) -> None:
        """``embed`` then write: the embedder runs on the new chunks only."""
        if not chunks:
            return
        vectors = self.store.embedder.embed_documents([embedding_text(c) for c in chunks])
        self.store.add(
            [c.id for c in chunks],
            [c.text for c in chunks],
            [c.metadata for c in chunks],
            vectors,
        )
