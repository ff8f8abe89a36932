"""Metadata filters: ``key=value`` pairs from the CLI or the app, as Chroma ``where`` clauses and
as keyword-index terms (``ingest/store/keyword_index.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ingest.store.keyword_index import filter_term, filter_terms
from ingest.store.text import slugify

FILTER_KEYS = ("type", "kind", "city", "domain", "language", "source_id")


def parse_filters(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["kind=cluster", "city=Paris"]`` -> a filter dict; bad keys give a clear error."""
    filters: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ValueError(f"a filter is key=value, got {pair!r}")
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}; valid: {', '.join(FILTER_KEYS)}")
        filters[key] = value
    return filters


def chroma_where(filters: dict[str, str]) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    for key, value in filters.items():
        if key == "domain":
            clauses.append({f"domain_{slugify(value)}": True})
        else:
            clauses.append({key: value})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def admits(filters: Mapping[str, str] | None, metadata: Mapping[str, Any]) -> bool:
    """Whether a chunk with ``metadata`` matches every filter, as the keyword index matches it
    (for passages that join an answer outside retrieval: the directory's entries)."""
    terms = set(filter_terms(metadata))
    return all(filter_term(key, value) in terms for key, value in (filters or {}).items())
