"""What each ingest run found per source: last fetch, status, reason (SQLite in the data dir)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS source_state (
    source_id TEXT PRIMARY KEY,
    location TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    chunks INTEGER NOT NULL DEFAULT 0,
    last_fetch TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT ''
)
"""
RUNS_SCHEMA = """
CREATE TABLE IF NOT EXISTS refresh_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    trigger TEXT NOT NULL,
    outcome TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT ''
)
"""
KEPT_RUNS = 500


@dataclass(frozen=True)
class RefreshRun:
    """One refresh of the whole catalog: when, who started it (``manual``, ``scheduled``,
    ``cli``), ``ok`` / ``failed`` / ``skipped``, the report's summary and what changed."""

    started: str
    trigger: str
    outcome: str
    summary: str
    changes: str


@dataclass(frozen=True)
class SourceState:
    source_id: str
    location: str
    status: str
    reason: str
    chunks: int
    last_fetch: str
    title: str = ""  # the document's own title, as the last successful run read it


class StateStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(SCHEMA)
        conn.execute(RUNS_SCHEMA)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(source_state)")}
        if "title" not in columns:  # a state file from before titles were kept
            conn.execute("ALTER TABLE source_state ADD COLUMN title TEXT NOT NULL DEFAULT ''")
        return conn

    def record(
        self,
        source_id: str,
        location: str,
        status: str,
        reason: str,
        chunks: int,
        when: str,
        title: str = "",
    ) -> None:
        """A failed run keeps the chunk count and title of the last success."""
        success = status != "failed"
        with closing(self._connect()) as conn, conn:
            conn.execute(
                """
                INSERT INTO source_state
                    (source_id, location, status, reason, chunks, last_fetch, title)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(source_id) DO UPDATE SET
                    location = excluded.location, status = excluded.status,
                    reason = excluded.reason, last_fetch = excluded.last_fetch,
                    chunks = CASE WHEN ? THEN excluded.chunks ELSE source_state.chunks END,
                    title = CASE WHEN ? THEN excluded.title ELSE source_state.title END
                """,
                (source_id, location, status, reason, chunks, when, title, success, success),
            )

    def forget(self, source_id: str) -> None:
        with closing(self._connect()) as conn, conn:
            conn.execute("DELETE FROM source_state WHERE source_id = ?", (source_id,))

    def all(self) -> dict[str, SourceState]:
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT source_id, location, status, reason, chunks, last_fetch, title "
                "FROM source_state"
            ).fetchall()
        return {row[0]: SourceState(*row) for row in rows}

    def record_run(self, run: RefreshRun) -> None:
        """Keep a refresh in the history (the last :data:`KEPT_RUNS`)."""
        with closing(self._connect()) as conn, conn:
            conn.execute(
                "INSERT INTO refresh_runs (started, trigger, outcome, summary, changes) "
                "VALUES (?, ?, ?, ?, ?)",
                (run.started, run.trigger, run.outcome, run.summary, run.changes),
            )
            conn.execute(
                "DELETE FROM refresh_runs WHERE id <= (SELECT MAX(id) FROM refresh_runs) - ?",
                (KEPT_RUNS,),
            )

    def runs(self, limit: int = 20) -> list[RefreshRun]:
        """The latest refreshes, newest first."""
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT started, trigger, outcome, summary, changes FROM refresh_runs "
                "ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [RefreshRun(*row) for row in rows]
