"""The Staff desk in plain words (fast tier): a refused address said beside its field in a sentence
a person understands, sources by their title, no server path, what the last run did to each
source, and a signed-in session that a reload keeps (a signed, expiring token; an injected clock).

The corpus is the real one (a copy), with the real keyword index, real Chroma, the real address
guard and the fake embedder; the page's handlers are called as its events call them."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from fakes import FakeBackend, FakeClock, FakeEmbedder
from pydantic import SecretStr
from sqlalchemy import URL

from assistant.app.container import Container
from assistant.services import StaffAuth
from ingest.database import Database
from ingest.fetch.guard import AddressGuard
from ingest.models import IngestError
from ingest.settings import Settings
from ingest.state import StateStore
from ui.render_staff import plain_reason, report_html, sources_table_html
from ui.staff_actions import StaffActions
from ui.staff_layout import StaffLayout

JARGON = ("ssrf", "loopback", "link-local", "resolves", "127.0.0.1", "errno", "ingest")


def quiet(*args: Any, **kwargs: Any) -> None:
    """A progress bar that shows nothing."""


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=corpus_copy,
        staff_user="staff",
        staff_password=SecretStr("pw"),
    )
    container = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    assert container.corpus.refresh().ok
    return container


@pytest.fixture
def desk(app: Container) -> tuple[StaffLayout, float]:
    page = StaffLayout(StaffActions(app.corpus, app.staff))
    return page, app.staff.login("staff", "pw", "test")


def guard_reason(address: str) -> str:
    """The real guard's refusal of a host that resolves to ``address``."""

    def resolve(host: str, port: int, type: int = 0) -> list[tuple[Any, ...]]:  # noqa: A002
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    with pytest.raises(IngestError) as caught:
        AddressGuard(resolve).check("http://intranet.example/page")
    return caught.value.reason


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1"])
def test_a_refused_address_reads_as_a_sentence(address: str) -> None:
    sentence = plain_reason(guard_reason(address))
    assert "private or local network" in sentence and sentence.endswith(".")
    assert not any(word in sentence.lower() for word in JARGON), sentence
    assert address not in sentence


def test_reasons_without_paths_ids_or_addresses() -> None:
    for reason, expected in [
        ("cannot resolve nope.invalid: [Errno -2] Name or service not known", "No web site"),
        ("HTTP 404 Not Found for https://example.org/x", "does not exist"),
        ("cannot read /srv/app/data/files/documents/notes.md: Permission denied", "notes.md"),
    ]:
        sentence = plain_reason(reason)
        assert expected in sentence and "/srv" not in sentence and "Errno" not in sentence


def test_the_page_says_a_refusal_beside_the_url_field(
    app: Container, desk: tuple[StaffLayout, float]
) -> None:
    """The real guard (the desk fetches public addresses only): the refusal is in the message
    beside the field, as a sentence, and in the report, without the machine's words."""
    page, session = desk
    report, table, _, message = page.page_add_url("http://127.0.0.1:9/page", session, quiet)
    assert "ph-alert" in message and "This address was not added." in message
    assert "private or local network" in message
    text = (message + report).lower()
    assert not any(word in text for word in JARGON if word != "127.0.0.1"), text
    assert "127-0-0-1" not in message + report  # no source id
    assert "http://127.0.0.1:9/page" not in app.corpus.catalog.sources()[-1].location


def test_an_upload_is_listed_by_its_title_and_no_path_shows(
    app: Container, desk: tuple[StaffLayout, float], tmp_path: Path
) -> None:
    page, session = desk
    upload = tmp_path / "gradio-tmp" / "notes.md"
    upload.parent.mkdir()
    upload.write_text("# Zorblatt lab notes\n\nThe Zorblatt lab studies biobanks.\n", "utf-8")
    report, table, menu, message = page.page_add_file(str(upload), session, quiet)
    assert message == ""
    assert "Zorblatt lab notes" in table and "uploaded file notes.md" in table
    assert ("Zorblatt lab notes", "notes") in menu["choices"]  # by title, not the file name
    assert "Zorblatt lab notes" in report
    data_dir = str(app.settings.data_dir)
    for shown in (report, table):
        assert data_dir not in shown and "/files/" not in shown and str(tmp_path) not in shown
    assert "data/files" in app.corpus.sources()[-1].source.location  # the API keeps it


def test_each_source_shows_what_its_last_run_did(
    app: Container, desk: tuple[StaffLayout, float], corpus_copy: Path
) -> None:
    page, session = desk
    first = page.page_reload(session)[0]
    assert first.count("ph-status-added") == 3  # the app's first build
    doc = corpus_copy / "documents" / "medxperience-2018.txt"
    doc.write_text(doc.read_text("utf-8") + "\nA new closing paragraph.\n", "utf-8")
    interview = corpus_copy / "documents" / "medicen-roques-interview-2018.txt"
    interview.unlink()
    report, table, _, _ = page.page_refresh(session, quiet)
    assert table.count("ph-status-updated") == 1 and table.count("ph-status-unchanged") == 1
    assert table.count("ph-status-failed") == 1 and "ph-status-added" not in table
    assert 'failed">failed</span> The file is no longer where it was' in table
    assert "Interview: Stéphane Roques" in report  # by title, even when it failed


