"""The ``metadata`` stage: title, author and language of the page, read before cleaning
(with the date, see :mod:`ingest.extract.dates`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from ingest.extract.dates import declared_date
from ingest.extract.dom import attr_text, normalize_space
from ingest.extract.sources import find_meta, json_ld, ld_value, person_names

# titles

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/)\s+")


def clean_title(
    title: str, site_name: str | None = None, heading: str | None = None, guess: bool = True
) -> str:
    """Strip a site-name prefix or suffix: ``"Page | Site"``, ``"Page - Site"``, ``"Site – Page"``.

    The h1 wins when it is the title's first part or any part between separators; a known
    site name is stripped at either end; otherwise (if ``guess``) a short last segment (four
    words at most) is taken for the site name."""
    title = normalize_space(title)
    if heading and title.casefold().startswith(heading.casefold()):
        rest = title[len(heading) :]
        if not rest or _TITLE_SEPARATOR.match(rest):
            return title[: len(heading)]
    matches = list(_TITLE_SEPARATOR.finditer(title))
    if not matches:
        return title
    if heading and heading.casefold() in (p.casefold() for p in _TITLE_SEPARATOR.split(title)):
        return normalize_space(heading)
    first, last = matches[0], matches[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if site_name:
        site = normalize_space(site_name).casefold()
        if tail.casefold() == site or site in tail.casefold():
            return head
        if title[: first.start()].casefold() == site:
            return title[first.end() :]
    if guess and len(tail.split()) <= 4 and len(tail) <= 40 and len(head) >= len(tail):
        return head
    return title


def page_title(info: HeadInfo, heading: str | None) -> str | None:
    """og:title (site name stripped only when known), else <title> (site name stripped), else
    the first h1 of the content, else the JSON-LD headline."""
    if info.og_title:
        return clean_title(info.og_title, info.site_name, guess=False)
    if info.html_title:
        return clean_title(info.html_title, info.site_name, heading)
    return heading or info.headline


# authors

_BYLINE = re.compile(r"^(by|par|written by|écrit par|auteur\s*:|author\s*:)\s+", re.I)


def _clean_author(value: str) -> str | None:
    value = _BYLINE.sub("", normalize_space(value))
    if not value or re.match(r"^(https?:|www\.|@)", value) or len(value) > 120:
        return None
    return value


def _author(soup: BeautifulSoup, objects: list[dict[str, object]]) -> str | None:
    """meta author, article:author, JSON-LD author, rel=author, itemprop=author, dc.creator."""
    candidates: list[str | None] = [
        find_meta(soup, "author"),
        find_meta(soup, "article:author"),
        ", ".join(person_names(ld_value(objects, "author"))),
    ]
    for link in soup.find_all("a", rel=True):
        if "author" in attr_text(link, "rel").lower().split():
            candidates.append(link.get_text(" "))
            break
    marked = soup.find(itemprop="author")
    if isinstance(marked, Tag):
        named = marked.find(itemprop="name")
        source = named if isinstance(named, Tag) else marked
        candidates.append(attr_text(source, "content") or source.get_text(" "))
    candidates.append(find_meta(soup, "dc.creator", "dcterms.creator"))
    for candidate in candidates:
        author = _clean_author(candidate) if candidate else None
        if author:
            return author
    return None


# language

# three-letter codes and language names, as some sites write them, to ISO 639-1
_ALIASES = {
    "fra": "fr",
    "fre": "fr",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "english": "en",
    "anglais": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "german": "de",
    "deutsch": "de",
    "spanish": "es",
    "español": "es",
}


def normalize_language(value: str | None) -> str | None:
    """``fr-FR``, ``fr_FR``, ``FR``, ``fra``, ``French`` -> ``fr``; None when it is not a
    language tag."""
    if not value:
        return None
    alias = _ALIASES.get(value.strip().casefold())
    if alias:
        return alias
    match = re.match(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*(?:[,;]|$)", value)
    if not match:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else _ALIASES.get(code)


def _language(soup: BeautifulSoup) -> str | None:
    """``<html lang>``, then og:locale, then http-equiv content-language / language metas."""
    html = soup.find("html")
    candidates = [
        attr_text(html, "lang") or attr_text(html, "xml:lang") if isinstance(html, Tag) else "",
        find_meta(soup, "og:locale"),
        find_meta(soup, "content-language"),
        find_meta(soup, "language", "dc.language", "dcterms.language"),
    ]
    for candidate in candidates:
        language = normalize_language(candidate)
        if language:
            return language
    return None


@dataclass(frozen=True)
class HeadInfo:
    """What can be read before the page is cleaned (head tags, JSON-LD, bylines)."""

    og_title: str | None
    html_title: str | None
    site_name: str | None
    headline: str | None
    date: str | None
    author: str | None
    language: str | None


def head_info(soup: BeautifulSoup) -> HeadInfo:
    objects = json_ld(soup)
    headline = ld_value(objects, "headline")
    site = find_meta(soup, "og:site_name", "application-name")
    ld_publisher = ld_value(objects, "publisher")
    if not site and isinstance(ld_publisher, dict) and isinstance(ld_publisher.get("name"), str):
        site = str(ld_publisher["name"])
    html_title = normalize_space(soup.title.get_text()) if soup.title else ""
    return HeadInfo(
        og_title=find_meta(soup, "og:title", "twitter:title"),
        html_title=html_title or None,
        site_name=site,
        headline=normalize_space(headline) if isinstance(headline, str) else None,
        date=declared_date(soup, objects),
        author=_author(soup, objects),
        language=_language(soup),
    )


def first_heading(*scopes: Tag) -> str | None:
    for scope in scopes:
        h1 = scope.find("h1")
        if isinstance(h1, Tag):
            text = normalize_space(h1.get_text(" "))
            if text:
                return text
    return None
