"""Fetching one URL: redirects followed by hand (robots.txt checked on every hop), then the
snapshot revalidated (304) or replaced."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import urljoin

from ingest.clock import now_iso
from ingest.fetch.client import REDIRECT_STATUSES, HttpGetter, Response, conditional_headers
from ingest.fetch.config import FetchConfig
from ingest.fetch.media import media_type
from ingest.fetch.robots import Robots
from ingest.fetch.snapshots import Snapshot, SnapshotStore
from ingest.fetch.urls import normalize_url
from ingest.models import FetchResult, IngestError

# fetch(url, accepted media types) -> result; what the crawl and the sitemap reader call
FetchPage = Callable[[str, frozenset[str]], FetchResult]


class PageFetcher:
    """Fetches one URL into a :class:`FetchResult`, keeping its snapshot up to date.

    A snapshot is replaced only once a response has passed every check, so a failed fetch
    never damages the previous copy.
    """

    def __init__(
        self, config: FetchConfig, http: HttpGetter, robots: Robots, snapshots: SnapshotStore
    ) -> None:
        self._config = config
        self._http = http
        self._robots = robots
        self._snapshots = snapshots

    def fetch(self, url: str, accepted: frozenset[str]) -> FetchResult:
        requested = normalize_url(url)
        snapshot = self._snapshots.load(requested)
        current = requested
        for _ in range(self._config.max_redirects + 1):
            if self._config.guard is not None:
                self._config.guard.check(current)  # before robots.txt: no request at all
            if self._config.respect_robots and not self._robots.allowed(current):
                raise IngestError(self._robots.refusal(current))
            response = self._http.get(current, conditional_headers(snapshot), accepted)
            if response.status in REDIRECT_STATUSES:
                current = normalize_url(urljoin(current, response.headers["location"]))
                continue
            if response.status == 304:
                return self._not_modified(snapshot, response)
            return self._store(requested, response)
        raise IngestError(f"too many redirects (> {self._config.max_redirects}) from {url}")

    def _not_modified(self, snapshot: Snapshot | None, response: Response) -> FetchResult:
        """The snapshot, with the validators the 304 sent (saved if they changed)."""
        if snapshot is None:
            raise IngestError(f"HTTP 304 Not Modified without a snapshot for {response.url}")
        etag = response.headers.get("etag") or snapshot.etag
        last_modified = response.headers.get("last-modified") or snapshot.last_modified
        if (etag, last_modified) != (snapshot.etag, snapshot.last_modified):
            updated = dataclasses.replace(snapshot, etag=etag, last_modified=last_modified)
            self._snapshots.save_or_warn(updated, write_body=False)
        return FetchResult(
            url=snapshot.final_url,
            content=snapshot.body,
            content_type=snapshot.content_type,
            charset=snapshot.charset,
            not_modified=True,
            etag=etag,
            last_modified=last_modified,
            fetched_at=now_iso(),
        )

    def _store(self, requested: str, response: Response) -> FetchResult:
        """A new copy: saved as the snapshot of ``requested``, and returned."""
        media, charset = media_type(response.headers.get("content-type"))
        snapshot = Snapshot(
            url=requested,
            final_url=response.url,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=media or "text/html",
            charset=charset,
            fetched_at=now_iso(),
            body=response.body,
        )
        self._snapshots.save_or_warn(snapshot)
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
