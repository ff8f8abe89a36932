"""``load``: a source becomes documents (fetching and extracting pages, reading files)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.models import Document, IngestError, Metadata, Page, Source
from ingest.sniff import SAMPLE_BYTES, refuse_binary

if TYPE_CHECKING:
    from ingest.fetch import Fetcher

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DIRECTORY_SUFFIXES = frozenset({".csv"})
FILE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DIRECTORY_SUFFIXES


def base_metadata(source: Source, page: Page | None = None) -> Metadata:
    """Manifest fields win over what the page says about itself; empty values are left out."""
    page = page or Page(text="")
    values: dict[str, object] = {
        "title": source.title or page.title or source.location,
        "type": source.type or ("web-page" if source.kind == "url" else "document"),
        "date": source.date or page.date,
        "language": source.language or page.language,
        "author": page.author,
        "url": source.url or page.url or (source.location if source.kind == "url" else None),
        "source_kind": source.kind,
    }
    return {k: v for k, v in values.items() if isinstance(v, str | int | float | bool) and v != ""}


def own_title(source: Source, documents: list[Document]) -> str:
    """The title the source's first document gives itself (its heading, its page title), or
    the manifest's (a directory's); "" when the title would only be the source's location."""
    if source.kind == "directory":  # its documents are its organisations
        return source.title or ""
    title = str(documents[0].metadata.get("title", "")) if documents else ""
    return "" if title in ("", source.location) else title


class Loader:
    """The ``load`` stage. The fetcher is made on first use by ``fetcher_factory``."""

    def __init__(self, corpus_dir: Path, fetcher_factory: Callable[[], Fetcher]) -> None:
        self.corpus_dir = corpus_dir
        self.fetcher_factory = fetcher_factory
        self._fetcher: Fetcher | None = None
        self.note = ""  # what the last URL source left out (a spent request budget...)

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self.fetcher_factory()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def load(self, source: Source) -> list[Document]:
        self.note = ""
        if source.kind == "url":
            return self.load_url(source)
        path = self.resolve(source.location)
        if source.kind == "directory":
            return load_directory(source, path)
        return [load_file(source, path)]

    def resolve(self, location: str) -> Path:
        path = Path(location)
        return path if path.is_absolute() else self.corpus_dir / path

    def load_url(self, source: Source) -> list[Document]:
        """The pages of a URL source, within the fetcher's request budget: once it is spent,
        the pages fetched so far (and :attr:`note` says so)."""
        from ingest.fetch.budget import BudgetSpent

        fetcher = self.fetcher()
        documents: list[Document] = []
        with fetcher.budgeted() as budget:
            if source.sitemap:
                urls = fetcher.sitemap_urls(source.location, source.max_pages)
            elif source.crawl_depth > 0:
                urls = fetcher.crawl(source.location, source.crawl_depth, source.max_pages)
            else:
                urls = [source.location]
            for url in urls:
                try:
                    documents.append(self._page_document(source, url))
                except BudgetSpent:
                    break  # noted by the budget
        self.note = "; ".join(budget.notes)
        if not documents:
            reason = f"no pages found at {source.location}"
            raise IngestError(f"{reason} ({self.note})" if self.note else reason)
        return documents

    def _page_document(self, source: Source, url: str) -> Document:
        from ingest.extract import extract, extract_text_file

        result = self.fetcher().fetch_cached(url)  # a crawled page is not requested twice
        refuse_binary(result.content, url, "not indexed")
        try:
            if result.content_type.startswith("text/plain"):
                page = extract_text_file(result.content, url)
            else:
                page = extract(result.content, url=result.url, charset=result.charset)
        except IngestError as exc:
            raise IngestError(f"{url}: {exc.reason}") from exc
        doc_id = source.id if url == source.location else f"{source.id}#{_short(url)}"
        metadata = base_metadata(source, page)
        if url != source.location:
            metadata["title"] = page.title or url
            metadata["url"] = result.url
        return Document(doc_id, source.id, page.text, metadata)


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def load_file(source: Source, path: Path) -> Document:
    from ingest.extract import extract, extract_text_file

    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        hint = " (a .csv is a directory source)" if suffix in DIRECTORY_SUFFIXES else ""
        raise IngestError(f"unsupported file type {suffix or '(none)'} for {path.name}{hint}")
    try:
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(f"file not found: {path}") from exc
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror}") from exc
    refuse_binary(content, path.name, "not indexed")
    page = extract_text_file(content, path.name) if suffix in TEXT_SUFFIXES else extract(content)
    if not page.text.strip():
        raise IngestError(f"{path.name} has no text")
    return Document(source.id, source.id, mend_paragraphs(page.text), base_metadata(source, page))


def mend_paragraphs(text: str) -> str:
    """Join a sentence that an extraction cut with a blank line.

    "...Lyon (Lyonbiopole) and Marseille (EuroBioMed)\n\nclusters, we are doing the same..." is
    one sentence: a paragraph that ends without punctuation followed by one that starts in lower
    case.
    """
    return re.sub(r"(?<=[\w)])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[a-z])", " ", text)


def load_directory(source: Source, path: Path) -> list[Document]:
    from ingest.directory import organisations_to_documents, read_organisations

    if not path.exists():
        raise IngestError(f"file not found: {path}")
    with path.open("rb") as handle:
        refuse_binary(handle.read(SAMPLE_BYTES), path.name, "not indexed")
    organisations = read_organisations(path, source.format)
    if not organisations:
        raise IngestError(f"{path.name} has no organisations")
    documents = []
    for doc in organisations_to_documents(organisations, source.id):
        metadata = {**doc.metadata, "source_kind": "directory"}
        if source.date:
            metadata["date"] = source.date
        documents.append(Document(doc.doc_id, doc.source_id, doc.text, metadata))
    return documents
