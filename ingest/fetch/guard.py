"""The address guard of URLs that untrusted hands give (the app's staff desk): only http(s), and
only hosts whose every DNS address is public. Checked before the first request and before every
redirect hop (see :mod:`.pages`), after DNS resolution, so a public name that resolves to
127.0.0.1, a private network, a link-local address or a cloud metadata endpoint is refused.

The operator's CLI (``paris-health ingest --url``) fetches without it: an operator may index an
intranet page on purpose.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

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
            infos = self._resolve(host, port, type=socket.SOCK_STREAM)
        except (OSError, ValueError, UnicodeError) as exc:
            raise IngestError(f"cannot resolve {host}: {exc}") from exc
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            kind = kind_of(address)
            if kind is not None:
                raise IngestError(
                    f"refused {host}: it resolves to a {kind} address ({address}); the staff "
                    "desk fetches only public addresses"
                )
        if not infos:
            raise IngestError(f"cannot resolve {host}: no address")
