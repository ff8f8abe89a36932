"""The container takes fakes for any component; the services run on them (fast tier)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeBackend, FakeEmbedder

from assistant.app.container import Container
from ingest.settings import Settings


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


def test_unknown_components_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="no component named embeder"):
        Container(Settings(data_dir=tmp_path), embeder=FakeEmbedder())


def test_given_components_are_used(app: Container) -> None:
    assert isinstance(app.embedder, FakeEmbedder)
    assert app.ingestor.embedder is app.embedder
    assert app.store.embedder is app.embedder


def test_services_on_fakes(app: Container) -> None:
    report = app.corpus.ensure_index()
    assert report is not None and report.ok and report.count("added") == 3
    assert app.corpus.ensure_index() is None  # built once
    names = {row.name for row in app.directory.organisations()}
    assert {"Medicen Paris Region", "NeuroSpin"} <= names
    assert all(row.seed for row in app.corpus.sources())

    answer = app.chat.ask("How many hospitals are part of AP-HP?")
    assert answer.sources and answer.backend == "fake"
    record = answer.to_json("q1")
    assert record["id"] == "q1" and record["sources"][0]["n"] == 1
    backend = app.backend
    assert isinstance(backend, FakeBackend)
    # the evidence gate let the fake backend answer, and its citation was kept
    assert answer.grounded and answer.cited == [1] and len(backend.requests) == 1
    # the cited card highlights the sentence the answer used
    used = answer.sources[0].highlight
    assert used and used.rstrip(".") in answer.answer

    declined = app.chat.ask("How do I cook ratatouille?")
    # declined by the gate, before the backend was asked, with the nearest passages listed
    assert not declined.grounded and not declined.cited and declined.sources
    assert len(backend.requests) == 1


def test_seed_sources_are_protected(app: Container) -> None:
    from ingest.manifest import ManifestError

    assert app.corpus.refresh().ok
    with pytest.raises(ManifestError, match="seed source"):
        app.corpus.remove("organisations")
    report = app.corpus.remove("organisations", force=True)
    assert report.items[0].status == "removed" and report.items[0].deleted > 0
    assert "organisations" not in {row.source.id for row in app.corpus.sources()}
    assert app.directory.organisations() == []
