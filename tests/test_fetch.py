"""Tests of ``ingest.fetch`` against a real HTTP server on 127.0.0.1 (no mocked client)."""

from __future__ import annotations

import gzip
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webserver import LocalServer, Reply, Request, html_page, unused_port, web_server

from ingest.atomic import write_atomic
from ingest.fetch import ROBOTS_MAX_BYTES, FetchConfig, Fetcher, normalize_url, snapshot_dir
from ingest.models import IngestError

pytestmark = pytest.mark.slow  # real HTTP on 127.0.0.1 (tests/test_fetch_fast.py: the fast tier)

USER_AGENT = "paris-health-test/0.1 (+https://example.org/bot)"
PAGE = html_page("Medicen", "<main><p>Medicen Paris Region is a health cluster.</p></main>")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with web_server() as running:
        yield running


def make_config(tmp_path: Path, **changes: object) -> FetchConfig:
    values: dict[str, object] = {
        "user_agent": USER_AGENT,
        "timeout_s": 2.0,
        "retries": 2,
        "backoff_s": 0.01,
        "max_bytes": 1_000_000,
        "respect_robots": True,
        "snapshots_dir": tmp_path / "snapshots",
    }
    values.update(changes)
    return FetchConfig(**values)  # type: ignore[arg-type]


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    with Fetcher(make_config(tmp_path)) as running:
        yield running


def read_snapshot(root: Path, url: str) -> tuple[bytes, dict[str, object]]:
    folder = snapshot_dir(root, normalize_url(url))
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    return (folder / "body").read_bytes(), meta


# --- success, snapshots, conditional GET -----------------------------------------------


