"""Fuzzing with hypothesis (fast tier): extraction, chunking, the directory CSV readers, the
``ask --jsonl`` parser and URL normalisation never crash, never lose the main text, and fail
with one line. Example counts are kept small so the file runs in seconds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.app.cli.ask import output_line
from ingest.chunk import build_splitter, chunk
from ingest.directory import read_organisations
from ingest.extract import extract
from ingest.fetch import normalize_url
from ingest.limits import TOO_LONG, Limits, read_lines
from ingest.models import Document, IngestError

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzéèàçôABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=10
)
SENTENCE = st.lists(WORD, min_size=8, max_size=30).map(lambda w: " ".join(w) + ".")
NOISE_TAGS = ["nav", "footer", "aside", "header", "div", "span", "script", "style", "form"]


def one_line(message: str) -> bool:
    return bool(message.strip()) and "\n" not in message


# --- extraction ---------------------------------------------------------------------------------


@st.composite
def page_with_main_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page whose <main> or <article> holds known paragraphs among random furniture."""
    paragraphs = draw(st.lists(SENTENCE, min_size=1, max_size=4))
    noise = draw(st.lists(st.tuples(st.sampled_from(NOISE_TAGS), st.text(max_size=60)), max_size=6))
    junk = "".join(
        f"<{tag} class='menu'>{text.replace('<', ' ').replace('&', ' ')}</{tag}>"
        for tag, text in noise
    )
    container = draw(st.sampled_from(["main", "article"]))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    before, after = draw(st.booleans()), draw(st.booleans())
    html = (
        f"<html><head><title>{draw(WORD)}</title></head><body>{junk if before else ''}"
        f"<{container}>{body}</{container}>{junk if after else ''}</body></html>"
    )
    return html, paragraphs


@FUZZ
@given(page_with_main_text(), st.sampled_from(["utf-8", "cp1252", "latin-1"]))
def test_extraction_keeps_the_main_text(page: tuple[str, list[str]], encoding: str) -> None:
    html, paragraphs = page
    extracted = extract(html.encode(encoding, "xmlcharrefreplace"), charset=encoding).text
    for paragraph in paragraphs:
        assert paragraph in extracted


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([None, "utf-8", "cp1252", "shift_jis", "bogus"]))
def test_extraction_of_arbitrary_bytes_never_crashes(content: bytes, charset: str | None) -> None:
    try:
        page = extract(content, charset=charset)
    except IngestError as exc:
        assert one_line(exc.reason)
    else:
        assert len(page.text) >= 20


@FUZZ
@given(page_with_main_text())
def test_extraction_survives_broken_encodings(page: tuple[str, list[str]]) -> None:
    """Mixed encodings and truncated multi-byte characters: no crash, the ASCII words stay."""
    html, paragraphs = page
    broken = html.encode("utf-8")[:-3] + "é".encode("cp1252") + b"\xff\xfe"
    extracted = extract(broken, charset="utf-8").text
    ascii_words = [w for w in paragraphs[0].split() if w.isascii() and w.isalpha()]
    for word in ascii_words:
        assert word in extracted


# --- chunking ------------------------------------------------------------------------------------


@FUZZ
@given(st.lists(SENTENCE, min_size=1, max_size=40), st.sampled_from([(100, 0), (200, 40)]))
def test_chunking_covers_every_word(sentences: list[str], sizes: tuple[int, int]) -> None:
    text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    chunks = chunk([Document("d", "s", text, {"title": "t"})], build_splitter(*sizes))
    assert chunks and all(c.text and c.text in text for c in chunks)
    covered = " ".join(c.text for c in chunks).split()
    assert set(text.split()) <= set(covered)
    assert len({c.id for c in chunks}) == len(chunks)


# --- directory CSV readers -----------------------------------------------------------------------

HEADER = "name,acronym,kind,city,postcode,website,parents,domains,description,source".split(",")
# text cells (binary data is refused as a whole, see the next test): any printable character,
# quotes, delimiters, line breaks and non-breaking spaces included
CELL = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "\t", " ", '"', ",", ";"]),
    max_size=30,
)


