"""Services: what the CLI and the UI call. Each takes its components in the constructor."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer import DECLINE, EvidenceScorer, Turn, condense, repair_citations
from assistant.backends import NOT_FOUND, Backend, GenerationRequest
from assistant.components.vectorstore import VectorStore
from assistant.retrieval import HybridRetriever
from assistant.settings import Settings
from assistant.text import detect_language, fold
from ingest.manifest import (
    add_sources,
    load_manifest,
    remove_source,
    source_id_for_file,
    source_id_for_url,
)
from ingest.models import IngestError, Source
from ingest.pipeline import (
    DIRECTORY_SUFFIXES,
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    Ingestor,
    IngestReport,
    Progress,
    SourceReport,
    now_iso,
)
from ingest.state import SourceState, StateStore


@dataclass(frozen=True)
class SourceRow:
    source: Source
    state: SourceState | None

    @property
    def status(self) -> str:
        return self.state.status if self.state else "never ingested"

    @property
    def last_fetch(self) -> str:
        return self.state.last_fetch if self.state else ""


class CorpusService:
    """Staff operations on the corpus: list, add, refresh, remove."""

    def __init__(self, settings: Settings, ingestor: Ingestor, state: StateStore) -> None:
        self.settings = settings
        self.ingestor = ingestor
        self.state = state

    @property
    def manifest(self) -> Path:
        return self.settings.manifest_path

    def sources(self) -> list[SourceRow]:
        states = self.state.all()
        return [SourceRow(s, states.get(s.id)) for s in load_manifest(self.manifest)]

    def refresh(self, progress: Progress | None = None) -> IngestReport:
        """Ingest every source of the manifest; delete indexed sources it no longer lists."""
        return self.ingestor.run(load_manifest(self.manifest), progress=progress)

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the corpus when it is empty; None when there was one."""
        if self.ingestor.store.count() > 0:
            return None
        return self.refresh(progress)

    def add_urls(
        self,
        urls: list[str],
        *,
        crawl_depth: int = 0,
        max_pages: int = 20,
        sitemap: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        sources = [
            Source(
                id=source_id_for_url(url),
                kind="url",
                location=url,
                crawl_depth=crawl_depth,
                max_pages=max_pages,
                sitemap=sitemap,
            )
            for url in urls
        ]
        return self._add(sources, progress)

    def add_files(
        self, paths: list[Path], *, fmt: str | None = None, progress: Progress | None = None
    ) -> IngestReport:
        """Copy files into the corpus and ingest them; CSV files are directory sources."""
        sources: list[Source] = []
        copies: dict[str, Path] = {}
        failures: list[SourceReport] = []
        for path in paths:
            try:
                source, copy = self._file_source(path, fmt)
            except IngestError as exc:
                failures.append(
                    SourceReport(source_id_for_file(path), str(path), "failed", exc.reason)
                )
                continue
            sources.append(source)
            if copy is not None:
                copies[source.id] = copy
        report = self._add(sources, progress) if sources else IngestReport()
        for item in report.failed:  # a file that did not ingest does not stay in the corpus
            if item.source_id in copies:
                copies[item.source_id].unlink(missing_ok=True)
        report.items.extend(failures)
        return report

    def remove(self, source_id: str) -> IngestReport:
        remove_source(self.manifest, source_id)
        return self.ingestor.remove(source_id)

    # --- helpers ---------------------------------------------------------------------------
    def _add(self, sources: list[Source], progress: Progress | None) -> IngestReport:
        report = self.ingestor.run(sources, progress=progress, prune=False)
        ok = {item.source_id for item in report.items if item.status != "failed"}
        add_sources(self.manifest, [s for s in sources if s.id in ok])
        return report

    def _file_source(self, path: Path, fmt: str | None) -> tuple[Source, Path | None]:
        """The manifest entry for a file, and the copy made in the corpus (if any)."""
        from ingest.directory import detect_format

        if not path.is_file():
            raise IngestError(f"file not found: {path}")
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | DIRECTORY_SUFFIXES:
            raise IngestError(
                f"unsupported file type {suffix or '(none)'} for {path.name}: "
                "use .txt, .md, .html or a directory .csv"
            )
        is_directory = suffix in DIRECTORY_SUFFIXES
        folder = "directory" if is_directory else "documents"
        corpus = self.settings.corpus_dir.resolve()
        resolved = path.resolve()
        copy: Path | None = None
        if corpus in resolved.parents:
            location = str(resolved.relative_to(corpus))
        else:
            target = corpus / folder / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and target.read_bytes() != path.read_bytes():
                raise IngestError(f"{target.name} already exists in the corpus with other content")
            if not target.exists():
                shutil.copyfile(path, target)
                copy = target
            location = f"{folder}/{path.name}"
        if is_directory:
            source = Source(
                id=source_id_for_file(path),
                kind="directory",
                location=location,
                title=path.stem,
                type="directory",
                format=fmt or detect_format(path),  # type: ignore[arg-type]
            )
        else:
            source = Source(id=source_id_for_file(path), kind="file", location=location)
        return source, copy


# --- chat -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """A passage shown with an answer, numbered as the answer cites it."""

    n: int
    id: str
    title: str
    url: str
    date: str
    text: str
    score: float
    metadata: dict[str, Any]
    highlight: str = ""  # the sentence of this passage that best answers the question

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "title": self.title,
            "url": self.url,
            "text": self.text,
            "score": round(self.score, 6),
            "metadata": self.metadata,
        }


