"""Staff operations on the corpus: list, add (URLs, files, uploads), refresh, remove, rebuild."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.services.files import FileDesk, Placement, upload_types
from ingest.catalog import SourceCatalog
from ingest.clock import now_iso
from ingest.fetch.urls import CREDENTIALS_REFUSED, without_userinfo
from ingest.limits import LimitError, Limits
from ingest.load import FILE_SUFFIXES
from ingest.lock import CorpusBusy, ingest_lock
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
        self.files = FileDesk(catalog, self.limits)

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
            with ingest_lock(self.ingestor.config.data_dir, self.state.database):
                self.files.tidy()  # copies an interrupted add left behind
                report = self.ingestor.run(self.catalog.sources(), progress=progress, lock=False)
        except IngestError as exc:
            outcome = "skipped" if isinstance(exc, CorpusBusy) else "failed"
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
        """Add files as sources (kept under the data directory's ``files/``) and ingest them;
        CSV files are directory sources. See :mod:`assistant.services.files`."""
        return self._add_files([(p, str(p.resolve())) for p in paths], fmt, progress)

    def add_upload(self, upload: Path, name: str, progress: Progress | None = None) -> IngestReport:
        """A file uploaded through the app (a temporary name) is kept under its own ``name``;
        uploading that name again updates it."""
        name = Path(name).name
        if Path(name).suffix.lower() not in FILE_SUFFIXES:
            raise IngestError(f"unsupported file type for {name}: use {upload_types()}")
        self.limits.check_upload(upload.stat().st_size, name)
        folder = Path(tempfile.mkdtemp(prefix="paris-health-upload-"))
        try:
            target = folder / name
            shutil.copyfile(upload, target)
            return self._add_files([(target, f"upload:{name}")], None, progress)
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

    def _add_files(
        self,
        files: list[tuple[Path, str]],
        fmt: DirectoryFormat | None,
        progress: Progress | None,
    ) -> IngestReport:
        """Each (path, origin) checked, placed and registered, then ingested, all under the
        ingest lock; a file that fails is taken out again (its copy put back as it was)."""
        admitted: list[tuple[Path, str, bytes]] = []
        failures: list[SourceReport] = []
        for path, origin in files:
            try:
                admitted.append((path, origin, self.files.admit(path)))
            except (IngestError, LimitError) as exc:
                reason = exc.reason if isinstance(exc, IngestError) else str(exc)
                failures.append(SourceReport(source_id_for_file(path), str(path), "failed", reason))
        report = IngestReport()
        if admitted:
            with ingest_lock(self.ingestor.config.data_dir, self.state.database):
                self.files.tidy(keep={p.resolve() for p, _, _ in admitted})
                placed: dict[str, Placement] = {}
                for path, origin, content in admitted:
                    placement = self.files.place(path, content, origin, fmt)
                    placed[placement.source.id] = placement
                sources = [p.source for p in placed.values()]
                report = self.ingestor.run(sources, progress=progress, prune=False, lock=False)
                for item in report.items:
                    placement = placed[item.source_id]
                    if item.status == "failed":
                        self.files.undo(placement)
                    elif placement.renamed_from:
                        item.reason = f"the id {placement.renamed_from!r} is another source's"
        report.items.extend(failures)
        return report