def test_200_writes_a_snapshot(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"', content_type="text/html; charset=UTF-8"))
    result = fetcher.fetch(server.url("/page"))
    assert result.content == PAGE.encode()
    assert (result.url, result.content_type, result.charset) == (
        server.url("/page"),
        "text/html",
        "UTF-8",
    )
    assert (result.not_modified, result.etag) == (False, '"v1"')
    assert result.fetched_at.endswith("+00:00")
    body, meta = read_snapshot(fetcher.config.snapshots_dir, server.url("/page"))
    assert body == PAGE.encode()
    assert meta["url"] == meta["final_url"] == server.url("/page")
    assert (meta["etag"], meta["content_type"], meta["charset"]) == ('"v1"', "text/html", "UTF-8")
    assert meta["fetched_at"] == result.fetched_at and meta["last_modified"] is None
    folder = snapshot_dir(fetcher.config.snapshots_dir, server.url("/page"))
    assert len(folder.name) == 32
    assert sorted(p.name for p in folder.iterdir()) == ["body", "meta.json"]  # no temp files


def test_user_agent_and_accept_headers(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/", Reply(body=PAGE))
    fetcher.fetch(server.url("/"))
    for request in server.requests():  # robots.txt and the page
        assert request.headers["user-agent"] == USER_AGENT
    assert "text/html" in server.requests("/")[0].headers["accept"]


def test_etag_revalidation_gives_304(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    first = fetcher.fetch(server.url("/page"))
    second = fetcher.fetch(server.url("/page"))
    assert second.not_modified and not first.not_modified
    assert second.content == first.content == PAGE.encode()
    assert (second.url, second.content_type, second.etag) == (first.url, "text/html", '"v1"')
    requests = server.requests("/page")
    assert "if-none-match" not in requests[0].headers
    assert requests[1].headers["if-none-match"] == '"v1"'
    assert [r.status for r in requests] == [200, 304]


def test_last_modified_revalidation(server: LocalServer, fetcher: Fetcher) -> None:
    stamp = "Wed, 21 Feb 2024 07:28:00 GMT"
    server.set("/page", Reply(body=PAGE, last_modified=stamp))
    fetcher.fetch(server.url("/page"))
    again = fetcher.fetch(server.url("/page"))
    assert again.not_modified and again.last_modified == stamp
    assert server.requests("/page")[1].headers["if-modified-since"] == stamp


def test_changed_content_replaces_the_snapshot(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    fetcher.fetch(server.url("/page"))
    new_page = PAGE.replace("health cluster", "health innovation cluster")
    server.set("/page", Reply(body=new_page, etag='"v2"'))
    result = fetcher.fetch(server.url("/page"))
    assert not result.not_modified and result.content == new_page.encode()
    body, meta = read_snapshot(fetcher.config.snapshots_dir, server.url("/page"))
    assert body == new_page.encode() and meta["etag"] == '"v2"'
    assert server.requests("/page")[1].headers["if-none-match"] == '"v1"'
    assert fetcher.fetch(server.url("/page")).not_modified


def test_snapshots_survive_a_new_fetcher(server: LocalServer, tmp_path: Path) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    with Fetcher(make_config(tmp_path)) as first:
        first.fetch(server.url("/page"))
    with Fetcher(make_config(tmp_path)) as second:
        assert second.fetch(server.url("/page")).not_modified


def test_redirect_is_followed(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/old", Reply(status=301, headers={"Location": "/new"}, body=""))
    server.set("/new", Reply(body=PAGE))
    result = fetcher.fetch(server.url("/old"))
    assert result.url == server.url("/new") and result.content == PAGE.encode()
    assert read_snapshot(fetcher.config.snapshots_dir, server.url("/old"))[1]["final_url"] == (
        server.url("/new")
    )


def test_redirect_loop_fails(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/loop", Reply(status=302, headers={"Location": "/loop"}, body=""))
    with pytest.raises(IngestError, match="too many redirects"):
        fetcher.fetch(server.url("/loop"))


# --- failures ---------------------------------------------------------------------------


def test_404_fails_without_retry(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(IngestError) as error:
        fetcher.fetch(server.url("/missing"))
    assert error.value.reason == f"HTTP 404 Not Found for {server.url('/missing')}"
    assert server.count("/missing") == 1


def test_500_is_retried_then_fails(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/broken", Reply(status=500, body="oops"))
    with pytest.raises(
        IngestError, match=r"HTTP 500 Internal Server Error .* \(after 3 attempts\)"
    ):
        fetcher.fetch(server.url("/broken"))
    assert server.count("/broken") == 3  # retries=2


def test_503_then_success(server: LocalServer, fetcher: Fetcher) -> None:
    def flaky(request: Request) -> Reply:
        if server.count("/flaky") < 2:
            return Reply(status=503, headers={"Retry-After": "0"})
        return Reply(body=PAGE)

    server.set("/flaky", flaky)
    assert fetcher.fetch(server.url("/flaky")).content == PAGE.encode()
    assert server.count("/flaky") == 2


def test_429_is_retried(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/busy", Reply(status=429, body="slow down"))
    with pytest.raises(IngestError, match="HTTP 429"):
        fetcher.fetch(server.url("/busy"))
    assert server.count("/busy") == 3


def test_unreachable_port(tmp_path: Path) -> None:
    port = unused_port()
    started = time.monotonic()
    with Fetcher(make_config(tmp_path)) as fetcher, pytest.raises(IngestError) as error:
        fetcher.fetch(f"http://127.0.0.1:{port}/page")
    assert error.value.reason.startswith(f"cannot connect to 127.0.0.1:{port}: ")
    assert "(after 3 attempts)" in error.value.reason
    assert "\n" not in error.value.reason
    assert time.monotonic() - started < 5


def test_timeout(server: LocalServer, tmp_path: Path) -> None:
    server.set("/slow", Reply(body=PAGE, delay_s=1.5))
    with (
        Fetcher(make_config(tmp_path, timeout_s=0.3, retries=0)) as fetcher,
        pytest.raises(IngestError, match="timed out"),
    ):
        fetcher.fetch(server.url("/slow"))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)", "/relative"]
)
def test_invalid_url_scheme(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(IngestError, match="invalid URL scheme"):
        fetcher.fetch(url)


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_unsupported_content_type(server: LocalServer, fetcher: Fetcher, content_type: str) -> None:
    server.set("/file", Reply(body=b"%PDF-1.7 binary", content_type=content_type))
    with pytest.raises(IngestError, match=f"unsupported content type {content_type}"):
        fetcher.fetch(server.url("/file"))
    assert server.count("/file") == 1


@pytest.mark.parametrize(
    "content_type", ["text/plain; charset=utf-8", "application/xhtml+xml", "TEXT/HTML"]
)
def test_accepted_content_types(server: LocalServer, fetcher: Fetcher, content_type: str) -> None:
    server.set("/doc", Reply(body="Some text about hospitals.", content_type=content_type))
    assert fetcher.fetch(server.url("/doc")).content_type == content_type.split(";")[0].lower()


def test_page_over_max_bytes(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/big", Reply(body=b"a" * 2_000_000))  # Content-Length: 2000000
    with pytest.raises(IngestError, match="page larger than 1000000 bytes"):
        fetcher.fetch(server.url("/big"))


def test_huge_streamed_page_is_not_read_fully(server: LocalServer, fetcher: Fetcher) -> None:
    chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"

    def endless(request: Request) -> Reply:  # 50 MB, no Content-Length
        return Reply(body=(chunk for _ in range(50_000_000 // len(chunk))))

    server.set("/huge", endless)
    started = time.monotonic()
    with pytest.raises(IngestError, match="page larger than 1000000 bytes"):
        fetcher.fetch(server.url("/huge"))
    assert time.monotonic() - started < 5
    request = server.requests("/huge")[0]
    assert request.done.wait(5)
    assert request.bytes_sent < 25_000_000  # the client hung up long before the end
    assert not snapshot_dir(fetcher.config.snapshots_dir, server.url("/huge")).exists()


@pytest.mark.parametrize(
    "failure",
    [
        Reply(status=500, body="down"),
        Reply(status=404, body="gone"),
        Reply(body=b"%PDF", content_type="application/pdf"),
        Reply(body=b"a" * 1_500_000),
    ],
    ids=["500", "404", "pdf", "too-large"],
)
def test_failed_fetch_keeps_the_snapshot(
    server: LocalServer, fetcher: Fetcher, failure: Reply
) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    fetcher.fetch(server.url("/page"))
    before = read_snapshot(fetcher.config.snapshots_dir, server.url("/page"))
    server.set("/page", failure)
    with pytest.raises(IngestError):
        fetcher.fetch(server.url("/page"))
    assert read_snapshot(fetcher.config.snapshots_dir, server.url("/page")) == before
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    assert fetcher.fetch(server.url("/page")).not_modified


def test_damaged_snapshot_is_ignored(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/page", Reply(body=PAGE, etag='"v1"'))
    fetcher.fetch(server.url("/page"))
    folder = snapshot_dir(fetcher.config.snapshots_dir, server.url("/page"))
    (folder / "body").write_bytes(b"half-written")
    result = fetcher.fetch(server.url("/page"))
    assert not result.not_modified and result.content == PAGE.encode()
    assert "if-none-match" not in server.requests("/page")[1].headers


def test_write_atomic_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "meta.json"
    write_atomic(target, "première version")
    assert target.read_bytes() == "première version".encode()

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"second version")
    assert target.read_bytes() == "première version".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["meta.json"]  # the temp file is gone


# --- robots.txt -------------------------------------------------------------------------


def test_robots_disallow(server: LocalServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.set("/private/page", Reply(body=PAGE))
    server.set("/public", Reply(body=PAGE))
    with pytest.raises(IngestError, match="disallowed by robots.txt"):
        fetcher.fetch(server.url("/private/page"))
    fetcher.fetch(server.url("/public"))
    fetcher.fetch(server.url("/public"))
    assert server.count("/private/page") == 0
    assert server.count("/robots.txt") == 1  # cached per host


def test_robots_wildcards(server: LocalServer, fetcher: Fetcher) -> None:
    # RFC 9309 patterns; urllib.robotparser takes "*" and "$" literally and allows all of these
    server.robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /private*\n")
    refused = ["/docs/guide.pdf", "/report.pdf", "/privatenotes", "/private/page"]
    allowed = ["/page.pdf?download=1", "/guide.pdfx", "/public", "/docs/private"]
    for path in refused + allowed:
        server.set(path, Reply(body=PAGE))
    for path in refused:
        assert not fetcher.allowed(server.url(path)), path
        with pytest.raises(IngestError, match="disallowed by robots.txt"):
            fetcher.fetch(server.url(path))
        assert server.count(path) == 0
    for path in allowed:
        assert fetcher.allowed(server.url(path)), path
        assert fetcher.fetch(server.url(path)).content == PAGE.encode()


def test_robots_wildcards_apply_to_redirect_hops(server: LocalServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: *\nDisallow: /*.pdf$\n")
    server.set("/latest", Reply(status=302, headers={"Location": "/files/report.pdf"}, body=""))
    server.set("/files/report.pdf", Reply(body=PAGE))
    with pytest.raises(IngestError, match="disallowed by robots.txt: .*/files/report.pdf"):
        fetcher.fetch(server.url("/latest"))
    assert server.count("/files/report.pdf") == 0


def test_robots_read_up_to_the_limit_without_the_cut_line(
    server: LocalServer, fetcher: Fetcher
) -> None:
    head = "User-agent: *\nDisallow: /private/\n"
    cut_at = "Disallow: /"  # the limit falls right after these bytes...
    filler = ROBOTS_MAX_BYTES - len(head) - len(cut_at)
    padding = ("#" * 99 + "\n") * (filler // 100) + "#" * (filler % 100 - 1) + "\n"
    text = head + padding + cut_at + "public-area/\nDisallow: /late\n"  # ...of this line
    assert len((head + padding + cut_at).encode()) == ROBOTS_MAX_BYTES
    server.robots(text)
    assert not fetcher.allowed(server.url("/private/x"))
    assert fetcher.allowed(server.url("/page"))  # not "Disallow: /"
    assert fetcher.allowed(server.url("/public-area/x"))
    assert fetcher.allowed(server.url("/late"))  # past the limit: not read


def test_robots_rules_for_our_user_agent(server: LocalServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: paris-health-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    server.set("/", Reply(body=PAGE))
    with pytest.raises(IngestError, match="disallowed by robots.txt"):
        fetcher.fetch(server.url("/"))
    assert server.count("/") == 0


def test_robots_ignored_when_not_respected(server: LocalServer, tmp_path: Path) -> None:
    server.robots("User-agent: *\nDisallow: /\nCrawl-delay: 5\n")
    server.set("/", Reply(body=PAGE))
    with Fetcher(make_config(tmp_path, respect_robots=False)) as fetcher:
        fetcher.fetch(server.url("/"))
        fetcher.fetch(server.url("/"))
    assert server.count("/robots.txt") == 0 and server.count("/") == 2


@pytest.mark.parametrize("status", [404, 500, 503])
def test_missing_or_failing_robots_allows_all(
    server: LocalServer, fetcher: Fetcher, status: int
) -> None:
    server.set("/robots.txt", Reply(status=status, body="no robots"))
    server.set("/", Reply(body=PAGE))
    assert fetcher.fetch(server.url("/")).content == PAGE.encode()
    assert server.count("/robots.txt") == 1


def test_crawl_delay_is_respected(server: LocalServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n")
    server.set("/a", Reply(body=PAGE))
    server.set("/b", Reply(body=PAGE))
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/b"))
    first, second = server.requests("/a")[0], server.requests("/b")[0]
    assert second.time - first.time >= 1.0


def test_crawl_delay_is_capped(server: LocalServer, tmp_path: Path) -> None:
    server.robots("User-agent: *\nCrawl-delay: 3600\n")
    server.set("/a", Reply(body=PAGE))
    server.set("/b", Reply(body=PAGE))
    with Fetcher(make_config(tmp_path, max_crawl_delay_s=0.2)) as fetcher:
        fetcher.fetch(server.url("/a"))
        started = time.monotonic()
        fetcher.fetch(server.url("/b"))
    assert 0.15 <= time.monotonic() - started < 2


# --- crawling ---------------------------------------------------------------------------


def link_page(*hrefs: str) -> str:
    links = "".join(f'<li><a href="{href}">link to {href}</a></li>' for href in hrefs)
    return html_page("Page", f"<main><p>Some content about hospitals.</p><ul>{links}</ul></main>")


@pytest.fixture
def site(server: LocalServer) -> LocalServer:
    server.robots("User-agent: *\nDisallow: /private\n")
    server.set(
        "/",
        Reply(
            body=link_page(
                "/a",
                "b",
                "/a#section",
                "/c?x=1#top",
                "http://other.example.org/page",
                "/private/secret",
                "/report.pdf",
                "/notes",
                "/missing",
                "mailto:contact@example.org",
                "/a",
            )
        ),
    )
    server.set("/a", Reply(body=link_page("/a/deep", "/")))
    server.set("/b", Reply(body=link_page("/b/deep")))
    server.set("/c?x=1", Reply(body=link_page()))
    server.set("/a/deep", Reply(body=link_page("/a/deeper")))
    server.set("/b/deep", Reply(body=link_page()))
    server.set("/a/deeper", Reply(body=link_page()))
    server.set("/private/secret", Reply(body=link_page()))
    server.set("/notes", Reply(body="plain text", content_type="text/plain"))
    return server


def test_crawl_depth_one(site: LocalServer, fetcher: Fetcher) -> None:
    urls = fetcher.crawl(site.url("/"), depth=1, max_pages=20)
    assert urls == [site.url(p) for p in ("/", "/a", "/b", "/c?x=1")]
    assert site.count("/private/secret") == 0
    assert site.count("/report.pdf") == 0
    assert site.count("/a/deep") == 0
    assert site.count("/a") == 1  # de-duplicated, fragments stripped


def test_crawl_depth_two_and_cache(site: LocalServer, fetcher: Fetcher) -> None:
    urls = fetcher.crawl(site.url("/"), depth=2, max_pages=20)
    assert urls == [site.url(p) for p in ("/", "/a", "/b", "/c?x=1", "/a/deep", "/b/deep")]
    before = len(site.requests())
    for url in urls:
        assert fetcher.fetch_cached(url).url == url
    assert len(site.requests()) == before  # no second request


def test_crawl_max_pages(site: LocalServer, fetcher: Fetcher) -> None:
    assert fetcher.crawl(site.url("/"), depth=5, max_pages=2) == [site.url("/"), site.url("/a")]
    assert site.count("/b") == 0


def test_crawl_depth_zero_is_the_start_page(site: LocalServer, fetcher: Fetcher) -> None:
    assert fetcher.crawl(site.url("/"), depth=0, max_pages=10) == [site.url("/")]


def test_crawl_returns_the_start_url_as_given(site: LocalServer, fetcher: Fetcher) -> None:
    start = site.base_url + "#top"  # no path, a fragment
    urls = fetcher.crawl(start, depth=1, max_pages=3)
    assert urls == [start, site.url("/a"), site.url("/b")]
    assert site.count("/") == 1
    before = len(site.requests())
    assert fetcher.fetch_cached(start).url == site.url("/")
    assert len(site.requests()) == before


def test_crawl_start_failure_raises(site: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(IngestError, match="disallowed by robots.txt"):
        fetcher.crawl(site.url("/private/secret"), depth=1, max_pages=5)


# --- sitemaps ---------------------------------------------------------------------------


def urlset(*locs: str) -> str:
    urls = "".join(f"<url><loc> {loc} </loc><lastmod>2024-01-01</lastmod></url>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def test_sitemap(server: LocalServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: *\nDisallow: /private\n")
    locs = [server.url("/a"), server.url("/b#x"), "https://other.example.org/c", server.url("/a")]
    locs += [server.url("/private/x"), server.url("/d")]
    server.set("/sitemap.xml", Reply(body=urlset(*locs), content_type="application/xml"))
    urls = fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert urls == [server.url("/a"), server.url("/b"), server.url("/d")]
    assert fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=2) == urls[:2]


def test_sitemap_index(server: LocalServer, fetcher: Fetcher) -> None:
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url('/sitemap-news.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url('/sitemap-missing.xml')}</loc></sitemap>"
        "<sitemap><loc>https://other.example.org/sitemap.xml</loc></sitemap>"
        f"<sitemap><loc>{server.url('/sitemap-pages.xml')}</loc></sitemap>"
        "</sitemapindex>"
    )
    server.set("/sitemap.xml", Reply(body=index, content_type="text/xml"))
    server.set("/sitemap-news.xml", Reply(body=urlset(server.url("/news/1")), content_type=None))
    server.set("/sitemap-pages.xml", Reply(body=urlset(server.url("/p")), content_type="text/xml"))
    urls = fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert urls == [server.url("/news/1"), server.url("/p")]


def test_invalid_sitemap(server: LocalServer, fetcher: Fetcher) -> None:
    server.set("/sitemap.xml", Reply(body="<urlset><url>", content_type="application/xml"))
    with pytest.raises(IngestError, match="invalid sitemap XML"):
        fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    server.set("/html.xml", Reply(body=PAGE, content_type="text/html"))
    with pytest.raises(IngestError, match="unsupported content type text/html"):
        fetcher.sitemap_urls(server.url("/html.xml"), max_pages=10)


def bomb(padding: int = 0) -> str:
    """A billion-laughs sitemap: ten levels of ten-fold entity expansion (10**10 "lol")."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 11)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<!--{'x' * padding}-->"
        f"<!DOCTYPE urlset [{entities}]>"
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>&lol10;</loc></url></urlset>"
    )


XXE = (
    '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY page SYSTEM "file:///etc/passwd">]>'
    "<urlset><url><loc>&page;</loc></url></urlset>"
)


@pytest.mark.parametrize(
    "body",
    [
        bomb().encode(),
        bomb(padding=8000).encode(),  # the DOCTYPE well past the first 4 KiB
        gzip.compress(bomb().encode()),
        XXE.encode(),
    ],
    ids=["billion-laughs", "after-8-KiB", "gzipped", "external-entity"],
)
def test_sitemap_entities_are_refused(server: LocalServer, fetcher: Fetcher, body: bytes) -> None:
    server.set("/sitemap.xml", Reply(body=body, content_type="application/xml"))
    started = time.monotonic()
    with pytest.raises(IngestError) as error:
        fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert error.value.reason == (
        f"sitemap {server.url('/sitemap.xml')} declares XML entities; refusing to parse it"
    )
    assert time.monotonic() - started < 5


def test_sitemap_index_skips_a_bomb(
    server: LocalServer, fetcher: Fetcher, caplog: pytest.LogCaptureFixture
) -> None:
    index = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url('/bomb.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url('/pages.xml')}</loc></sitemap>"
        "</sitemapindex>"
    )
    server.set("/sitemap.xml", Reply(body=index, content_type="application/xml"))
    server.set("/bomb.xml", Reply(body=bomb(), content_type="application/xml"))
    server.set("/pages.xml", Reply(body=urlset(server.url("/p")), content_type="application/xml"))
    with caplog.at_level(logging.WARNING, logger="ingest.fetch"):
        urls = fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10)
    assert urls == [server.url("/p")]
    assert any(
        "skipping" in r.getMessage() and "declares XML entities" in r.getMessage()
        for r in caplog.records
    )


def test_sitemap_in_the_charset_of_the_http_header(server: LocalServer, fetcher: Fetcher) -> None:
    body = urlset(server.url("/café")).replace('<?xml version="1.0" encoding="UTF-8"?>', "")
    content_type = "text/xml; charset=windows-1252"  # RFC 7303: the header's charset rules
    server.set("/sitemap.xml", Reply(body=body.encode("cp1252"), content_type=content_type))
    assert fetcher.sitemap_urls(server.url("/sitemap.xml"), max_pages=10) == [server.url("/café")]
