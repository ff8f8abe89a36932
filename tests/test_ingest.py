"""Ingestion on real parts: the real embedder, a persistent Chroma, HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from chromaserver import chroma_server, free_port
from webserver import Reply, web_server

from assistant.app.container import Container
from ingest.manifest import load_manifest, save_manifest
from ingest.models import Source
from ingest.settings import Settings

pytestmark = pytest.mark.slow  # the real embedder, Chroma, HTTP on 127.0.0.1

PAGES = Path(__file__).parent / "data" / "pages"


def snapshot(app: Container) -> dict[str, tuple[str, str]]:
    """The whole index: id -> (text, source)."""
    return {c.id: (c.text, str(c.metadata["source_id"])) for c in app.store.chunks()}


def both_indexes(app: Container) -> dict[str, dict[str, tuple[str, str]]]:
    """Chroma and the keyword index: id -> (text, source) in each."""
    app.keyword.reload()
    return {"chroma": snapshot(app), "keyword": app.keyword.snapshot()}


def make_app(tmp_path: Path, corpus: Path, **extra: object) -> Container:
    return Container(Settings(data_dir=tmp_path / "data", corpus_dir=corpus, **extra))


def test_full_then_incremental(tmp_path: Path, corpus_copy: Path) -> None:
    app = make_app(tmp_path, corpus_copy)
    first = app.corpus.refresh()
    assert first.ok, first.summary()
    assert first.count("added") == 3 and first.embedded > 0
    before = snapshot(app)
    assert {s for _, s in before.values()} == {
        "medxperience-2018",
        "medicen-roques-interview-2018",
        "organisations",
    }

    second = make_app(tmp_path, corpus_copy).corpus.refresh()
    assert second.count("unchanged") == 3
    assert second.embedded == 0
    assert "nothing re-embedded" in second.summary()
    assert snapshot(app) == before

    # change one document: only its changed chunks are embedded, the others stay
    doc = corpus_copy / "documents" / "medxperience-2018.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\n\nA new paragraph about Genopole.\n", encoding="utf-8"
    )
    third = make_app(tmp_path, corpus_copy).corpus.refresh()
    item = next(i for i in third.items if i.source_id == "medxperience-2018")
    assert item.status == "updated"
    assert 0 < item.embedded < item.chunks
    assert third.count("unchanged") == 2
    after = snapshot(app)
    assert any("Genopole" in text for text, _ in after.values())

    # remove a source from the manifest: its chunks are deleted
    manifest = corpus_copy / "sources.yaml"
    save_manifest(manifest, [s for s in load_manifest(manifest) if s.id != "organisations"])
    fourth = make_app(tmp_path, corpus_copy).corpus.refresh()
    assert [i.status for i in fourth.items if i.source_id == "organisations"] == ["removed"]
    assert all(s != "organisations" for _, s in snapshot(app).values())


def test_failed_source_keeps_previous_content(tmp_path: Path, corpus_copy: Path) -> None:
    app = make_app(tmp_path, corpus_copy)
    assert app.corpus.refresh().ok
    before = snapshot(app)
    csv = corpus_copy / "directory" / "organisations.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + 'Broken row,"unterminated\n', encoding="utf-8")
    report = make_app(tmp_path, corpus_copy).corpus.refresh()
    failed = report.failed
    assert [f.source_id for f in failed] == ["organisations"]
    assert "organisations.csv line" in failed[0].reason
    assert "\n" not in failed[0].reason
    assert snapshot(app) == before  # nothing lost, nothing added


@pytest.fixture
def site() -> object:
    article = (PAGES / "medicen_news.html").read_bytes()
    routes = {
        "/robots.txt": Reply(
            body="User-agent: *\nDisallow: /private/\n", content_type="text/plain"
        ),
        "/news.html": Reply(body=article, etag='"v1"'),
        "/private/page.html": Reply(body=article),
        "/missing.html": Reply(status=404, body="not here"),
        "/error.html": Reply(status=500, body="boom"),
        "/report.pdf": Reply(body=b"%PDF-1.4", content_type="application/pdf"),
        "/empty.html": Reply(body="<html><body><nav>Home</nav></body></html>"),
        "/huge.html": Reply(body=(b"<p>" + b"x" * 1_000_000 + b"</p>") * 6),
    }
    with web_server(routes) as server:
        yield server


def test_ingest_url_no_boilerplate_and_304(tmp_path: Path, corpus_copy: Path, site) -> None:  # type: ignore[no-untyped-def]
    import json

    app = make_app(tmp_path, corpus_copy, fetch_retries=0)
    assert app.corpus.refresh().ok
    seed_manifest = (corpus_copy / "sources.yaml").read_bytes()
    report = app.corpus.add_urls([site.url("/news.html")])
    assert report.ok, report.summary()
    expected = json.loads((PAGES / "medicen_news.expected.json").read_text(encoding="utf-8"))
    chunks = [c for c in app.store.chunks() if c.metadata.get("source_kind") == "url"]
    text = " ".join(c.text for c in chunks)
    assert chunks
    for sentence in expected["must_contain"]:
        assert " ".join(sentence.split()) in " ".join(text.split())
    for boilerplate in expected["must_not_contain"]:
        assert boilerplate not in text
    # the added page is listed in the catalog's run-time layer; the tracked manifest untouched
    manifest = app.catalog.added()
    assert any(s.location == site.url("/news.html") for s in manifest)
    assert (corpus_copy / "sources.yaml").read_bytes() == seed_manifest

    again = make_app(tmp_path, corpus_copy).corpus.refresh()
    assert again.ok and again.embedded == 0
    news = [r for r in site.requests("/news.html")]
    assert news[-1].status == 304


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "404"),
        ("/error.html", "500"),
        ("/private/page.html", "robots"),
        ("/report.pdf", "content type"),
        ("/empty.html", "no main text"),
        ("/huge.html", "larger than"),
    ],
)
def test_bad_urls_fail_with_one_line(
    tmp_path: Path,
    corpus_copy: Path,
    site,
    path: str,  # type: ignore[no-untyped-def]
    reason: str,
) -> None:
    app = make_app(tmp_path, corpus_copy, fetch_retries=0, fetch_backoff_s=0)
    report = app.corpus.add_urls([site.url(path)])
    assert [i.status for i in report.items] == ["failed"]
    assert reason in report.items[0].reason.lower() or reason in report.items[0].reason
    assert "\n" not in report.items[0].reason
    manifest = app.catalog.added()
    assert all(s.kind != "url" for s in manifest)  # a failed page is not added
    assert all(s.kind != "url" for s in load_manifest(corpus_copy / "sources.yaml"))


def test_unreachable_host_and_unknown_file(tmp_path: Path, corpus_copy: Path) -> None:
    app = make_app(tmp_path, corpus_copy, fetch_retries=0, fetch_timeout_s=2)
    report = app.corpus.add_urls(["http://127.0.0.1:9/nothing.html"])
    assert report.items[0].status == "failed"
    assert "connect" in report.items[0].reason.lower()
    odd = tmp_path / "slides.pptx"
    odd.write_bytes(b"PK\x03\x04")
    files = app.corpus.add_files([odd])
    assert files.items[0].status == "failed"
    assert "unsupported file type" in files.items[0].reason
    assert not (corpus_copy / "documents" / "slides.pptx").exists()
    assert not (tmp_path / "data" / "files" / "documents" / "slides.pptx").exists()


KILLER = """
import os, sys
from assistant.app.container import Container
from ingest.settings import Settings
app = Container(Settings(data_dir=sys.argv[1], corpus_dir=sys.argv[2]))
store = app.store
original = store.add
calls = []
def add(*args, **kwargs):
    original(*args, **kwargs)
    calls.append(1)
    if len(calls) == int(sys.argv[3]):
        print("KILL-POINT", flush=True)
        os.kill(os.getpid(), 9)