@dataclass
class Answer:
    question: str
    standalone: str
    answer: str
    grounded: bool
    sources: list[SourceRef]
    cited: list[int]
    language: str
    backend: str
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_json(self, id: str | None = None) -> dict[str, Any]:  # noqa: A002 - the contract's key
        return {
            "id": id,
            "answer": self.answer,
            "grounded": self.grounded,
            "sources": [s.to_json() for s in self.sources],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }


@dataclass(frozen=True)
class Delta:
    """A piece of answer text while it streams."""

    text: str


class ChatService:
    """condense -> retrieve -> score evidence (the decline gate) -> generate -> repair citations."""

    def __init__(
        self,
        retriever: HybridRetriever,
        backend: Backend,
        scorer: EvidenceScorer,
        settings: Settings,
    ) -> None:
        self.retriever = retriever
        self.backend = backend
        self.scorer = scorer
        self.settings = settings

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: dict[str, str] | None = None,
        k: int | None = None,
    ) -> Answer:
        final: Answer | None = None
        for event in self.stream(question, history, filters, k):
            if isinstance(event, Answer):
                final = event
        assert final is not None
        return final

    def stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: dict[str, str] | None = None,
        k: int | None = None,
    ) -> Iterator[Delta | Answer]:
        """Text deltas while the backend generates, then the final :class:`Answer`."""
        started = time.perf_counter()
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        standalone = condense(question, history)
        passages = self.retriever.retrieve(standalone, k or self.settings.k, filters)
        self.scorer.set_idf(self.retriever.bm25.get().idf)
        said = [t.content for t in history if t.role == "assistant" and t.content.strip()]
        evidence = self.scorer.score(standalone, passages, said[-1] if said else "")
        language = detect_language(question)
        evidence.language = language
        retrieved = time.perf_counter()
        sources = [
            SourceRef(
                n=n,
                id=p.id,
                title=str(p.metadata.get("title", "")),
                url=str(p.metadata.get("url", "")),
                date=str(p.metadata.get("date", "")),
                text=p.text,
                score=p.score,
                metadata=p.metadata,
                highlight=evidence.highlight(n),
            )
            for n, p in enumerate(passages, start=1)
        ]
        text, grounded = DECLINE[language], False
        cited: list[int] = []
        if evidence.answerable:
            request = GenerationRequest(standalone, language, passages, evidence)
            parts: list[str] = []
            for delta in self.backend.generate(request):
                parts.append(delta)
                if NOT_FOUND not in "".join(parts) and not delta.startswith(NOT_FOUND[:3]):
                    yield Delta(delta)
            text, cited = repair_citations("".join(parts), len(passages))
            grounded = bool(cited) and NOT_FOUND not in text
            if not grounded:
                text, cited = DECLINE[language], []
        if not grounded:
            text = f"{text} {NEAREST[language]}" if passages else text
        done = time.perf_counter()
        yield Answer(
            question=question,
            standalone=standalone,
            answer=text,
            grounded=grounded,
            sources=sources,
            cited=cited,
            language=language,
            backend=self.backend.name,
            timings_ms={
                "retrieve": (retrieved - started) * 1000,
                "generate": (done - retrieved) * 1000,
                "total": (done - started) * 1000,
            },
        )


