"""Raw metadata sources: ``<meta>`` tag values and the page's JSON-LD objects."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from ingest.extract.dom import attr_text, normalize_space


def find_meta(soup: BeautifulSoup, *names: str) -> str | None:
    """The first non-empty ``content`` of a meta tag whose name / property / itemprop /
    http-equiv is one of ``names`` (case-insensitive), in the order of ``names``."""
    wanted = [name.lower() for name in names]
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = normalize_space(attr_text(tag, "content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attr_text(tag, attr).strip().lower()
            if key in wanted:
                found.setdefault(key, content)
    return next((found[name] for name in wanted if name in found), None)


_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "medicalscholarlyarticle",
        "analysisnewsarticle",
        "reportagenewsarticle",
        "webpage",
        "medicalwebpage",
        "aboutpage",
        "event",
        "pressrelease",
    }
)


def json_ld(soup: BeautifulSoup) -> list[dict[str, object]]:
    """All JSON-LD objects of the page (``@graph`` flattened), article-like types first."""
    objects: list[dict[str, object]] = []
    for script in soup.find_all("script"):
        if "ld+json" not in attr_text(script, "type").lower():
            continue
        try:
            data = json.loads(script.get_text(), strict=False)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])

    def rank(obj: dict[str, object]) -> int:
        types = obj.get("@type", [])
        names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        return 0 if any(str(t).lower() in _ARTICLE_TYPES for t in names) else 1

    return sorted(objects, key=rank)


def ld_value(objects: list[dict[str, object]], key: str) -> object | None:
    for obj in objects:
        value = obj.get(key)
        if value:
            return value
    return None


def person_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in person_names(item)]
    return []
