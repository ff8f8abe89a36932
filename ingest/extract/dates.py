"""Publication dates: parsing date strings to ``YYYY-MM-DD`` and finding the page's date in
meta tags, JSON-LD, microdata and ``<time>`` elements."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from ingest.extract.dom import attr_text, normalize_space
from ingest.extract.sources import find_meta, ld_value

_MONTHS = {
    **dict.fromkeys(("january", "jan", "janvier", "janv"), 1),
    **dict.fromkeys(("february", "feb", "février", "fevrier", "févr", "fevr", "fév"), 2),
    **dict.fromkeys(("march", "mar", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr"), 4),
    **dict.fromkeys(("may", "mai"), 5),
    **dict.fromkeys(("june", "jun", "juin"), 6),
    **dict.fromkeys(("july", "jul", "juillet", "juil"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("october", "oct", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "décembre", "decembre", "déc"), 12),
}
_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_D_MONTH_Y = re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_D_Y = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def normalize_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for ISO 8601, ``YYYYMMDD``, day-first ``DD/MM/YYYY`` and English or
    French month names; the raw text when it has a year but no parseable date; else None."""
    value = normalize_space(value)
    for pattern, order in ((_YMD, "ymd"), (_COMPACT, "ymd"), (_DMY, "dmy")):
        match = pattern.search(value)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            date = _valid_date(parts["y"], parts["m"], parts["d"])
            if date:
                return date
    for pattern, order in ((_D_MONTH_Y, "dmy"), (_MONTH_D_Y, "mdy")):
        for match in pattern.finditer(value):
            fields = dict(zip(order, match.groups(), strict=True))
            month = _MONTHS.get(fields["m"].lower())
            date = _valid_date(int(fields["y"]), month, int(fields["d"])) if month else None
            if date:
                return date
    return value[:40] if re.search(r"(?<!\d)\d{4}(?!\d)", value) else None


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_DATE_META = (
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "publication_date",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
)


def declared_date(soup: BeautifulSoup, objects: list[dict[str, object]]) -> str | None:
    """Publication date from article:published_time, JSON-LD datePublished, itemprop
    datePublished, then date meta tags (Dublin Core, citation_..., ...)."""
    candidates: list[object] = [
        find_meta(soup, "article:published_time", "og:published_time", "datepublished"),
        ld_value(objects, "datePublished"),
    ]
    marked = soup.find(itemprop="datePublished")
    if isinstance(marked, Tag):
        candidates.append(
            attr_text(marked, "datetime") or attr_text(marked, "content") or marked.get_text()
        )
    candidates.append(find_meta(soup, *_DATE_META))
    return _first_date(candidates)


def time_date(blocks: list[Tag], page: Tag) -> str | None:
    """The ``<time datetime>`` of the content blocks (a pubdate / "published" one first), else
    the first of the cleaned page."""
    candidates: list[object] = []
    for scope in (*blocks, page):
        times = scope.find_all("time", datetime=True)
        preferred = [t for t in times if t.has_attr("pubdate") or "publi" in str(t.attrs)]
        candidates.extend(attr_text(t, "datetime") for t in preferred or times[:1])
    return _first_date(candidates)


def _first_date(candidates: Iterable[object]) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            date = normalize_date(candidate)
            if date:
                return date
    return None
