"""The app's pure parts (fast tier): citations, sources kept per answer, Markdown from pages,
the conversations kept in the browser, feedback's message lookup, inline alerts."""

from __future__ import annotations

from typing import Any

from assistant.services.directory import OUTSIDE_REGION, Facets
from ui import conversations as convs
from ui.alerts import alert
from ui.chat_page import remember
from ui.directory_tab import place_choices
from ui.feedback import answer_at
from ui.render import answer_markdown, highlight, strip_markdown
from ui.render_sources import SourceView, conversation_sources_html, record_key


def record(question: str, answer: str, url: str = "https://example.org/a") -> dict[str, Any]:
    source = {
        "n": 1,
        "title": "A page",
        "url": url,
        "text": "One. See [France](#). Two.",
        "highlight": "See [France](#).",
        "metadata": {"type": "web-page"},
        "date": "",
    }
    return {
        "question": question,
        "answer": answer,
        "grounded": True,
        "cited": [1],
        "sources": [source],
    }


def test_a_citation_always_points_to_its_card() -> None:
    with_url = SourceView.of(record("q", "a [1].")["sources"][0])
    text = answer_markdown("It is so [1].", [with_url], True, "k1")
    assert 'href="#ph-src-k1-1"' in text and "example.org" not in text and "_blank" not in text


def test_every_answer_keeps_its_sources() -> None:
    first, second = record("first?", "One [1]."), record("second?", "Two [1].")
    html = conversation_sources_html([first, None, second])
    for rec in (first, second):
        assert f'id="ph-src-{record_key(rec)}-1"' in html
    assert html.index(record_key(second)) < html.index(record_key(first))  # latest first
    assert "ph-earlier" in html and "first?" in html
    assert 'href="https://example.org/a"' in html  # the external link, inside the card


def test_markdown_from_pages_is_stripped() -> None:
    assert strip_markdown("# Title\n[France](#) and ![logo](x.png) **bold**") == (
        "Title\nFrance and logo bold"
    )
    assert highlight("One. See [France](#). Two.", "See [France](#).") == (
        "One. <mark>See France.</mark> Two."
    )
    assert "&lt;script&gt;" in highlight("[<script>](javascript:x(1))", "")


def test_remember_aligns_records_with_messages() -> None:
    history = [
        {"role": "user", "content": "q1"},
        {"role": "assistant", "content": "a1"},
        {"role": "user", "content": "q2"},
        {"role": "assistant", "content": "oops"},
    ]
    first = record("q1", "a1")
    # the second answer failed: the record shown is still the first one
    records, _, conv_id, store, _ = remember(history, first, [first], "", convs.empty())
    assert records == [first, None] and conv_id
    assert answer_at(history, records, 1) == first and answer_at(history, records, 3) is None
    assert answer_at(history, records, 0) is None  # a question is not rated
    saved = convs.get(store, conv_id)
    assert saved is not None and saved["title"] == "q1" and saved["answers"] == records


def test_conversations_most_recent_first_and_bounded() -> None:
    store = convs.empty()
    for i in range(convs.MAX_KEPT + 3):
        store = convs.save(store, f"c{i}", [{"role": "user", "content": f"q{i}"}], [])
    menu = convs.choices(store)
    assert len(menu) == convs.MAX_KEPT and menu[0] == (
        f"q{convs.MAX_KEPT + 2}",
        f"c{convs.MAX_KEPT + 2}",
    )
    store = convs.delete(store, f"c{convs.MAX_KEPT + 2}")
    assert convs.latest(store)["id"] == f"c{convs.MAX_KEPT + 1}"
    assert convs.choices("not a store") == []


def test_alerts_are_escaped_and_dismissible() -> None:
    html = alert("<b>bad</b> URL")
    assert "&lt;b&gt;bad&lt;/b&gt;" in html and "ph-alert-close" in html and 'role="alert"' in html
    assert alert("") == ""


def test_retry_asks_the_same_question_again() -> None:
    from types import SimpleNamespace

    from ui.chat_page import before_retry

    history = [
        {"role": "user", "content": "q1"},
        {"role": "assistant", "content": "a1"},
        {"role": "user", "content": "q&#95;2"},
        {"role": "assistant", "content": "a2"},
    ]
    first, second = record("q1", "a1"), record("q_2", "a2")
    kept, records, question = before_retry(
        history,
        [first, second],
        SimpleNamespace(index=2),  # type: ignore[arg-type]
    )
    assert kept == history[:2] and records == [first] and question == "q_2"


def test_place_menu_lists_communes_of_the_region_then_outside() -> None:
    facets = Facets(["cluster"], ["Paris", "Villejuif"], {"Paris": "75", "Villejuif": "94"}, True)
    assert place_choices(facets) == [
        ("Any place", "any"),
        ("Paris (75)", "Paris"),
        ("Villejuif (94)", "Villejuif"),
        ("Outside the region", OUTSIDE_REGION),
    ]
    assert place_choices(Facets([], [])) == [("Any place", "any")]  # nothing to offer


def test_the_staff_desk_reports_an_ingest_in_the_command_lines_words() -> None:
    """One formatter of the ingest report: each row of the Staff desk holds what
    ``paris-health ingest`` prints for that source (a crawl's note included), and its summary."""
    from ingest.report import IngestReport, SourceReport, detail, report_line
    from ui.render import esc
    from ui.render_staff import report_html

    report = IngestReport(
        [
            SourceReport(
                "site", "https://x.example", "added", chunks=3, embedded=3, note="crawl stopped"
            ),
            SourceReport("old", "old.md", "removed", deleted=1),
            SourceReport("bad", "bad.csv", "failed", reason="no name column"),
        ],
        seconds=1.0,
    )
    html = report_html(report)
    assert [report_line(i) for i in report.items] == [
        "  added     site: 3 chunks, 3 embedded; crawl stopped",
        "  removed   old: 1 chunk deleted",
        "  failed    bad: no name column",
    ]
    for item in report.items:
        assert f"<td>{esc(detail(item))}</td>" in html
    assert esc(report.summary()) in html
