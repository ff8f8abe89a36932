"""Staff operations on the corpus: list, add (URLs, files, uploads), refresh, remove, rebuild."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.limits import Limits
from ingest.catalog import SourceCatalog
from ingest.clock import now_iso
from ingest.directory import detect_format
from ingest.fetch.urls import CREDENTIALS_REFUSED, without_userinfo
from ingest.load import DIRECTORY_SUFFIXES, FILE_SUFFIXES
from ingest.manifest import source_id_for_file, source_id_for_url
from ingest.models import DirectoryFormat, IngestError, Source
from ingest.pipeline import Ingestor
from ingest.report import IngestReport, Progress, SourceReport
from ingest.state import RefreshRun, SourceState, StateStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceRow:
    source: Source
    state: SourceState | None
    seed: bool = False  # listed in the tracked corpus/sources.yaml

    @property
    def status(self) -> str:
        return self.state.status if self.state else "never ingested"

    @property
    def last_fetch(self) -> str:
        return self.state.last_fetch if self.state else ""


class CorpusService:
    """Staff operations on the corpus; ``index_size`` and ``drop_index`` come from the store."""

    def __init__(
        self,
        catalog: SourceCatalog,
        ingestor: Callable[[], Ingestor],
        state: StateStore,
        index_size: Callable[[], int],
        drop_index: Callable[[], None],
        keyword_size: Callable[[], int] | None = None,
        *,
        limits: Limits | None = None,
        public_ingestor: Callable[[], Ingestor] | None = None,
    ) -> None:
        """The ingestors are built on first use: listing the sources opens no index (Chroma
        writes when it opens, which a full disk refuses)."""
        self.keyword_size = keyword_size
        self.catalog = catalog
        self._ingestor = ingestor
        self.state = state
        self.index_size = index_size
        self.drop_index = drop_index
        self.limits = limits or Limits()
        # the staff desk's: fetches public addresses only (see ingest/fetch/guard.py)
        self._public_ingestor = public_ingestor or ingestor

    @property
    def ingestor(self) -> Ingestor:
        return self._ingestor()

    @property
    def public_ingestor(self) -> Ingestor:
        return self._public_ingestor()

    def sources(self) -> list[SourceRow]:
        states = self.state.all()
        seed = {s.id for s in self.catalog.seed()}
        return [SourceRow(s, states.get(s.id), s.id in seed) for s in self.catalog.sources()]

    def refresh(self, progress: Progress | None = None, trigger: str = "manual") -> IngestReport:
        """Ingest every source of the catalog; delete indexed sources it no longer lists. The
        run is kept in the refresh history (:meth:`history`) with ``trigger``; a refresh
        refused because another ingest holds the lock is kept as ``skipped``."""
        started = now_iso()
        try:
            report = self.ingestor.run(self.catalog.sources(), progress=progress)
        except IngestError as exc:
            outcome = "skipped" if "another ingest" in exc.reason else "failed"
            self._keep_run(RefreshRun(started, trigger, outcome, exc.reason, ""))
            raise
        changes = "; ".join(
            f"{i.source_id} {i.status}" + (f" ({i.reason})" if i.reason else "")
            for i in report.items
            if i.status != "unchanged"
        )
        outcome = "ok" if report.ok else "failed"
        self._keep_run(RefreshRun(started, trigger, outcome, report.summary(), changes))
        return report

    def history(self, limit: int = 20) -> list[RefreshRun]:
        """The latest refreshes (manual, scheduled, CLI), newest first."""
        return self.state.runs(limit)

    def _keep_run(self, run: RefreshRun) -> None:
        try:
            self.state.record_run(run)
        except sqlite3.Error as exc:  # a read-only or full data directory: the report stands
            log.warning("refresh history not saved: %s", exc)

    def rebuild(self, progress: Progress | None = None) -> IngestReport:
        """Drop the index and build it again from the catalog (after changing the embedder)."""
        self.drop_index()
        return self.refresh(progress)

    def ensure_index(
        self, progress: Progress | None = None, notify: Callable[[str], None] | None = None
    ) -> IngestReport | None:
        """Build the index from the corpus when it is empty; None when there was one.

        An index built before the keyword index existed gets it filled by a refresh (the chunks
        are already embedded: nothing is embedded again)."""
        if self.index_size() > 0:
            if self.keyword_size is None or self.keyword_size() > 0:
                return None
            message = "The keyword index is empty: filling it from the corpus first..."
        else:
            message = "The index is empty: building it from the corpus first..."
        if notify:
            notify(message)
        report = self.refresh(progress)
        if notify:
            notify(report.summary())
        return report

    def add_urls(
        self,
        urls: list[str],
        *,
        crawl_depth: int = 0,
        max_pages: int = 20,
        sitemap: bool = False,
        progress: Progress | None = None,
        public_only: bool = False,
    ) -> IngestReport:
        """Add URL sources. ``public_only`` (the staff desk): refuse loopback, private,
        link-local and metadata addresses, on every redirect too, unless the settings allow
        private URLs."""
        self.limits.check_crawl_pages(max_pages)
        refused = [  # never fetched, stored or shown with its password
            SourceReport(
                source_id_for_url(bare), bare, "failed", CREDENTIALS_REFUSED.format(url=bare)
            )
            for bare in (without_userinfo(url) for url in urls if without_userinfo(url) != url)
        ]
        sources = [
            Source(
                id=source_id_for_url(url),
                kind="url",
                location=url,
                crawl_depth=crawl_depth,
                max_pages=max_pages,
                sitemap=sitemap,
            )
            for url in urls
            if without_userinfo(url) == url
        ]
        ingestor = self.public_ingestor if public_only else None
        report = self._add(sources, progress, ingestor) if sources else IngestReport()
        report.items.extend(refused)
        return report

    def add_files(
        self,
        paths: list[Path],
        *,
        fmt: DirectoryFormat | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Copy files into the data directory and ingest them; CSV files are directory sources."""
        sources: list[Source] = []
        copies: dict[str, Path] = {}
        failures: list[SourceReport] = []
        for path in paths:
            try:
                source, copy = self._file_source(path, fmt)
            except IngestError as exc:
                failures.append(
                    SourceReport(source_id_for_file(path), str(path), "failed", exc.reason)
                )
                continue
            sources.append(source)
            if copy is not None:
                copies[source.id] = copy
        report = self._add(sources, progress) if sources else IngestReport()
        for item in report.failed:  # a file that did not ingest does not stay in the corpus
            if item.source_id in copies:
                copies[item.source_id].unlink(missing_ok=True)
        report.items.extend(failures)
        return report

    def add_upload(self, upload: Path, name: str, progress: Progress | None = None) -> IngestReport:
        """A file uploaded through the app (a temporary name) is kept under its own ``name``."""
        name = Path(name).name
        if Path(name).suffix.lower() not in FILE_SUFFIXES:
            raise IngestError(f"unsupported file type for {name}: use {upload_types()}")
        self.limits.check_upload(upload.stat().st_size, name)
        folder = Path(tempfile.mkdtemp(prefix="paris-health-upload-"))
        try:
            target = folder / name
            shutil.copyfile(upload, target)
            return self.add_files([target], progress=progress)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def remove(self, source_id: str, *, force: bool = False) -> IngestReport:
        """Take a source out of the catalog and its chunks out of the index."""
        removed = self.catalog.remove(source_id, force=force)
        report = self.ingestor.remove(source_id)
        files = self.catalog.files_dir.resolve()
        location = Path(removed.location)
        if removed.kind != "url" and files in location.resolve().parents:
            location.unlink(missing_ok=True)  # a copy the catalog made; the seed corpus is kept
        return report

    # --- helpers ---------------------------------------------------------------------------
    def _add(
        self, sources: list[Source], progress: Progress | None, ingestor: Ingestor | None = None
    ) -> IngestReport:
        report = (ingestor or self.ingestor).run(sources, progress=progress, prune=False)
        ok = {item.source_id for item in report.items if item.status != "failed"}
        self.catalog.add([s for s in sources if s.id in ok])
        return report

    def _file_source(self, path: Path, fmt: DirectoryFormat | None) -> tuple[Source, Path | None]:
        """The catalog entry for a file, and the copy made in the data directory (if any)."""
        if not path.is_file():
            raise IngestError(f"file not found: {path}")
        suffix = path.suffix.lower()
        if suffix not in FILE_SUFFIXES:
            raise IngestError(
                f"unsupported file type {suffix or '(none)'} for {path.name}: use {upload_types()}"
            )
        is_directory = suffix in DIRECTORY_SUFFIXES
        location, copy = self._keep(path, "directory" if is_directory else "documents")
        source_id = source_id_for_file(path)
        if is_directory:
            source = Source(
                id=source_id,
                kind="directory",
                location=location,
                title=path.stem,
                type="directory",
                format=fmt or detect_format(path),
            )
        else:
            source = Source(id=source_id, kind="file", location=location)
        return source, copy

    def _keep(self, path: Path, folder: str) -> tuple[str, Path | None]:
        """Where the catalog finds the file: in place when it is in a corpus or files folder,
        else a copy under the data directory's ``files/``. Returns (location, copy made)."""
        resolved = path.resolve()
        corpus = self.catalog.seed_path.parent.resolve()
        if corpus in resolved.parents:
            return str(resolved), None
        target = self.catalog.files_dir / folder / path.name
        if target.resolve() == resolved:
            return str(target.resolve()), None
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise IngestError(f"{target.name} was already added with other content")
        if target.exists():
            return str(target.resolve()), None
        shutil.copyfile(path, target)
        return str(target.resolve()), target


def upload_types() -> str:
    return ", ".join(sorted(FILE_SUFFIXES))
