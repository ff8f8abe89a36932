"""A sliding-window rate limit per client key (a session, an address), with an injectable clock
like the staff sign-in throttle: in this process's memory (:class:`RateLimiter`, bounded: at most
``max_keys`` keys), or in the shared database (:class:`DatabaseRateLimiter`), so that a client
spreading its requests over several replicas gets one rate, not one per replica."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

from sqlalchemy import delete, func, insert, select, text

from ingest.database import Database
from ingest.database.tables import rate_events
from ingest.limits import LimitError

MAX_KEYS = 10_000


class RateLimited(LimitError):
    """A client over its rate; the message says how long to wait."""


class RateLimiter:
    """For each key, at most its own number of accepted events per ``window_s`` seconds (a
    session key and an address key can have different rates)."""

    def __init__(
        self,
        window_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        self.window_s = window_s
        self._clock = clock
        self._max_keys = max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, keys: Mapping[str, int], what: str = "requests") -> None:
        """Count one event for every key (key -> its most events per window), or none and
        :class:`RateLimited` when any key is at its rate (an event refused does not count)."""
        with self._lock:
            now = self._clock()
            wait = max((self._wait(k, most, now) for k, most in keys.items()), default=0.0)
            if wait > 0:
                raise RateLimited(
                    f"too many {what} from this client: try again in {math.ceil(wait)} s"
                )
            for key in keys:
                self._events.setdefault(key, deque()).append(now)
            self._forget_old(now)

    def _wait(self, key: str, most: int, now: float) -> float:
        events = self._events.get(key)
        if events is None:
            return 0.0
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if len(events) < most:
            return 0.0
        return events[0] + self.window_s - now

    def _forget_old(self, now: float) -> None:
        if len(self._events) <= self._max_keys:
            return
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - self.window_s]:
            del self._events[key]
        while len(self._events) > self._max_keys:  # still too many: the oldest keys go
            del self._events[next(iter(self._events))]


class DatabaseRateLimiter:
    """The same limit over the ``rate_events`` table of the shared database, on the wall clock
    (``time.time``, which every replica shares). One transaction counts and records; on
    PostgreSQL a transaction lock per key makes two replicas counting one key take turns (on
    SQLite every transaction already does)."""

    KEY_CHARS = 200

    def __init__(
        self, database: Database, window_s: float, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.database = database
        self.window_s = window_s
        self._clock = clock

    def acquire(self, keys: Mapping[str, int], what: str = "requests") -> None:
        """As :meth:`RateLimiter.acquire`."""
        limits = {key[: self.KEY_CHARS]: most for key, most in keys.items()}
        with self.database.engine.begin() as conn:
            now = self._clock()
            since = now - self.window_s
            conn.execute(delete(rate_events).where(rate_events.c.at <= since))
            wait = 0.0
            for key in sorted(limits):
                if self.database.is_postgres:
                    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
                mine = (rate_events.c.key == key) & (rate_events.c.at > since)
                count, oldest = conn.execute(
                    select(func.count(), func.min(rate_events.c.at)).where(mine)
                ).one()
                if count >= limits[key]:
                    wait = max(wait, oldest + self.window_s - now)
            if wait > 0:
                raise RateLimited(
                    f"too many {what} from this client: try again in {math.ceil(wait)} s"
                )
            if limits:
                conn.execute(insert(rate_events), [{"key": k, "at": now} for k in limits])
