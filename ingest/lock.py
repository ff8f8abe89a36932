"""One ingest at a time per data directory (CLI, the app's staff desk, tests)."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest.models import IngestError


@contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's ingest lock; refuse at once when another run holds it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(data_dir / "ingest.lock", "a")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise IngestError(
            f"cannot write to the data directory {data_dir}: {exc.strerror or exc}"
        ) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestError(f"another ingest is running on {data_dir}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
