"""An index written by another process: the reader sees its commit within ``VERSION_TTL_S``.

Fast: two stores over one persistent Chroma, the reader on a fake clock. Slow: the scale-out
set-up, a real ``chroma run`` server shared by an app process and ``paris-health ingest`` run
beside it; the app finds the new file's chunk (dense and keyword) without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from chromaserver import chroma_server, free_port
from fakes import FakeClock, FakeEmbedder

from assistant.components.vectorstore import VERSION_TTL_S, VectorStore
from assistant.container import Container
from assistant.settings import Settings

NEW_FILE = (
    "Cardiopolis is a cardiology cluster founded in Creteil in 2019. It gathers 40 hospitals "
    "and start-ups working on heart monitoring.\n"
)
QUESTION = "When was Cardiopolis founded?"


def stores(tmp_path: Path) -> tuple[VectorStore, VectorStore, FakeClock]:
    settings = Settings(data_dir=tmp_path / "data")
    embedder = FakeEmbedder()
    writer = VectorStore.from_settings(settings, embedder)
    clock = FakeClock()
    client = VectorStore.from_settings(settings, embedder).client
    reader = VectorStore(client, settings.collection, embedder, clock=clock)
    return writer, reader, clock


def add(store: VectorStore, chunk_id: str, text: str) -> None:
    store.add([chunk_id], [text], [{"source_id": "s"}], store.embedder.embed_documents([text]))
    store.refresh_version()


def test_a_commit_elsewhere_is_seen_once_the_version_is_read_again(tmp_path: Path) -> None:
    writer, reader, clock = stores(tmp_path)
    add(writer, "a", "Medicen is the health cluster of the Paris Region.")
    first = reader.version
    assert first == writer.version and reader.count() == 1
    add(writer, "b", "Genopole is the biocluster of Evry.")
    clock.sleep(VERSION_TTL_S / 2)
    assert reader.version == first and reader.count() == 1  # trusted for VERSION_TTL_S
    clock.sleep(VERSION_TTL_S / 2)
    assert reader.version == writer.version != first
    assert reader.count() == 2


def test_a_collection_made_again_elsewhere_is_followed(tmp_path: Path) -> None:
    writer, reader, clock = stores(tmp_path)
    add(writer, "a", "Medicen is the health cluster of the Paris Region.")
    assert reader.count() == 1
    writer.reset()  # `ingest --rebuild` in another process: a new collection by the same name
    add(writer, "c", "Cardiopolis is a cardiology cluster.")
    clock.sleep(VERSION_TTL_S)
    assert reader.version == writer.version
    assert [c.id for c in reader.search("cardiology", 5)] == ["c"]


@pytest.mark.slow  # a real `chroma run` server and the real embedder in two processes
def test_an_ingest_beside_the_app_is_answered_without_a_restart(
    tmp_path: Path, corpus_copy: Path
) -> None:
    port = free_port()
    with chroma_server(tmp_path / "server", port):
        url = f"http://127.0.0.1:{port}"
        settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy, chroma_url=url)
        app = Container(settings)
        assert app.corpus.refresh().ok
        before = app.chat.ask(QUESTION)
        assert not any("Cardiopolis" in s.text for s in before.sources)
        new_file = tmp_path / "cardiopolis.txt"
        new_file.write_text(NEW_FILE, encoding="utf-8")
        env = {
            **os.environ,
            "PARIS_HEALTH_DATA_DIR": str(settings.data_dir),
            "PARIS_HEALTH_CORPUS_DIR": str(corpus_copy),
            "PARIS_HEALTH_CHROMA_URL": url,
        }
        cli = [sys.executable, "-c", "from assistant.cli import main; main()"]
        done = subprocess.run(
            [*cli, "ingest", "--file", str(new_file)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        app.store.clock = lambda: float("inf")  # as if VERSION_TTL_S had passed
        after = app.chat.ask(QUESTION)
        assert after.grounded and "2019" in after.answer
        found = [p for p in app.retriever.retrieve(QUESTION, 5) if "Cardiopolis" in p.text]
        assert found and found[0].dense > 0 and found[0].bm25 > 0  # in both indexes
