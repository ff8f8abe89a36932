"""The shared state's database (see docs/database.md): :func:`open_database` from the settings'
URL and data directory, migrated and with the older files of the data directory imported."""

from __future__ import annotations

from pathlib import Path

from ingest.database.core import DEFAULT_FILE, BusyError, Database, DatabaseError


def open_database(url: str | None, data_dir: Path) -> Database:
    """The database at ``url`` (PostgreSQL or SQLite), else the SQLite file of ``data_dir``:
    brought to the latest schema, with ``data_dir``'s older SQLite files copied in."""
    from ingest.database.legacy import import_legacy

    if url:
        database = Database(url)
        if database.sqlite_path is not None:
            database.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        database.migrate()
    else:
        database = Database.at(data_dir / DEFAULT_FILE)
    import_legacy(database, data_dir)
    return database


__all__ = ["BusyError", "Database", "DatabaseError", "open_database"]
