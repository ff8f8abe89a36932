"""The chat page's handlers for issue 16, without a browser (the browser tests in
``test_browser.py`` check the same as a person sees it): the comment box named for its answer
and closed, the filter chips, Delete asking first."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from assistant.services import FeedbackStore
from ingest.database import Database
from ui.chat_actions import DOC_TYPES
from ui.feedback import FeedbackPanel, about, closed
from ui.filter_chips import FilterChips, chip_label

QUESTION = "How many hospitals does AP-HP have in the Paris Region today?"
RECORD = {"question": QUESTION, "answer": "39 [1].", "sources": [], "id": "a1"}
HISTORY = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "39 [1]."}]


def visible(update: Any) -> Any:
    return update.get("visible") if isinstance(update, dict) else None


def test_the_comment_box_names_its_answer() -> None:
    label = about(RECORD)
    assert "How many hospitals does AP-HP have in the" in label and label.endswith("(optional)")
    assert "\u2026" in label  # a long question: its first words
    assert "\u201cWho runs it?\u201d" in about({"question": "  Who runs\n it? "})


def test_a_vote_offers_the_comment_box_named_for_its_answer(tmp_path: Path) -> None:
    panel = FeedbackPanel(FeedbackStore(Database.at(tmp_path / "database.sqlite")))
    like = SimpleNamespace(index=1, liked=True)
    request = SimpleNamespace(session_hash="s1", client=None, headers={})
    status, more, box, comment, rated = panel.on_like(
        HISTORY,
        [RECORD],
        "",
        like,  # type: ignore[arg-type]
        request,  # type: ignore[arg-type]
    )
    assert "Recorded as helpful" in status
    assert visible(more) is True and visible(box) is False  # opened only on "Tell us more"
    assert "How many hospitals" in comment["label"] and comment["value"] == ""
    assert rated == {"rating": 1, "answer": RECORD}
    # sent: the box closes, what was rated forgotten
    sent = panel.send_comment("clear", rated, "", request)  # type: ignore[arg-type]
    assert "with your comment" in sent[0] and sent[1] == ""
    assert visible(sent[2]) is False and visible(sent[3]) is False and sent[4] is None
    assert [r["comment"] for r in panel.store.all()] == ["clear"]


def test_closed_hides_the_box_and_forgets_the_answer() -> None:
    status, comment, box, more, rated = closed()
    assert status == "" and comment["value"] == "" and rated is None
    assert visible(box) is False and visible(more) is False


def test_filter_chips_show_the_filters_set() -> None:
    kinds = [("Any kind", "any"), ("Pharma group", "pharma-group")]
    assert chip_label("Type", "any", DOC_TYPES) is None
    assert chip_label("Type", "  ", DOC_TYPES) is None
    assert chip_label("Type", "interview", DOC_TYPES) == "Type: Interview \u00d7"
    assert chip_label("Kind", "biobank", kinds) == "Kind: biobank \u00d7"  # a typed value
    chips = FilterChips(DOC_TYPES, kinds)
    row, type_chip, kind_chip = chips.shown("any", "any")
    assert visible(row) is False and visible(type_chip) is False and visible(kind_chip) is False
    row, type_chip, kind_chip = chips.shown("any", "pharma-group")
    assert visible(row) is True and visible(type_chip) is False
    assert kind_chip["value"] == "Organisation kind: Pharma group \u00d7"
