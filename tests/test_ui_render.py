"""The app's pure parts (fast tier): citations, sources kept per answer, Markdown from pages,
the conversations kept in the browser, feedback's message lookup, inline alerts."""

from __future__ import annotations

from typing import Any

from assistant.services.directory import OUTSIDE_REGION, Facets
from ui import conversations as convs
from ui.alerts import alert
from ui.chat_layout import remember
from ui.directory_tab import place_choices
from ui.feedback import answer_at
from ui.render import answer_markdown, highlight, sources_html, strip_markdown
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

    from ui.chat_layout import before_retry

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
    for item in report.items[:2]:  # a failure: in plain words (test_staff_desk.py)
        assert f"<td>{esc(detail(item))}</td>" in html
    assert esc(report.summary()) in html


def passage(n: int, title: str, doc_id: str = "", text: str = "A. B.", hl: str = "") -> SourceView:
    meta = {"doc_id": doc_id} if doc_id else {}
    return SourceView(n, title, "https://example.org/" + title, "", text, hl, meta)


def test_sources_are_one_card_per_document_cited_first_the_others_folded() -> None:
    sources = [
        passage(1, "Other", text="Nothing cited here."),
        passage(2, "Medicen", "d1", "Medicen is a cluster. It is in Paris.", "It is in Paris."),
        passage(3, "Medicen (renamed)", "d1", "Its CEO is X.", "Its CEO is X."),
        passage(4, "Medicen", text="Same title, no doc_id."),
        passage(5, "Medicen", text="Again."),
    ]
    html = sources_html(sources, [3, 2], True, "k")
    assert html.count('class="ph-doc') == 3  # d1; title "Medicen"; title "Other"
    cited_doc, also = html.split('<details class="ph-also">')
    assert cited_doc.count('class="ph-doc') == 1 and "Also retrieved: 2 more documents" in also
    # the cited document holds its two passages, each keeps its anchor and highlight
    for n, mark in ((2, "<mark>It is in Paris.</mark>"), (3, "<mark>Its CEO is X.</mark>")):
        card = cited_doc.split(f'id="ph-src-k-{n}"')[1].split("</div></div>")[0]
        assert mark in card
    assert cited_doc.index('id="ph-src-k-2"') < cited_doc.index('id="ph-src-k-3"')
    # uncited, in their rank order, both open in the fold: "Other", then the two passages titled
    # "Medicen" without a doc_id, in one card
    assert also.index('id="ph-src-k-1"') < also.index('id="ph-src-k-4"') < also.index("k-5")
    assert also.split('class="ph-doc')[2].count('id="ph-src-') == 2
    assert also.count('class="ph-doc') == 2 and "ph-more" not in also


def test_sources_panel_without_citations_shows_every_document_open() -> None:
    html = sources_html([passage(1, "A"), passage(2, "B"), passage(3, "A")], [], False, "k")
    assert "ph-also" not in html and "ph-more" not in html and "Nearest passages" in html
    assert html.count('class="ph-doc') == 2


def test_a_document_card_escapes_what_comes_from_the_source() -> None:
    evil = SourceView(
        1,
        '<img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        "<b>2024</b>",
        "<script>alert(2)</script>",
        "",
        {"doc_id": "<x>", "kind": "<i>kind</i>"},
    )
    html = sources_html([evil, passage(2, "ok")], [2], True, "k")
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert "<i>" not in html and "javascript:" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_the_help_replys_examples_are_buttons_after_a_help_answer_only() -> None:
    from assistant.answer.help import EXAMPLES, help_reply
    from ui.help_examples import HelpExamples, help_questions

    helped = {"answer": help_reply("Hello", "fr"), "kind": "help", "language": "fr"}
    assert help_questions([None, helped]) == EXAMPLES["fr"]
    assert help_questions([helped, record("q", "a [1].")]) == []  # a later answer hides them
    assert help_questions([]) == [] and help_questions(None) == []
    row, *buttons, label = HelpExamples().shown([helped])
    assert row["visible"] and [b["value"] for b in buttons[: len(EXAMPLES["fr"])]] == EXAMPLES["fr"]
    assert "Essayez" in label["value"]  # the help reply's examples, in its language


def test_an_answers_suggestions_are_buttons_under_it() -> None:
    from ui.help_examples import HelpExamples, suggested_questions

    answered = {**record("q", "a [1]."), "suggestions": ["Where is X?", "Compare X and Y"]}
    assert suggested_questions([answered]) == ["Where is X?", "Compare X and Y"]
    assert suggested_questions([answered, record("q2", "b [1].")]) == []  # an older record: none
    assert suggested_questions([{**answered, "suggestions": "Where is X?"}]) == []  # not a list
    row, *buttons, label = HelpExamples().shown([answered])
    assert row["visible"] and [b["value"] for b in buttons[:2]] == [
        "Where is X?",
        "Compare X and Y",
    ]
    assert not buttons[2]["visible"] and "Ask next" in label["value"]
    french = {**answered, "language": "fr"}
    assert "Et ensuite" in HelpExamples().shown([french])[-1]["value"]
    row, *_ = HelpExamples().shown([record("q", "a [1].")])
    assert not row["visible"]


def test_directory_cards_hold_every_column_labelled_and_escaped() -> None:
    from ui.directory_tab import DIRECTORY_HEADERS
    from ui.render_directory import directory_cards

    rows = [
        ["Alpha <b>Lab</b>", "research-institute", "Orsay", "oncology, e-health", "https://a.org"],
        ["Beta", "startup", "", "", "javascript:alert(1)"],
        ["", "", "", "", ""],  # an empty row of the table: no card
    ]
    html = directory_cards(DIRECTORY_HEADERS, rows)
    assert html.count('class="ph-dir-card"') == 2
    first, second = html.split('<li class="ph-dir-card">')[1:]
    for column in ("name", "kind", "city", "domains", "website"):
        assert f'data-col="{column}"' in first, column
    assert "Alpha &lt;b&gt;Lab&lt;/b&gt;" in first and "<b>" not in html
    assert "research institute" in first  # the kind in words
    assert 'href="https://a.org"' in first and ">a.org</a>" in first
    assert "no town given" in second  # a missing town said, never left blank
    assert "javascript" not in html and 'data-col="domains"' not in second
    assert directory_cards(DIRECTORY_HEADERS, []) == ""
