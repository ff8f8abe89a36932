"""Who may write a data directory: one ingest at a time (CLI, the app's staff desk, tests), and
no command-line write to an embedded index while ``paris-health serve`` holds it."""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ingest.models import CorpusBusy, IngestError

if TYPE_CHECKING:
    from ingest.database import Database

INGEST_LOCK = "ingest.lock"
SERVE_LOCK = "serve.lock"


def _open(data_dir: Path, name: str) -> IO[str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    return open(data_dir / name, "a")  # noqa: SIM115 - the caller closes it


def _open_if_writable(data_dir: Path, name: str) -> IO[str] | None:
    try:
        return _open(data_dir, name)
    except OSError:
        return None


@contextmanager
def _held(handle: IO[str], operation: int, when_busy: Callable[[], None]) -> Iterator[None]:
    """``operation`` (``LOCK_EX`` or ``LOCK_SH``) on ``handle`` for the block; when another
    process holds the lock, ``when_busy`` runs first: it raises to refuse, or returns to wait."""
    with handle:
        try:
            fcntl.flock(handle, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            when_busy()
            fcntl.flock(handle, operation)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _refuse(message: str) -> Callable[[], None]:
    def refuse() -> None:
        raise CorpusBusy(message)

    return refuse


@contextmanager
def ingest_lock(data_dir: Path, database: Database | None = None) -> Iterator[None]:
    """Hold the data directory's ingest lock, and the writer lock of the shared ``database``
    (every process using it, on any machine: see docs/database.md); refuse at once when
    another run holds either."""
    try:
        handle = _open(data_dir, INGEST_LOCK)
    except OSError as exc:
        raise IngestError(
            f"cannot write to the data directory {data_dir}: {exc.strerror or exc}"
        ) from exc
    with _held(handle, fcntl.LOCK_EX, _refuse(f"another ingest is running on {data_dir}")):
        if database is None:
            yield
            return
        with database.writer_lock(f"another ingest is running on {database.label}"):
            yield


@contextmanager
def serving(data_dir: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Held by ``serve`` while it runs (shared: several may serve one index). An embedded
    Chroma keeps its vector index in the serving process's memory, so a write by another
    process would not be seen there (and two writers could damage it). When a command-line
    write holds the directory, ``waiting`` is called and the server waits for it to finish. A
    read-only data directory is served as it is: nobody can write it."""
    handle = _open_if_writable(data_dir, SERVE_LOCK)
    if handle is None:
        yield
        return
    with _held(handle, fcntl.LOCK_SH, waiting):
        yield


@contextmanager
def not_serving(data_dir: Path) -> Iterator[None]:
    """Held by a command-line write to an embedded index; refused at once while ``serve``
    holds the directory (see :func:`serving`)."""
    handle = _open_if_writable(data_dir, SERVE_LOCK)
    if handle is None:  # read-only: the ingest lock says so in its words
        yield
        return
    busy = _refuse(
        f"paris-health serve is running on {data_dir}, whose embedded index only it may "
        "write: add sources from its staff desk, stop it first, or share the index "
        "through a Chroma server (PARIS_HEALTH_CHROMA_URL)"
    )
    with _held(handle, fcntl.LOCK_EX, busy):
        yield
