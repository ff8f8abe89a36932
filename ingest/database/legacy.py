"""The SQLite files of older versions in a data directory, copied into the database once.

``state.sqlite`` (source state, refresh history) and ``feedback.sqlite`` (votes) each lived in
the data directory. When the database opens, each such file is read and its rows copied (the
source state the database already has wins; votes and runs are appended), in one transaction
that also records the file's name and digest in ``legacy_imports``, so that it is never copied
twice; the file is then renamed ``*.imported`` (kept: nothing is deleted).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from ingest.clock import now_iso
from ingest.database.core import Database
from ingest.database.tables import feedback, legacy_imports, refresh_runs, source_state

STATE_FILE = "state.sqlite"
FEEDBACK_FILE = "feedback.sqlite"


def _rows(path: Path, table: str, order: str) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        have = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,))
        if have.fetchone() is None:
            return []
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def _copy_state(conn: Connection, path: Path) -> None:
    known = set(conn.execute(select(source_state.c.source_id)).scalars())
    names = set(source_state.c.keys())
    for row in _rows(path, "source_state", "source_id"):
        if row["source_id"] not in known:
            conn.execute(insert(source_state).values({k: row[k] for k in row if k in names}))
    for row in _rows(path, "refresh_runs", "id"):
        values = {k: v for k, v in row.items() if k in refresh_runs.c and k != "id"}
        conn.execute(insert(refresh_runs).values(values))


def _copy_feedback(conn: Connection, path: Path) -> None:
    for row in _rows(path, "feedback", "id"):
        values = {k: v for k, v in row.items() if k in feedback.c and k != "id"}
        values.setdefault("updated_at", values.get("created_at", ""))
        conn.execute(insert(feedback).values(values))


COPIES: dict[str, Callable[[Connection, Path], None]] = {
    STATE_FILE: _copy_state,
    FEEDBACK_FILE: _copy_feedback,
}


def import_legacy(database: Database, data_dir: Path) -> list[str]:
    """Copy the older files of ``data_dir`` not copied yet; the names of those copied."""
    done = []
    for name, copy in COPIES.items():
        path = data_dir / name
        if not path.is_file() or path == database.sqlite_path:
            continue
        key = f"{name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        with database.engine.begin() as conn:
            seen = conn.execute(select(legacy_imports.c.key).where(legacy_imports.c.key == key))
            if seen.first() is None:
                copy(conn, path)
                conn.execute(insert(legacy_imports).values(key=key, imported_at=now_iso()))
                done.append(name)
        with contextlib.suppress(OSError):  # a read-only directory: the digest says it is done
            path.rename(path.with_name(name + ".imported"))
    return done