NEAREST = {
    "en": "The nearest passages are listed below.",
    "fr": "Les passages les plus proches sont listés ci-dessous.",
}


# --- directory --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    kind: str
    city: str
    domains: str
    website: str
    description: str
    doc_id: str


@dataclass(frozen=True)
class PartnerMatch:
    organisation: OrganisationRow
    score: float
    passage: str  # the passage that justifies the match
    source_title: str


class DirectoryService:
    """The organisation directory as indexed (every directory source), searchable and rankable."""

    def __init__(self, store: VectorStore, retriever: HybridRetriever) -> None:
        self.store = store
        self.retriever = retriever

    def organisations(self) -> list[OrganisationRow]:
        result = self.store.collection.get(
            where={"type": "organisation"}, include=["documents", "metadatas"]
        )
        rows: dict[str, OrganisationRow] = {}
        for text, meta in zip(result["documents"] or [], result["metadatas"] or [], strict=False):
            meta = meta or {}
            doc_id = str(meta.get("doc_id", ""))
            if doc_id in rows:
                continue
            rows[doc_id] = OrganisationRow(
                name=str(meta.get("title", "")),
                kind=str(meta.get("kind", "")),
                city=str(meta.get("city", "")),
                domains=str(meta.get("domains", "")),
                website=str(meta.get("website", "")),
                description=text or "",
                doc_id=doc_id,
            )
        return sorted(rows.values(), key=lambda r: r.name.lower())

    def search(
        self, query: str = "", kind: str = "", city: str = "", domain: str = ""
    ) -> list[OrganisationRow]:
        needle = fold(query.strip())
        out = []
        for row in self.organisations():
            if kind and row.kind != kind:
                continue
            if city and fold(row.city) != fold(city):
                continue
            if domain and fold(domain) not in fold(row.domains):
                continue
            if needle and needle not in fold(f"{row.name} {row.description} {row.domains}"):
                continue
            out.append(row)
        return out

    def find_partners(self, description: str, k: int = 8) -> list[PartnerMatch]:
        """Organisations ranked for a project description, each with its justifying passage."""
        if not description.strip():
            raise ValueError("describe the project in a few lines")
        organisations = {row.doc_id: row for row in self.organisations()}
        passages = self.retriever.retrieve(description, k=30)
        best: dict[str, PartnerMatch] = {}
        for passage in passages:
            doc_id = str(passage.metadata.get("doc_id", ""))
            if doc_id in organisations:
                hits = [organisations[doc_id]]
            else:  # a document passage counts for the organisations it names
                text = fold(passage.text)
                hits = [r for r in organisations.values() if _names(r, text)]
            for row in hits:
                current = best.get(row.doc_id)
                score = passage.score + (current.score if current else 0.0)
                keep = current.passage if current else passage.text
                title = current.source_title if current else str(passage.metadata.get("title", ""))
                best[row.doc_id] = PartnerMatch(row, score, keep, title)
        return sorted(best.values(), key=lambda m: -m.score)[:k]


def _names(row: OrganisationRow, folded_text: str) -> bool:
    name = fold(row.name)
    return len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", folded_text) is not None


# --- feedback ---------------------------------------------------------------------------------


class FeedbackStore:
    """Thumbs up/down with the question, answer and sources (SQLite under the data dir)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "created_at TEXT NOT NULL, rating INTEGER NOT NULL, question TEXT NOT NULL, "
            "answer TEXT NOT NULL, sources TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '')"
        )
        return conn

    def record(
        self,
        rating: int,
        question: str,
        answer: str,
        sources: list[dict[str, Any]],
        comment: str = "",
    ) -> int:
        if rating not in (1, -1):
            raise ValueError("rating is 1 (up) or -1 (down)")
        with closing(self._connect()) as conn, conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, rating, question, answer, sources, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    now_iso(),
                    rating,
                    question,
                    answer,
                    json.dumps(sources, ensure_ascii=False),
                    comment,
                ),
            )
            return int(cursor.lastrowid or 0)

    def all(self) -> list[dict[str, Any]]:
        with closing(self._connect()) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [{**dict(r), "sources": json.loads(r["sources"])} for r in rows]
