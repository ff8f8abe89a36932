"""The fetcher's logic through the HTTP-transport and clock fakes (fast tier)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock, FakeSite

from ingest.fetch import FetchConfig, Fetcher
from ingest.models import IngestError

HTML = {"Content-Type": "text/html; charset=utf-8"}


def fetcher(tmp_path: Path, site: FakeSite, clock: FakeClock, retries: int = 0) -> Fetcher:
    config = FetchConfig(
        user_agent="test/1",
        timeout_s=2,
        retries=retries,
        backoff_s=0.5,
        max_bytes=10_000,
        respect_robots=True,
        snapshots_dir=tmp_path / "snapshots",
    )
    return Fetcher(config, transport=site.transport(), sleep=clock.sleep, clock=clock)


def test_robots_wildcards_and_crawl_delay(tmp_path: Path, fake_clock: FakeClock) -> None:
    robots = b"User-agent: *\nDisallow: /*.pdf$\nCrawl-delay: 2\n"
    site = FakeSite(
        {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, robots),
            "/a": (200, HTML, b"<p>a</p>"),
            "/b": (200, HTML, b"<p>b</p>"),
        }
    )
    with fetcher(tmp_path, site, fake_clock) as f:
        assert not f.allowed("https://example.org/report.pdf")
        assert f.allowed("https://example.org/report.pdf?page=2")
        f.fetch("https://example.org/a")
        f.fetch("https://example.org/b")
    assert sum(fake_clock.slept) >= 2  # the second page waited for the crawl delay


def test_retries_then_gives_a_one_line_error(tmp_path: Path, fake_clock: FakeClock) -> None:
    site = FakeSite({"/down": (503, {"Retry-After": "1"}, b"busy")})
    with fetcher(tmp_path, site, fake_clock, retries=2) as f, pytest.raises(IngestError) as info:
        f.fetch("https://example.org/down")
    assert site.paths().count("/down") == 3
    assert "503" in info.value.reason and "\n" not in info.value.reason
    assert fake_clock.slept  # it backed off between attempts, on the fake clock


def test_conditional_get_uses_the_snapshot(tmp_path: Path, fake_clock: FakeClock) -> None:
    site = FakeSite({"/p": (200, {**HTML, "ETag": '"v1"'}, b"<p>hello</p>")})
    with fetcher(tmp_path, site, fake_clock) as f:
        first = f.fetch("https://example.org/p")
    with fetcher(tmp_path, site, fake_clock) as f:
        second = f.fetch("https://example.org/p")
    assert not first.not_modified and second.not_modified
    assert second.content == first.content == b"<p>hello</p>"
