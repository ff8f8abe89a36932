"""Where the staff sign-in throttle keeps each client's failures and wait: in this process's
memory (:class:`MemoryBook`, the default of :class:`~assistant.services.staff.StaffAuth`), or in
the shared database (:class:`DatabaseBook`, what the app uses), so that wrong passwords spread
over several replicas are counted together. Either way one attempt per client is checked at a
time: a thread lock, or a transaction holding the client's row. A record changed in the block
is saved when it ends; nothing is saved when it raises."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ingest.database import Database
from ingest.database.tables import login_throttle

MAX_CLIENTS = 10_000
CLIENT_CHARS = 200


@dataclass
class ClientRecord:
    failures: int = 0
    not_before: float = 0.0  # no attempt is checked before this time (the book's clock)
    locked: bool = False

    def reset(self) -> None:
        self.failures, self.not_before, self.locked = 0, 0.0, False

    @property
    def blank(self) -> bool:
        return not (self.failures or self.not_before or self.locked)


class ThrottleBook(Protocol):
    def held(self, client: str) -> AbstractContextManager[ClientRecord]: ...

    def forget_old(self, now: float) -> None: ...


class MemoryBook:
    """This process's records (bounded: past :data:`MAX_CLIENTS`, those whose wait is over go)."""

    def __init__(self) -> None:
        self._clients: dict[str, ClientRecord] = {}
        self._lock = threading.Lock()

    @contextmanager
    def held(self, client: str) -> Iterator[ClientRecord]:
        with self._lock:
            record = self._clients.setdefault(client, ClientRecord())
            yield record
            if record.blank:
                self._clients.pop(client, None)

    def forget_old(self, now: float) -> None:
        with self._lock:
            if len(self._clients) > MAX_CLIENTS:
                for key in [k for k, c in self._clients.items() if c.not_before <= now]:
                    del self._clients[key]


class DatabaseBook:
    """The records in the shared database's ``login_throttle`` table; times are wall-clock
    seconds (``time.time``), the one clock every replica shares."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @contextmanager
    def held(self, client: str) -> Iterator[ClientRecord]:
        key = client[:CLIENT_CHARS]
        mine = login_throttle.c.client == key
        with self.database.engine.begin() as conn:
            try:
                with conn.begin_nested():  # first sight of the client: its row, to lock
                    conn.execute(insert(login_throttle).values(client=key))
            except IntegrityError:
                pass
            row = conn.execute(select(login_throttle).where(mine).with_for_update()).one()
            record = ClientRecord(row.failures, row.not_before, bool(row.locked))
            yield record
            if record.blank:
                conn.execute(delete(login_throttle).where(mine))
            else:
                values = {"failures": record.failures, "not_before": record.not_before}
                conn.execute(
                    update(login_throttle).where(mine).values(locked=int(record.locked), **values)
                )

    def forget_old(self, now: float) -> None:
        with self.database.engine.begin() as conn:
            count = conn.execute(select(func.count()).select_from(login_throttle)).scalar() or 0
            if count > MAX_CLIENTS:
                conn.execute(delete(login_throttle).where(login_throttle.c.not_before <= now))
