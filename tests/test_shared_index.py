"""An index and another process.

- Through a Chroma server (the scale-out set-up) an app sees another process's commit within
  ``VERSION_TTL_S``: fast, two stores over one Chroma on a fake clock; slow, a real ``chroma
  run`` shared by an app and ``paris-health ingest`` beside it, answered without a restart.
- An embedded index lives in the serving process's memory: while ``serve`` holds it, a
  command-line ingest or removal is refused (exit 75, one line, nothing written); fast, the
  locks and the CLI; slow, a real ``serve`` and ``paris-health ingest`` in two processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from chromaserver import chroma_server, free_port
from click.testing import CliRunner
from fakes import FakeBackend, FakeClock, FakeEmbedder

from assistant.app.cli import cli
from assistant.app.container import Container
from ingest.lock import not_serving, serving
from ingest.models import IngestError
from ingest.settings import Settings
from ingest.store.vectorstore import VERSION_TTL_S, VectorStore

CLI = [sys.executable, "-c", "from assistant.app.cli import main; main()"]

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
        done = subprocess.run(
            [*CLI, "ingest", "--file", str(new_file)],
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


# --- an embedded index while `serve` holds it -----------------------------------------------


def test_serving_holds_off_command_line_writes(tmp_path: Path) -> None:
    refused = pytest.raises(IngestError, match="paris-health serve is running on")
    with serving(tmp_path), serving(tmp_path), refused, not_serving(tmp_path):  # two servers
        pass
    with not_serving(tmp_path):
        pass  # nobody serves
    waited: list[bool] = []
    started = threading.Event()

    def serve() -> None:
        with serving(tmp_path, waiting=lambda: waited.append(True)):
            started.set()

    with not_serving(tmp_path):  # a command-line ingest is running: the server waits for it
        thread = threading.Thread(target=serve)
        thread.start()
        time.sleep(0.2)
        assert waited == [True] and not started.is_set()
    thread.join(5)
    assert started.is_set()


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


def test_ingest_and_remove_are_refused_while_serve_holds_the_index(
    app: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.app.cli.corpus as corpus_cli

    monkeypatch.setattr(corpus_cli, "container", lambda ctx, **_: app)
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--no-progress"]).exit_code == 0
    new_file = tmp_path / "cardiopolis.txt"
    new_file.write_text(NEW_FILE, encoding="utf-8")
    data = app.settings.data_dir
    with serving(data):
        refused = [
            runner.invoke(cli, ["ingest", "--no-progress", "--file", str(new_file)]),
            runner.invoke(cli, ["ingest", "--no-progress"]),
            runner.invoke(cli, ["remove", "medxperience-2018", "--force"]),
        ]
    for result in refused:
        assert result.exit_code == 75
        assert result.stderr.startswith(f"Error: paris-health serve is running on {data},")
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert not (data / "files" / "cardiopolis.txt").exists()  # nothing written
    assert app.store.count() == sum(len(v) for v in app.store.ids_by_source().values()) > 0
    added = runner.invoke(cli, ["ingest", "--no-progress", "--file", str(new_file)])
    assert added.exit_code == 0 and "1 added" in added.stdout


def test_through_a_chroma_server_the_command_line_may_write_beside_serve(
    app: Container, tmp_path: Path
) -> None:
    import assistant.app.cli.corpus as corpus_cli

    remote = Container(app.settings.model_copy(update={"chroma_url": "http://127.0.0.1:9"}))
    with serving(app.settings.data_dir), corpus_cli.sole_writer(remote):
        pass  # the server keeps one vector index for every process
    with serving(app.settings.data_dir), pytest.raises(IngestError):  # noqa: SIM117
        with corpus_cli.sole_writer(app):
            pass


@pytest.mark.slow  # a real `paris-health serve` and `paris-health ingest` in two processes
def test_a_real_serve_refuses_a_command_line_ingest_until_it_stops(
    built_index: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(built_index, data)
    port = free_port()
    env = {
        **os.environ,
        "PARIS_HEALTH_DATA_DIR": str(data),
        "PARIS_HEALTH_HOST": "127.0.0.1",
        "PARIS_HEALTH_PORT": str(port),
    }
    new_file = tmp_path / "cardiopolis.txt"
    new_file.write_text(NEW_FILE, encoding="utf-8")
    ingest = [*CLI, "ingest", "--no-progress", "--file", str(new_file)]
    server = subprocess.Popen(
        [*CLI, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, "paris-health serve exited"
            assert time.monotonic() < deadline, "paris-health serve did not start"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        refused = subprocess.run(ingest, env=env, capture_output=True, text=True, check=False)
        assert refused.returncode == 75, refused.stderr
        assert refused.stderr.strip().splitlines() == [
            f"Error: paris-health serve is running on {data}, whose embedded index only it may "
            "write: add sources from its staff desk, stop it first, or share the index through "
            "a Chroma server (PARIS_HEALTH_CHROMA_URL)"
        ]
        assert not (data / "files" / "cardiopolis.txt").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = subprocess.run(ingest, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
