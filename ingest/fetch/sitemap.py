"""Sitemaps: the page URLs of a sitemap.xml or sitemap index, gzipped or not.

XML is parsed with :mod:`defusedxml`, which refuses entity declarations (billion laughs) and
external references.
"""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Callable
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from ingest.decode import decode
from ingest.fetch.budget import BudgetSpent
from ingest.fetch.config import FetchConfig
from ingest.fetch.media import SITEMAP_TYPES
from ingest.fetch.pages import FetchPage
from ingest.fetch.urls import normalize_url, origin
from ingest.models import IngestError

log = logging.getLogger(__name__)


class SitemapReader:
    """Reads sitemaps with ``fetch``; keeps the URLs that ``allowed`` (robots.txt) lets in.

    The snapshot of a sitemap that lists nothing is ``discard``-ed (it would only cost disk);
    what a capped index leaves out is said with ``note``."""

    def __init__(
        self,
        fetch: FetchPage,
        allowed: Callable[[str], bool],
        config: FetchConfig,
        discard: Callable[[str], None],
        note: Callable[[str], None],
    ) -> None:
        self._fetch = fetch
        self._allowed = allowed
        self._max_bytes = config.max_bytes
        self._max_children = config.max_child_sitemaps
        self._discard = discard
        self._note = note

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
        try:
            kind, locs = parse_sitemap(decode(body, charset, markup=True), url)
        except IngestError:
            self._discard(url)
            raise
        if not locs:
            self._discard(url)
        return kind, locs

    def _expand_index(self, sitemaps: list[str], site: str, max_pages: int) -> list[str]:
        """The <loc> texts of the index's first ``max_child_sitemaps`` same-site sitemaps."""
        children = [url for url in _normalized(sitemaps) if origin(url) == site]
        if len(children) > self._max_children:
            self._note(
                f"sitemap index lists {len(children)} sitemaps: read the first "
                f"{self._max_children} (max_child_sitemaps)"
            )
        locs: list[str] = []
        for url in children[: self._max_children]:
            if len(locs) >= max_pages:
                break
            try:
                kind, child_locs = self.read(url)
            except BudgetSpent:
                break  # noted by the budget
            except IngestError as exc:
                log.warning("sitemap index: skipping %s: %s", url, exc.reason)
                continue
            if kind == "urlset":  # an index inside an index is not followed
                locs.extend(child_locs)
        return locs


def _normalized(urls: list[str]) -> list[str]:
    """The valid ones among ``urls``, normalised, in order."""
    valid = []
    for url in urls:
        try:
            valid.append(normalize_url(url))
        except IngestError:
            log.warning("sitemap index: skipping %r: not an http(s) URL", url)
    return valid


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
