"""One HTTP GET: retries with backoff and Retry-After, content-type and size checks, and the
conditional headers that revalidate a snapshot."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from urllib.request import getproxies

import httpx

from ingest.fetch import deadline
from ingest.fetch.budget import RequestBudget
from ingest.fetch.config import FetchConfig
from ingest.fetch.media import accept_header, media_type
from ingest.fetch.robots import Robots
from ingest.fetch.snapshots import Snapshot
from ingest.fetch.urls import host
from ingest.models import IngestError

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER_S = 10.0


class Retryable(Exception):
    """A failure worth another attempt (network trouble, timeout, 429, 5xx)."""

    def __init__(self, reason: str, retry_after_s: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes  # empty for redirects and 304


def guard_refusal(exc: BaseException) -> IngestError | None:
    """The address guard's refusal behind a connection error, if that is what it is."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, IngestError):
            return cause
        cause = cause.__cause__
    return None


def retry_after(value: str | None) -> float:
    """Seconds asked for by a Retry-After header (delay-seconds form only), capped."""
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER_S)
    return 0.0


def conditional_headers(snapshot: Snapshot | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the snapshot's validators (none without one)."""
    headers: dict[str, str] = {}
    if snapshot is not None:
        if snapshot.etag:
            headers["If-None-Match"] = snapshot.etag
        if snapshot.last_modified:
            headers["If-Modified-Since"] = snapshot.last_modified
    return headers


def default_client(config: FetchConfig, transport: httpx.BaseTransport | None) -> httpx.Client:
    """The httpx client a Fetcher makes for itself; redirects are followed by hand, so that
    robots.txt and the URL scheme are checked on every hop. With an address guard, every
    request it sends (robots.txt and its redirects included) is checked first, and connects
    only to an address checked at that moment (:class:`ingest.fetch.guard.GuardedBackend`)."""
    guard = config.guard
    hooks = {"request": [lambda request: guard.check(str(request.url))]} if guard else {}
    if guard is not None and transport is None:
        from ingest.fetch.guard import GuardedTransport

        transport = GuardedTransport(guard)  # and the connection goes to a checked address
    elif transport is None and not _proxied():
        transport = deadline.DeadlineTransport()  # every socket operation within the deadline
    return httpx.Client(
        timeout=httpx.Timeout(config.timeout_s),
        follow_redirects=False,
        transport=transport,
        headers={"User-Agent": config.user_agent},
        event_hooks=hooks,
    )


def _proxied() -> bool:
    """Whether the environment names a proxy (httpx then uses its own transport, and only the
    body's chunks are checked against the deadline)."""
    return any(scheme in getproxies() for scheme in ("http", "https", "all"))


def timed_out(url: str, config: FetchConfig) -> str:
    """The reason of a request that ran past its deadline or a timeout."""
    if deadline.passed():
        return f"no complete answer within {config.request_deadline_s:g} s: {url}"
    return f"timed out after {config.timeout_s:g} s: {url}"


class HttpGetter:
    """GETs one URL (no redirect following), retrying what is worth retrying."""

    def __init__(
        self,
        client: httpx.Client,
        config: FetchConfig,
        robots: Robots,
        budget: RequestBudget,
        *,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ) -> None:
        self._client = client
        self._config = config
        self._robots = robots
        self._budget = budget
        self._sleep = sleep
        self._clock = clock

    def get(self, url: str, headers: dict[str, str], accepted: frozenset[str]) -> Response:
        """A 200/203 with an accepted body, a redirect or a 304; IngestError otherwise.

        Connection errors, timeouts, 429 and 5xx are retried with exponential backoff (or the
        server's Retry-After, if longer); other 4xx are not.
        """
        attempts = self._config.retries + 1
        failure = Retryable("no attempt made")
        for attempt in range(attempts):
            if attempt:
                backoff = self._config.backoff_s * 2 ** (attempt - 1)
                self._sleep(max(backoff, failure.retry_after_s))
            self._robots.wait_turn(url)
            self._budget.spend(url)
            try:
                with deadline.within(self._clock, self._config.request_deadline_s):
                    return self._get_once(url, headers, accepted)
            except Retryable as exc:
                failure = exc
                log.info("attempt %d/%d failed: %s", attempt + 1, attempts, exc.reason)
            finally:
                self._robots.request_ended(url)
        suffix = f" (after {attempts} attempts)" if attempts > 1 else ""
        raise IngestError(failure.reason + suffix)

    def _get_once(self, url: str, headers: dict[str, str], accepted: frozenset[str]) -> Response:
        request_headers = {
            "User-Agent": self._config.user_agent,
            "Accept": accept_header(accepted),
            **headers,
        }
        try:
            with self._client.stream("GET", url, headers=request_headers) as response:
                return self._read_response(url, response, accepted)
        except httpx.ConnectTimeout as exc:
            raise Retryable(f"cannot connect to {host(url)}: connection timed out") from exc
        except httpx.ConnectError as exc:
            refusal = guard_refusal(exc)
            if refusal is not None:  # the address guard's, at connection time: final
                raise refusal from exc
            raise Retryable(f"cannot connect to {host(url)}: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise Retryable(timed_out(url, self._config)) from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise IngestError(f"invalid URL {url!r}: {exc}") from exc
        except httpx.TransportError as exc:
            raise Retryable(f"network error fetching {url}: {exc}") from exc

    def _read_response(
        self, url: str, response: httpx.Response, accepted: frozenset[str]
    ) -> Response:
        status = response.status_code
        if status == 304 or (status in REDIRECT_STATUSES and "location" in response.headers):
            return Response(url, status, response.headers, b"")
        reason = f"HTTP {status} {response.reason_phrase}".strip() + f" for {url}"
        if status == 429 or status >= 500:
            raise Retryable(reason, retry_after(response.headers.get("retry-after")))
        if status not in (200, 203):
            raise IngestError(reason)
        media, _ = media_type(response.headers.get("content-type"))
        if media and media not in accepted:
            raise IngestError(f"unsupported content type {media}: {url}")
        return Response(url, status, response.headers, self._read_body(url, response))

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """Stream the body, stopping as soon as it exceeds ``max_bytes``."""
        limit = self._config.max_bytes
        too_large = f"page larger than {limit} bytes: {url}"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise IngestError(too_large)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise IngestError(too_large)
            if deadline.passed():
                raise Retryable(timed_out(url, self._config))
            chunks.append(chunk)
        return b"".join(chunks)
