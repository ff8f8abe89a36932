"""The request budget of one URL source: every request it makes (robots.txt, sitemaps, child
sitemaps, pages, retries and redirect hops) counts, and the crawl stops when it is spent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ingest.models import IngestError


class BudgetSpent(IngestError):
    """The budget allows no more requests: a crawl stops here and keeps what it has."""


class RequestBudget:
    """Counts requests against ``limit`` (None: no limit) inside :meth:`scope`; outside a
    scope nothing is counted. :attr:`notes` says what a scope left out (a spent budget, a
    capped sitemap index), for the ingest report."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.spent = 0
        self.notes: list[str] = []
        self._active = False

    @contextmanager
    def scope(self) -> Iterator[RequestBudget]:
        self.spent, self.notes, self._active = 0, [], True
        try:
            yield self
        finally:
            self._active = False

    def spend(self, url: str) -> None:
        """Count one request to ``url``; BudgetSpent (noted once) when none is left."""
        if not self._active or self.limit is None:
            return
        if self.spent >= self.limit:
            spent = f"request budget of {self.limit} spent (robots.txt, sitemaps and pages)"
            self.note(f"crawl stopped: {spent}")
            raise BudgetSpent(f"{spent}: not fetched {url}")
        self.spent += 1

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)
