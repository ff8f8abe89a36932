"""One handler per UI action (fast tier): each staff action, from the page or the API, reads the
source list once; each answer renders its sources panel once, from the answer itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from assistant.services import StaffAuth
from assistant.services.corpus import SourceRow
from ingest.models import Source
from ingest.report import IngestReport, SourceReport
from ui.staff_actions import StaffActions
from ui.staff_layout import StaffLayout


class CountingCorpus:
    """A corpus service whose source list counts its reads."""

    def __init__(self) -> None:
        self.reads = 0
        self.rows = [
            SourceRow(Source(id="seed", kind="file", location="corpus/a.md"), None, seed=True),
            SourceRow(Source(id="added", kind="url", location="https://example.org/"), None),
        ]

    def sources(self) -> list[SourceRow]:
        self.reads += 1
        return self.rows

    def report(self, *args: Any, **kwargs: Any) -> IngestReport:
        return IngestReport([SourceReport("added", "https://example.org/", "added", chunks=2)])

    add_urls = add_upload = refresh = remove = report


@pytest.fixture
def desk() -> tuple[StaffLayout, CountingCorpus, float]:
    corpus = CountingCorpus()
    auth = StaffAuth("staff", SecretStr("pw"))
    page = StaffLayout(StaffActions(corpus, auth))  # type: ignore[arg-type]
    return page, corpus, auth.login("staff", "pw", "test")


def quiet(*args: Any, **kwargs: Any) -> None:
    """A progress bar that shows nothing."""


def test_each_staff_action_reads_the_source_list_once(
    desk: tuple[StaffLayout, CountingCorpus, float], tmp_path: Path
) -> None:
    page, corpus, session = desk
    upload = tmp_path / "page.md"
    upload.write_text("# A page", encoding="utf-8")
    tab = page.tab
    actions = {
        "page login": lambda: page.page_login("staff", "pw"),
        "page reload": lambda: page.page_reload(session),
        "page add url": lambda: page.page_add_url("https://example.org/x", session, quiet),
        "page add file": lambda: page.page_add_file(str(upload), session, quiet),
        "page refresh": lambda: page.page_refresh(session, quiet),
        "page remove": lambda: page.page_remove("added", session),
        "api login": lambda: tab.staff_login("staff", "pw"),
        "api sources": lambda: tab.staff_sources(session),
        "api add url": lambda: tab.staff_add_url("https://example.org/x", session, quiet),
        "api refresh": lambda: tab.staff_refresh(session, quiet),
        "api remove": lambda: tab.staff_remove("added", session),
    }
    for name, action in actions.items():
        corpus.reads = 0
        outputs = action()
        assert corpus.reads == 1, f"{name}: {corpus.reads} reads of the source list"
        assert "added" in str(outputs) and "Login required" not in str(outputs), name


def test_a_page_action_shows_the_table_and_menu_of_the_same_read(
    desk: tuple[StaffLayout, CountingCorpus, float],
) -> None:
    page, corpus, session = desk
    report, table, menu, message = page.page_add_url("https://example.org/x", session, quiet)
    assert message == "" and "added" in report
    assert table.index("seed") < table.index("example.org") and "<table" in table  # the page's
    assert menu["choices"] == [("example.org", "added")]  # the seed source is never offered


def test_a_refused_staff_action_reads_nothing_and_says_why(
    desk: tuple[StaffLayout, CountingCorpus, float],
) -> None:
    page, corpus, session = desk
    refused = {
        "signed out": page.page_add_url("https://example.org/x", False, quiet),
        "bad url": page.page_add_url("javascript:alert(1)", session, quiet),
        "no source": page.page_remove("", session)[:4],
    }
    for name, outputs in refused.items():
        assert "ph-alert" in outputs[-1], name
    assert corpus.reads == 0
    with pytest.raises(Exception, match="full web address"):
        page.tab.staff_add_url("javascript:alert(1)", session, quiet)


# --- asking: the sources panel rendered once, from the answer --------------------------------


class OneAnswerChat:
    """A chat service that streams one cited answer."""

    def stream(self, question: str, turns: Any, picked: Any) -> Any:
        from assistant.services import Answer, Delta
        from assistant.services.answer_record import SourceRef

        source = SourceRef(1, "s1", "A page", "https://example.org/a", "", "It is so.", 1.0, {})
        yield Delta("It is so ")
        yield Delta("[1].")
        yield Answer(question, question, "It is so [1].", True, [source], [1], "en", "fake")


def counting_renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every rendering of a sources panel, counted (``ui.render.sources_html`` wherever used)."""
    from ui import render, render_sources

    calls: list[int] = []
    real = render.sources_html

    def counted(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "sources_html", counted)
    monkeypatch.setattr(render_sources, "sources_html", counted)
    return calls


def test_the_sources_panel_renders_once_per_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import conversations as convs
    from ui.chat_actions import ChatActions
    from ui.chat_layout import ChatLayout

    renders = counting_renders(monkeypatch)
    page = ChatLayout(ChatActions(OneAnswerChat()), feedback=None)  # type: ignore[arg-type]
    steps = list(page.page_ask("Is it so?", [], "any", "any", [], "", convs.empty()))
    assert len(renders) == 1  # the answer's panel, reused for the conversation's
    shown, panel, record, message, records, conv_id, store, _ = steps[-1]
    assert record["answer"] == "It is so [1]." and records == [record] and message == ""
    assert 'id="ph-src-' in panel and "A page" in panel
    assert convs.get(store, conv_id)["answers"] == [record]  # saved, no round trip needed
    # a second answer: its own panel once, the first one's under its question
    renders.clear()
    steps = list(page.page_ask("Is it?", shown, "any", "any", records, conv_id, store))
    panel = steps[-1][1]
    assert len(renders) == 2 and panel.count("ph-earlier") >= 1
    # the API's adapter: the same steps, its own outputs
    renders.clear()
    outputs = list(ChatActions(OneAnswerChat()).ask("Is it so?", [], "any", "any"))
    assert len(renders) == 1 and outputs[-1][2]["answer"] == "It is so [1]."
