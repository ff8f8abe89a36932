"""Past Chroma's 32,766-row read limit: 33,000+ chunks in a real persistent Chroma and keyword
index (FakeEmbedder vectors), then an ingest, a question and the directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeBackend, FakeEmbedder

from assistant.app.bench.synthetic import build, read_pool
from assistant.app.container import Container
from assistant.retrieval import keyword_query
from ingest.settings import Settings

pytestmark = pytest.mark.slow  # a real Chroma with 33,000 chunks (about a minute)

SIZE = 33_000


def test_past_the_chroma_read_limit(tmp_path: Path, corpus_copy: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    app = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    assert app.corpus.refresh().ok
    seed = app.store.count()
    build(app.store, app.keyword, read_pool(app.store), SIZE)
    assert app.store.count() == SIZE + seed > 32_766

    # every read of the whole collection goes by pages
    by_source = app.store.ids_by_source()
    assert sum(len(ids) for ids in by_source.values()) == SIZE + seed
    assert app.keyword.ids_by_source() == by_source

    # an ingest: one new file, then a full refresh that prunes the 33,000 synthetic chunks
    new = tmp_path / "cardio.txt"
    new.write_text("Cardiopolis is a cardiology cluster founded in Creteil in 2019.\n", "utf-8")
    added = app.corpus.add_files([new])
    assert added.ok, added.summary()
    answer = app.chat.ask("Where was Cardiopolis founded?")
    assert any("Cardiopolis" in source.text for source in answer.sources)
    best, _ = app.retriever.fresh_keyword().search(keyword_query("Cardiopolis founded"), 1)[0]
    assert "Cardiopolis" in best.text  # the keyword index saw the ingest at once

    organisations = app.directory.organisations()
    assert organisations and all(o.name for o in organisations)

    pruned = app.corpus.refresh()
    assert pruned.ok, pruned.summary()
    assert pruned.count("removed") == SIZE // 20  # twenty chunks per synthetic source
    remaining = app.store.ids_by_source()
    assert set(remaining) == {s.id for s in app.catalog.sources()}
    assert app.keyword.ids_by_source() == remaining
