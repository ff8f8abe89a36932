"""The ``fetch`` stage: polite, bounded HTTP fetching with snapshots and conditional GET.

A :class:`Fetcher` fetches one URL at a time with httpx (sync) and either returns a
:class:`~ingest.models.FetchResult` or raises :class:`~ingest.models.IngestError` with a one-line
reason. It

* sends a clear User-Agent and honours robots.txt (Disallow, with RFC 9309 ``*`` / ``$``
  wildcards, and Crawl-delay), fetched once per host with httpx and parsed offline with
  :mod:`protego` (:mod:`.robots`);
* retries connection errors, timeouts, 429 and 5xx with exponential backoff (never other 4xx);
* accepts only HTML / XHTML / plain text and streams the body, giving up past ``max_bytes``
  (:mod:`.client`);
* follows redirects itself (so robots.txt and the URL scheme are checked on every hop);
* keeps the last good copy of each URL under ``snapshots_dir/<sha256(url)[:32]>/`` (``body`` and
  ``meta.json``) and revalidates it with If-None-Match / If-Modified-Since; a 304 returns the
  snapshot with ``not_modified=True``. Snapshots are replaced atomically and only once a response
  has passed every check, so a failed fetch never damages the previous copy (:mod:`.pages`,
  :mod:`.snapshots`).

Crawling: :meth:`Fetcher.crawl` walks same-site links breadth-first and returns URLs; the pages
it fetched on the way are kept in :attr:`Fetcher.crawl_cache`, so a caller should use
:meth:`Fetcher.fetch_cached` (a cache hit, no second request) rather than :meth:`Fetcher.fetch`
(:mod:`.crawl`). Sitemaps and sitemap indexes, gzipped or not, are read with :mod:`defusedxml`
(:mod:`.sitemap`).
"""

from __future__ import annotations

from ingest.fetch.config import FetchConfig
from ingest.fetch.fetcher import Fetcher
from ingest.fetch.media import HTML_TYPES, PAGE_TYPES, SITEMAP_TYPES
from ingest.fetch.robots import ROBOTS_MAX_BYTES
from ingest.fetch.snapshots import Snapshot, SnapshotStore, snapshot_dir
from ingest.fetch.urls import SKIPPED_EXTENSIONS, extract_links, normalize_url, origin

__all__ = [
    "HTML_TYPES",
    "PAGE_TYPES",
    "ROBOTS_MAX_BYTES",
    "SITEMAP_TYPES",
    "SKIPPED_EXTENSIONS",
    "FetchConfig",
    "Fetcher",
    "Snapshot",
    "SnapshotStore",
    "extract_links",
    "normalize_url",
    "origin",
    "snapshot_dir",
]
