"""The source manifest, ``corpus/sources.yaml``: every source is one entry."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, get_args
from urllib.parse import urlparse

import yaml

from ingest.directory import slugify
from ingest.models import DirectoryFormat, Source, SourceKind

HEADER = (
    "# paris-health source manifest: one entry per source.\n"
    "# kind: file (txt, md, html under corpus/), url (a web page; crawl_depth / sitemap optional)\n"
    "# or directory (an organisation CSV; format: paris-health | rnsr | finess).\n"
    "# Add entries by hand or with `paris-health ingest --url URL` / `--file PATH`.\n"
)
FIELD_NAMES = {f.name for f in fields(Source)}
DEFAULTS = {f.name: f.default for f in fields(Source)}


class ManifestError(ValueError):
    """The manifest is malformed; the message is one line and names the entry."""


def short_slug(text: str, max_len: int = 60) -> str:
    """A source id part: the directory's slug, cut to ``max_len``."""
    return slugify(text)[:max_len].strip("-") or "source"


def source_id_for_url(url: str) -> str:
    parsed = urlparse(url)
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    return f"web-{short_slug(parsed.netloc + parsed.path, 48)}-{digest}"


def source_id_for_file(path: Path) -> str:
    return short_slug(path.stem)


def _parse_entry(raw: Any, position: int) -> Source:
    if not isinstance(raw, dict):
        raise ManifestError(f"entry {position}: expected a mapping, got {type(raw).__name__}")
    unknown = set(raw) - FIELD_NAMES
    if unknown:
        raise ManifestError(f"entry {position}: unknown keys {', '.join(sorted(unknown))}")
    for key in ("id", "kind", "location"):
        if not raw.get(key):
            raise ManifestError(f"entry {position}: missing {key!r}")
    if raw["kind"] not in get_args(SourceKind):
        raise ManifestError(
            f"entry {position} ({raw['id']}): kind must be one of "
            f"{', '.join(get_args(SourceKind))}, got {raw['kind']!r}"
        )
    if raw.get("format", "paris-health") not in get_args(DirectoryFormat):
        raise ManifestError(
            f"entry {position} ({raw['id']}): format must be one of "
            f"{', '.join(get_args(DirectoryFormat))}"
        )
    values: dict[str, Any] = {
        k: (str(v) if k in ("date", "id", "location") else v) for k, v in raw.items()
    }
    return Source(**values)


def load_manifest(path: Path) -> list[Source]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path.name}: not valid YAML: {' '.join(str(exc).split())}") from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if entries is None:
        raise ManifestError(f"{path.name}: expected a top-level 'sources:' list")
    sources = [_parse_entry(raw, n) for n, raw in enumerate(entries, start=1)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise ManifestError(f"{path.name}: duplicate source id {source.id!r}")
        seen.add(source.id)
    return sources


def save_manifest(path: Path, sources: list[Source]) -> None:
    entries = [
        {k: v for k, v in asdict(s).items() if k in ("id", "kind", "location") or v != DEFAULTS[k]}
        for s in sources
    ]
    body = HEADER + yaml.safe_dump(
        {"sources": entries}, sort_keys=False, allow_unicode=True, width=100
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(body)
    os.replace(tmp, path)


def add_sources(path: Path, new: list[Source]) -> list[Source]:
    """Add sources to the manifest, skipping those already there (same id or location).

    Returns the sources as they stand in the manifest (existing entries win).
    """
    sources = load_manifest(path)
    by_location = {s.location: s for s in sources}
    by_id = {s.id: s for s in sources}
    result = []
    for source in new:
        existing = by_location.get(source.location) or by_id.get(source.id)
        if existing is None:
            sources.append(source)
            by_location[source.location] = by_id[source.id] = source
            existing = source
        result.append(existing)
    save_manifest(path, sources)
    return result


def remove_source(path: Path, source_id: str) -> Source:
    sources = load_manifest(path)
    kept = [s for s in sources if s.id != source_id]
    if len(kept) == len(sources):
        raise ManifestError(f"no source with id {source_id!r} in {path.name}")
    save_manifest(path, kept)
    return next(s for s in sources if s.id == source_id)
