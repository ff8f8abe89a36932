"""The keyword index: BM25 over an inverted index (tantivy), persistent and updated in place.

Chosen by measurement over rank-bm25 (which scores every chunk in Python per query and must be
rebuilt whole after any change) and SQLite FTS5 (see docs/benchmarks.md). Tantivy keeps the
index on disk under the data directory, adds and deletes chunks by id, takes the metadata
filters in the query, and returns the top k by a heap (block-max WAND), not a full sort.

The text is tokenized by :func:`ingest.store.text.tokenize` (folded, stemmed, stop words removed)
and indexed on whitespace, so the terms are the ones the evidence scorer and the glossary use.
Writes are buffered until :meth:`commit`, which is atomic: a run killed before it leaves the
index as it was at the last commit, and the next ingest diffs against that.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ingest.store.idf import IdfTable, average_idf, stored_chunks
from ingest.store.text import TOKENIZER_VERSION, slugify, tokenize
from ingest.store.vectorstore import StoredChunk

FILTERED = ("type", "kind", "city", "language", "source_id")  # plus domain_<slug> flags
WRITER_HEAP = 64_000_000


def filter_terms(metadata: Mapping[str, Any]) -> list[str]:
    """The ``key=value`` terms a chunk can be filtered on."""
    terms = [f"{key}={metadata[key]}" for key in FILTERED if metadata.get(key) not in (None, "")]
    terms += [f"domain={key[7:]}" for key, v in metadata.items() if key.startswith("domain_") and v]
    return terms


def filter_term(key: str, value: str) -> str:
    return f"domain={slugify(value)}" if key == "domain" else f"{key}={value}"


def keyword_text(text: str, metadata: Mapping[str, Any]) -> str:
    """What is indexed for a chunk: the terms of its title and text."""
    return " ".join(tokenize(f"{metadata.get('title', '')} {text}")) or "_"


class KeywordIndex:
    """BM25 search, and the writes of ingestion (add, delete, commit), over one tantivy
    index (``folder`` None: in memory, for tests)."""

    def __init__(self, folder: Path | None) -> None:
        import tantivy

        self._tantivy = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
        builder.add_text_field("source", stored=True, tokenizer_name="raw", index_option="basic")
        builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
        builder.add_text_field("filter", tokenizer_name="raw", index_option="basic")
        builder.add_bytes_field("payload", stored=True)
        self.schema = builder.build()
        self.folder = folder
        self._index: Any = None  # opened on first use: a read-only data directory is refused
        # by the ingest lock with a clear message before tantivy tries to take its own lock
        self._writer: Any = None
        self._lock = threading.Lock()
        self._average_idf: tuple[tuple[int, ...], float] | None = None  # (generation, average)

    @property
    def index(self) -> Any:
        if self._index is None:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
            folder = str(self.folder) if self.folder else None
            self._index = self._tantivy.Index(self.schema, folder, reuse=True)
        return self._index

    @classmethod
    def at(cls, data_dir: Path, collection: str) -> KeywordIndex:
        return cls(data_dir / "keyword" / f"{collection}-t{TOKENIZER_VERSION}")

    # --- writing (ingestion) ----------------------------------------------------------------
    @property
    def writer(self) -> Any:
        if self._writer is None:
            self._writer = self.index.writer(WRITER_HEAP, 1)
        return self._writer

    def add(
        self, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]
    ) -> None:
        tantivy = self._tantivy
        for chunk_id, text, meta in zip(ids, texts, metadatas, strict=True):
            self.writer.delete_documents_by_term("id", chunk_id)  # add replaces
            doc = tantivy.Document()
            doc.add_text("id", chunk_id)
            doc.add_text("source", str(meta.get("source_id", "")))  # one each: idf.py counts
            doc.add_text("body", keyword_text(text, meta))
            for term in filter_terms(meta):
                doc.add_text("filter", term)
            payload = json.dumps({"text": text, "metadata": meta}, ensure_ascii=False)
            doc.add_bytes("payload", payload.encode())
            self.writer.add_document(doc)

    def delete(self, ids: Iterable[str]) -> None:
        for chunk_id in ids:
            self.writer.delete_documents_by_term("id", chunk_id)

    def commit(self) -> None:
        """Make the buffered writes durable and visible; releases the writer's lock."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        writer.commit()
        writer.wait_merging_threads()
        self.reload()

    def rollback(self) -> None:
        if self._writer is not None:
            self._writer.rollback()
            self._writer = None

    def reset(self) -> None:
        self.writer.delete_all_documents()
        self.commit()

    # --- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """See the last commit (of this process or another)."""
        self.index.reload()
        self._average_idf = None

    def count(self) -> int:
        return int(self.index.searcher().num_docs)

    def _hits(self, query: Any, limit: int) -> Iterator[tuple[float, dict[str, Any]]]:
        searcher = self.index.searcher()
        if limit <= 0:
            return
        for score, address in searcher.search(query, limit, count=False).hits:
            yield float(score), searcher.doc(address).to_dict()

    def ids_by_source(self, sources: Collection[str] | None = None) -> dict[str, set[str]]:
        query = self._tantivy.Query
        by_source: dict[str, set[str]] = {}
        if sources is None:
            selections = [(query.all_query(), self.count())]
        else:
            selections = []
            for source in sorted(sources):
                term = query.term_query(self.schema, "source", source, index_option="basic")
                found = self.index.searcher().search(term, 1)
                selections.append((term, int(found.count or 0)))
        for selection, limit in selections:
            for _, doc in self._hits(selection, limit):
                by_source.setdefault(doc["source"][0], set()).add(doc["id"][0])
        return by_source

    def opstamp(self) -> int | None:
        """The stamp of the last commit (tantivy's ``meta.json``), by this process or another:
        what was read of the index holds while it is the same; None in memory."""
        if self.folder is None:
            return None
        try:
            return int(json.loads((self.folder / "meta.json").read_text())["opstamp"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def ids(self) -> set[str]:
        """Every chunk id the index holds."""
        return {i for ids in self.ids_by_source().values() for i in ids}

    def search(
        self, terms: Sequence[str], k: int, filters: Mapping[str, str] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """The top ``k`` chunks by BM25 for ``terms`` (already tokenized), among those matching
        every filter."""
        tantivy = self._tantivy
        if not terms or k <= 0:
            return []
        should = [
            (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "body", t, "freq"))
            for t in terms
        ]
        query = tantivy.Query.boolean_query(should)
        if filters:
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, query), *self._filter_clauses(filters)]
            )
        return [(_chunk(doc), score) for score, doc in self._hits(query, k)]

    def _filter_clauses(self, filters: Mapping[str, str]) -> list[tuple[Any, Any]]:
        """One unscored ``Must`` clause per filter."""
        tantivy = self._tantivy
        clauses = []
        for key, value in filters.items():
            term = tantivy.Query.term_query(self.schema, "filter", filter_term(key, value), "basic")
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(term, 0.0)))
        return clauses

    def count_matching(self, filters: Mapping[str, str]) -> int:
        """How many chunks match every filter (counted from the posting lists, ~0.1 ms)."""
        if not filters:
            return self.count()
        query = self._tantivy.Query.boolean_query(self._filter_clauses(filters))
        return int(self.index.searcher().search(query, 1, count=True).count or 0)

    def matching(self, ids: Sequence[str], filters: Mapping[str, str]) -> dict[str, StoredChunk]:
        """Those of ``ids`` that match every filter, with their text and metadata."""
        if not ids:
            return {}
        tantivy = self._tantivy
        among = tantivy.Query.term_set_query(self.schema, "id", list(ids))
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, among), *self._filter_clauses(filters)]
        )
        return {
            chunk.id: chunk for chunk in (_chunk(doc) for _, doc in self._hits(query, len(ids)))
        }

    def idf(self) -> IdfTable:
        """IDF per term over the live chunks, as rank-bm25's BM25Okapi computes it (the evidence
        scorer's weights); the average IDF is kept until the index changes."""
        searcher = self.index.searcher()
        docs, stored = int(searcher.num_docs), stored_chunks(searcher)
        generation = (docs, stored, int(searcher.num_segments))
        if self._average_idf is None or self._average_idf[0] != generation:
            self._average_idf = (generation, average_idf(searcher, deleted=stored != docs))
        return IdfTable(searcher, self.schema, self._average_idf[1], stored)

    def snapshot(self) -> dict[str, tuple[str, str]]:
        """Every chunk as ``{id: (text, source_id)}`` (for tests)."""
        out = {}
        for _, doc in self._hits(self._tantivy.Query.all_query(), self.count()):
            payload = json.loads(doc["payload"][0])
            out[doc["id"][0]] = (payload["text"], doc["source"][0])
        return out


def _chunk(doc: Mapping[str, Any]) -> StoredChunk:
    """A stored document as the chunk it holds."""
    payload = json.loads(doc["payload"][0])
    return StoredChunk(doc["id"][0], payload["text"], payload["metadata"])
