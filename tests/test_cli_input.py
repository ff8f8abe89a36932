"""Hostile input through the real command line (a subprocess with the fake embedder and backend:
no model, but the slow tier for the process starts): every ``ask --jsonl`` line is answered or
explained on its own line and the lines after a bad one are answered; a password in a URL is
never kept; no control character from a page reaches the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import FakeBackend, FakeEmbedder
from test_faults import fill, small_disk
from webserver import Reply, html_page, web_server

from assistant.app.cli import cli
from assistant.app.cli.ask import print_answer
from assistant.app.cli.common import CliError, json_text
from assistant.app.container import Container
from ingest.limits import MAX_CRAWL_PAGES, Limits
from ingest.models import Page
from ingest.settings import Settings
from ingest.store.unavailable import DISK_FULL

REPO = Path(__file__).resolve().parent.parent
SUBPROCESS = pytest.mark.slow  # no model, but a process start (imports) per command
QUESTION = "How many hospitals does AP-HP have?"

CLI_WITH_FAKES = """
import sys
from fakes import FakeBackend, FakeEmbedder
from ingest.models import Page
import assistant.app.cli.common as common
from assistant.app.container import Container
def container(ctx, **overrides):
    return Container(common.build_settings(**{**ctx.obj, **overrides}),
                     embedder=FakeEmbedder(), backend=FakeBackend())
import assistant.app.cli.ask, assistant.app.cli.corpus
for module in (common, assistant.app.cli.ask, assistant.app.cli.corpus):
    module.container = container
from test_faults import fill, small_disk
from webserver import Reply, html_page, web_server

from assistant.app.cli import cli
from assistant.app.cli.ask import print_answer
from assistant.app.cli.common import CliError, json_text
cli(sys.argv[1:], prog_name="paris-health")
"""


def fake_cli(data: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """``paris-health --data-dir DATA ARGS`` in its own process, with the fakes."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    return subprocess.run(
        [sys.executable, "-c", CLI_WITH_FAKES, "--data-dir", str(data), *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path: Path, corpus_copy: Path) -> Path:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    report = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend()).corpus.refresh()
    assert report.ok, report.summary()
    return settings.data_dir


@SUBPROCESS
def test_one_bad_jsonl_line_never_ends_the_stream(data: Path) -> None:
    good = json.dumps({"id": "good", "question": QUESTION}).encode()
    bad = {
        "deep": b'{"id": "deep", "question": "q", "history": '
        + b"[" * 10_000
        + b"]" * 10_000
        + b"}",
        "digits": b'{"id": ' + b"9" * 5000 + b', "question": "q"}',
        "huge float": b'{"id": 1e999999, "question": "q"}',
        "nan": b'{"id": NaN, "question": "q"}',
        "infinity": b'{"id": "inf", "question": "q", "history": Infinity}',
        "strings": b'{"id": "strings", "question": "q", "history": ["hi", "there"]}',
        "surrogate id": b'{"id": "\\ud800", "question": "q"}',
        "surrogate": b'{"id": "sur", "question": "How many \\udc00 hospitals?"}',
        "utf-8": b'{"id": "utf8", "question": "\xff\xfe How many hospitals\xc3?"}',
    }
    stdin = b"\n".join(x for line in bad.values() for x in (line, good)) + b"\n"
    done = fake_cli(data, "ask", "--jsonl", stdin=stdin)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(rows) == 2 * len(bad)
    for name, row, after in zip(bad, rows[::2], rows[1::2], strict=True):
        assert after["id"] == "good" and after["grounded"] and after["answer"], name
        if name != "utf-8":  # bad bytes are replaced (U+FFFD) and the question answered
            assert set(row) == {"id", "error"} and "\n" not in row["error"], (name, row)
    got = {name: row.get("error") for name, row in zip(bad, rows[::2], strict=True)}
    assert got["deep"] == "invalid JSON: nested too deeply"
    assert "4300 digits" in got["digits"] and "set_int_max_str_digits" not in got["digits"]
    assert got["huge float"] == got["nan"] == "id: Input should be a valid string"
    shape = 'history must be a list of {"role", "content"} objects'
    assert got["infinity"] == got["strings"] == shape
    assert "lone surrogate" in got["surrogate id"] and "lone surrogate" in got["surrogate"]
    ids = [row["id"] for row in rows[::2]]
    assert ids == [None, None, None, None, "inf", "strings", None, "sur", "utf8"]


def test_max_pages_help_says_the_limit_that_is_checked() -> None:
    assert Limits().crawl_pages == Settings().max_crawl_pages == MAX_CRAWL_PAGES
    help_text = " ".join(CliRunner().invoke(cli, ["ingest", "--help"]).output.split())
    assert f"at most {MAX_CRAWL_PAGES}" in help_text and "1000" not in help_text


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@SUBPROCESS
def test_a_password_in_a_url_is_refused_and_never_kept(data: Path) -> None:
    secret_url = "https://someone:s3cr3t-pw@127.0.0.1:9/page?x=1"
    done = fake_cli(data, "ingest", "--url", secret_url, "--no-progress")
    out = (done.stdout + done.stderr).decode()
    assert done.returncode == 1, out
    assert "a user name or password in a URL is never kept" in out
    assert "https://127.0.0.1:9/page?x=1" in out  # the address, shown without them
    listed = fake_cli(data, "sources", "--json")
    assert listed.returncode == 0 and b"127.0.0.1" not in listed.stdout
    for where in (out.encode(), listed.stdout, listed.stderr, all_bytes(data)):
        assert b"s3cr3t" not in where and b"someone" not in where


