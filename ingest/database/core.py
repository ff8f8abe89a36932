"""The one database of the shared state: an SQLAlchemy engine over SQLite (the embedded default,
a file in the data directory) or PostgreSQL (``PARIS_HEALTH_DATABASE_URL``), brought up to date
by Alembic when it is opened, and the writer lock that lets one ingest run at a time for every
process using it."""

from __future__ import annotations

import fcntl
import functools
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from ingest.models import CorpusBusy

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE = "database.sqlite"
MIGRATE_KEY = 7_068_104_501  # PostgreSQL advisory lock keys of this application
WRITER_KEY = 7_068_104_502
POSTGRES_EXTRA = (
    "a PostgreSQL database needs the postgres extra: pip install 'paris-health[postgres]'"
)


class DatabaseError(ValueError):
    """The database cannot be used: a bad URL, a missing driver, a server that refuses."""


def normalised(url: str) -> URL:
    """The URL with the psycopg 3 driver for PostgreSQL (``postgresql://`` and ``postgres://``
    mean it too); a one-line :class:`DatabaseError` for a URL that is not one."""
    raw = url.strip()
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw.removeprefix("postgres://")
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseError(f"invalid database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(f"unsupported database {parsed.drivername!r}: use sqlite or postgresql")
    return parsed


def _serialised_sqlite(engine: Engine) -> None:
    """Every SQLite transaction takes the write lock when it begins (``BEGIN IMMEDIATE``), so a
    read-then-write (a vote, a failed sign-in) is never interleaved with another process's."""

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An engine and what it is: ``is_postgres``, ``label`` (the URL without its password),
    ``sqlite_path`` (the file of an SQLite database)."""

    def __init__(self, url: str | URL) -> None:
        self.url = normalised(str(url)) if isinstance(url, str) else url
        self.is_postgres = self.url.get_backend_name() == "postgresql"
        self.label = self.url.render_as_string(hide_password=True)
        database = self.url.database or ""
        self.sqlite_path = None if self.is_postgres or not database else Path(database)
        if self.url.get_backend_name() == "sqlite" and self.sqlite_path is None:
            raise DatabaseError("an SQLite database needs a file: sqlite:////path/to/file")
        try:
            self.engine = create_engine(self.url, **self._options())
        except ImportError as exc:
            raise DatabaseError(POSTGRES_EXTRA) from exc
        if not self.is_postgres:
            _serialised_sqlite(self.engine)
        event.listen(self.engine, "handle_error", self._plain_error)

    def _plain_error(self, context: Any) -> None:
        """A storage failure as the callers knew it: SQLite's own error (a full disk, a
        read-only file: the CLI's one-line ``storage error``), or a one-line
        :class:`DatabaseError` naming the database (a server that refuses or went away)."""
        if not isinstance(context.sqlalchemy_exception, OperationalError):
            return
        original = context.original_exception
        if isinstance(original, sqlite3.Error):
            raise original
        raise DatabaseError(f"database {self.label}: {_first_line(original)}") from original

    def _options(self) -> dict[str, Any]:
        if self.is_postgres:
            return {"pool_pre_ping": True, "connect_args": {"connect_timeout": 10}}
        # a connection per use, closed after it (as before): no file held open between uses
        return {"poolclass": NullPool, "connect_args": {"timeout": 30, "check_same_thread": False}}

    @classmethod
    def at(cls, path: Path) -> Database:
        """The SQLite database in ``path``, migrated."""
        path.parent.mkdir(parents=True, exist_ok=True)
        database = cls(URL.create("sqlite", database=str(path)))
        database.migrate()
        return database

    # --- migrations ------------------------------------------------------------------------
    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to the latest revision (nothing to do when it is there already).
        Two processes starting at once take turns: an advisory lock on PostgreSQL, a file
        lock beside an SQLite file. A database already at the latest revision is not written
        (nor is its lock file): a read-only data directory still opens."""
        if revision == "head" and self._current() == self.head():
            return
        try:
            with self._migration_turn(), self.engine.connect() as connection:
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS))
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                connection.commit()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database {self.label}: {_first_line(exc)}") from exc

    @contextmanager
    def _migration_turn(self) -> Iterator[None]:
        if self.sqlite_path is not None:
            with _file_lock(self.sqlite_path.with_name(self.sqlite_path.name + ".lock"), wait=True):
                yield
            return
        with self.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATE_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATE_KEY})
                connection.commit()

    def _current(self) -> str | None:
        try:
            return self.revision()
        except (SQLAlchemyError, sqlite3.Error, DatabaseError):  # none yet, or unreachable
            return None

    @staticmethod
    @functools.cache
    def head() -> str | None:
        """The latest revision of the migration scripts."""
        from alembic.script import ScriptDirectory

        return ScriptDirectory(str(MIGRATIONS)).get_current_head()

    def revision(self) -> str | None:
        """The schema's revision (Alembic's ``alembic_version``); None before the first."""
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    # --- the writer lock -------------------------------------------------------------------
    @contextmanager
    def writer_lock(self, busy: str) -> Iterator[None]:
        """Held by an ingest for every process on this database; :class:`BusyError` with
        ``busy`` at once when another holds it. PostgreSQL: a session advisory lock, released
        by the server when its holder's connection ends (a killed holder included); SQLite: a
        flock beside the file, released by the kernel when its holder dies."""
        if self.sqlite_path is not None:
            with _file_lock(self.sqlite_path.with_name(self.sqlite_path.name + ".writer"), busy):
                yield
            return
        with self.engine.connect() as connection:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": WRITER_KEY})
            connection.commit()
            if not got.scalar():
                raise BusyError(busy)
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": WRITER_KEY})
                connection.commit()

    def close(self) -> None:
        self.engine.dispose()


BusyError = CorpusBusy  # another process holds the writer lock: the CLI's busy exit


@contextmanager
def _file_lock(path: Path, busy: str = "", *, wait: bool = False) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(open(path, "a")) as handle:  # noqa: SIM115 - closed by closing()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise BusyError(busy) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    return " ".join(str(cause).split("\n")[0].split()) or type(exc).__name__
