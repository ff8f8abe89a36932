"""The keyword index (tantivy) on small data: BM25 ranking, filters, add/replace/delete by id,
commit atomicity, ids by source, IDF (through any sequence of changes), and the pipeline keeping
it equal to the vector index."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeEmbedder, FakeIndex
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from assistant.retrieval import admits, keyword_query
from ingest.database import Database
from ingest.fetch import FetchConfig
from ingest.models import Source
from ingest.pipeline import IngestConfig, Ingestor
from ingest.state import StateStore
from ingest.store.keyword_index import KeywordIndex, filter_terms, keyword_text
from ingest.store.text import tokenize

ROWS = {
    "a1": ("Medicen is the health cluster of the Paris Region.", "a", "Paris", True),
    "a2": ("Genopole, the biocluster of Evry, opens a gene therapy lab.", "a", "Evry", False),
    "b1": ("NeuroSpin runs high-field MRI for neuroimaging in Saclay.", "b", "Saclay", True),
    "b2": ("AP-HP counts 38 hospitals in Paris and the Paris Region.", "b", "Paris", False),
}


def meta(source: str, city: str, digital: bool) -> dict[str, object]:
    out: dict[str, object] = {"source_id": source, "city": city, "type": "document"}
    if digital:
        out["domain_digital-health"] = True
    return out


def filled(folder: Path | None) -> KeywordIndex:
    index = KeywordIndex(folder)
    ids = list(ROWS)
    index.add(ids, [ROWS[i][0] for i in ids], [meta(*ROWS[i][1:]) for i in ids])
    index.commit()
    return index


def top(index: KeywordIndex, query: str, **filters: str) -> list[str]:
    return [c.id for c, _ in index.search(keyword_query(query), 10, filters)]


def test_ranks_by_bm25_and_filters_in_the_query() -> None:
    index = filled(None)
    assert top(index, "hospitals in Paris")[0] == "b2"
    assert top(index, "neuroimaging MRI") == ["b1"]
    assert sorted(top(index, "Paris", city="Paris")) == ["a1", "b2"]
    assert top(index, "Paris", city="Evry") == []
    assert top(index, "cluster", domain="Digital health") == ["a1"]
    assert top(index, "cluster", source_id="b") == []
    assert index.search([], 5) == [] and index.search(tokenize("Paris"), 0) == []


def test_search_returns_text_and_metadata_and_top_k() -> None:
    index = filled(None)
    hits = index.search(tokenize("Paris Region cluster hospitals"), 1)
    assert len(hits) == 1
    chunk, score = hits[0]
    assert score > 0 and chunk.text == ROWS[chunk.id][0]
    assert chunk.metadata["source_id"] == ROWS[chunk.id][1]


def test_add_replaces_by_id_delete_removes_and_only_commit_publishes(tmp_path: Path) -> None:
    index = filled(tmp_path / "kw")
    index.add(["a1"], ["Medicen now funds robotics start-ups."], [meta("a", "Paris", False)])
    index.delete(["b2"])
    assert index.count() == 4 and top(index, "robotics") == []  # not committed yet
    index.commit()
    assert index.count() == 3 and top(index, "robotics") == ["a1"]
    assert top(index, "hospitals") == []
    assert index.ids_by_source() == {"a": {"a1", "a2"}, "b": {"b1"}}
    assert index.ids_by_source({"b", "zzz"}) == {"b": {"b1"}}
    # an uncommitted change dies with the process: a fresh reader sees the last commit
    index.delete(["a2"])
    index.rollback()
    again = KeywordIndex(tmp_path / "kw")
    assert again.ids_by_source() == {"a": {"a1", "a2"}, "b": {"b1"}}
    assert again.snapshot()["a1"] == ("Medicen now funds robotics start-ups.", "a")


def test_idf_like_bm25okapi() -> None:
    index = filled(None)
    idf = index.idf()
    rare, common = tokenize("neuroimaging")[0], tokenize("paris")[0]
    assert rare in idf and "nosuchterm" not in idf and idf.get("nosuchterm") is None
    assert idf[rare] > idf[common] >= 0  # in half the chunks: 0, as in BM25Okapi
    assert max(idf.values()) == pytest.approx(idf[rare])
    assert not KeywordIndex(None).idf()


def test_filter_terms() -> None:
    terms = filter_terms({"type": "organisation", "city": "Paris", "domain_medtech": True, "x": 1})
    assert sorted(terms) == ["city=Paris", "domain=medtech", "type=organisation"]


def test_pipeline_keeps_the_keyword_index_equal_to_the_vector_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    doc = corpus / "documents" / "a.txt"
    doc.write_text("Medicen is a health cluster.\n\nIt supports medtech start-ups.\n", "utf-8")
    (corpus / "documents" / "b.txt").write_text("NeuroSpin runs MRI in Saclay.\n", "utf-8")
    fetch = FetchConfig("t/1", 2, 0, 0, 1_000_000, True, tmp_path / "snap")
    keyword, index = KeywordIndex(tmp_path / "kw"), FakeIndex()
    ingestor = Ingestor(
        IngestConfig(corpus, tmp_path / "data", 200, 20, fetch),
        index,
        FakeEmbedder(),
        StateStore(Database.at(tmp_path / "database.sqlite")),
        keyword=keyword,
    )
    sources = [
        Source(id="a", kind="file", location="documents/a.txt"),
        Source(id="b", kind="file", location="documents/b.txt"),
    ]
    assert ingestor.run(sources).ok
    assert keyword.ids_by_source() == index.ids_by_source() and index.versions == 1
    assert ingestor.run(sources).ok and index.versions == 1  # nothing changed, same version
    # the keyword index lost (a crash before its commit, an upgrade): the next run refills it
    keyword.reset()
    assert ingestor.run(sources).ok and index.versions == 2
    assert keyword.ids_by_source() == index.ids_by_source()
    doc.write_text("Medicen now funds robotics.\n", "utf-8")
    assert ingestor.run(sources[:1]).ok  # b pruned, a updated
    assert keyword.ids_by_source() == index.ids_by_source() and set(index.ids_by_source()) == {"a"}
    assert top(keyword, "robotics") and not top(keyword, "NeuroSpin")
    assert ingestor.remove("a").ok and keyword.count() == 0 and not index.rows


def test_an_index_without_keyword_index_gets_it_filled_at_start(tmp_path: Path) -> None:
    """An index built before the keyword index existed: `ensure_index` fills it, no embedding."""
    from fakes import FakeBackend

    from assistant.app.container import Container
    from ingest.manifest import save_manifest
    from ingest.settings import Settings

    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "documents" / "a.txt").write_text("Medicen is a health cluster.\n", "utf-8")
    save_manifest(
        corpus / "sources.yaml", [Source(id="a", kind="file", location="documents/a.txt")]
    )
    embedder = FakeEmbedder()
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    app = Container(settings, embedder=embedder, backend=FakeBackend())
    assert app.corpus.ensure_index() is not None and app.keyword.count() > 0
    assert app.corpus.ensure_index() is None  # both indexes there: nothing to do
    app.keyword.reset()  # as if built by a version without it
    embedded = len(embedder.calls)
    report = app.corpus.ensure_index()
    assert report is not None and report.ok and report.embedded == 0
    assert len(embedder.calls) == embedded and app.keyword.count() == app.store.count()


# --- IDF through any sequence of adds, updates and removals (issue 19) -------------------------

WORDS = ["clinic", "oncology", "robot", "vaccine", "genome", "startup", "hospital", "imaging"]
# one step: chunk number -> its new text (a list of words) or None (removed); then a commit
STEP = st.dictionaries(
    st.integers(0, 9), st.none() | st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)
)


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(STEP, min_size=1, max_size=8))
def test_idf_and_search_stay_right_through_any_changes(steps: list[dict[int, Any]]) -> None:
    """After every commit the IDF of every term is BM25Okapi's over the live chunks only (finite,
    the same average), and search finds exactly the live chunks holding a term. Tantivy keeps
    a deleted chunk in its term statistics until a merge: counting it made a log negative."""
    index, live = KeywordIndex(None), {}
    vocabulary = {t for w in WORDS for t in tokenize(w)}
    for step in steps:
        for number, words in step.items():
            chunk_id = f"c{number}"
            if words is None:
                index.delete([chunk_id])
                live.pop(chunk_id, None)
            else:
                metadata = {"source_id": f"s{number % 3}", "type": "article"}
                index.add([chunk_id], [" ".join(words)], [metadata])
                live[chunk_id] = keyword_text(" ".join(words), metadata).split()
        index.commit()
        idf = index.idf()
        assert index.count() == len(live) and len(idf) == len(live)
        expected = BM25Okapi(list(live.values())) if live else None
        for term in vocabulary:
            value = idf.get(term)
            if expected is None or term not in expected.idf:
                assert value is None and term not in idf
            else:
                assert value is not None and math.isfinite(value)
                assert value == pytest.approx(expected.idf[term])
        assert all(math.isfinite(v) for v in idf.values())
        for term in vocabulary:
            holders = {c.id for c, _ in index.search([term], 20)}
            assert holders == {i for i, terms in live.items() if term in terms}


def test_admits_matches_as_the_index_filters() -> None:
    metadata = meta("a", "Paris", True)
    assert admits(None, metadata) and admits(
        {"city": "Paris", "domain": "Digital health"}, metadata
    )
    assert not admits({"city": "Evry"}, metadata) and not admits({"domain": "Medtech"}, metadata)
    assert not admits({"kind": "cluster"}, metadata)  # a key the chunk lacks