CONTROLS = (b"\x1b", b"\x07", b"\x9b", b"\x00", b"\r")  # \x9b also catches UTF-8's C2 9B
EVIL_TITLE = "Zorblax \x1b]0;pwned\x07 clinic \x1b[2J\u009b2J guide"


@SUBPROCESS
def test_escape_codes_from_a_page_never_reach_the_terminal(data: Path) -> None:
    body = "<p>" + "The Zorblax clinic\x1b[31m treats rare zorbl\u009bax cases in Paris. " * 4
    page = html_page(EVIL_TITLE, body + "&#27;[2J &#7;</p>")
    with web_server({"/evil": Reply(body=page)}) as server:
        added = fake_cli(data, "ingest", "--url", server.url("/evil"), "--no-progress")
    assert added.returncode == 0, added.stderr.decode()
    readable = fake_cli(data, "ask", "What does the Zorblax clinic treat?")
    as_json = fake_cli(data, "ask", "--json", "What does the Zorblax clinic treat?")
    listed = fake_cli(data, "sources")
    for done in (added, readable, as_json, listed):
        assert done.returncode == 0, done.stderr.decode()
        for control in CONTROLS:
            assert control not in done.stdout + done.stderr, (control, done.args[4:])
    assert b"Zorblax ]0;pwned clinic [2J2J guide" in readable.stdout  # stripped at extraction
    titles = [s["title"] for s in json.loads(as_json.stdout)["sources"]]
    assert "Zorblax ]0;pwned clinic [2J2J guide" in titles


def test_text_from_outside_is_printed_without_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from assistant.services.answer_record import Answer, SourceRef

    evil = "a\x1b]0;pwned\x07b\x9b2Jc\x7fd\re"
    source = SourceRef(1, "s", evil, "https://x.test/" + evil, evil, evil, 1.0, {})
    print_answer(Answer(evil, evil, evil, True, [source], [1], "en", "fake"))
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\x7f" not in out
    assert "a]0;pwnedb2Jcd e" in out
    assert CliError(evil).format_message() == "a]0;pwnedb2Jcd e"
    text = json_text({"title": evil})
    assert json.loads(text) == {"title": evil} and "\x9b" not in text and "\x7f" not in text
    assert Page(text=evil, title=evil).title == "a]0;pwnedb2Jcd e"


# --- a full disk: what only reads keeps working --------------------------------------------------


def full_disk(data: Path, monkeypatch: pytest.MonkeyPatch, mounted: bool) -> Path | None:
    """Fill the small disk of ``data`` to the last byte (its filler returned), or, where no
    tmpfs can be mounted, make every write there fail as a full disk does."""
    if mounted:
        return fill(data.parent)
    import sqlite3

    real_connect = sqlite3.connect

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(path).startswith(str(data)):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)  # the sentence cache
    return None


@pytest.mark.slow  # a tmpfs mount
def test_a_running_app_answers_on_a_full_disk(
    tmp_path: Path, corpus_copy: Path, monkeypatch: Any
) -> None:
    with small_disk(tmp_path / "disk") as mounted:
        settings = Settings(data_dir=tmp_path / "disk" / "data", corpus_dir=corpus_copy)

        def app() -> Container:
            return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())

        running = app()  # a running server: its index opened before the disk filled
        assert running.corpus.refresh().ok
        filler = full_disk(settings.data_dir, monkeypatch, mounted)
        answer = running.chat.ask("Who is the CEO of Medicen?")  # new sentences: not cached
        assert answer.grounded and "Roques" in answer.answer
        assert running.chat.ask(QUESTION).grounded
        if filler:
            filler.unlink()


@SUBPROCESS
def test_read_only_commands_on_a_full_disk(tmp_path: Path, corpus_copy: Path) -> None:
    with small_disk(tmp_path / "disk") as mounted:
        if not mounted:
            pytest.skip(
                "needs a tmpfs mount (root): a full disk cannot be injected in a subprocess"
            )
        data = tmp_path / "disk" / "data"
        settings = Settings(data_dir=data, corpus_dir=corpus_copy)
        app = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
        assert app.corpus.refresh().ok
        fill(data.parent)
        listed = fake_cli(data, "--corpus-dir", str(corpus_copy), "sources")
        assert listed.returncode == 0, listed.stderr.decode()
        assert b"organisations" in listed.stdout
        asked = fake_cli(data, "ask", QUESTION)
        assert asked.returncode == 1
        assert asked.stderr.decode().strip() == f"Error: {DISK_FULL}"
