"""The ingestion pipeline on fakes (fast tier): what is embedded, kept, updated and removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeEmbedder, FakeIndex, FakeSite

from ingest.database import Database
from ingest.fetch import FetchConfig, Fetcher
from ingest.models import Source
from ingest.pipeline import IngestConfig, Ingestor
from ingest.state import StateStore

TEXT = "Medicen Paris Region is a health cluster. It supports medtech start-ups.\n\n" * 3
PAGE = (
    b"<html><head><title>News</title></head><body><nav>Home | Contact</nav><main>"
    b"<h1>Genopole opens a lab</h1><p>Genopole, the biocluster of Evry, opens a gene therapy "
    b"laboratory with 40 researchers in 2026.</p></main><footer>Legal notice</footer></body></html>"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "documents"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.md").write_text("# B\n\nNeuroSpin runs high-field MRI in Saclay.\n", "utf-8")
    return folder.parent


def make(tmp_path: Path, corpus: Path, site: FakeSite | None = None) -> tuple[Ingestor, FakeIndex]:
    fetch = FetchConfig(
        user_agent="test/1",
        timeout_s=2,
        retries=0,
        backoff_s=0,
        max_bytes=1_000_000,
        respect_robots=True,
        snapshots_dir=tmp_path / "data" / "snapshots",
    )
    config = IngestConfig(corpus, tmp_path / "data", 200, 40, fetch)
    index = FakeIndex()
    factory = (lambda: Fetcher(fetch, transport=site.transport())) if site else None
    state = StateStore(Database.at(tmp_path / "data" / "database.sqlite"))
    return Ingestor(config, index, FakeEmbedder(), state, factory), index


SOURCES = [
    Source(id="a", kind="file", location="documents/a.txt"),
    Source(id="b", kind="file", location="documents/b.md"),
]


def test_only_new_chunks_are_embedded(tmp_path: Path, corpus: Path) -> None:
    ingestor, index = make(tmp_path, corpus)
    first = ingestor.run(SOURCES)
    assert first.ok and first.count("added") == 2 and first.embedded == len(index.rows)
    embedder = ingestor.embedder
    assert isinstance(embedder, FakeEmbedder)
    before = dict(index.rows)

    second = ingestor.run(SOURCES)
    assert second.count("unchanged") == 2 and second.embedded == 0
    assert index.rows == before

    (corpus / "documents" / "b.md").write_text("# B\n\nNeuroSpin moved to Orsay.\n", "utf-8")
    third = ingestor.run(SOURCES)
    assert [i.status for i in third.items] == ["unchanged", "updated"]
    assert any("Orsay" in t for t in index.texts("b"))
    assert not any("Saclay" in t for t in index.texts("b"))


def test_a_failed_source_is_left_as_it_was(tmp_path: Path, corpus: Path) -> None:
    ingestor, index = make(tmp_path, corpus)
    assert ingestor.run(SOURCES).ok
    kept = index.texts("b")
    (corpus / "documents" / "b.md").unlink()
    report = ingestor.run(SOURCES)
    assert [i.status for i in report.items] == ["unchanged", "failed"]
    assert "file not found" in report.failed[0].reason
    assert index.texts("b") == kept
    assert ingestor.state.all()["b"].status == "failed"


def test_sources_no_longer_listed_are_pruned(tmp_path: Path, corpus: Path) -> None:
    ingestor, index = make(tmp_path, corpus)
    assert ingestor.run(SOURCES).ok
    report = ingestor.run(SOURCES[:1])
    assert [(i.source_id, i.status) for i in report.items] == [("a", "unchanged"), ("b", "removed")]
    assert index.texts("b") == [] and "b" not in ingestor.state.all()
    removed = ingestor.remove("a")
    assert removed.items[0].deleted > 0 and index.rows == {}


def test_a_page_through_the_http_seam(tmp_path: Path, corpus: Path) -> None:
    site = FakeSite(
        {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /x\n"),
            "/news": (200, {"Content-Type": "text/html", "ETag": '"v1"'}, PAGE),
        }
    )
    ingestor, index = make(tmp_path, corpus, site)
    source = Source(id="news", kind="url", location="https://example.org/news")
    assert ingestor.run([source]).ok
    text = " ".join(index.texts("news"))
    assert "gene therapy laboratory" in text
    assert "Legal notice" not in text and "Contact" not in text
    again = ingestor.run([source])
    assert again.count("unchanged") == 1
    news = [r for r in site.requests if r.url.path == "/news"]
    assert news[-1].headers.get("If-None-Match") == '"v1"'  # a conditional GET the 2nd time
