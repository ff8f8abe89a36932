"""What bounds one URL source's fetching, against a real HTTP server on 127.0.0.1: a whole-request
deadline (robots.txt included), a request budget, a cap on the sitemaps of an index, and no
snapshot of a sitemap that lists nothing."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from fakes import FakeEmbedder, FakeIndex
from webserver import LocalServer, Reply, html_page, web_server

from ingest.database import Database
from ingest.fetch import FetchConfig, Fetcher
from ingest.lock import ingest_lock
from ingest.models import IngestError, Source
from ingest.pipeline import IngestConfig, Ingestor
from ingest.report import detail
from ingest.state import StateStore

pytestmark = pytest.mark.slow  # real HTTP on 127.0.0.1

ROBOTS = "User-agent: *\nAllow: /\n" + "# a long comment line\n" * 10  # 250 bytes: 2 min dripped
PAGE = html_page("Medicen", "<main><p>Medicen Paris Region is a health cluster.</p></main>")


@pytest.fixture(autouse=True)
def fuse() -> Iterator[None]:
    """A fuse, not the assertion: a hang fails the test after 30 s instead of blocking the run."""

    def blow(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the test hung for 30 s")

    previous = signal.signal(signal.SIGALRM, blow)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with web_server() as running:
        yield running


def make_config(tmp_path: Path, **changes: object) -> FetchConfig:
    values: dict[str, object] = {
        "user_agent": "paris-health-test/0.1",
        "timeout_s": 2.0,  # per read: a byte every 0.5 s never trips it
        "retries": 0,
        "backoff_s": 0.01,
        "max_bytes": 1_000_000,
        "respect_robots": True,
        "snapshots_dir": tmp_path / "data" / "snapshots",
        "deadline_s": 2.0,
    }
    values.update(changes)
    return FetchConfig(**values)  # type: ignore[arg-type]


def make_ingestor(tmp_path: Path, config: FetchConfig) -> Ingestor:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    ingest = IngestConfig(corpus, tmp_path / "data", 200, 40, config)
    state = StateStore(Database.at(tmp_path / "data" / "database.sqlite"))
    return Ingestor(ingest, FakeIndex(), FakeEmbedder(), state, lambda: Fetcher(config))


# --- the whole-request deadline --------------------------------------------------------------


def test_a_dripping_robots_txt_disallows_the_site_within_the_deadline(
    server: LocalServer, tmp_path: Path
) -> None:
    server.robots(ROBOTS, drip_s=0.5)  # status line, headers and body: a byte every 0.5 s
    server.set("/", Reply(body=PAGE))
    started = time.monotonic()
    with Fetcher(make_config(tmp_path)) as fetcher, pytest.raises(IngestError) as error:
        fetcher.fetch(server.url("/"))
    elapsed = time.monotonic() - started
    assert error.value.reason == (
        f"robots.txt of {server.base_url} gave no complete answer within 2 s (RFC 9309: "
        "unreachable, so all disallowed): nothing fetched from it this run"
    )
    assert server.count("/") == 0  # the page was never asked for
    assert elapsed < 3.5, f"{elapsed:.1f} s for a 2 s deadline"


def test_a_dripping_robots_txt_fails_its_source_and_releases_the_lock(
    server: LocalServer, tmp_path: Path
) -> None:
    server.robots(ROBOTS, drip_s=0.5)
    server.set("/", Reply(body=PAGE))
    ingestor = make_ingestor(tmp_path, make_config(tmp_path))
    source = Source(id="slow", kind="url", location=server.url("/"))
    report = ingestor.run([source], prune=False)
    [item] = report.items
    assert item.status == "failed"
    assert item.reason.startswith(f"robots.txt of {server.base_url} gave no complete answer")
    assert "\n" not in item.reason
    with ingest_lock(tmp_path / "data"):  # free again: the next run is not refused (exit 75)
        pass


def test_a_dripping_page_fails_within_the_deadline(server: LocalServer, tmp_path: Path) -> None:
    server.robots("User-agent: *\nAllow: /\n")
    server.set("/slow", Reply(body=PAGE, drip_s=0.5))
    started = time.monotonic()
    with Fetcher(make_config(tmp_path)) as fetcher, pytest.raises(IngestError) as error:
        fetcher.fetch(server.url("/slow"))
    assert error.value.reason == f"no complete answer within 2 s: {server.url('/slow')}"
    assert time.monotonic() - started < 3.5


def test_a_dripping_sitemap_fails_within_the_deadline(server: LocalServer, tmp_path: Path) -> None:
    server.robots("User-agent: *\nAllow: /\n")
    server.set("/sitemap.xml", Reply(body="<urlset/>" * 50, drip_s=0.5, content_type="text/xml"))
    started = time.monotonic()
    with Fetcher(make_config(tmp_path)) as fetcher, pytest.raises(IngestError) as error:
        fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert error.value.reason == f"no complete answer within 2 s: {server.url('/sitemap.xml')}"
    assert time.monotonic() - started < 3.5


# --- the request budget, the cap on child sitemaps, their snapshots --------------------------


def test_an_index_of_empty_sitemaps_is_capped_and_leaves_no_snapshots(
    server: LocalServer, tmp_path: Path
) -> None:
    server.robots("User-agent: *\nAllow: /\n")
    children = server.empty_sitemap_index("/sitemap.xml", 2000)
    config = make_config(tmp_path, max_child_sitemaps=20, max_requests=100)
    with Fetcher(config) as fetcher, fetcher.budgeted() as budget:
        urls = fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert urls == []
    assert server.paths() == ["/robots.txt", "/sitemap.xml", *children[:20]]
    assert budget.notes == [
        "sitemap index lists 2000 sitemaps: read the first 20 (max_child_sitemaps)"
    ]
    kept = list((tmp_path / "data" / "snapshots").iterdir())
    assert len(kept) == 1  # the index's own; none of the 20 empty sitemaps


def test_the_request_budget_stops_an_index_and_says_so(server: LocalServer, tmp_path: Path) -> None:
    server.robots("User-agent: *\nAllow: /\n")
    server.empty_sitemap_index("/sitemap.xml", 2000)
    ingestor = make_ingestor(tmp_path, make_config(tmp_path, max_requests=10))
    source = Source(id="map", kind="url", location=server.url("/sitemap.xml"), sitemap=True)
    [item] = ingestor.run([source], prune=False).items
    assert len(server.log) == 10  # robots.txt, the index, 8 of its sitemaps
    assert item.status == "failed"
    assert item.reason == (
        f"no pages found at {server.url('/sitemap.xml')} (sitemap index lists 2000 sitemaps: "
        "read the first 50 (max_child_sitemaps); crawl stopped: request budget of 10 spent "
        "(robots.txt, sitemaps and pages))"
    )


def test_the_request_budget_stops_a_crawl_and_the_report_says_so(
    server: LocalServer, tmp_path: Path
) -> None:
    server.robots("User-agent: *\nAllow: /\n")
    links = "".join(f'<a href="/p{n}">page {n}</a>' for n in range(20))
    server.set("/", Reply(body=html_page("Home", f"<main><p>{PAGE}</p>{links}</main>")))
    for n in range(20):
        text = f"<main><p>Page {n} is about the cluster number {n} of the region.</p></main>"
        server.set(f"/p{n}", Reply(body=html_page(f"Page {n}", text)))
    ingestor = make_ingestor(tmp_path, make_config(tmp_path, max_requests=6))
    source = Source(id="site", kind="url", location=server.url("/"), crawl_depth=1, max_pages=50)
    [item] = ingestor.run([source], prune=False).items
    assert server.paths() == ["/robots.txt", "/", "/p0", "/p1", "/p2", "/p3"]
    assert item.status == "added"  # what was fetched is kept
    assert item.note == "crawl stopped: request budget of 6 spent (robots.txt, sitemaps and pages)"
    assert detail(item).endswith(f"; {item.note}")
