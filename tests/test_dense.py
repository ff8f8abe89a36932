"""Dense search (``assistant/retrieval/dense.py``) on a real persistent Chroma and a real tantivy
index with fake vectors: the filter applied to the ANN's nearest ids gives what Chroma's own
filtered query gives, with the same texts and scores, and Chroma answers when the keyword index
cannot (a very selective filter, chunks missing from it)."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeEmbedder

from assistant.retrieval import dense
from assistant.retrieval.dense import dense_search
from assistant.retrieval.filters import chroma_where
from ingest.settings import Settings
from ingest.store.keyword_index import KeywordIndex
from ingest.store.vectorstore import VectorStore

CITIES = ("Paris", "Evry", "Saclay", "Orsay", "Creteil", "Villejuif")
KINDS = ("hospital", "lab", "startup")
WORDS = "cluster hospital gene therapy imaging cancer research startup region health data".split()
QUERIES = ["gene therapy research", "cancer imaging hospital", "health data startup region"]
N = 600


def rows() -> list[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(5)
    out = []
    for i in range(N):
        text = " ".join(rng.choice(WORDS) for _ in range(8)) + f" item{i}."
        meta = {
            "source_id": f"s{i // 5}",
            "type": "document",
            "city": rng.choice(CITIES),
            "kind": rng.choice(KINDS),
        }
        out.append((f"c{i:04d}", text, meta))
    return out


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[VectorStore, KeywordIndex]:
    folder = tmp_path_factory.mktemp("dense")
    embedder = FakeEmbedder()
    store = VectorStore.from_settings(Settings(data_dir=folder / "data"), embedder)
    keyword = KeywordIndex(folder / "keyword")
    data = rows()
    ids, texts, metas = [r[0] for r in data], [r[1] for r in data], [r[2] for r in data]
    store.add(ids, texts, metas, embedder.embed_documents(texts))
    store.refresh_version()
    keyword.add(ids, texts, metas)
    keyword.commit()
    return store, keyword


@pytest.mark.parametrize(
    "filters",
    [{}, {"city": "Paris"}, {"city": "Paris", "kind": "lab"}, {"source_id": "s3"}],
    ids=["none", "city", "city+kind", "one-source"],
)
def test_the_nearest_matching_chunks_with_chromas_texts_and_scores(
    indexes: tuple[VectorStore, KeywordIndex], filters: dict[str, str]
) -> None:
    store, keyword = indexes
    for query in QUERIES:
        vector = store.embedder.embed_query(query)
        got = dense_search(store, keyword, query, vector, 20, filters)
        chroma = store.search(query, 20, chroma_where(filters), vector=vector)
        assert len(got) == len(chroma) > 0
        assert all(all(c.metadata[k] == v for k, v in filters.items()) for c in got)
        scores = [c.score for c in got]
        assert scores == sorted(scores, reverse=True)
        # the 20 nearest by exact cosine (many texts tie: a score as good as the 20th counts)
        exact = sorted((cosine(vector, v) for v in matching_vectors(store, filters)), reverse=True)
        floor = exact[min(20, len(exact)) - 1] - 1e-5
        assert sum(score >= floor for score in scores) >= 0.9 * len(got)  # HNSW is approximate
        by_id = {c.id: c for c in chroma}
        for chunk in (c for c in got if c.id in by_id):
            twin = by_id[chunk.id]
            assert (chunk.text, chunk.metadata) == (twin.text, twin.metadata)
            assert chunk.score == pytest.approx(twin.score, abs=1e-5)


def matching_vectors(store: VectorStore, filters: dict[str, str]) -> list[list[float]]:
    rows = store.collection.get(where=chroma_where(filters), include=["embeddings"])
    return [list(v) for v in rows["embeddings"]]


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (
        math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    )


def test_the_ann_index_answers_a_broad_filter_chroma_a_narrow_one(
    indexes: tuple[VectorStore, KeywordIndex], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, keyword = indexes
    calls: list[Any] = []
    search = store.search
    monkeypatch.setattr(store, "search", lambda *a, **kw: calls.append(a) or search(*a, **kw))
    vector = store.embedder.embed_query(QUERIES[0])
    assert len(dense_search(store, keyword, QUERIES[0], vector, 20, {"city": "Paris"})) == 20
    assert not calls  # nearest ids, the filter from the keyword index
    # 5 of 600 chunks: 20 * 600 / 5 * OVERSAMPLE candidates is past MAX_CANDIDATES
    assert 20 * N / 5 * dense.OVERSAMPLE > dense.MAX_CANDIDATES
    got = dense_search(store, keyword, QUERIES[0], vector, 20, {"source_id": "s7"})
    assert len(calls) == 1 and sorted(c.id for c in got) == [f"c{i:04d}" for i in range(35, 40)]
    assert dense_search(store, keyword, QUERIES[0], vector, 20, {"city": "Nowhere"}) == []


def test_chroma_answers_when_the_keyword_index_lacks_chunks(
    indexes: tuple[VectorStore, KeywordIndex], tmp_path: Path
) -> None:
    store, _ = indexes
    partial = KeywordIndex(tmp_path / "partial")  # as during an ingest: half the chunks so far
    data = rows()[::2]
    partial.add([r[0] for r in data], [r[1] for r in data], [r[2] for r in data])
    partial.commit()
    for query in QUERIES:
        vector = store.embedder.embed_query(query)
        expected = [c.id for c in store.search(query, 20, vector=vector)]
        assert [c.id for c in dense_search(store, partial, query, vector, 20)] == expected
        empty = KeywordIndex(None)
        assert [c.id for c in dense_search(store, empty, query, vector, 20)] == expected


def test_an_empty_index_finds_nothing(tmp_path: Path) -> None:
    store = VectorStore.from_settings(Settings(data_dir=tmp_path / "data"), FakeEmbedder())
    vector = store.embedder.embed_query("gene therapy")
    assert (
        dense_search(store, KeywordIndex(None), "gene therapy", vector, 20, {"city": "Paris"}) == []
    )
