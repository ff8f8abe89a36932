"""Input limits and the request deadline: one message each, the same in the service, the CLI and
``ask --jsonl``; answers stay right just under each limit (the real embedder: slow tests)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import FakeBackend, FakeClock, FakeEmbedder, FakeSite

from assistant.answer import Turn
from assistant.app.cli import cli
from assistant.app.container import Container
from assistant.backends import GenerationRequest
from ingest.fetch import FetchConfig, Fetcher
from ingest.limits import TOO_LONG, LimitError, Limits, read_lines
from ingest.models import IngestError
from ingest.settings import Settings

QUESTION = "How many hospitals does AP-HP have?"


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    container = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    assert container.corpus.refresh().ok
    return container


def padded(question: str, size: int) -> str:
    """``question`` said again and again (a user pasting it in a loop), to exactly ``size``
    characters."""
    text = question
    while len(text) + len(question) + 1 <= size:
        text += " " + question
    return text + "?" * (size - len(text))


# --- the checks ------------------------------------------------------------------------------


def test_question_limit_message(app: Container) -> None:
    limit = app.settings.max_question_chars
    with pytest.raises(LimitError, match=f"too long \\({limit + 1:,} characters, at most"):
        app.chat.ask(padded(QUESTION, limit + 1))
    answer = app.chat.ask(padded(QUESTION, limit))  # just under: answered, with sources
    assert answer.sources and answer.grounded


def test_history_limits(app: Container) -> None:
    turns = app.settings.max_history_turns
    many = [Turn("user" if i % 2 == 0 else "assistant", "AP-HP hospitals") for i in range(turns)]
    assert app.chat.ask(QUESTION, many).grounded  # at the limit: answered
    with pytest.raises(LimitError, match="start a new conversation"):
        app.chat.ask(QUESTION, [*many, Turn("user", "more")])
    big = [Turn("user", "x" * (app.settings.max_history_chars + 1))]
    with pytest.raises(LimitError, match="characters, at most"):
        app.chat.ask(QUESTION, big)


def test_read_lines_skips_an_overlong_line_without_holding_it() -> None:
    stream = io.BytesIO(b'{"q": 1}\n' + b"x" * 5000 + b"\n" + "caf\xe9\n".encode("latin-1"))
    lines = list(read_lines(stream, 1024))
    assert lines[0] == '{"q": 1}\n' and lines[1] is TOO_LONG
    assert lines[2] == "caf\ufffd\n"  # a bad byte is replaced, never a crash
    assert list(read_lines(io.BytesIO(b"a" * 1024), 1024)) == ["a" * 1024]  # at the limit


def test_crawl_pages_limit(app: Container) -> None:
    with pytest.raises(LimitError, match="too many pages asked for \\(201, at most 200"):
        app.corpus.add_urls(["https://example.org/"], crawl_depth=1, max_pages=201)


def test_upload_limits(tmp_path: Path, corpus_copy: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy, max_upload_bytes=2048)
    app = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    big = tmp_path / "big.txt"
    big.write_text("Genopole is a biocluster in Evry. " * 100, encoding="utf-8")
    with pytest.raises(LimitError, match="big.txt is too large \\(3,400 bytes, at most 2,048\\)"):
        app.corpus.add_upload(big, "big.txt")
    with pytest.raises(IngestError, match="unsupported file type"):
        app.corpus.add_upload(big, "big.exe")
    small = tmp_path / "small.txt"
    small.write_text(("Genopole is a biocluster in Evry. " * 61)[:2048], encoding="utf-8")
    report = app.corpus.add_upload(small, "small.txt")  # exactly at the limit: added
    assert report.ok and report.count("added") == 1


class SlowBackend:
    """A backend that takes one second of the fake clock per delta, for ever."""

    name = "slow"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.deltas = 0

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        while True:
            self.clock.now += 1.0
            self.deltas += 1
            yield "Part of the answer [1]. "


def test_generation_stops_at_the_deadline(tmp_path: Path, corpus_copy: Path) -> None:
    clock = FakeClock()
    backend = SlowBackend(clock)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy, generation_budget_s=5)
    app = Container(settings, embedder=FakeEmbedder(), backend=backend)
    assert app.corpus.refresh().ok
    app.chat.clock = clock
    answer = app.chat.ask(QUESTION)
    assert backend.deltas == 5  # stopped by the deadline, not by the backend
    assert answer.grounded and answer.answer.count("Part of the answer") == 5


def test_limits_come_from_the_settings() -> None:
    settings = Settings(max_question_chars=50, max_jsonl_line_bytes=2048, generation_budget_s=2)
    limits = Limits.from_settings(settings)
    assert (limits.question_chars, limits.jsonl_line_bytes) == (50, 2048)
    assert limits.generation_budget_s == 2
    with pytest.raises(ValueError, match="invalid interval"):
        Settings(refresh_every="every day")
    assert Settings(refresh_every="24h").refresh_every_s == 86400
    assert Settings(refresh_every="off").refresh_every_s is None


# --- the same message in the CLI (real embedder) ---------------------------------------------


def run(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def line_of(size: int, record: dict[str, object]) -> str:
    """``record`` as a JSON line of exactly ``size`` bytes, padded by an ignored field."""
    bare = json.dumps({**record, "pad": ""})
    return json.dumps({**record, "pad": "f" * (size - len(bare.encode()))})


@pytest.mark.slow
def test_cli_limits_and_answers_just_under(built_index: Path) -> None:
    code, _, err = run(built_index, "ask", padded(QUESTION, 2001))
    assert code == 1 and "the question is too long (2,001 characters, at most 2,000)" in err
    assert len(err.strip().splitlines()) == 1

    code, out, _ = run(built_index, "ask", "--json", padded(QUESTION, 2000))
    assert code == 0 and "39" in json.loads(out)["answer"]  # just under: still right

    history = [{"role": "user", "content": "AP-HP"}, {"role": "assistant", "content": "ok"}] * 20
    under = {"id": "under", "question": QUESTION, "history": history}
    lines = [
        line_of(100_000 - 1, under),  # with its newline: exactly at the limit
        line_of(100_000 + 1, {"id": "over", "question": QUESTION}),
        json.dumps({"id": "long", "question": padded(QUESTION, 2001)}),
        json.dumps({"id": "turns", "question": QUESTION, "history": [*history, history[0]]}),
        json.dumps({"id": "after", "question": QUESTION}),
    ]
    assert len(lines[0].encode()) + 1 == 100_000 < len(lines[1].encode())
    code, out, _ = run(built_index, "ask", "--jsonl", stdin="\n".join(lines) + "\n")
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    assert [g.get("id") for g in got] == ["under", None, "long", "turns", "after"]
    assert "39" in got[0]["answer"] and "39" in got[4]["answer"]
    assert got[1]["error"] == "line too long (more than 100,000 bytes): skipped"
    assert "the question is too long" in got[2]["error"]
    assert "the conversation is too long (41 messages, at most 40)" in got[3]["error"]


def crawl_fetcher(tmp_path: Path, max_crawl_bytes: int | None) -> Fetcher:
    """A site of a start page linking to 5 pages of 1,000 bytes each, in memory."""
    links = "".join(f'<a href="/p{n}">page {n}</a>' for n in range(5))
    pages = {"/": (200, {"Content-Type": "text/html"}, f"<html><body>{links}</body>".encode())}
    for n in range(5):
        body = f"<html><body><p>{'x' * 960}</p></body></html>".encode()[:1000]
        pages[f"/p{n}"] = (200, {"Content-Type": "text/html"}, body)
    config = FetchConfig(
        "t/1", 2, 0, 0, 100_000, False, tmp_path / "snap", max_crawl_bytes=max_crawl_bytes
    )
    return Fetcher(config, transport=FakeSite(pages).transport())


def test_crawl_stops_at_its_byte_budget(tmp_path: Path) -> None:
    with crawl_fetcher(tmp_path, None) as fetcher:
        assert len(fetcher.crawl("http://site.test/", depth=1, max_pages=20)) == 6
    with crawl_fetcher(tmp_path, 2500) as fetcher:  # start page (~230 bytes) + 3 pages > 2,500
        urls = fetcher.crawl("http://site.test/", depth=1, max_pages=20)
    assert urls == ["http://site.test/", *[f"http://site.test/p{n}" for n in range(3)]]
