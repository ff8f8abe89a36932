"""Small dataclasses passed between the ingestion stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.store.text import printable

MetadataValue = str | int | float | bool
Metadata = dict[str, MetadataValue]

SourceKind = Literal["file", "url", "directory"]
DirectoryFormat = Literal["paris-health", "rnsr", "finess"]


class IngestError(Exception):
    """A failure of one source, with a one-line reason meant for people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = " ".join(printable(reason).split())


class CorpusBusy(IngestError):
    """The corpus is being written by someone else (another ingest on this data directory or on
    the shared database, or ``serve`` for an embedded index): try again later. The CLI exits 75
    on it, a refresh is kept as skipped."""


@dataclass(frozen=True)
class Source:
    """One entry of the source manifest (``corpus/sources.yaml``)."""

    id: str
    kind: SourceKind
    location: str  # a path relative to the corpus directory, or an absolute URL
    title: str | None = None
    type: str | None = None  # article, interview, web-page, directory, ...
    date: str | None = None
    language: str | None = None
    url: str | None = None  # the public URL of a local file, where known
    format: DirectoryFormat = "paris-health"  # directory sources only
    crawl_depth: int = 0  # url sources: follow same-site links this deep
    max_pages: int = 20
    sitemap: bool = False  # url sources: location is a sitemap.xml
    origin: str | None = None  # an added file's copy: the path it came from ("upload:NAME")


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str
    charset: str | None
    not_modified: bool  # True when the server answered 304 and content is the snapshot
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""  # ISO 8601 UTC


@dataclass(frozen=True)
class Page:
    """The main content of one web page, as ``extract`` returns it."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:  # no control characters from a page reach a terminal
        for name in ("text", "title", "author"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, printable(value))


@dataclass(frozen=True)
class Document:
    """A unit of content with its metadata; one source yields one or more."""

    doc_id: str
    source_id: str
    text: str
    metadata: Metadata = field(default_factory=dict)

    def __post_init__(self) -> None:  # whatever the source (page, file, directory row)
        object.__setattr__(self, "text", printable(self.text))
        clean = {k: printable(v) if isinstance(v, str) else v for k, v in self.metadata.items()}
        object.__setattr__(self, "metadata", clean)


@dataclass(frozen=True)
class Chunk:
    id: str  # stable: derived from the document id and the chunk's content hash
    doc_id: str
    source_id: str
    text: str
    metadata: Metadata = field(default_factory=dict)
