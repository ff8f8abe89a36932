"""Compare ``ingest.extract.extract`` with ``trafilatura.extract`` on the saved test pages.

Each extractor is scored against ``tests/data/pages/NAME.expected.json``:

* ``keep``: the fraction of ``must_contain`` sentences found in the text (whitespace squashed);
* ``drop``: the fraction of ``must_not_contain`` boilerplate strings absent from the text;
* ``meta``: how many of title, date, author and language are right (dates on YYYY-MM-DD,
  languages on the two-letter code).

Usage: ``python scripts/compare_extractors.py [PAGES_DIR]`` (needs the ``compare`` extra).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.extract import extract
from ingest.models import IngestError

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"
META_FIELDS = ("title", "date", "author", "language")


@dataclass(frozen=True)
class Extraction:
    text: str
    metadata: dict[str, str | None]
    seconds: float


@dataclass(frozen=True)
class Score:
    keep: float
    drop: float
    meta: int
    wrong: tuple[str, ...]  # the metadata fields that were wrong
    seconds: float


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def ours(html: bytes) -> Extraction:
    started = time.perf_counter()
    try:
        page = extract(html)
    except IngestError:
        return Extraction("", dict.fromkeys(META_FIELDS), time.perf_counter() - started)
    metadata = {field: getattr(page, field) for field in META_FIELDS}
    return Extraction(page.text, metadata, time.perf_counter() - started)


def trafilatura_extraction(html: bytes) -> Extraction:
    import trafilatura

    started = time.perf_counter()
    raw = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_tables=True, include_comments=False
    )
    seconds = time.perf_counter() - started
    if not raw:
        return Extraction("", dict.fromkeys(META_FIELDS), seconds)
    data: dict[str, Any] = json.loads(raw)
    metadata = {field: data.get(field) or None for field in META_FIELDS}
    return Extraction(data.get("text") or "", metadata, seconds)


def same(field: str, got: str | None, want: str | None) -> bool:
    if field == "date":
        return (got or "")[:10] == (want or "")[:10]
    if field == "language":
        return (got or "")[:2].lower() == (want or "")[:2].lower()
    return squash(got) == squash(want)


def score(extraction: Extraction, expected: dict[str, Any]) -> Score:
    text = squash(extraction.text)
    keep = [squash(sentence) in text for sentence in expected["must_contain"]]
    drop = [phrase not in extraction.text for phrase in expected["must_not_contain"]]
    wrong = tuple(
        field
        for field in META_FIELDS
        if not same(field, extraction.metadata.get(field), expected.get(field))
    )
    return Score(
        keep=sum(keep) / len(keep) if keep else 1.0,
        drop=sum(drop) / len(drop) if drop else 1.0,
        meta=len(META_FIELDS) - len(wrong),
        wrong=wrong,
        seconds=extraction.seconds,
    )


def row(cells: list[str], widths: list[int]) -> str:
    return (
        "| "
        + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        + " |"
    )


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [row(rows[0], widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [row(r, widths) for r in rows[1:]]
    return "\n".join(lines)


def cells(result: Score) -> list[str]:
    wrong = f" (wrong: {', '.join(result.wrong)})" if result.wrong else ""
    return [f"{result.keep:.2f}", f"{result.drop:.2f}", f"{result.meta}/4{wrong}"]


def main(argv: list[str]) -> int:
    pages = Path(argv[1]) if len(argv) > 1 else PAGES
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed: pip install -e '.[compare]'", file=sys.stderr)
        return 1
    extractors: dict[str, Callable[[bytes], Extraction]] = {
        "ours": ours,
        "trafilatura": trafilatura_extraction,
    }
    header = ["page"]
    for name in extractors:
        header += [f"{name} keep", f"{name} drop", f"{name} meta"]
    rows = [header]
    totals: dict[str, list[Score]] = {name: [] for name in extractors}
    for html_path in sorted(pages.glob("*.html")):
        expected = json.loads(html_path.with_suffix(".expected.json").read_text("utf-8"))
        html = html_path.read_bytes()
        line = [html_path.stem]
        for name, run in extractors.items():
            result = score(run(html), expected)
            totals[name].append(result)
            line += cells(result)
        rows.append(line)
    summary = ["MEAN"]
    for results in totals.values():
        n = len(results)
        summary += [
            f"{sum(r.keep for r in results) / n:.2f}",
            f"{sum(r.drop for r in results) / n:.2f}",
            f"{sum(r.meta for r in results)}/{4 * n}",
        ]
    rows.append(summary)
    print(table(rows))
    for name, results in totals.items():
        mean_ms = 1000 * sum(r.seconds for r in results) / len(results)
        print(f"{name}: {mean_ms:.1f} ms per page")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
