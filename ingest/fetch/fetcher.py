"""The :class:`Fetcher` facade: one object that fetches, crawls and reads sitemaps politely."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from types import TracebackType

import httpx

from ingest.fetch.budget import RequestBudget
from ingest.fetch.client import HttpGetter, default_client
from ingest.fetch.config import FetchConfig
from ingest.fetch.crawl import crawl_site
from ingest.fetch.media import PAGE_TYPES
from ingest.fetch.pages import PageFetcher
from ingest.fetch.robots import Robots
from ingest.fetch.sitemap import SitemapReader
from ingest.fetch.snapshots import SnapshotStore
from ingest.fetch.urls import normalize_url
from ingest.models import FetchResult


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
        self._client = client or default_client(config, transport)
        self.budget = RequestBudget(config.max_requests)
        self.robots = Robots(self._client, config, self.budget, sleep=sleep, clock=clock)
        http = HttpGetter(self._client, config, self.robots, self.budget, sleep=sleep, clock=clock)
        self.snapshots = SnapshotStore(config.snapshots_dir)
        self._pages = PageFetcher(config, http, self.robots, self.snapshots)
        self._sitemaps = SitemapReader(
            self._pages.fetch, self.allowed, config, self.snapshots.discard, self.budget.note
        )
        self.crawl_cache: dict[str, FetchResult] = {}

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

    def budgeted(self) -> AbstractContextManager[RequestBudget]:
        """A block whose requests count against ``config.max_requests`` (one URL source: its
        robots.txt, sitemaps and pages); once spent, requests raise
        :class:`~ingest.fetch.budget.BudgetSpent`, and a crawl or a sitemap index stops there.
        What was left out is in the budget's ``notes``."""
        return self.budget.scope()

    def fetch(self, url: str) -> FetchResult:
        """Fetch one HTML / XHTML / plain-text page (see :mod:`ingest.fetch`)."""
        return self._pages.fetch(url, PAGE_TYPES)

    def fetch_cached(self, url: str) -> FetchResult:
        """The result :meth:`crawl` already got for ``url``, else :meth:`fetch`."""
        cached = self.crawl_cache.get(url) or self.crawl_cache.get(normalize_url(url))
        return cached if cached is not None else self.fetch(url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (always True if not respected)."""
        return self.robots.allowed(url)

    def crawl(self, start_url: str, depth: int, max_pages: int) -> list[str]:
        """Breadth-first same-site crawl from ``start_url``; URLs in discovery order (see
        :func:`~ingest.fetch.crawl.crawl_site`). The pages fetched on the way land in
        :attr:`crawl_cache` (see :meth:`fetch_cached`)."""
        return crawl_site(
            self._pages.fetch,
            self.allowed,
            self.crawl_cache,
            start_url,
            depth,
            max_pages,
            self.config.max_crawl_bytes,
        )

    def sitemap_urls(self, sitemap_url: str, max_pages: int) -> list[str]:
        """Page URLs listed in a sitemap.xml (or in the sitemaps of a sitemap index, one level
        deep); same-site, robots-allowed, normalised, de-duplicated, at most ``max_pages``."""
        return self._sitemaps.urls(sitemap_url, max_pages)
