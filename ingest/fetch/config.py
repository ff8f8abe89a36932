"""The fetch stage's settings, shared by all its parts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.fetch.guard import AddressGuard


@dataclass(frozen=True)
class FetchConfig:
    """How to fetch; ``ingest.settings.Settings`` carries the same knobs."""

    user_agent: str
    timeout_s: float
    retries: int  # extra attempts after the first one
    backoff_s: float  # first retry waits this long, then twice as long each time
    max_bytes: int
    respect_robots: bool
    snapshots_dir: Path
    max_crawl_delay_s: float = 10.0  # a larger robots.txt Crawl-delay is capped to this
    max_redirects: int = 5
    max_crawl_bytes: int | None = None  # a crawl stops once its pages hold this many bytes
    guard: AddressGuard | None = None  # the staff desk's: public addresses only, every hop
    # a whole request (connect, headers, body; robots.txt and sitemaps too) ends this long
    # after it starts; None: 4 x timeout_s
    deadline_s: float | None = None
    max_requests: int | None = None  # requests one URL source may make (None: no limit)
    max_child_sitemaps: int = 50  # the sitemaps of a sitemap index that are read

    @property
    def request_deadline_s(self) -> float:
        return self.deadline_s if self.deadline_s is not None else 4 * self.timeout_s
