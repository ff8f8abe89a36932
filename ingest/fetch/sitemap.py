"""Sitemaps: the page URLs of a sitemap.xml or sitemap index, gzipped or not.

XML is parsed with :mod:`defusedxml`, which refuses entity declarations (billion laughs) and
external references.
"""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from ingest.decode import decode
from ingest.fetch.media import SITEMAP_TYPES
from ingest.fetch.pages import FetchPage
from ingest.fetch.urls import normalize_url, origin
from ingest.models import IngestError

log = logging.getLogger(__name__)


class SitemapReader:
    """Reads sitemaps with ``fetch``; keeps the URLs that ``allowed`` (robots.txt) lets in."""

    def __init__(self, fetch: FetchPage, allowed: Callable[[str], bool], max_bytes: int) -> None:
        self._fetch = fetch
        self._allowed = allowed
        self._max_bytes = max_bytes

    def urls(self, sitemap_url: str, max_pages: int) -> list[str]:
        """Page URLs listed in a sitemap.xml (or in the sitemaps of a sitemap index, one level
        deep); same-site, robots-allowed, normalised, de-duplicated, at most ``max_pages``."""
        sitemap_url = normalize_url(sitemap_url)
        site = origin(sitemap_url)
        kind, locs = self.read(sitemap_url)
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
            if origin(url) == site and self._allowed(url):
                urls.setdefault(url, None)
        return list(urls)

    def read(self, url: str) -> tuple[str, list[str]]:
        """(root element name, the <loc> texts) of one sitemap file."""
        result = self._fetch(url, SITEMAP_TYPES)
        body = result.content
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, url, self._max_bytes)
            charset = None  # the header's charset, if any, was the archive's
        else:
            charset = result.charset
        return parse_sitemap(decode(body, charset, markup=True), url)

    def _expand_index(self, sitemaps: Iterable[str], site: str, max_pages: int) -> list[str]:
        locs: list[str] = []
        for sitemap in sitemaps:
            if len(locs) >= max_pages:
                break
            try:
                url = normalize_url(sitemap)
                if origin(url) != site:
                    continue
                kind, child_locs = self.read(url)
            except IngestError as exc:
                log.warning("sitemap index: skipping %s: %s", sitemap, exc.reason)
                continue
            if kind == "urlset":  # an index inside an index is not followed
                locs.extend(child_locs)
        return locs


def parse_sitemap(text: str, url: str) -> tuple[str, list[str]]:
    """(root element name, the <loc> texts) of a sitemap's XML; IngestError if it is not one."""
    root = _parse_xml(text, url)
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


def _parse_xml(text: str, url: str) -> Element:
    try:
        return SafeET.fromstring(text)
    except (EntitiesForbidden, ExternalReferenceForbidden) as exc:
        raise IngestError(f"sitemap {url} declares XML entities; refusing to parse it") from exc
    except DefusedXmlException as exc:
        raise IngestError(f"unsafe XML in sitemap {url}: {exc}") from exc
    except ParseError as exc:
        raise IngestError(f"invalid sitemap XML at {url}: {exc}") from exc


def gunzip(body: bytes, url: str, max_bytes: int) -> bytes:
    """Uncompress a gzipped sitemap, refusing one larger than ``max_bytes`` once uncompressed."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise IngestError(f"invalid gzip sitemap at {url}: {exc}") from exc
    if len(data) > max_bytes:
        raise IngestError(f"sitemap larger than {max_bytes} bytes: {url}")
    return data


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
