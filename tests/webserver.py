"""A real HTTP server on 127.0.0.1 for tests (no mocking of the HTTP client).

Usage::

    with web_server({"/": Reply(body="<html>...</html>", etag='"v1"')}) as server:
        fetch(server.url("/"))
        assert server.count("/") == 1
        server.routes["/"] = Reply(body="changed", etag='"v2"')  # change between requests

A route is a :class:`Reply`, a ``(status, headers, body)`` tuple, or a callable taking the
:class:`Request` and returning either of those. Unknown paths answer 404. A reply with an ETag
or Last-Modified header answers ``304 Not Modified`` to a matching If-None-Match /
If-Modified-Since. Bodies may be an iterable of byte chunks, sent without Content-Length and
ended by closing the connection, so a client can be shown to stop reading early.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Body = bytes | str | Iterable[bytes]


@dataclass
class Reply:
    """What the server answers on one route."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Body = b""
    content_type: str | None = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None  # an HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    delay_s: float = 0.0  # wait this long before answering (timeouts)
    drip_s: float = 0.0  # send the whole answer (status line, headers, body) a byte at a time

    def all_headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.content_type is not None:
            headers["Content-Type"] = self.content_type
        if self.etag is not None:
            headers["ETag"] = self.etag
        if self.last_modified is not None:
            headers["Last-Modified"] = self.last_modified
        headers.update(self.headers)
        return headers


@dataclass
class Request:
    """One request the server received (see :attr:`LocalServer.log`)."""

    method: str
    path: str  # the path with its query string
    headers: dict[str, str]  # lower-cased names
    time: float  # time.monotonic() when the request arrived
    status: int = 0  # the status the server answered
    bytes_sent: int = 0  # body bytes actually written before the client went away
    done: threading.Event = field(default_factory=threading.Event)  # set once answered


RouteValue = Reply | tuple[int, Mapping[str, str], Body]
Route = RouteValue | Callable[[Request], RouteValue]


def _as_reply(value: RouteValue) -> Reply:
    if isinstance(value, Reply):
        return value
    status, headers, body = value
    return Reply(status=status, headers=dict(headers), body=body, content_type=None)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _etag_matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True

    def weak(tag: str) -> str:
        tag = tag.strip()
        return tag[2:] if tag.startswith("W/") else tag

    return any(weak(tag) == weak(etag) for tag in if_none_match.split(","))


def _not_modified(request: Request, reply: Reply) -> bool:
    """Whether a 200 reply should become a 304 for this conditional request."""
    if reply.status != 200:
        return False
    headers = reply.all_headers()
    etag = _header(headers, "etag")
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return etag is not None and _etag_matches(if_none_match, etag)
    last_modified = _header(headers, "last-modified")
    if_modified_since = request.headers.get("if-modified-since")
    if last_modified is None or if_modified_since is None:
        return False
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection; a streamed body ends at close

    def do_GET(self) -> None:  # noqa: N802 - the name http.server expects
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the log
        return

    def _answer(self, send_body: bool) -> None:
        owner = self.server.owner
        request = Request(
            method=self.command,
            path=self.path,
            headers={key.lower(): value for key, value in self.headers.items()},
            time=time.monotonic(),
        )
        owner.record(request)
        try:
            reply = owner.resolve(request)
        except Exception as exc:  # a broken route: answer 500 rather than hang the client
            reply = Reply(status=500, body=f"route error: {exc!r}", content_type="text/plain")
        if reply.delay_s:
            time.sleep(reply.delay_s)
        status = 304 if _not_modified(request, reply) else reply.status
        request.status = status
        try:
            self._send(request, reply, status, send_body)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        finally:
            request.done.set()

    def _send(self, request: Request, reply: Reply, status: int, send_body: bool) -> None:
        body = reply.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = reply.all_headers()
        if isinstance(body, bytes) and _header(headers, "content-length") is None:
            headers["Content-Length"] = str(0 if status == 304 else len(body))
        if reply.drip_s:
            self._drip(request, status, headers, body if send_body else b"", reply.drip_s)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not send_body or status == 304:
            return
        chunks: Iterable[bytes] = [body] if isinstance(body, bytes) else body
        for chunk in chunks:
            self.wfile.write(chunk)
            request.bytes_sent += len(chunk)

    def _drip(
        self, request: Request, status: int, headers: dict[str, str], body: Body, every_s: float
    ) -> None:
        """The whole answer, head included, one byte every ``every_s`` seconds (a server that
        never stalls long enough for a per-read timeout, and never finishes)."""
        head = f"HTTP/1.0 {status} {self.responses.get(status, ('',))[0]}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
        data = head.encode("latin-1") + (body if isinstance(body, bytes) else b"".join(body))
        self.close_connection = True
        for index in range(len(data)):
            self.wfile.write(data[index : index + 1])
            request.bytes_sent += 1
            time.sleep(every_s)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LocalServer


class LocalServer:
    """A running server: its routes (mutable between requests) and its request log."""

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def set(self, path: str, route: Route) -> None:
        """Add or replace a route (the next request sees it)."""
        with self._lock:
            self.routes[path] = route

    def robots(self, text: str, drip_s: float = 0.0) -> None:
        """Serve ``text`` as /robots.txt (with ``drip_s``, a byte every ``drip_s`` seconds)."""
        self.set("/robots.txt", Reply(body=text, content_type="text/plain", drip_s=drip_s))

    def empty_sitemap_index(self, path: str, children: int) -> list[str]:
        """Serve at ``path`` a sitemap index of ``children`` sitemaps that list no page (each
        served too); their paths."""
        paths = [f"/sitemaps/empty-{n}.xml" for n in range(children)]
        entries = "".join(f"<sitemap><loc>{self.url(p)}</loc></sitemap>" for p in paths)
        xmlns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        self.set(
            path,
            Reply(
                body=f"<sitemapindex {xmlns}>{entries}</sitemapindex>",
                content_type="application/xml",
            ),
        )
        for child in paths:
            self.set(
                child, Reply(body=f"<urlset {xmlns}></urlset>", content_type="application/xml")
            )
        return paths

    def record(self, request: Request) -> None:
        with self._lock:
            self.log.append(request)

    def resolve(self, request: Request) -> Reply:
        with self._lock:
            route = self.routes.get(request.path)
            if route is None:
                route = self.routes.get(request.path.split("?", 1)[0])
        if route is None:
            return Reply(status=404, body="<h1>Not Found</h1>")
        value = route(request) if callable(route) else route
        return _as_reply(value)

    def requests(self, path: str | None = None) -> list[Request]:
        """Logged requests, optionally for one path only, oldest first."""
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def count(self, path: str) -> int:
        return len(self.requests(path))

    def paths(self) -> list[str]:
        return [r.path for r in self.requests()]

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextlib.contextmanager
def web_server(routes: Mapping[str, Route] | None = None) -> Iterator[LocalServer]:
    """Run a :class:`LocalServer` for the duration of the ``with`` block."""
    server = LocalServer(routes).start()
    try:
        yield server
    finally:
        server.stop()


def unused_port() -> int:
    """A local TCP port that nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def html_page(title: str, body: str, lang: str = "en") -> str:
    """A minimal well-formed HTML page."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{body}</body></html>"
    )
