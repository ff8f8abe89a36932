"""Same-site crawling: breadth-first from a start page, following links to HTML pages."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator

from ingest.fetch.budget import BudgetSpent
from ingest.fetch.media import HTML_TYPES, PAGE_TYPES, media_type
from ingest.fetch.pages import FetchPage
from ingest.fetch.urls import extract_links, looks_like_page, normalize_url, origin
from ingest.models import FetchResult, IngestError

log = logging.getLogger(__name__)


def crawl_site(
    fetch: FetchPage,
    allowed: Callable[[str], bool],
    cache: dict[str, FetchResult],
    start_url: str,
    depth: int,
    max_pages: int,
    max_bytes: int | None = None,
) -> list[str]:
    """Breadth-first same-site crawl from ``start_url``; URLs in discovery order.

    ``depth`` 0 is the start page only, 1 adds the pages it links to, and so on. Links are
    normalised (fragment stripped) and de-duplicated; only pages on the start page's origin
    (scheme, host, port; also the origin it redirects to), allowed by robots.txt and served
    as HTML are kept. A failure of the start page raises IngestError; failures of other
    pages are logged and skipped. The first URL is ``start_url`` exactly as given (so a
    caller can recognise it); the others are normalised. Every fetched page lands in
    ``cache``, under the URL returned for it. With ``max_bytes``, the crawl stops once the
    pages it kept hold that many bytes. When the fetcher's request budget is spent, the crawl
    stops there and returns what it found.
    """
    start = normalize_url(start_url)
    first = fetch(start, PAGE_TYPES)
    cache[start] = cache[start_url] = first
    found = [start_url]
    try:
        _walk(fetch, allowed, cache, (first, depth, max_pages, max_bytes), found)
    except BudgetSpent:
        log.info("crawl of %s: request budget spent after %d pages", start_url, len(found))
    return found


def _walk(
    fetch: FetchPage,
    allowed: Callable[[str], bool],
    cache: dict[str, FetchResult],
    limits: tuple[FetchResult, int, int, int | None],
    found: list[str],
) -> None:
    """The breadth-first walk of :func:`crawl_site` from its first page, appending to
    ``found``; BudgetSpent stops it where it is."""
    first, depth, max_pages, max_bytes = limits
    start = normalize_url(found[0])
    sites = {origin(start), origin(first.url)}
    seen = {start, first.url}
    queue: deque[tuple[FetchResult, int]] = deque([(first, 0)])
    size = len(first.content)
    while queue and len(found) < max_pages and (max_bytes is None or size < max_bytes):
        result, level = queue.popleft()
        if level >= depth or media_type(result.content_type)[0] not in HTML_TYPES:
            continue
        for link in _new_links(result, seen, sites):
            if len(found) >= max_pages or (max_bytes is not None and size >= max_bytes):
                break
            seen.add(link)
            page = _fetch_linked(fetch, allowed, link)
            if page is None or page.url in seen - {link}:  # a redirect to a page already seen
                continue
            seen.add(page.url)
            cache[link] = page
            size += len(page.content)
            found.append(link)
            queue.append((page, level + 1))


def _new_links(result: FetchResult, seen: set[str], sites: set[str]) -> Iterator[str]:
    """The page's links not seen yet, on the crawled sites, that look like pages."""
    for link in extract_links(result.content, result.url, result.charset):
        if link not in seen and origin(link) in sites and looks_like_page(link):
            yield link


def _fetch_linked(fetch: FetchPage, allowed: Callable[[str], bool], url: str) -> FetchResult | None:
    """A linked HTML page, or None (logged) if robots.txt forbids it or it fails."""
    if not allowed(url):
        log.info("crawl: skipping %s (disallowed by robots.txt)", url)
        return None
    try:
        return fetch(url, HTML_TYPES)
    except BudgetSpent:
        raise  # the crawl stops
    except IngestError as exc:
        log.info("crawl: skipping %s: %s", url, exc.reason)
        return None
