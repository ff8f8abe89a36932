"""The address guard of URLs that untrusted hands give (the app's staff desk): only http(s), and
only hosts whose every DNS address is public. Checked before the first request and before every
redirect hop (see :mod:`.pages`), after DNS resolution, so a public name that resolves to
127.0.0.1, a private network, a link-local address or a cloud metadata endpoint is refused.

The connection itself goes through :class:`GuardedBackend`, which resolves the host once more,
checks those addresses and connects to a checked one: a name whose answer changes between the
check and the connection (DNS rebinding) still reaches only a public address.

The operator's CLI (``paris-health ingest --url``) fetches without it: an operator may index an
intranet page on purpose.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpcore

from ingest.fetch.deadline import DeadlineTransport
from ingest.models import IngestError

# getaddrinfo(host, port, type=...) -> [(family, type, proto, canonname, sockaddr), ...]
Resolver = Callable[..., Sequence[tuple[Any, ...]]]
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = ("http", "https")
# metadata endpoints that are not link-local (169.254.169.254 and fe80::/10 are)
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("100.100.100.200", "fd00:ec2::254", "192.0.0.192")
)


def kind_of(address: Address) -> str | None:
    """Why ``address`` is refused (``loopback``, ``private``, ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA or str(address) == "169.254.169.254":
        return "cloud metadata"
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("private", address.is_private),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return kind
    return None if address.is_global else "non-public"


class AddressGuard:
    """``check(url)`` raises IngestError for a URL the staff desk must not fetch."""

    def __init__(self, resolve: Resolver = socket.getaddrinfo) -> None:
        self._resolve = resolve

    def __eq__(self, other: object) -> bool:  # part of a frozen FetchConfig
        return isinstance(other, AddressGuard) and other._resolve == self._resolve

    def __hash__(self) -> int:
        return hash(self._resolve)

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise IngestError(f"refused {url!r}: only http and https URLs can be added")
        host = parts.hostname
        if not host:
            raise IngestError(f"refused {url!r}: no host")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise IngestError(f"refused {url!r}: {exc}") from exc
        self.public_addresses(host, port)

    def public_addresses(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to, every one of them public; else IngestError."""
        try:
            infos = self._resolve(host, port, type=socket.SOCK_STREAM)
        except (OSError, ValueError, UnicodeError) as exc:
            raise IngestError(f"cannot resolve {host}: {exc}") from exc
        addresses = []
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            kind = kind_of(address)
            if kind is not None:
                raise IngestError(
                    f"refused {host}: it resolves to a {kind} address ({address}); the staff "
                    "desk fetches only public addresses"
                )
            addresses.append(str(address))
        if not addresses:
            raise IngestError(f"cannot resolve {host}: no address")
        return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting only to addresses the guard has just checked (the
    TLS name stays the host's: httpcore gives it to ``start_tls`` separately)."""

    def __init__(self, guard: AddressGuard, inner: httpcore.NetworkBackend | None = None) -> None:
        self.guard = guard
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self.guard.public_addresses(host, port)
        except IngestError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        failure: Exception | None = None
        for address in addresses:  # as the system's own connect would: the first that answers
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("the staff desk fetches over TCP only")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class GuardedTransport(DeadlineTransport):
    """httpx's own transport over :class:`GuardedBackend` (within the request's deadline); no
    proxy from the environment (a proxy would resolve the host itself, out of the guard's
    reach)."""

    def __init__(self, guard: AddressGuard) -> None:
        super().__init__(GuardedBackend(guard), trust_env=False)