@FUZZ
@given(st.lists(st.lists(CELL, min_size=10, max_size=10), min_size=1, max_size=8))
def test_directory_reader_keeps_every_named_row(tmp_path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path / "orgs.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    kept = [r for r in rows if any(cell.strip() for cell in r)]  # blank records are skipped
    try:
        organisations = read_organisations(path)
    except IngestError as exc:
        assert one_line(exc.reason)
        assert "missing name" in exc.reason or "empty file" in exc.reason, exc.reason
        assert not kept or any(not " ".join(r[0].split()) for r in kept)
    else:
        assert [o.name for o in organisations] == [" ".join(r[0].split()) for r in kept]


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["paris-health", "rnsr", "finess"]))
def test_directory_readers_on_arbitrary_bytes(tmp_path: Path, content: bytes, fmt: Any) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(content)
    try:
        read_organisations(path, fmt)
    except IngestError as exc:
        assert one_line(exc.reason)


# --- the ask --jsonl parser ----------------------------------------------------------------------


class EchoChat:
    """The chat service's ``ask`` as the parser sees it: the limits, then an answer record."""

    limits = Limits()

    def ask(self, question: str, history: Any, filters: Any) -> Any:
        self.limits.check_question(question)
        self.limits.check_history(history)
        outer = self

        class Record:
            def to_json(self, item_id: str | None) -> dict[str, Any]:
                return {"id": item_id, "answer": question, "by": type(outer).__name__}

        return Record()


ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)  # lone surrogates too
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too
    | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "question": st.text(max_size=60) | JSON_VALUES,
        "history": st.lists(
            st.fixed_dictionaries(
                {"role": st.sampled_from(["user", "assistant", "robot"]), "content": ANY_TEXT}
            ),
            max_size=3,
        )
        | JSON_VALUES,
    },
)
HUGE = st.integers(4000, 6000).map(lambda n: '{"id": ' + "9" * n + ', "question": "q"}')
DEEP = st.integers(1, 20_000).map(
    lambda n: '{"question": "q", "history": ' + "[" * n + "]" * n + "}"
)


def no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


@FUZZ
@given(st.text(max_size=300) | RECORDS.map(json.dumps) | JSON_VALUES.map(json.dumps) | DEEP | HUGE)
def test_jsonl_parser_answers_or_explains_every_line(line: str) -> None:
    text = output_line(EchoChat(), line, {})  # type: ignore[arg-type]
    assert "\n" not in text
    text.encode("utf-8")  # writable
    out = json.loads(text, parse_constant=no_constant)  # always one line of valid JSON
    if "error" in out:
        assert set(out) == {"id", "error"} and one_line(out["error"])
    else:
        record = json.loads(line)
        assert out["answer"] == record["question"] and record["question"].strip()


@FUZZ
@given(st.lists(st.binary(max_size=300), max_size=8), st.integers(min_value=16, max_value=200))
def test_line_reader_never_holds_a_long_line(pieces: list[bytes], limit: int) -> None:
    data = b"\n".join(pieces)
    out = list(read_lines(io.BytesIO(data), limit))
    lines = data.split(b"\n") if data else []
    lines = lines if not data.endswith(b"\n") else lines[:-1]
    assert len(out) == len(lines)
    for got, raw in zip(out, lines, strict=True):
        if len(raw) + 1 > limit + 1 or (len(raw) > limit):
            assert got is TOO_LONG
        else:
            assert isinstance(got, str) and got.rstrip("\n") == raw.decode("utf-8", "replace")


# --- URL normalisation ---------------------------------------------------------------------------

URLS = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", ""]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz.-[]:0123456789@", max_size=25),
        st.sampled_from(["", ":80", ":443", ":8080", ":99999", ":x"]),
        st.text(max_size=30),
    ),
)


@FUZZ
@given(URLS)
@example("HTTP://0/\x85#")  # a space before the fragment, found by this test
def test_url_normalisation_is_idempotent_or_one_line(url: str) -> None:
    try:
        normal = normalize_url(url)
    except IngestError as exc:
        assert one_line(exc.reason)
    else:
        assert normal.split("://")[0] in ("http", "https")
        assert normalize_url(normal) == normal
        assert "#" not in normal
