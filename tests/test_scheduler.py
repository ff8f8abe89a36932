"""Scheduled refresh and the cron-friendly ``ingest --quiet`` (fast tier: fakes, embedded
Chroma)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import FakeBackend, FakeEmbedder

from assistant.app.cli import cli
from assistant.app.container import Container
from assistant.services.scheduler import RefreshScheduler
from ingest.lock import ingest_lock
from ingest.models import IngestError
from ingest.settings import Settings


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


def test_a_scheduled_run_lands_in_the_history(app: Container) -> None:
    scheduler = RefreshScheduler(app.corpus, 3600)
    report = scheduler.run_once()
    assert report is not None and report.ok and report.count("added") == 3
    run = app.corpus.history()[0]
    assert (run.trigger, run.outcome) == ("scheduled", "ok")
    assert "medxperience-2018 added" in run.changes and "3 added" in run.summary
    with ingest_lock(app.settings.data_dir):  # a manual refresh is running
        assert scheduler.run_once() is None
    run = app.corpus.history()[0]
    assert (run.trigger, run.outcome) == ("scheduled", "skipped")
    assert "another ingest is running" in run.summary


def test_the_scheduler_thread_runs_and_stops(app: Container) -> None:
    scheduler = RefreshScheduler(app.corpus, 0.2)
    scheduler.start()
    try:
        deadline = time.monotonic() + 30
        while not app.corpus.history() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        scheduler.stop(timeout_s=30)
    runs = app.corpus.history()
    assert runs and runs[-1].trigger == "scheduled" and runs[-1].outcome == "ok"
    count = len(app.corpus.history(100))
    time.sleep(0.5)
    assert len(app.corpus.history(100)) == count  # stopped: no more runs
    with pytest.raises(ValueError, match="positive"):
        RefreshScheduler(app.corpus, 0)


def test_ingest_quiet_is_silent_unless_something_changed(
    app: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.app.cli.corpus as corpus_cli

    monkeypatch.setattr(corpus_cli, "container", lambda ctx, **_: app)
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--quiet", "--no-progress"])
    assert first.exit_code == 0 and "3 added" in first.stdout  # changed: reported
    second = runner.invoke(cli, ["ingest", "--quiet", "--no-progress"])
    assert second.exit_code == 0 and second.stdout == "" and second.stderr == ""
    loud = runner.invoke(cli, ["ingest", "--no-progress"])
    assert loud.exit_code == 0 and "3 unchanged" in loud.stdout
    with ingest_lock(app.settings.data_dir):
        busy = runner.invoke(cli, ["ingest", "--quiet", "--no-progress"])
    assert busy.exit_code == 75
    assert busy.stderr.strip() == f"Error: another ingest is running on {app.settings.data_dir}"
    triggers: list[Any] = [(r.trigger, r.outcome) for r in app.corpus.history()]
    assert triggers[:2] == [("cli", "skipped"), ("cli", "ok")]


def test_the_ingest_lock_of_a_killed_run_is_not_stale(tmp_path: Path) -> None:
    """The ingest lock is a flock: the kernel releases it when its holder dies, even by
    SIGKILL, so a killed ingest never leaves the next runs exiting 75 (README, cron)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from ingest.lock import ingest_lock\n"
            "with ingest_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(IngestError, match="another ingest is running"), ingest_lock(tmp_path):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
    with ingest_lock(tmp_path):  # at once, though the lock file is still there
        assert (tmp_path / "ingest.lock").exists()
