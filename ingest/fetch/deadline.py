"""Whole-request deadlines: connect, headers and body of one request end by a wall-clock time.

httpx's timeouts are per operation (each read may take ``timeout_s``), so a server that sends
one byte a second never times out. :func:`within` sets a deadline for the requests made inside
it, and :class:`DeadlineBackend` gives every socket operation of those requests (connect, TLS,
each read and write) at most the time left, then fails with a timeout. The clock is the
Fetcher's injectable one; the callers also check it between body chunks (a transport given by a
caller, a proxy, does not go through the backend).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

Clock = Callable[[], float]

# (clock, the time on that clock by which the requests must have ended), or None: no deadline
_DEADLINE: ContextVar[tuple[Clock, float] | None] = ContextVar("fetch_deadline", default=None)


@contextmanager
def within(clock: Clock, seconds: float) -> Iterator[None]:
    """Requests made in the block must end ``seconds`` after it starts (on ``clock``)."""
    token = _DEADLINE.set((clock, clock() + seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def passed() -> bool:
    """Whether the deadline of the current block, if any, has passed."""
    current = _DEADLINE.get()
    return current is not None and current[0]() >= current[1]


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` cut to the time left before the deadline; ``error`` once none is left."""
    current = _DEADLINE.get()
    if current is None:
        return timeout
    clock, end = current
    left = end - clock()
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline of the request using it."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend (or ``inner``), bounded by the current deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        stream = self.inner.connect_tcp(host, port, bounded, local_address, socket_options)
        return DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self.inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport over :class:`DeadlineBackend` (around ``backend``, if given)."""

    def __init__(
        self, backend: httpcore.NetworkBackend | None = None, *, trust_env: bool = True
    ) -> None:
        super().__init__(trust_env=trust_env)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=trust_env),
            network_backend=DeadlineBackend(backend),
        )
