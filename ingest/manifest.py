"""A source manifest file (``sources.yaml``): one entry per source, validated by pydantic."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ingest.atomic import write_atomic
from ingest.models import DirectoryFormat, Source, SourceKind
from ingest.store.text import slugify

HEADER = (
    "# paris-health source manifest: one entry per source.\n"
    "# kind: file (txt, md, html), url (a web page; crawl_depth / sitemap optional)\n"
    "# or directory (an organisation CSV; format: paris-health | rnsr | finess).\n"
)
DEFAULTS = {f.name: f.default for f in fields(Source)}


class ManifestError(ValueError):
    """The manifest is malformed; the message is one line and names the entry."""


class SourceEntry(BaseModel):
    """One entry as written in the YAML file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: SourceKind
    location: str
    title: str | None = None
    type: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    format: DirectoryFormat = "paris-health"
    crawl_depth: int = 0
    max_pages: int = 20
    sitemap: bool = False
    origin: str | None = None

    @field_validator("id", "location", "date", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    @field_validator("id", "location")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def to_source(self) -> Source:
        return Source(**self.model_dump())


def short_slug(text: str, max_len: int = 60) -> str:
    """A source id part: the directory's slug, cut to ``max_len``."""
    return slugify(text)[:max_len].strip("-") or "source"


def source_id_for_url(url: str) -> str:
    parsed = urlparse(url)
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    return f"web-{short_slug(parsed.netloc + parsed.path, 48)}-{digest}"


def source_id_for_file(path: Path) -> str:
    return short_slug(path.stem)


def _one_line(exc: ValidationError, position: int, raw: Any) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"]) or "entry"
    name = f" ({raw['id']})" if isinstance(raw, dict) and raw.get("id") else ""
    if error["type"] == "extra_forbidden":
        return f"entry {position}{name}: unknown key {where!r}"
    if error["type"] == "missing":
        return f"entry {position}{name}: missing {where!r}"
    return f"entry {position}{name}: {where}: {error['msg']}"


def parse_entry(raw: Any, position: int) -> Source:
    if not isinstance(raw, dict):
        raise ManifestError(f"entry {position}: expected a mapping, got {type(raw).__name__}")
    try:
        return SourceEntry.model_validate(raw).to_source()
    except ValidationError as exc:
        raise ManifestError(_one_line(exc, position, raw)) from exc


def read_yaml(path: Path) -> dict[str, Any]:
    """The file's mapping; an absent file is empty."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ManifestError(f"{path.name}: not valid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise ManifestError(f"{path.name}: expected a top-level 'sources:' list")
    return data


def load_manifest(path: Path) -> list[Source]:
    data = read_yaml(path)
    if not data:
        return []
    entries = data.get("sources")
    if entries is None and "removed" not in data:
        raise ManifestError(f"{path.name}: expected a top-level 'sources:' list")
    sources = [parse_entry(raw, n) for n, raw in enumerate(entries or [], start=1)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise ManifestError(f"{path.name}: duplicate source id {source.id!r}")
        seen.add(source.id)
    return sources


def entry(source: Source) -> dict[str, Any]:
    """A source as a YAML entry: the required keys and every value that is not a default."""
    return {
        k: v
        for k, v in asdict(source).items()
        if k in ("id", "kind", "location") or v != DEFAULTS[k]
    }


def save_manifest(
    path: Path, sources: list[Source], removed: list[str] | None = None, header: str = HEADER
) -> None:
    data: dict[str, Any] = {"sources": [entry(s) for s in sources]}
    if removed:
        data["removed"] = sorted(set(removed))
    body = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, body)
