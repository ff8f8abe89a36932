"""Hostile input through the real command line (a subprocess; the fake embedder and backend,
so no model): every ``ask --jsonl`` line is answered or explained on its own line, whatever it
holds, and the lines after a bad one are answered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import FakeBackend, FakeEmbedder

from assistant.cli import cli
from assistant.container import Container
from assistant.limits import MAX_CRAWL_PAGES, Limits
from assistant.settings import Settings

REPO = Path(__file__).resolve().parent.parent
QUESTION = "How many hospitals does AP-HP have?"

CLI_WITH_FAKES = """
import sys
from fakes import FakeBackend, FakeEmbedder
import assistant.cli.common as common
from assistant.container import Container
def container(ctx, **overrides):
    return Container(common.build_settings(**{**ctx.obj, **overrides}),
                     embedder=FakeEmbedder(), backend=FakeBackend())
import assistant.cli.ask, assistant.cli.corpus
for module in (common, assistant.cli.ask, assistant.cli.corpus):
    module.container = container
from assistant.cli import cli
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
