"""Files entering the corpus: ``ingest --file`` and the staff desk's upload, one way for both.

- **The same checks** (:meth:`FileDesk.admit`): a symbolic link that leads out of its folder, the
  type, the size (``Limits.upload_bytes``), binary content (:mod:`ingest.sniff`) and, for a
  directory file, the rows (``Limits.directory_rows``): one line each, before anything is copied.
- **Ids that never collide** (:meth:`FileDesk.place`): a file is the source it was before when
  it comes from the same place (its path; an upload: its name), is the same file, or has the
  same content; else it is a new source, and a taken id (another file's, a seed source's) gets
  a suffix: ``notes``, ``notes-2``; its copy under ``DATA_DIR/files/`` the same suffix.
- **Copies that a crash cannot strand**: written atomically (:mod:`ingest.atomic`), registered in
  the catalog before they are ingested, and whatever under ``files/`` no source lists (a copy
  whose registration was killed, a temporary file) is deleted by the next ingest
  (:meth:`FileDesk.tidy`), which holds the ingest lock.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
from dataclasses import dataclass
from pathlib import Path

from ingest.atomic import write_atomic
from ingest.catalog import SourceCatalog
from ingest.decode import decode_text
from ingest.directory import detect_format
from ingest.limits import Limits
from ingest.load import DIRECTORY_SUFFIXES, FILE_SUFFIXES
from ingest.manifest import source_id_for_file
from ingest.models import DirectoryFormat, IngestError, Source
from ingest.sniff import refuse_binary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Placement:
    """Where an added file went: its source, and what to undo when it fails to ingest."""

    source: Source
    new: bool  # not in the catalog before: taken out again on failure
    copy: Path | None = None  # the copy written under files/ (None: in place, or unchanged)
    previous: bytes | None = None  # the copy's content before an update: put back on failure
    renamed_from: str = ""  # the id it would have had, when that one was taken


class FileDesk:
    def __init__(self, catalog: SourceCatalog, limits: Limits) -> None:
        self.catalog = catalog
        self.limits = limits

    # --- checks ----------------------------------------------------------------------------
    def admit(self, path: Path) -> bytes:
        """The file's content, or a one-line :class:`IngestError` / ``LimitError``."""
        name = path.name
        if path.is_symlink():
            target = path.resolve()
            if path.parent.resolve() not in target.parents:
                raise IngestError(
                    f"{name} is a symbolic link to {target}, outside its folder: not added "
                    "(copy the file into the folder to add it)"
                )
        if not path.is_file():
            raise IngestError(f"file not found: {path}")
        suffix = path.suffix.lower()
        if suffix not in FILE_SUFFIXES:
            raise IngestError(
                f"unsupported file type {suffix or '(none)'} for {name}: use {upload_types()}"
            )
        self.limits.check_upload(path.stat().st_size, name)
        with path.open("rb") as handle:  # never more than the limit in memory
            content = handle.read(self.limits.upload_bytes + 1)
        self.limits.check_upload(len(content), name)  # it grew since
        refuse_binary(content, name)
        if suffix in DIRECTORY_SUFFIXES:
            self.limits.check_rows(count_rows(content, self.limits.directory_rows + 1), name)
        return content

    # --- where it goes ---------------------------------------------------------------------
    def place(
        self, path: Path, content: bytes, origin: str, fmt: DirectoryFormat | None
    ) -> Placement:
        """The file's source (registered in the catalog) and its copy (written)."""
        sources = self.catalog.sources()
        existing = self._existing(sources, path, content, origin)
        if existing is not None:
            return self._update(existing, content)
        taken = {s.id for s in sources} | {s.id for s in self.catalog.seed()}
        base = source_id_for_file(path)
        source_id, target = self._free(path, base, taken)
        is_directory = path.suffix.lower() in DIRECTORY_SUFFIXES
        copied = target != path.resolve()
        source = Source(
            id=source_id,
            kind="directory" if is_directory else "file",
            location=str(target),
            title=path.stem if is_directory else None,
            type="directory" if is_directory else None,
            format=(fmt or detect_format(path)) if is_directory else "paris-health",
            origin=origin if copied else None,
        )
        if copied:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, content)
        self.catalog.add([source])
        renamed = base if source_id != base else ""
        return Placement(source, True, target if copied else None, renamed_from=renamed)

    def _existing(
        self, sources: list[Source], path: Path, content: bytes, origin: str
    ) -> Source | None:
        files = [s for s in sources if s.kind != "url"]
        resolved = path.resolve()
        named = self._folder(path) / path.name  # a copy made before origins were kept
        for source in files:
            where = self.where(source)
            if where == resolved or source.origin == origin:
                return source
            if source.origin is None and where == named:
                return source
        for source in files:  # the same content: the same source
            where = self.where(source)
            same_size = where.is_file() and where.stat().st_size == len(content)
            if same_size and where.read_bytes() == content:
                return source
        return None

    def _update(self, source: Source, content: bytes) -> Placement:
        where = self.where(source)
        if self.catalog.files_dir.resolve() not in where.parents:
            return Placement(source, False)  # a file in place (the corpus): read where it is
        previous = where.read_bytes() if where.is_file() else None
        if previous == content:
            return Placement(source, False)
        write_atomic(where, content)
        return Placement(source, False, where, previous)

    def _free(self, path: Path, base: str, taken: set[str]) -> tuple[str, Path]:
        """A free id for ``path`` and where it is kept (a copy under files/, unless it is in
        the corpus or files folder already): ``notes`` / ``files/documents/notes.txt``, else
        ``notes-2`` / ``notes-2.txt``, ..."""
        resolved = path.resolve()
        corpus = self.catalog.seed_path.parent.resolve()
        files = self.catalog.files_dir.resolve()
        in_place = corpus in resolved.parents or files in resolved.parents
        folder = self._folder(path)
        for n in itertools.count(1):
            tail = "" if n == 1 else f"-{n}"
            target = resolved if in_place else folder / f"{path.stem}{tail}{path.suffix}"
            if f"{base}{tail}" not in taken and (in_place or not target.exists()):
                return f"{base}{tail}", target
        raise AssertionError("unreachable")

    def _folder(self, path: Path) -> Path:
        """Where a copy of ``path`` goes: ``files/directory/`` (CSV) or ``files/documents/``."""
        kind = "directory" if path.suffix.lower() in DIRECTORY_SUFFIXES else "documents"
        return self.catalog.files_dir.resolve() / kind

    def where(self, source: Source) -> Path:
        """A file source's path (a seed source's location is relative to the corpus)."""
        location = Path(source.location)
        if not location.is_absolute():
            location = self.catalog.seed_path.parent / location
        return location.resolve()

    # --- undo and tidy ---------------------------------------------------------------------
    def undo(self, placement: Placement) -> None:
        """A file that did not ingest does not stay in the corpus, nor change its copy."""
        if placement.new:
            self.catalog.remove(placement.source.id)
            if placement.copy is not None:
                placement.copy.unlink(missing_ok=True)
        elif placement.copy is not None and placement.previous is not None:
            write_atomic(placement.copy, placement.previous)

    def tidy(self, keep: set[Path] | None = None) -> list[Path]:
        """Delete what under ``files/`` no source lists: a copy whose registration a crash
        cut short, a temporary file of an interrupted write. Run under the ingest lock."""
        folder = self.catalog.files_dir
        if not folder.is_dir():
            return []
        used = {self.where(s) for s in self.catalog.sources() if s.kind != "url"} | (keep or set())
        stray = [p for p in folder.rglob("*") if p.is_file() and p.resolve() not in used]
        for path in stray:
            path.unlink(missing_ok=True)
            log.warning("deleted %s: a copy no source lists (an interrupted add)", path)
        return stray


def count_rows(content: bytes, stop: int) -> int:
    """The rows of a CSV file under its header line, counted up to ``stop``."""
    reader = csv.reader(io.StringIO(decode_text(content), newline=""))
    return max(0, sum(1 for _ in itertools.islice(reader, stop + 1)) - 1)


def upload_types() -> str:
    return ", ".join(sorted(FILE_SUFFIXES))
