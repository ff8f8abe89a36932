"""The Gradio app on a real server, driven through its API with gradio_client.

One app for the module (the models load once): a temporary data dir and a copy of the corpus.
Sources added at run time go to the data dir (``sources.yaml`` and ``files/``); the tests check
that the tracked seed manifest (the copy's ``corpus/sources.yaml``) is never written.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from pydantic import SecretStr
from uiserver import (
    API_ENDPOINTS,
    STAFF_PASSWORD,
    STAFF_USER,
    XSS_TEXT,
    XSS_TITLE,
    RunningApp,
    ask,
    public_only,
    start_app,
    text_of,
)
from webserver import Reply, web_server

from assistant.services import StaffAuth
from ingest.manifest import source_id_for_file, source_id_for_url
from ui.staff_actions import StaffActions

pytestmark = pytest.mark.slow

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    running = start_app(tmp_path_factory.mktemp("ui"))
    try:
        yield running
    finally:
        running.close()


@pytest.fixture(scope="module")
def client(app: RunningApp) -> Client:
    return Client(app.url, verbose=False)


@pytest.fixture(scope="module")
def staff(app: RunningApp) -> Client:
    """A client session signed in to the staff desk."""
    session = Client(app.url, verbose=False)
    status, table = session.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")
    assert "Signed in" in status
    assert table["headers"][0] == "id"
    return session


def test_api_endpoints_are_named(client: Client) -> None:
    named = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert set(API_ENDPOINTS) <= named
    assert not any(name.startswith("/lambda") for name in named)


# --- chat ------------------------------------------------------------------------------------


def test_ask_answers_with_cited_sources(client: Client) -> None:
    history, sources_html, answer = ask(client, "How many hospitals does AP-HP have?")
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert "39" in text_of(history[1])
    assert answer["grounded"] is True
    assert "39" in answer["answer"]
    assert answer["cited"], "a grounded answer cites its sources"
    assert "Where is AP-HP?" in answer["suggestions"]  # added to the record: what to ask next
    # the sources panel lists the passages: number, title, link, highlighted sentence
    assert 'class="ph-source' in sources_html
    assert "MedXperience" in sources_html
    assert 'href="https://www.innovation-prime.com/' in sources_html
    assert "<mark>" in sources_html
    # the citations in the answer are links
    assert "<a href=" in text_of(history[1])


def test_follow_up_turn_uses_the_history(client: Client) -> None:
    history, _, first = ask(client, "Who is the CEO of Medicen?")
    history, sources_html, answer = ask(client, "When was he appointed?", history)
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert answer["question"] == "When was he appointed?"
    assert "medicen" in answer["standalone"].lower(), answer["standalone"]
    assert sources_html


def test_filters_restrict_the_sources(client: Client) -> None:
    _, _, answer = ask(
        client,
        "Which pharma groups are in the Paris Region?",
        doc_type="organisation",
        kind="pharma-group",
    )
    assert answer["sources"]
    for source in answer["sources"]:
        assert source["metadata"]["type"] == "organisation"
        assert source["metadata"]["kind"] == "pharma-group"


# Nothing in the corpus is about astronomy: none of these words occurs in it, so the decline
# gate (the share of question terms the corpus never uses) must refuse, whatever the passages.
UNANSWERABLE = "How many moons orbit the planet Neptune?"


def test_not_grounded_answer_is_marked(app: RunningApp, client: Client) -> None:
    corpus_text = " ".join(
        p.read_text(encoding="utf-8").lower() for p in app.corpus_dir.rglob("*") if p.is_file()
    )
    assert not [word for word in ("moon", "orbit", "planet", "neptune") if word in corpus_text]
    history, sources_html, answer = ask(client, UNANSWERABLE)
    assert answer["grounded"] is False, f"the decline gate let through: {answer['answer']}"
    assert answer["cited"] == []
    assert "Not found in the sources" in text_of(history[-1])
    assert "Nearest passages" in sources_html


def test_empty_question_changes_nothing(client: Client) -> None:
    history, _, _, message = client.predict("   ", [], "any", "any", api_name="/ask")
    assert history == []


def test_feedback_is_one_row_per_answer_and_user(app: RunningApp, client: Client) -> None:
    _, _, answer = ask(client, "How many hospitals does AP-HP have?")
    before = len(app.container.feedback.all())
    status = client.predict(1, answer, api_name="/feedback")
    assert "Recorded as helpful" in status
    client.predict(-1, answer, api_name="/feedback")
    status = client.predict(1, answer, "the figure is right", "tester", api_name="/feedback")
    assert "with your comment" in status
    client.predict(-1, answer, api_name="/feedback")  # the session's own user votes again
    rows = app.container.feedback.all()
    assert len(rows) == before + 2, rows[before:]  # one row for each user, not four
    by_user = {r["user_id"]: r for r in rows[before:]}
    by_user["api"] = next(r for u, r in by_user.items() if u.startswith("s:"))  # the session
    assert by_user["api"]["rating"] == -1  # the last vote wins
    assert (
        by_user["tester"]["rating"] == 1 and by_user["tester"]["comment"] == "the figure is right"
    )
    assert by_user["api"]["question"] == "How many hospitals does AP-HP have?"
    assert "39" in by_user["api"]["answer"]
    assert by_user["api"]["sources"] and by_user["api"]["sources"][0]["title"]


def test_new_conversation_clears(client: Client) -> None:
    history, sources_html, answer, status = client.predict(api_name="/new_conversation")
    assert history == [] and answer is None
    assert "ph-source " not in sources_html


# --- directory -------------------------------------------------------------------------------


def test_directory_search(app: RunningApp, client: Client) -> None:
    facets = app.container.directory.facets()  # the kind and city menus
    assert {"pharma-group", "cluster"} <= set(facets.kinds) and "Villejuif" in facets.cities
    table = client.predict("", "any", "any", "", api_name="/directory_search")
    assert table["headers"] == ["name", "kind", "city", "domains", "website"]
    everyone = len(table["data"])
    assert everyone > 20
    table = client.predict("", "pharma-group", "any", "", api_name="/directory_search")
    assert table["data"] and all(row[1] == "pharma-group" for row in table["data"])
    table = client.predict("neurospin", "any", "any", "", api_name="/directory_search")
    names = [row[0] for row in table["data"]]
    assert "NeuroSpin" in names and "Gustave Roussy" not in names
    table = client.predict("", "any", "Villejuif", "oncology", api_name="/directory_search")
    rows = {row[0]: row for row in table["data"]}
    assert rows["Gustave Roussy"][2] == "Villejuif"
    assert "Appli Chimio" not in rows  # a place filter never lists an unknown place
    outside = client.predict("", "any", "outside the region", "", api_name="/directory_search")
    assert {row[0] for row in outside["data"]} >= {"Lyonbiopole", "EuroBioMed"}
    ai = client.predict("AI", "any", "any", "", api_name="/directory_search")["data"]
    assert 0 < len(ai) < everyone // 2  # whole words: not every "Paris"
    imagerie = client.predict("imagerie", "any", "any", "", api_name="/directory_search")
    assert "NeuroSpin" in [row[0] for row in imagerie["data"]]
    nothing = client.predict("lung", "any", "any", "", api_name="/directory_search")
    assert nothing["data"] == []  # no blank row


def test_find_partners(client: Client) -> None:
    result = client.predict(
        "Our oncology lab develops a new cancer therapy and needs clinical research partners.",
        api_name="/find_partners",
    )
    assert result.count('class="ph-partner"') >= 3
    assert "Gustave Roussy" in result or "Institut Curie" in result
    assert "Assistance Publique" in result  # a clinical partner
    assert "<blockquote" in result  # each match shows its justifying passage...
    assert result.count('class="ph-why"') == result.count('class="ph-partner"')  # ...and why
    assert "works in oncology" in result
    gibberish = client.predict("asdfghjkl qwerty", api_name="/find_partners")
    assert "No good match" in gibberish and 'class="ph-partner"' not in gibberish
    elsewhere = client.predict("precision medicine", api_name="/find_partners")
    assert "OncoDesign" in elsewhere and "outside the Paris Region" in elsewhere
    with pytest.raises(AppError, match="Describe the project"):
        client.predict("   ", api_name="/find_partners")


# --- staff desk ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "endpoint, args",
    [
        ("/staff_refresh", ()),
        ("/staff_sources", ()),
        ("/staff_add_url", ("http://127.0.0.1:9/page",)),
        ("/staff_remove", ("medxperience-2018",)),
    ],
)
def test_staff_endpoints_refuse_without_login(
    app: RunningApp, endpoint: str, args: tuple[str, ...]
) -> None:
    anonymous = Client(app.url, verbose=False)
    with pytest.raises(AppError, match="Login required"):
        anonymous.predict(*args, api_name=endpoint)
    assert app.seed_manifest_unchanged()
    assert "medxperience-2018" in [row.source.id for row in app.container.corpus.sources()]


def test_staff_auth_checks_the_credentials() -> None:
    waits: list[float] = []  # a failed attempt waits before it answers
    auth = StaffAuth(STAFF_USER, SecretStr(STAFF_PASSWORD), sleep=waits.append)
    assert auth.enabled and auth.check(STAFF_USER, STAFF_PASSWORD) and waits == []
    assert not auth.check(STAFF_USER, "wrong") and waits == [auth.failed_delay_s]
    disabled = StaffAuth(None, SecretStr(""), sleep=waits.append)
    assert not disabled.enabled and not disabled.check("", "") and len(waits) == 2


def test_staff_wrong_password_is_refused(app: RunningApp) -> None:
    session = Client(app.url, verbose=False)
    with pytest.raises(AppError, match="Wrong username or password"):
        session.predict(STAFF_USER, "not-the-password", api_name="/staff_login")
    with pytest.raises(AppError, match="Login required"):
        session.predict(api_name="/staff_refresh")


def test_staff_refresh_reports_changes(staff: Client) -> None:
    report, table = staff.predict(api_name="/staff_refresh")
    assert "unchanged" in report
    assert "medxperience-2018" in report
    ids = [row[0] for row in table["data"]]
    assert {"medxperience-2018", "organisations"} <= set(ids)


def test_staff_add_and_remove_url(app: RunningApp, staff: Client, client: Client) -> None:
    page = (PAGES / "medicen_news.html").read_text(encoding="utf-8")
    with web_server({"/news": Reply(body=page)}) as server:
        url = server.url("/news")
        report, table = staff.predict(url, api_name="/staff_add_url")
        assert "added" in report, report
        source_id = source_id_for_url(url)
        assert source_id in [row[0] for row in table["data"]]
        assert server.count("/news") >= 1
    assert url in app.added_manifest()
    assert app.seed_manifest_unchanged()
    _, _, answer = ask(client, "Medicen news", doc_type="web-page")
    assert answer["sources"] and all(s["url"] == url for s in answer["sources"])

    report, table = staff.predict(source_id, api_name="/staff_remove")
    assert "removed" in report
    assert source_id not in [row[0] for row in table["data"]]
    assert url not in app.added_manifest()
    assert app.seed_manifest_unchanged()


def test_staff_remove_refuses_a_seed_source(app: RunningApp, staff: Client) -> None:
    with pytest.raises(AppError, match="seed source"):
        staff.predict("medxperience-2018", api_name="/staff_remove")
    assert "medxperience-2018" in [row.source.id for row in app.container.corpus.sources()]
    assert app.seed_manifest_unchanged()


def test_staff_add_url_failure_is_reported(staff: Client) -> None:
    with web_server({}) as server:  # every path answers 404
        report, _ = staff.predict(server.url("/missing"), api_name="/staff_add_url")
    assert "failed" in report
    with pytest.raises(AppError, match="http"):
        staff.predict("javascript:alert(1)", api_name="/staff_add_url")


def test_staff_api_says_a_refused_address_in_plain_words(app: RunningApp, staff: Client) -> None:
    """The endpoints keep their outputs (a report, the table with ids and locations); the
    report names a refused address and says why in a sentence: no id, no network jargon."""
    with public_only(app):
        report, table = staff.predict("http://127.0.0.1:9/page", api_name="/staff_add_url")
    assert "failed" in report and "private or local network" in report
    assert "loopback" not in report and source_id_for_url("http://127.0.0.1:9/page") not in report
    assert table["headers"] == ["id", "title", "kind", "status", "last fetch", "location", "reason"]


def test_staff_report_shows_no_server_path(app: RunningApp, staff: Client, tmp_path: Path) -> None:
    upload = tmp_path / "clinic-notes.md"
    upload.write_text("# Clinic notes\n\nThe Zorblatt clinic opened in Evry.\n", "utf-8")
    report, table = staff.predict(handle_file(str(upload)), api_name="/staff_add_file")
    assert "added" in report and "Clinic notes" in report
    assert str(app.data_dir) not in report and "/files/" not in report
    row = next(r for r in table["data"] if r[0] == source_id_for_file(upload))
    assert row[1] == "Clinic notes" and row[5].startswith(str(app.data_dir))  # the API's table


def test_uploaded_source_is_escaped_everywhere(
    app: RunningApp, staff: Client, client: Client, tmp_path: Path
) -> None:
    """A source whose title and text carry markup shows as text, never as HTML."""
    upload = tmp_path / "zorblatt-biobank.md"
    upload.write_text(XSS_TEXT, encoding="utf-8")
    report, table = staff.predict(handle_file(str(upload)), api_name="/staff_add_file")
    assert "added" in report, report
    assert "zorblatt-biobank" in " ".join(row[0] for row in table["data"])
    assert (app.data_dir / "files" / "documents" / "zorblatt-biobank.md").exists()
    assert not (app.corpus_dir / "documents" / "zorblatt-biobank.md").exists()
    assert "zorblatt-biobank.md" in app.added_manifest()
    assert app.seed_manifest_unchanged()
    # the "Source id" menu offers the added source, never a seed one
    session = app.container.staff.login(STAFF_USER, STAFF_PASSWORD)  # a signed-in session
    desk = StaffActions(app.container.corpus, app.container.staff)
    listing = desk.sources(session).listing
    assert listing is not None
    removable = dict((value, label) for label, value in listing.removable)
    assert removable[source_id_for_file(upload)] == XSS_TITLE  # its document's title
    assert "medxperience-2018" not in removable and "organisations" not in removable

    history, sources_html, answer = ask(client, "What does the Zorblatt biobank store?")
    assert any("Zorblatt" in s["title"] for s in answer["sources"])
    for raw in ("<script", "<img", 'href="javascript'):
        assert raw not in sources_html, raw
    # the Chatbot renders Markdown: no tag, and no Markdown link syntax either
    for raw in ("<script", "<img", "]("):
        assert raw not in text_of(history[-1]), raw
    assert html.escape("<script>alert(1)</script>") in sources_html
    assert html.escape("<img src=x onerror=alert(1)>") in sources_html


def test_staff_add_file_rejects_unsupported_types(staff: Client, tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    with pytest.raises(AppError, match="file type"):
        staff.predict(handle_file(str(bad)), api_name="/staff_add_file")
