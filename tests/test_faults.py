"""Fault injection: SIGKILL during ingest at 20 points (by stage and by time), a `chroma run`
server stopped mid-session, a read-only and a full data directory, two refreshes at once.

The point is the pipeline's crash safety, so the kill points run on the FakeEmbedder (cheap);
the real embedder's kill points are in tests/test_ingest.py.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from chromaserver import chroma_server, free_port
from click.testing import CliRunner
from fakes import FakeBackend, FakeEmbedder

from assistant.app.container import Container
from ingest.lock import serving
from ingest.models import IngestError
from ingest.settings import Settings

pytestmark = pytest.mark.slow  # subprocesses, a Chroma server, mounts

TESTS = Path(__file__).resolve().parent
SEED = 20261126  # the kill points are random, and the same on every run
QUERIES = ["AP-HP hospitals", "Medicen cluster CEO", "MedXperience event", "NeuroSpin MRI Saclay"]


def make(data: Path, corpus: Path, **extra: Any) -> Container:
    settings = Settings(data_dir=data, corpus_dir=corpus, **extra)
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


def fingerprint(app: Container) -> dict[str, Any]:
    """What must equal an uninterrupted run: the Chroma index, the state database (without the
    run's status and time) and the keyword index, seen through retrieval results."""
    index = {c.id: (c.text, dict(c.metadata)) for c in app.store.chunks()}
    state = {s.source_id: (s.location, s.chunks, s.reason) for s in app.state.all().values()}
    keyword = {q: [(p.id, round(p.bm25, 6)) for p in app.retriever.retrieve(q, 8)] for q in QUERIES}
    return {"index": index, "state": state, "keyword": keyword}


def corpus_b(corpus: Path) -> Path:
    """The changed corpus: one document edited, one source dropped, one added."""
    target = corpus.parent / "corpus-b"
    shutil.copytree(corpus, target)
    doc = target / "documents" / "medxperience-2018.txt"
    doc.write_text(doc.read_text("utf-8").replace("Paris Region", "Paris-Region"), "utf-8")
    (target / "documents" / "extra.txt").write_text(
        "NeuroSpin runs high-field MRI in Saclay. " * 40 + "\n", encoding="utf-8"
    )
    manifest = target / "sources.yaml"
    data = yaml.safe_load(manifest.read_text("utf-8"))
    data["sources"] = [s for s in data["sources"] if "interview" not in s["location"]]
    data["sources"].append({"id": "extra", "kind": "file", "location": "documents/extra.txt"})
    manifest.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return target


# --- SIGKILL at 20 points ---------------------------------------------------------------------

KILLER = """
import os, sys, threading, time
sys.path.insert(0, sys.argv[1])
from fakes import FakeEmbedder, FakeBackend
from assistant.app.container import Container
from ingest.settings import Settings
import ingest.load

data, corpus, mode, stage, nth, when, after_s = sys.argv[2:9]
app = Container(Settings(data_dir=data, corpus_dir=corpus), embedder=FakeEmbedder(),
                backend=FakeBackend())
calls = {}

def die():
    print("KILL-POINT", flush=True)
    os.kill(os.getpid(), 9)

def wrap(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        calls[key] = calls.get(key, 0) + 1
        hit = mode == "stage" and key == stage and calls[key] == int(nth)
        if hit and when == "before":
            die()
        result = original(*args, **kwargs)
        if hit:
            die()
        return result
    setattr(owner, name, wrapper)

store = app.store
wrap(store, "add", "add"); wrap(store, "delete", "delete")
wrap(store, "refresh_version", "refresh_version")
wrap(app.embedder, "embed_documents", "embed"); wrap(app.state, "record", "record")
wrap(ingest.load.Loader, "load", "load")
if mode == "time":
    threading.Timer(float(after_s), die).start()
app.corpus.refresh()
print("DONE", flush=True)
time.sleep(60)  # a time point past the end of the run still gets its kill
"""
STAGES = [
    ("load", 3),
    ("embed", 2),
    ("add", 2),
    ("delete", 3),
    ("record", 3),
    ("refresh_version", 1),
]


def kill_points(duration_s: float) -> list[tuple[str, str, int, str, float]]:
    """12 points by stage (which call, before or after it) and 8 by time, drawn from SEED."""
    rng = random.Random(SEED)
    points = []
    for _ in range(12):
        stage, most = rng.choice(STAGES)
        points.append(("stage", stage, rng.randint(1, most), rng.choice(["before", "after"]), 0))
    for _ in range(8):
        points.append(("time", "-", 0, "-", round(rng.uniform(0.02, 0.9) * duration_s, 3)))
    return points


def test_sigkill_at_twenty_points_converges(tmp_path: Path, corpus_copy: Path) -> None:
    changed = corpus_b(corpus_copy)
    base = tmp_path / "base"
    assert make(base, corpus_copy).corpus.refresh().ok  # the index before the changed run
    reference_dir = tmp_path / "reference"
    shutil.copytree(base, reference_dir)
    reference_app = make(reference_dir, changed)
    started = time.perf_counter()
    assert reference_app.corpus.refresh().ok
    duration = time.perf_counter() - started
    expected = fingerprint(reference_app)
    assert "extra" in expected["state"] and len(expected["state"]) == 3

    mid_run = 0
    for n, (mode, stage, nth, when, after_s) in enumerate(kill_points(duration)):
        data = tmp_path / f"killed-{n}"
        shutil.copytree(base, data)
        args = [str(TESTS), str(data), str(changed), mode, stage, str(nth), when, str(after_s)]
        proc = subprocess.run(
            [sys.executable, "-c", KILLER, *args], capture_output=True, text=True, timeout=120
        )
        point = f"point {n}: {mode} {stage} #{nth} {when} {after_s}s"
        assert proc.returncode == -signal.SIGKILL, f"{point}: {proc.stderr[-2000:]}"
        assert "KILL-POINT" in proc.stdout, point
        mid_run += "DONE" not in proc.stdout
        report = make(data, changed).corpus.refresh()  # the normal run after the crash
        assert report.ok, f"{point}: {report.summary()}"
        assert fingerprint(make(data, changed)) == expected, point
    assert mid_run >= 16  # the stage points, and most time points, landed mid-run


# --- a Chroma server stopped mid-session ------------------------------------------------------


def test_chroma_server_stopped_then_back(tmp_path: Path, corpus_copy: Path) -> None:
    from assistant.app.cli import cli
    from ui.chat_actions import ChatActions

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with chroma_server(tmp_path / "server", port):
        app = make(tmp_path / "data", corpus_copy, chroma_url=url)
        assert app.corpus.refresh().ok
        before = app.chat.ask("How many hospitals does AP-HP have?")
        assert before.grounded
    # the server is down: the app's chat handler and the CLI say so in one line
    tab = ChatActions(app.chat)
    with pytest.raises(Exception, match="vector store unavailable") as shown:
        list(tab.ask("How many hospitals does AP-HP have?", [], "any", "any"))
    assert "\n" not in str(shown.value)
    args = ["--data-dir", str(tmp_path / "data"), "ingest", "--no-progress"]
    result = CliRunner().invoke(cli, args, env={"PARIS_HEALTH_CHROMA_URL": url})
    assert result.exit_code == 1, result.output
    assert "vector store unavailable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    # back on the same port: the same objects recover, no restart needed
    with chroma_server(tmp_path / "server", port):
        answer = app.chat.ask("How many hospitals does AP-HP have?")
        assert answer.grounded and answer.answer == before.answer
        events = list(tab.ask("How many hospitals does AP-HP have?", [], "any", "any"))
        assert events[-1][2]["grounded"] is True


# --- a read-only and a full data directory ----------------------------------------------------


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` read-only: a read-only bind mount as root, else the permission bits."""
    mounted = False
    if can_mount():
        done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
        if done.returncode == 0:
            mounted = True
            subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
    if not mounted:
        for folder in [path, *[p for p in path.rglob("*") if p.is_dir()]]:
            folder.chmod(0o555)
    try:
        probe = path / "probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("this machine cannot make a read-only directory (root without mount)")
        yield
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], check=True)
        else:
            for folder in [path, *[p for p in path.rglob("*") if p.is_dir()]]:
                folder.chmod(0o755)


def test_read_only_data_directory(tmp_path: Path, corpus_copy: Path) -> None:
    from assistant.app.cli import cli

    data = tmp_path / "data"
    assert make(data, corpus_copy).corpus.refresh().ok
    before = fingerprint(make(data, corpus_copy))
    changed = corpus_b(corpus_copy)
    with read_only(data):
        with pytest.raises(IngestError, match="cannot write to the data directory .*: Read-only"):
            make(data, changed).corpus.refresh()
        args = ["--data-dir", str(data), "--corpus-dir", str(changed), "ingest", "--no-progress"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1 and "cannot write to the data directory" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        with serving(data):  # `serve` takes no lock it cannot write: nobody can write here
            assert not (data / "serve.lock").exists()
    assert fingerprint(make(data, corpus_copy)) == before  # nothing half-written


@contextlib.contextmanager
def small_disk(path: Path, size: str = "24m") -> Iterator[bool]:
    """A small tmpfs at ``path`` where the machine allows it (yields True), else nothing."""
    path.mkdir(parents=True)
    mounted = can_mount() and (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=True)


def fill(disk: Path) -> Path:
    """Fill the file system of ``disk`` to the last byte."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0")
                handle.flush()
    return filler


def test_full_data_directory(tmp_path: Path, corpus_copy: Path, monkeypatch: Any) -> None:
    changed = corpus_b(corpus_copy)
    with small_disk(tmp_path / "disk") as mounted:
        data = tmp_path / "disk" / "data"
        assert make(data, corpus_copy).corpus.refresh().ok
        before = fingerprint(make(data, corpus_copy))
        app = make(data, changed)
        if mounted:
            filler = fill(tmp_path / "disk")
        else:  # no tmpfs here: the disk is full as soon as the index is written to
            import errno

            def no_space(*_: Any, **__: Any) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(app.store, "add", no_space)
            monkeypatch.setattr(app.state, "record", no_space)
        try:
            report = app.corpus.refresh()
        except (OSError, sqlite3.Error, IngestError) as exc:
            message = str(getattr(exc, "reason", exc))
        else:
            message = "; ".join(i.reason for i in report.failed)
        assert "full" in message or "No space" in message, message
        assert "\n" not in message
        after = fingerprint(make(data, corpus_copy))
        # the previous index is intact: every chunk it had is still there, unchanged
        assert all(after["index"].get(k) == v for k, v in before["index"].items())
        if mounted:
            filler.unlink()
        monkeypatch.undo()
        report = make(data, changed).corpus.refresh()  # space again: the run completes
        assert report.ok, report.summary()


# --- two refreshes at once ----------------------------------------------------------------------


class SlowEmbedder(FakeEmbedder):
    """The fake embedder, holding each batch until told to go on."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.go_on = threading.Event()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.started.set()
        assert self.go_on.wait(60)
        return super().embed_documents(texts)


def test_two_refreshes_at_once(tmp_path: Path, corpus_copy: Path) -> None:
    from ui.staff_actions import StaffActions

    data = tmp_path / "data"
    embedder = SlowEmbedder()
    desk_app = Container(
        Settings(data_dir=data, corpus_dir=corpus_copy, staff_user="s", staff_password="p"),
        embedder=embedder,
        backend=FakeBackend(),
    )
    desk = StaffActions(desk_app.corpus, desk_app.staff)
    session = desk_app.staff.login("s", "p", "test")
    results: dict[str, Any] = {}

    def desk_refresh() -> None:
        results["desk"] = desk.staff_refresh(session, progress=lambda *a, **k: None)

    thread = threading.Thread(target=desk_refresh)
    thread.start()
    assert embedder.started.wait(60)  # the staff desk's refresh holds the lock now
    env = {**os.environ, "PYTHONPATH": f"{TESTS.parent}{os.pathsep}{TESTS}"}
    cli = subprocess.run(
        [sys.executable, "-c", CLI_WITH_FAKES, str(data), str(corpus_copy)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert cli.returncode == 75, cli.stderr[-2000:]
    assert cli.stderr.strip() == f"Error: another ingest is running on {data}"
    with pytest.raises(Exception, match="Refresh failed: another ingest is running"):
        StaffActions(desk_app.corpus, desk_app.staff).staff_refresh(
            session, progress=lambda *a, **k: None
        )
    embedder.go_on.set()
    thread.join(60)
    assert "added" in results["desk"][0]
    runs = [(run.trigger, run.outcome) for run in desk_app.corpus.history()]
    # newest first: the desk's refresh, the desk's refused one, the CLI's refused one
    assert runs == [("manual", "ok"), ("manual", "skipped"), ("cli", "skipped")]
    # consistent: a fresh run changes nothing, and equals a run from scratch
    again = make(data, corpus_copy).corpus.refresh()
    assert again.ok and not again.changed and again.embedded == 0
    scratch = tmp_path / "scratch"
    assert make(scratch, corpus_copy).corpus.refresh().ok
    assert fingerprint(make(data, corpus_copy)) == fingerprint(make(scratch, corpus_copy))


CLI_WITH_FAKES = """
import sys
from fakes import FakeBackend, FakeEmbedder
import assistant.app.cli.common as common
from assistant.app.container import Container
original = common.container
def container(ctx, **overrides):
    return Container(common.build_settings(**{**ctx.obj, **overrides}),
                     embedder=FakeEmbedder(), backend=FakeBackend())
common.container = container
import assistant.app.cli.corpus as corpus
corpus.container = container
from assistant.app.cli import cli
cli(["--data-dir", sys.argv[1], "--corpus-dir", sys.argv[2], "ingest", "--no-progress"])
"""
