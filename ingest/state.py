"""What each ingest run found per source: last fetch, status, reason; and the refresh history.
Kept in the shared database (:mod:`ingest.database`), so every process using it sees them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update

from ingest.database import Database
from ingest.database.tables import refresh_runs, source_state

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
    def __init__(self, database: Database) -> None:
        self.database = database

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
        """A source's latest run; a failed one keeps the chunk count and title of the last
        success."""
        failed = status == "failed"
        values = {"location": location, "status": status, "reason": reason, "last_fetch": when}
        kept = {
            "chunks": source_state.c.chunks if failed else chunks,
            "title": source_state.c.title if failed else title,
        }
        with self.database.engine.begin() as conn:
            changed = conn.execute(
                update(source_state)
                .where(source_state.c.source_id == source_id)
                .values(**values, **kept)
            )
            if not changed.rowcount:
                conn.execute(
                    insert(source_state).values(
                        source_id=source_id, chunks=chunks, title=title, **values
                    )
                )

    def forget(self, source_id: str) -> None:
        with self.database.engine.begin() as conn:
            conn.execute(delete(source_state).where(source_state.c.source_id == source_id))

    def all(self) -> dict[str, SourceState]:
        columns = [source_state.c[name] for name in SourceState.__dataclass_fields__]
        with self.database.engine.begin() as conn:
            rows = conn.execute(select(*columns)).all()
        return {row[0]: SourceState(*row) for row in rows}

    def record_run(self, run: RefreshRun) -> None:
        """Keep a refresh in the history (the last :data:`KEPT_RUNS`)."""
        with self.database.engine.begin() as conn:
            conn.execute(insert(refresh_runs).values(**run.__dict__))
            newest = conn.execute(select(func.max(refresh_runs.c.id))).scalar() or 0
            conn.execute(delete(refresh_runs).where(refresh_runs.c.id <= newest - KEPT_RUNS))

    def runs(self, limit: int = 20) -> list[RefreshRun]:
        """The latest refreshes, newest first."""
        columns = [refresh_runs.c[name] for name in RefreshRun.__dataclass_fields__]
        with self.database.engine.begin() as conn:
            rows = conn.execute(
                select(*columns).order_by(refresh_runs.c.id.desc()).limit(limit)
            ).all()
        return [RefreshRun(*row) for row in rows]
