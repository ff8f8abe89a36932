"""Security: the staff desk's address guard (SSRF), throttled staff sign-in, expiring sessions, no
secret in messages. The fast tier uses a fake resolver, a fake clock and an in-memory site; the
slow test drives a real app through gradio_client with real HTTP on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fakes import FakeClock, FakeSite
from pydantic import SecretStr
from webserver import Reply, web_server

from assistant.app.cli import cli
from assistant.services.staff import LoginRefused, StaffAuth
from ingest.fetch import FetchConfig, Fetcher
from ingest.fetch.guard import AddressGuard, kind_of
from ingest.models import IngestError
from ingest.settings import Settings

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test credential
ADDRESSES = {
    "public.test": "93.184.216.34",
    "internal.test": "10.0.0.5",
    "metadata.test": "169.254.169.254",
    "loop.test": "127.0.0.1",
    "v6loop.test": "::ffff:127.0.0.1",
}
PAGE = b"<html><body><main><p>Genopole opens a gene therapy laboratory in Evry.</p></main></body>"


def fake_resolver(host: str, port: int, **_: Any) -> list[tuple[Any, ...]]:
    if host not in ADDRESSES:
        raise socket.gaierror(f"unknown host {host}")
    address = ADDRESSES[host]
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    return [(family, socket.SOCK_STREAM, 6, "", (address, port))]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("fe80::1", "link-local"),
        ("169.254.1.1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "private"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert kind_of(ipaddress.ip_address(address)) == kind


def guarded_fetcher(tmp_path: Path, site: FakeSite) -> Fetcher:
    config = FetchConfig(
        user_agent="test/1",
        timeout_s=2,
        retries=0,
        backoff_s=0,
        max_bytes=100_000,
        respect_robots=True,
        snapshots_dir=tmp_path / "snapshots",
        guard=AddressGuard(fake_resolver),
    )
    return Fetcher(config, transport=site.transport())


def test_guard_allows_public_and_refuses_a_redirect_to_a_private_address(tmp_path: Path) -> None:
    site = FakeSite(
        {
            "/page": (200, {"Content-Type": "text/html"}, PAGE),
            "/start": (302, {"Location": "http://internal.test/secret"}, b""),
            "/meta": (302, {"Location": "http://metadata.test/latest/meta-data/"}, b""),
        }
    )
    with guarded_fetcher(tmp_path, site) as fetcher:
        assert b"Genopole" in fetcher.fetch("http://public.test/page").content
        with pytest.raises(IngestError, match="internal.test: it resolves to a private address"):
            fetcher.fetch("http://public.test/start")
        with pytest.raises(IngestError, match="resolves to a cloud metadata address"):
            fetcher.fetch("http://public.test/meta")
    hosts = {r.url.host for r in site.requests}
    assert hosts == {"public.test"}  # nothing was ever sent to the private addresses


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://loop.test/", "loopback address"),
        ("http://v6loop.test/", "loopback address"),
        ("http://metadata.test/latest/", "cloud metadata address"),
        ("http://nowhere.test/", "cannot resolve nowhere.test"),
        ("file:///etc/passwd", "invalid URL scheme 'file'"),
        ("gopher://public.test/", "invalid URL scheme 'gopher'"),
    ],
)
def test_guard_refuses_before_any_request(tmp_path: Path, url: str, message: str) -> None:
    site = FakeSite({"/": (200, {"Content-Type": "text/html"}, PAGE)})
    with guarded_fetcher(tmp_path, site) as fetcher, pytest.raises(IngestError, match=message):
        fetcher.fetch(url)
    assert site.requests == []  # not even robots.txt


def guarded_client(guard: AddressGuard) -> httpx.Client:
    from ingest.fetch.client import default_client

    config = FetchConfig("t/1", 2, 0, 0, 1000, True, Path("/nonexistent"), guard=guard)
    return default_client(config, None)  # the real transport: real connections


def test_dns_rebinding_reaches_no_private_address() -> None:
    # the name answers a public address to the check, then loopback: the connection is refused
    with web_server({"/": Reply(body=PAGE)}) as server:
        answers = iter(["93.184.216.34", "127.0.0.1"])

        def rebinding(host: str, port: int, **_: Any) -> list[tuple[Any, ...]]:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

        with (
            guarded_client(AddressGuard(rebinding)) as client,
            pytest.raises(
                httpx.ConnectError, match="refused localhost: it resolves to a loopback address"
            ),
        ):
            client.get(f"http://localhost:{server.port}/")  # localhost: what the system says
        answers = iter(["93.184.216.34", "127.0.0.1"] * 3)
        config = FetchConfig(
            "t/1", 2, 2, 0, 1000, False, Path("/nonexistent"), guard=AddressGuard(rebinding)
        )
        with Fetcher(config) as fetcher, pytest.raises(IngestError) as refused:
            fetcher.fetch(f"http://localhost:{server.port}/")
        assert str(refused.value).startswith("refused localhost: it resolves to a loopback")
        assert "attempts" not in str(refused.value)  # a refusal is final, never retried
        assert server.log == []


class LoopbackAllowed(AddressGuard):
    """For this test only: site.test is public and lives on 127.0.0.1."""

    def public_addresses(self, host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "site.test" else super().public_addresses(host, port)


def test_the_connection_goes_to_the_address_the_guard_checked() -> None:
    # no system resolver knows site.test: only the guard's own answer can reach the server
    with web_server({"/": Reply(body=PAGE)}) as server:
        with guarded_client(LoopbackAllowed(fake_resolver)) as client:
            response = client.get(f"http://site.test:{server.port}/")
        assert response.status_code == 200 and b"Genopole" in response.content
        assert [r.path for r in server.log] == ["/"]


def test_guard_checks_robots_redirects_too() -> None:
    guard = AddressGuard(fake_resolver)
    with pytest.raises(IngestError, match="scheme|only http"):
        guard.check("ftp://public.test/")
    config = FetchConfig("t/1", 2, 0, 0, 1000, True, Path("/nonexistent"), guard=guard)
    from ingest.fetch.client import default_client

    def redirect(request: httpx.Request) -> httpx.Response:
        if request.url.host == "public.test":
            return httpx.Response(301, headers={"Location": "http://loop.test/robots.txt"})
        raise AssertionError("a request reached a loopback address")

    client = default_client(config, httpx.MockTransport(redirect))
    with pytest.raises(IngestError, match="loopback"):
        client.get("http://public.test/robots.txt", follow_redirects=True)


# --- staff sign-in ----------------------------------------------------------------------------


def make_auth(clock: FakeClock, **options: Any) -> StaffAuth:
    return StaffAuth("staff", SecretStr(PASSWORD), sleep=clock.sleep, clock=clock, **options)


def test_twenty_guesses_take_minutes_not_seconds(fake_clock: FakeClock) -> None:
    """An attacker who retries every second, as soon as allowed: 20 checked guesses take over
    45 minutes (5 failures lock the client out for 15 minutes)."""
    auth = make_auth(fake_clock)
    start, checked, refused = fake_clock.now, 0, 0
    while checked < 20:
        try:
            auth.login("staff", f"guess-{checked}", "203.0.113.9")
        except LoginRefused as exc:
            if "Wrong username or password" in str(exc):
                checked += 1
            else:
                refused += 1
                fake_clock.now += 1.0  # try again a second later
    elapsed = fake_clock.now - start
    assert elapsed > 45 * 60, elapsed
    assert refused > 1000
    # another client is not affected; the right password works from it at once
    assert auth.session_valid(auth.login("staff", PASSWORD, "198.51.100.7"))


def test_lockout_then_recovery(fake_clock: FakeClock) -> None:
    auth = make_auth(fake_clock, max_failures=3, lockout_s=600)
    for guess in range(3):
        fake_clock.now += 120
        with pytest.raises(LoginRefused, match="Wrong username or password"):
            auth.login("staff", f"bad{guess}", "c1")
    with pytest.raises(LoginRefused, match="Too many failed sign-ins .* try again in 10 minutes"):
        auth.login("staff", PASSWORD, "c1")  # even the right password, while locked out
    fake_clock.now += 601
    session = auth.login("staff", PASSWORD, "c1")
    assert auth.session_valid(session)
    with pytest.raises(LoginRefused, match="Wrong"):
        auth.login("staff", "bad again", "c1")  # the success cleared the count: no lockout


def test_parallel_guesses_are_checked_one_at_a_time() -> None:
    clock = FakeClock()
    auth = StaffAuth("staff", SecretStr(PASSWORD), sleep=lambda s: None, clock=clock)
    messages: list[str] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        try:
            auth.login("staff", f"guess{n}", "10.9.8.7")
        except LoginRefused as exc:
            with lock:
                messages.append(str(exc))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(messages) == 20
    assert messages.count("Wrong username or password.") == 1  # the other 19 were not checked
    assert all(m.startswith("Wait") for m in messages if "Wrong" not in m)


def test_sessions_expire(fake_clock: FakeClock) -> None:
    auth = make_auth(fake_clock, session_s=3600)
    session = auth.login("staff", PASSWORD, "c")
    fake_clock.now += 3599
    assert auth.session_valid(session)
    fake_clock.now += 2
    assert not auth.session_valid(session)
    assert not auth.session_valid(True) and not auth.session_valid(None)
    assert not auth.session_valid(fake_clock.now + 10)  # a session from the future is forged


def test_no_secret_in_messages_or_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, fake_clock: FakeClock
) -> None:
    settings = Settings(
        staff_user="staff",
        staff_password=SecretStr(PASSWORD),
        openai_api_key=SecretStr("sk-very-secret-key"),
    )
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert PASSWORD not in text and "sk-very-secret-key" not in text
    auth = make_auth(fake_clock)
    with caplog.at_level(logging.DEBUG), pytest.raises(LoginRefused) as refused:
        auth.login("staff", PASSWORD + "x", "c")
    assert PASSWORD not in str(refused.value) and PASSWORD not in caplog.text
    env = {"PARIS_HEALTH_STAFF_PASSWORD": PASSWORD, "PARIS_HEALTH_K": "999"}
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path), "sources"], env=env)
    assert result.exit_code == 1 and "invalid setting k" in result.stderr
    assert PASSWORD not in result.output + result.stderr


# --- the real app ------------------------------------------------------------------------------


@pytest.mark.slow
def test_app_refuses_loopback_urls_and_throttles_sign_in(tmp_path: Path) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError
    from uiserver import STAFF_PASSWORD, STAFF_USER, start_app
    from webserver import Reply, web_server

    # as behind a reverse proxy on this host: uvicorn (under Gradio) takes the client from
    # X-Forwarded-For when the peer is in FORWARDED_ALLOW_IPS (127.0.0.1 and ::1 by default)
    app = start_app(tmp_path, allow_private_urls=False)
    try:
        intruder = Client(app.url, verbose=False, headers={"X-Forwarded-For": "203.0.113.7"})
        long_question = "How many hospitals does AP-HP have? " * 60  # the limits, in the app too
        with pytest.raises(AppError, match="the question is too long .* at most 2,000"):
            intruder.predict(long_question, [], "any", "any", api_name="/ask")
        for guess in ("guess-1", "guess-2"):
            with pytest.raises(AppError, match="Wrong username or password"):
                intruder.predict(STAFF_USER, guess, api_name="/staff_login")
        with pytest.raises(AppError, match="Wait [0-9]+ s before the next sign-in attempt"):
            intruder.predict(STAFF_USER, "guess-3", api_name="/staff_login")

        neighbour = Client(app.url, verbose=False, headers={"X-Forwarded-For": "198.51.100.9"})
        neighbour.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")  # not throttled
        # from the same client: after the cooldown
        staff = Client(app.url, verbose=False, headers={"X-Forwarded-For": "203.0.113.7"})
        with pytest.raises(AppError, match="Wait"):
            staff.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")
        time.sleep(2.5)  # second failure: 1 s answer + 1 s cooldown
        staff.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")
        with web_server({"/page": Reply(body=PAGE)}) as server:
            for url in (server.url("/page"), server.url("/page").replace("127.0.0.1", "localhost")):
                report, _ = staff.predict(url, api_name="/staff_add_url")
                # the staff desk says it in plain words (the reason itself: test_staff_desk.py)
                assert "failed" in report and "private or local network" in report
            assert server.requests() == []  # refused before any request
        staff.predict(api_name="/staff_refresh")
        history = staff.predict(api_name="/staff_history")
        assert history["data"][0][1:3] == ["manual", "ok"]
        assert "127.0.0.1" not in app.added_manifest() and "localhost" not in app.added_manifest()
    finally:
        app.close()
