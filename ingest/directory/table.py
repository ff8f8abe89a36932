"""Reading a directory file as a table: decoding, delimiter, rows, header, trimming."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.decode import decode
from ingest.directory.cells import clean
from ingest.models import IngestError
from ingest.store.text import slugify

# (line number where the record starts, {column: cleaned cell})
Table = list[tuple[int, dict[str, str]]]

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_text(path: Path) -> str:
    """The decoded text of a directory file; IngestError if unreadable or empty."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read file ({exc.strerror or exc})") from exc
    text = decode_table(data, path.name)
    if not text.strip():
        raise IngestError(f"{path.name}: empty file")
    return text


def decode_table(data: bytes, label: str) -> str:
    """:func:`ingest.decode.decode` (a BOM, else UTF-8, else cp1252), refusing what cannot be a
    table: UTF-16 that does not decode, and NUL bytes without a BOM (binary data, or UTF-16
    without BOM that would otherwise be read as text full of NULs)."""
    if data.startswith(_UTF16_BOMS):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{label}: unreadable encoding (bad UTF-16)") from exc
    elif b"\x00" in data:
        raise IngestError(f"{label}: unreadable encoding (binary data or UTF-16 without BOM)")
    return decode(data)


def detect_delimiter(text: str) -> str:
    """``;`` if the first non-blank line has more of them than commas, else ``,``."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


def rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number where the record starts, cells), skipping blank records."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


def trim(row: list[str], width: int) -> list[str]:
    """Drop empty cells past ``width`` (exports often end every line with a delimiter)."""
    while len(row) > width and not row[-1].strip():
        row = row[:-1]
    return row


def parse_table(label: str, text: str, required: Sequence[str], normalise_header: bool) -> Table:
    """Parse delimited text with a header row into (line, {column: cell}) records.

    ``normalise_header``: header cells become slugs (``"Libellé"`` -> ``"libelle"``);
    otherwise they are only lower-cased.
    """
    records = rows(text, detect_delimiter(text))
    first = next(records, None)
    if first is None:
        raise IngestError(f"{label}: empty file")
    header_line, raw_header = first
    header = trim([header_key(h, normalise_header) for h in raw_header], 0)
    missing = [c for c in required if c not in header]
    if missing:
        raise IngestError(
            f"{label} line {header_line}: missing required columns: {', '.join(missing)}"
        )
    table: Table = []
    for line, row in records:
        row = trim(row, len(header))
        if len(row) != len(header):
            raise IngestError(f"{label} line {line}: expected {len(header)} fields, got {len(row)}")
        table.append((line, {h: clean(v) for h, v in zip(header, row, strict=True) if h}))
    return table


def header_key(cell: str, normalise: bool) -> str:
    cell = cell.strip().lstrip("\ufeff")
    return slugify(cell, "_") if normalise else cell.lower()
