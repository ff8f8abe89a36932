"""A busy corpus (another ingest, or ``serve`` holding an embedded index) is a class,
:class:`ingest.lock.CorpusBusy`, recognised by type everywhere: the refresh history, the CLI's
exit status 75, the staff desk (fast tier: fakes, embedded Chroma)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fakes import FakeBackend, FakeEmbedder
from pydantic import SecretStr

from assistant.app.cli.common import CliError
from assistant.app.cli.corpus import EXIT_BUSY, busy_exit
from assistant.app.container import Container
from ingest.lock import CorpusBusy, ingest_lock, not_serving, serving
from ingest.models import IngestError
from ingest.settings import Settings


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=corpus_copy,
        staff_user="staff",
        staff_password=SecretStr("secret"),
    )
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


def test_a_held_lock_refuses_with_corpus_busy(tmp_path: Path) -> None:
    with (
        ingest_lock(tmp_path),
        pytest.raises(CorpusBusy, match="another ingest is running"),
        ingest_lock(tmp_path),
    ):
        pass
    with (
        serving(tmp_path),
        pytest.raises(CorpusBusy, match="paris-health serve is running"),
        not_serving(tmp_path),
    ):
        pass


def test_the_refresh_history_tells_busy_by_class_not_by_words(
    app: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: object, **kwargs: object) -> None:
        raise CorpusBusy("the index is being rebuilt")

    monkeypatch.setattr(app.ingestor, "run", busy)
    with pytest.raises(CorpusBusy):
        app.corpus.refresh()
    assert app.corpus.history()[0].outcome == "skipped"

    def failed(*args: object, **kwargs: object) -> None:
        raise IngestError("a reason that says another ingest is running, yet is no lock")

    monkeypatch.setattr(app.ingestor, "run", failed)
    with pytest.raises(IngestError):
        app.corpus.refresh()
    assert app.corpus.history()[0].outcome == "failed"


def test_the_cli_exits_75_on_corpus_busy_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited, busy_exit():
        raise CorpusBusy("the index is being rebuilt")
    assert exited.value.code == EXIT_BUSY
    assert capsys.readouterr().err == "Error: the index is being rebuilt\n"
    with pytest.raises(SystemExit) as exited, busy_exit():  # as friendly_errors passes it on
        try:
            raise CorpusBusy("another ingest is running on /data")
        except CorpusBusy as exc:
            raise CliError(exc.reason) from exc
    assert exited.value.code == EXIT_BUSY
    assert capsys.readouterr().err == "Error: another ingest is running on /data\n"
    with pytest.raises(CliError), busy_exit():  # the words alone are no busy corpus
        raise CliError("another ingest is running on /data")


def test_the_staff_desk_reports_ingest_errors_by_class_without_a_trace(
    app: Container, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.staff_actions import StaffActions

    desk = StaffActions(app.corpus, app.staff)
    session = app.staff.login("staff", "secret", "test")

    def busy() -> None:
        raise CorpusBusy("another ingest is running on /data")

    with caplog.at_level(logging.ERROR):
        result = desk._run(session, "", "Refresh", busy)  # type: ignore[arg-type]
    assert result.error == "Refresh failed: another ingest is running on /data"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
