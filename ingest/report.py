"""What an ingest run did, per source: added, updated, unchanged, removed or failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["added", "updated", "unchanged", "removed", "failed"]
STATUSES: tuple[Status, ...] = ("added", "updated", "unchanged", "removed", "failed")
Progress = Callable[[int, int, str], None]  # (done, total, label)


@dataclass
class SourceReport:
    source_id: str
    location: str
    status: Status
    reason: str = ""
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0
    note: str = ""  # what a source that did not fail left out (a crawl stopped by its budget)
    title: str = ""  # the title its (first) document gives itself, when it gives one


@dataclass
class IngestReport:
    items: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def embedded(self) -> int:
        return sum(item.embedded for item in self.items)

    @property
    def failed(self) -> list[SourceReport]:
        return [item for item in self.items if item.status == "failed"]

    @property
    def changed(self) -> bool:
        return any(item.status in ("added", "updated", "removed") for item in self.items)

    @property
    def ok(self) -> bool:
        return not self.failed

    def merged(self, other: IngestReport) -> IngestReport:
        """Both reports as one (``ingest --url A --file B`` runs twice and reports once)."""
        return IngestReport([*self.items, *other.items], self.seconds + other.seconds)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(s)} {s}" for s in STATUSES)
        embedded = f"{self.embedded} chunks embedded" if self.embedded else "nothing re-embedded"
        return f"{counts}; {embedded} in {self.seconds:.1f}s"


def chunks(n: int) -> str:
    return f"{n} chunk" if n == 1 else f"{n} chunks"


def detail(item: SourceReport) -> str:
    """What happened to one source: ``"3 chunks, 3 embedded (why); what was left out"``."""
    if item.status == "failed":
        return item.reason
    if item.status == "removed":
        return f"{chunks(item.deleted)} deleted"
    embedded = f", {item.embedded} embedded" if item.embedded else ""
    note = (f" ({item.reason})" if item.reason else "") + (f"; {item.note}" if item.note else "")
    return f"{chunks(item.chunks)}{embedded}{note}"


def report_line(item: SourceReport) -> str:
    """One source's line of the report: ``"  added     a-source: 3 chunks, 3 embedded"``."""
    return f"  {item.status:<9} {item.source_id}: {detail(item)}"
