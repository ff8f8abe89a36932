"""The ``fetch`` stage: polite, bounded HTTP fetching with snapshots and conditional GET.

A :class:`Fetcher` fetches one URL at a time with httpx (sync) and either returns a
:class:`~ingest.models.FetchResult` or raises :class:`~ingest.models.IngestError` with a one-line
reason. It

* sends a clear User-Agent and honours robots.txt (Disallow and Crawl-delay), fetched once per
  host with httpx and parsed offline with :mod:`urllib.robotparser`;
* retries connection errors, timeouts, 429 and 5xx with exponential backoff (never other 4xx);
* accepts only HTML / XHTML / plain text and streams the body, giving up past ``max_bytes``;
* follows redirects itself (so robots.txt and the URL scheme are checked on every hop);
* keeps the last good copy of each URL under ``snapshots_dir/<sha256(url)[:32]>/`` (``body`` and
  ``meta.json``) and revalidates it with If-None-Match / If-Modified-Since; a 304 returns the
  snapshot with ``not_modified=True``. Snapshots are replaced atomically and only once a response
  has passed every check, so a failed fetch never damages the previous copy.

Crawling: :meth:`Fetcher.crawl` walks same-site links breadth-first and returns URLs; the pages
it fetched on the way are kept in :attr:`Fetcher.crawl_cache`, so a caller should use
:meth:`Fetcher.fetch_cached` (a cache hit, no second request) rather than :meth:`Fetcher.fetch`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import hashlib
import io
import json
import logging
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
from bs4 import BeautifulSoup

from ingest.extract import decode_html
from ingest.models import FetchResult, IngestError

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_TYPES = HTML_TYPES | {"text/plain"}
SITEMAP_TYPES = frozenset(
    {
        "application/xml",
        "text/xml",
        "text/plain",
        "application/gzip",
        "application/x-gzip",
        "application/octet-stream",
    }
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_RETRY_AFTER_S = 10.0
# links to these are not pages: the crawl does not even ask for them
# fmt: off
SKIPPED_EXTENSIONS = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff",
    ".mp3", ".mp4", ".avi", ".mov", ".webm", ".zip", ".gz", ".tgz", ".rar", ".7z", ".doc",
    ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".css", ".js", ".json", ".xml",
    ".rss", ".woff", ".woff2", ".ttf", ".eot", ".exe", ".dmg", ".apk",
})
# fmt: on


@dataclass(frozen=True)
class FetchConfig:
    """How to fetch; ``assistant.settings.Settings`` carries the same knobs."""

    user_agent: str
    timeout_s: float
    retries: int  # extra attempts after the first one
    backoff_s: float  # first retry waits this long, then twice as long each time
    max_bytes: int
    respect_robots: bool
    snapshots_dir: Path
    max_crawl_delay_s: float = 10.0  # a larger robots.txt Crawl-delay is capped to this
    max_redirects: int = 5


# --- URLs ----------------------------------------------------------------------------------


def normalize_url(url: str) -> str:
    """Validate an absolute http(s) URL; lower-case scheme and host, drop the fragment, any
    user:password@ and the default port, and give an empty path ``/``. Raises IngestError for
    anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"invalid URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = scheme or "none"
        raise IngestError(f"invalid URL scheme {shown!r} in {url!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise IngestError(f"invalid URL {url!r}: no host")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a normalised URL (the unit of same-site and of robots.txt)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _looks_like_page(url: str) -> bool:
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return dot <= path.rfind("/") or path[dot:] not in SKIPPED_EXTENSIONS


def extract_links(content: bytes, base_url: str, charset: str | None = None) -> list[str]:
    """Absolute, normalised http(s) links of an HTML page, in document order, de-duplicated."""
    soup = BeautifulSoup(decode_html(content, charset), "html.parser")
    base_tag = soup.find("base", href=True)
    base = urljoin(base_url, str(base_tag["href"])) if base_tag else base_url
    links: dict[str, None] = {}
    for anchor in soup.find_all(["a", "area"], href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        try:
            links.setdefault(normalize_url(urljoin(base, href)), None)
        except IngestError:
            continue
    return list(links)


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """(lower-case media type, charset or None) of a Content-Type header value."""
    if not content_type:
        return "", None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset).strip() if charset else None


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- snapshots -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The last good copy of one URL."""

    url: str
    final_url: str
    etag: str | None
    last_modified: str | None
    content_type: str
    charset: str | None
    fetched_at: str
    body: bytes

    def meta(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "final_url": self.final_url,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "content_type": self.content_type,
            "charset": self.charset,
            "fetched_at": self.fetched_at,
            "size": len(self.body),
            "sha256": hashlib.sha256(self.body).hexdigest(),
        }


def snapshot_dir(snapshots_dir: Path, url: str) -> Path:
    """Where the snapshot of ``url`` (as given to ``fetch``, normalised) lives."""
    return snapshots_dir / hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file next to ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class SnapshotStore:
    """Snapshots on disk: ``<root>/<sha256(url)[:32]>/body`` and ``meta.json``.

    ``body`` is written before ``meta.json``, and ``meta.json`` records the body's SHA-256, so a
    crash between the two renames is detected on load (the snapshot is then ignored).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def load(self, url: str) -> Snapshot | None:
        folder = snapshot_dir(self.root, url)
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            body = (folder / "body").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            log.warning("ignoring inconsistent snapshot %s", folder)
            return None
        return Snapshot(
            url=str(meta.get("url") or url),
            final_url=str(meta.get("final_url") or url),
            etag=meta.get("etag"),
            last_modified=meta.get("last_modified"),
            content_type=str(meta.get("content_type") or "text/html"),
            charset=meta.get("charset"),
            fetched_at=str(meta.get("fetched_at") or ""),
            body=body,
        )

    def save(self, snapshot: Snapshot, write_body: bool = True) -> None:
        folder = snapshot_dir(self.root, snapshot.url)
        folder.mkdir(parents=True, exist_ok=True)
        if write_body:
            _write_atomic(folder / "body", snapshot.body)
        meta = json.dumps(snapshot.meta(), ensure_ascii=False, indent=2).encode("utf-8")
        _write_atomic(folder / "meta.json", meta)


# --- robots.txt ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Robots:
    parser: RobotFileParser | None  # None: everything is allowed
    crawl_delay_s: float = 0.0


# --- one HTTP exchange ---------------------------------------------------------------------


class _Retryable(Exception):
    """A failure worth another attempt (network trouble, timeout, 429, 5xx)."""

    def __init__(self, reason: str, retry_after_s: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes  # empty for redirects and 304


def _retry_after(value: str | None) -> float:
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER_S)
    return 0.0


class Fetcher:
    """Fetches pages politely; use as a context manager (closes the client it created).

    ``client`` or ``transport`` may be given (tests, proxies); a client passed in is not closed
    by the Fetcher. ``sleep`` and ``clock`` are injectable for tests of the timing logic.
    """

    def __init__(
        self,
        config: FetchConfig,
        client: httpx.Client | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self._owns_client = client is None
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(config.timeout_s),
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": config.user_agent},
        )
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, _Robots] = {}
        self._last_request: dict[str, float] = {}
        self.snapshots = SnapshotStore(config.snapshots_dir)
        self.crawl_cache: dict[str, FetchResult] = {}

    # -- lifecycle --

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    # -- public API --

    def fetch(self, url: str) -> FetchResult:
        """Fetch one HTML / XHTML / plain-text page (see the module docstring)."""
        return self._fetch(url, PAGE_TYPES)

    def fetch_cached(self, url: str) -> FetchResult:
        """The result :meth:`crawl` already got for ``url``, else :meth:`fetch`."""
        cached = self.crawl_cache.get(url) or self.crawl_cache.get(normalize_url(url))
        return cached if cached is not None else self.fetch(url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (always True if not respected)."""
        if not self.config.respect_robots:
            return True
        parser = self._robots_for(url).parser
        return parser is None or parser.can_fetch(self.config.user_agent, url)

    def crawl(self, start_url: str, depth: int, max_pages: int) -> list[str]:
        """Breadth-first same-site crawl from ``start_url``; URLs in discovery order.

        ``depth`` 0 is the start page only, 1 adds the pages it links to, and so on. Links are
        normalised (fragment stripped) and de-duplicated; only pages on the start page's origin
        (scheme, host, port; also the origin it redirects to), allowed by robots.txt and served
        as HTML are kept. A failure of the start page raises IngestError; failures of other
        pages are logged and skipped. The first URL is ``start_url`` exactly as given (so a
        caller can recognise it); the others are normalised. Every fetched page lands in
        :attr:`crawl_cache` (see :meth:`fetch_cached`).
        """
        start = normalize_url(start_url)
        first = self._fetch(start, PAGE_TYPES)
        self.crawl_cache[start] = self.crawl_cache[start_url] = first
        found = [start_url]
        sites = {origin(start), origin(first.url)}
        seen = {start, first.url}
        queue: deque[tuple[str, FetchResult, int]] = deque([(start, first, 0)])
        while queue and len(found) < max_pages:
            _, result, level = queue.popleft()
            if level >= depth or _media_type(result.content_type)[0] not in HTML_TYPES:
                continue
            for link in extract_links(result.content, result.url, result.charset):
                if len(found) >= max_pages:
                    break
                if link in seen or origin(link) not in sites or not _looks_like_page(link):
                    continue
                seen.add(link)
                page = self._crawl_one(link)
                if page is None or page.url in seen - {link}:
                    continue
                seen.add(page.url)
                self.crawl_cache[link] = page
                found.append(link)
                queue.append((link, page, level + 1))
        return found

    def sitemap_urls(self, sitemap_url: str, max_pages: int) -> list[str]:
        """Page URLs listed in a sitemap.xml (or in the sitemaps of a sitemap index, one level
        deep); same-site, robots-allowed, normalised, de-duplicated, at most ``max_pages``."""
        sitemap_url = normalize_url(sitemap_url)
        site = origin(sitemap_url)
        kind, locs = self._read_sitemap(sitemap_url)
        if kind == "sitemapindex":
            locs = self._expand_index(locs, site, max_pages)
        urls: dict[str, None] = {}
        for loc in locs:
            if len(urls) >= max_pages:
                break
            try:
                url = normalize_url(loc)
            except IngestError:
                continue
            if origin(url) == site and self.allowed(url):
                urls.setdefault(url, None)
        return list(urls)

    # -- crawling helpers --

    def _crawl_one(self, url: str) -> FetchResult | None:
        if not self.allowed(url):
            log.info("crawl: skipping %s (disallowed by robots.txt)", url)
            return None
        try:
            result = self._fetch(url, HTML_TYPES)
        except IngestError as exc:
            log.info("crawl: skipping %s: %s", url, exc.reason)
            return None
        return result

    def _read_sitemap(self, url: str) -> tuple[str, list[str]]:
        """(root element name, the <loc> texts) of one sitemap file."""
        body = self._fetch(url, SITEMAP_TYPES).content
        if body[:2] == b"\x1f\x8b":
            body = self._gunzip(body, url)
        if b"<!ENTITY" in body[:4096]:
            raise IngestError(f"sitemap {url} declares XML entities; refusing to parse it")
        try:
            root = ET.fromstring(body)
        except ET.ParseError as exc:
            raise IngestError(f"invalid sitemap XML at {url}: {exc}") from exc
        kind = _local_name(root.tag)
        if kind not in ("urlset", "sitemapindex"):
            raise IngestError(f"not a sitemap at {url}: root element <{kind}>")
        child = "url" if kind == "urlset" else "sitemap"
        locs = [
            (loc.text or "").strip()
            for entry in root
            if _local_name(entry.tag) == child
            for loc in entry
            if _local_name(loc.tag) == "loc"
        ]
        return kind, [loc for loc in locs if loc]

    def _expand_index(self, sitemaps: Iterable[str], site: str, max_pages: int) -> list[str]:
        locs: list[str] = []
        for sitemap in sitemaps:
            if len(locs) >= max_pages:
                break
            try:
                url = normalize_url(sitemap)
                if origin(url) != site:
                    continue
                kind, child_locs = self._read_sitemap(url)
            except IngestError as exc:
                log.warning("sitemap index: skipping %s: %s", sitemap, exc.reason)
                continue
            if kind == "urlset":  # an index inside an index is not followed
                locs.extend(child_locs)
        return locs

    def _gunzip(self, body: bytes, url: str) -> bytes:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
                data = handle.read(self.config.max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise IngestError(f"invalid gzip sitemap at {url}: {exc}") from exc
        if len(data) > self.config.max_bytes:
            raise IngestError(f"sitemap larger than {self.config.max_bytes} bytes: {url}")
        return data

    # -- fetching --

    def _fetch(self, url: str, accepted: frozenset[str]) -> FetchResult:
        requested = normalize_url(url)
        snapshot = self.snapshots.load(requested)
        current = requested
        for _ in range(self.config.max_redirects + 1):
            if self.config.respect_robots and not self.allowed(current):
                raise IngestError(f"disallowed by robots.txt: {current}")
            response = self._get_with_retries(current, self._conditional(snapshot), accepted)
            if response.status in REDIRECT_STATUSES:
                current = normalize_url(urljoin(current, response.headers["location"]))
                continue
            if response.status == 304:
                return self._not_modified(requested, snapshot, response)
            return self._store(requested, response)
        raise IngestError(f"too many redirects (> {self.config.max_redirects}) from {url}")

    def _conditional(self, snapshot: Snapshot | None) -> dict[str, str]:
        headers: dict[str, str] = {}
        if snapshot is not None:
            if snapshot.etag:
                headers["If-None-Match"] = snapshot.etag
            if snapshot.last_modified:
                headers["If-Modified-Since"] = snapshot.last_modified
        return headers

    def _not_modified(
        self, requested: str, snapshot: Snapshot | None, response: _Response
    ) -> FetchResult:
        if snapshot is None:
            raise IngestError(f"HTTP 304 Not Modified without a snapshot for {response.url}")
        etag = response.headers.get("etag") or snapshot.etag
        last_modified = response.headers.get("last-modified") or snapshot.last_modified
        if (etag, last_modified) != (snapshot.etag, snapshot.last_modified):
            updated = dataclasses.replace(snapshot, etag=etag, last_modified=last_modified)
            self._save(updated, write_body=False)
        return FetchResult(
            url=snapshot.final_url,
            content=snapshot.body,
            content_type=snapshot.content_type,
            charset=snapshot.charset,
            not_modified=True,
            etag=etag,
            last_modified=last_modified,
            fetched_at=_now(),
        )

    def _store(self, requested: str, response: _Response) -> FetchResult:
        media_type, charset = _media_type(response.headers.get("content-type"))
        snapshot = Snapshot(
            url=requested,
            final_url=response.url,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=media_type or "text/html",
            charset=charset,
            fetched_at=_now(),
            body=response.body,
        )
        self._save(snapshot)
        return FetchResult(
            url=snapshot.final_url,
            content=snapshot.body,
            content_type=snapshot.content_type,
            charset=charset,
            not_modified=False,
            etag=snapshot.etag,
            last_modified=snapshot.last_modified,
            fetched_at=snapshot.fetched_at,
        )

    def _save(self, snapshot: Snapshot, write_body: bool = True) -> None:
        """Write a snapshot; a full disk or a read-only folder is logged, not fatal."""
        try:
            self.snapshots.save(snapshot, write_body=write_body)
        except OSError as exc:
            log.warning("could not write the snapshot of %s: %s", snapshot.url, exc)

    def _get_with_retries(
        self, url: str, headers: dict[str, str], accepted: frozenset[str]
    ) -> _Response:
        attempts = self.config.retries + 1
        failure = _Retryable("no attempt made")
        for attempt in range(attempts):
            if attempt:
                backoff = self.config.backoff_s * 2 ** (attempt - 1)
                self._sleep(max(backoff, failure.retry_after_s))
            self._wait_turn(url)
            try:
                return self._get_once(url, headers, accepted)
            except _Retryable as exc:
                failure = exc
                log.info("attempt %d/%d failed: %s", attempt + 1, attempts, exc.reason)
            finally:
                self._last_request[origin(url)] = self._clock()
        suffix = f" (after {attempts} attempts)" if attempts > 1 else ""
        raise IngestError(failure.reason + suffix)

    def _get_once(self, url: str, headers: dict[str, str], accepted: frozenset[str]) -> _Response:
        request_headers = {
            "User-Agent": self.config.user_agent,
            "Accept": _accept_header(accepted),
            **headers,
        }
        try:
            with self._client.stream("GET", url, headers=request_headers) as response:
                return self._read_response(url, response, accepted)
        except httpx.ConnectTimeout as exc:
            raise _Retryable(f"cannot connect to {_host(url)}: connection timed out") from exc
        except httpx.ConnectError as exc:
            raise _Retryable(f"cannot connect to {_host(url)}: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.config.timeout_s:g} s: {url}") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise IngestError(f"invalid URL {url!r}: {exc}") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"network error fetching {url}: {exc}") from exc

    def _read_response(
        self, url: str, response: httpx.Response, accepted: frozenset[str]
    ) -> _Response:
        status = response.status_code
        if status == 304 or (status in REDIRECT_STATUSES and "location" in response.headers):
            return _Response(url, status, response.headers, b"")
        reason = f"HTTP {status} {response.reason_phrase}".strip() + f" for {url}"
        if status == 429 or status >= 500:
            raise _Retryable(reason, _retry_after(response.headers.get("retry-after")))
        if status not in (200, 203):
            raise IngestError(reason)
        media_type, _ = _media_type(response.headers.get("content-type"))
        if media_type and media_type not in accepted:
            raise IngestError(f"unsupported content type {media_type}: {url}")
        return _Response(url, status, response.headers, self._read_body(url, response))

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """Stream the body, stopping as soon as it exceeds ``max_bytes``."""
        limit = self.config.max_bytes
        too_large = f"page larger than {limit} bytes: {url}"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise IngestError(too_large)
        deadline = self._clock() + 4 * self.config.timeout_s
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise IngestError(too_large)
            if self._clock() > deadline:
                raise _Retryable(f"timed out reading the body of {url}")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- politeness --

    def _robots_for(self, url: str) -> _Robots:
        site = origin(url)
        robots = self._robots.get(site)
        if robots is None:
            robots = self._load_robots(site)
            self._robots[site] = robots
        return robots

    def _load_robots(self, site: str) -> _Robots:
        """Fetch and parse ``site``/robots.txt once. Missing (4xx), failing (5xx) or unreachable
        robots.txt means everything is allowed."""
        robots_url = f"{site}/robots.txt"
        try:
            with self._client.stream(
                "GET",
                robots_url,
                headers={"User-Agent": self.config.user_agent},
                follow_redirects=True,
            ) as response:
                if response.status_code != 200:
                    if response.status_code >= 500:
                        log.warning("robots.txt of %s: HTTP %s", site, response.status_code)
                    return _Robots(None)
                text = _read_text(response, ROBOTS_MAX_BYTES)
        except httpx.HTTPError as exc:
            log.warning("robots.txt of %s unreachable (%s); allowing all", site, exc)
            return _Robots(None)
        parser = RobotFileParser(robots_url)
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.config.user_agent)
        capped = min(float(delay or 0), self.config.max_crawl_delay_s)
        return _Robots(parser, capped)

    def _wait_turn(self, url: str) -> None:
        """Sleep so that a request to a site starts at least its Crawl-delay after the previous
        request to that site ended."""
        if not self.config.respect_robots:
            return
        delay = self._robots_for(url).crawl_delay_s
        last = self._last_request.get(origin(url))
        if delay and last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)


def _accept_header(accepted: frozenset[str]) -> str:
    if accepted & HTML_TYPES:
        return "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
    return "application/xml,text/xml;q=0.9,*/*;q=0.5"


def _read_text(response: httpx.Response, limit: int) -> str:
    data = bytearray()
    for chunk in response.iter_bytes():
        data.extend(chunk)
        if len(data) >= limit:
            break
    return bytes(data[:limit]).decode("utf-8", errors="replace")


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
