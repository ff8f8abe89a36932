"""The query path on fakes: one query embedding per answer, no count() per query, sentence
embeddings from the disk cache or computed at ingest (so a first answer embeds only the
question)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fakes import FakeBackend, FakeEmbedder

from assistant.app.container import Container
from ingest.manifest import save_manifest
from ingest.models import Source
from ingest.settings import Settings
from ingest.store.embedder import LazyEmbedder

TEXT = (
    "Medicen Paris Region is the health cluster of Ile-de-France. It was founded in 2005 and "
    "gathers 400 members.\n\nAP-HP counts 38 hospitals. It employs 100,000 people in Paris.\n"
)


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return super().embed_query(text)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "a.txt").write_text(TEXT, encoding="utf-8")
    save_manifest(
        folder / "sources.yaml", [Source(id="a", kind="file", location="documents/a.txt")]
    )
    return folder


def make(tmp_path: Path, corpus: Path, inner: CountingEmbedder, **extra: Any) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, **extra)
    embedder = LazyEmbedder(inner.model_id, lambda: inner)
    return Container(settings, embedder=embedder, backend=FakeBackend())


def test_one_query_embedding_per_answer_and_no_count_per_query(
    tmp_path: Path, corpus: Path
) -> None:
    inner = CountingEmbedder()
    app = make(tmp_path, corpus, inner)
    assert app.corpus.refresh().ok
    counts: list[int] = []
    collection = app.store.collection
    original = collection.count
    collection.count = lambda: counts.append(1) or original()  # type: ignore[method-assign]
    for _ in range(3):
        assert app.chat.ask("How many hospitals does AP-HP count?").sources
    assert inner.queries == ["How many hospitals does AP-HP count?"]  # once, then remembered
    assert len(counts) <= 1  # counted once for this index version, not per query
    app.corpus.add_files([_new_file(tmp_path)])
    app.chat.ask("What is Cardiopolis?")
    assert len(counts) <= 2  # a new version is counted again


def test_sentences_from_the_disk_cache_in_a_new_process(tmp_path: Path, corpus: Path) -> None:
    first = CountingEmbedder()
    app = make(tmp_path, corpus, first)
    assert app.corpus.refresh().ok
    app.chat.ask("When was Medicen founded?")
    assert len(first.calls) == 2  # the chunks at ingest, then the passages' sentences
    second = CountingEmbedder()
    make(tmp_path, corpus, second).chat.ask("When was Medicen founded?")
    assert second.calls == [] and len(second.queries) == 1  # only the question


def test_sentence_vectors_at_ingest(tmp_path: Path, corpus: Path) -> None:
    inner = CountingEmbedder()
    app = make(tmp_path, corpus, inner, sentence_vectors_at_ingest=True)
    assert app.corpus.refresh().ok
    at_ingest = len(inner.calls)
    assert at_ingest == 2  # the chunks, then their sentences
    answer = app.chat.ask("How many hospitals does AP-HP count?")
    assert answer.sources and len(inner.calls) == at_ingest  # nothing embedded but the question


def _new_file(tmp_path: Path) -> Path:
    path = tmp_path / "cardiopolis.txt"
    path.write_text("Cardiopolis is a cardiology cluster founded in Creteil.\n", encoding="utf-8")
    return path