store.add = add
assert app.ingestor.index is store
app.corpus.refresh()
"""


@pytest.mark.parametrize("kill_after", [1, 2])
def test_sigkill_mid_ingest_converges(tmp_path: Path, corpus_copy: Path, kill_after: int) -> None:
    """Killed with SIGKILL mid-ingest, then run again: the same index as an uninterrupted run."""
    reference = make_app(tmp_path / "ref", corpus_copy)
    assert reference.corpus.refresh().ok
    expected = both_indexes(reference)

    data = tmp_path / "killed"
    # a first complete run, then a change, then a run killed in the middle of writing
    assert make_app(data, corpus_copy).corpus.refresh().ok
    manifest = corpus_copy / "sources.yaml"
    sources = load_manifest(manifest)
    doc = corpus_copy / "documents" / "medxperience-2018.txt"
    original = doc.read_text(encoding="utf-8")
    doc.write_text(original.replace("Paris Region", "Paris-Region"), encoding="utf-8")
    save_manifest(
        manifest,
        [*sources, Source(id="extra", kind="file", location="documents/medxperience-2018.txt")],
    )
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(data / "data"), str(corpus_copy), str(kill_after)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert "KILL-POINT" in proc.stdout

    # back to the original corpus: a normal run must converge on the reference index
    doc.write_text(original, encoding="utf-8")
    save_manifest(manifest, sources)
    report = make_app(data, corpus_copy).corpus.refresh()
    assert report.ok, report.summary()
    after = both_indexes(make_app(data, corpus_copy))
    assert after == expected
    assert after["keyword"] == after["chroma"]  # the keyword index holds exactly Chroma's chunks


def test_chroma_server_mode(tmp_path: Path, corpus_copy: Path) -> None:
    """The same code against a real `chroma run` server, chosen by configuration."""
    port = free_port()
    with chroma_server(tmp_path / "server", port):
        url = f"http://127.0.0.1:{port}"
        app = make_app(tmp_path, corpus_copy, chroma_url=url)
        assert app.corpus.refresh().ok
        assert app.store.count() > 0
        again = make_app(tmp_path, corpus_copy, chroma_url=url).corpus.refresh()
        assert again.embedded == 0
        answer = make_app(tmp_path, corpus_copy, chroma_url=url).chat.ask(
            "How many hospitals does AP-HP have?"
        )
        assert answer.grounded and "39" in answer.answer
        assert not (tmp_path / "data" / "chroma").exists()  # nothing went to the embedded store


def test_other_embedder_is_refused(tmp_path: Path, corpus_copy: Path) -> None:
    from ingest.store.vectorstore import IncompatibleIndexError

    assert make_app(tmp_path, corpus_copy).corpus.refresh().ok
    other = make_app(tmp_path, corpus_copy, embedder="minilm")
    with pytest.raises(IncompatibleIndexError, match="--rebuild"):
        other.store.count()