def test_the_table_and_report_render_without_paths() -> None:
    from assistant.services.corpus import SourceRow
    from ingest.models import Source
    from ingest.report import IngestReport, SourceReport
    from ingest.state import SourceState

    where = "/srv/ph/data/files/documents/x.md"
    source = Source("x", "file", where, origin="upload:x.md")
    state = SourceState("x", where, "failed", f"cannot read {where}: denied", 2, "", "X notes")
    html = sources_table_html([SourceRow(source, state)])
    assert "X notes" in html and "uploaded file x.md" in html and "/srv" not in html
    assert 'failed">failed</span> It could not be read: cannot read x.md' in html
    never = sources_table_html([SourceRow(Source("y", "url", "https://e.org/"), None)])
    assert "not read</span> Refresh to read it." in never and "https://e.org/" in never
    report = IngestReport([SourceReport("x", where, "updated", "kept " + where, chunks=2)])
    assert "/srv" not in report_html(report, names={"x": "X notes"})


def test_state_of_an_older_database_gains_titles(tmp_path: Path) -> None:
    """A database of the revision before titles (0003) gains the column when it opens; a source
    recorded then reads with no title until its next successful run."""
    old = Database(URL.create("sqlite", database=str(tmp_path / "database.sqlite")))
    old.migrate("0003")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO source_state (source_id, location, status, reason, chunks, last_fetch) "
            "VALUES ('a', 'a.md', 'added', '', 3, 't')"
        )
    store = StateStore(Database.at(tmp_path / "database.sqlite"))
    assert store.all()["a"].title == ""
    store.record("a", "a.md", "updated", "", 4, "t2", title="A title")
    store.record("a", "a.md", "failed", "gone", 0, "t3")  # a failure keeps the last title
    assert store.all()["a"].title == "A title" and store.all()["a"].chunks == 4


# --- a signed-in session kept in the browser --------------------------------------------------


def auth(clock: FakeClock, **kwargs: Any) -> StaffAuth:
    return StaffAuth(
        "staff", SecretStr("pw"), sleep=clock.sleep, clock=clock, session_s=100.0, **kwargs
    )


def test_a_token_resumes_its_session_until_it_expires(fake_clock: FakeClock) -> None:
    staff = auth(fake_clock)
    session = staff.login("staff", "pw", "c")
    token = staff.token(session)
    fake_clock.sleep(99.0)
    assert staff.resume(token) == session and staff.session_valid(staff.resume(token))
    fake_clock.sleep(1.0)
    assert staff.resume(token) is None  # expired with its session


def test_a_token_is_only_the_servers_and_sign_out_ends_it(fake_clock: FakeClock) -> None:
    staff = auth(fake_clock)
    token = staff.token(staff.login("staff", "pw", "c"))
    start, nonce, signature = token.rsplit(".", 2)
    forged = [
        f"{float(start) + 50}.{nonce}.{signature}",  # a later start: a longer session
        f"{start}.{nonce}.{'0' * len(signature)}",
        "",
        None,
        1.0,
        "a.b",
        "nan.x.y",
    ]
    assert all(staff.resume(bad) is None for bad in forged)
    assert auth(fake_clock).resume(token) is None  # another process (another secret)
    copy = str(token)
    staff.revoke(token)
    assert staff.resume(copy) is None  # a copy kept elsewhere is signed out too


def test_a_token_never_bypasses_the_sign_in_throttle(fake_clock: FakeClock) -> None:
    from assistant.services.staff import LoginRefused

    staff = auth(fake_clock, max_failures=2, lockout_s=50.0)
    token = staff.token(staff.login("staff", "pw", "c"))
    for _ in range(2):
        with pytest.raises(LoginRefused):
            staff.login("staff", "wrong", "c")
    assert staff.resume(token) is not None  # the session opened before stays open
    with pytest.raises(LoginRefused, match="Too many"):
        staff.login("staff", "pw", "c")  # a sign-in is still throttled


def test_the_page_keeps_the_sign_in_across_a_reload(
    app: Container, desk: tuple[StaffLayout, float]
) -> None:
    page, _ = desk
    outputs = page.page_login("staff", "pw")
    session, token = outputs[0], outputs[-1]
    assert isinstance(token, str) and token
    resumed = page.page_resume(token)  # a reload: the browser gives its token back
    assert resumed[0] == session and resumed[3] == {"visible": True, "__type__": "update"}
    assert "medxperience" in resumed[4].lower()
    assert page.forget_token(token) == ""  # sign out: the browser forgets it
    again = page.page_resume(token)
    assert again[-1] == "" and again[0] == gr.skip()  # the sign-in form stays
    assert app.staff.resume(token) is None


def test_an_uploaded_directory_is_named_by_its_file_not_its_first_organisation(
    app: Container, desk: tuple[StaffLayout, float], tmp_path: Path
) -> None:
    page, session = desk
    upload = tmp_path / "partners.csv"
    upload.write_text(
        "name,acronym,kind,city,postcode,website,parents,domains,description,source\n"
        "Quuxmed,,start-up,Pantin,93500,,,medical devices,Quuxmed builds insulin pumps.,\n",
        "utf-8",
    )
    _, table, menu, message = page.page_add_file(str(upload), session, quiet)
    assert message == "" and ("partners", "partners") in menu["choices"]
    assert "Quuxmed" not in table
    state = next(r.state for r in app.corpus.sources() if r.source.id == "partners")
    assert state is not None and state.title == "partners"  # kept for the report, too
