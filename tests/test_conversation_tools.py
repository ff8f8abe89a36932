"""A conversation's own actions (fast tier): export as Markdown with its sources, rename (kept as
the conversation grows), and a delete that asks first; the handlers as the page's events call
them, over the store the browser keeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui import conversations as convs
from ui.chat_state import remember
from ui.conversation_tools import ask_delete, ask_rename, export, rename, switched


def record(answer: str, cited: list[int]) -> dict[str, Any]:
    sources = [
        {
            "n": 1,
            "title": "MedXperience 2018",
            "url": "https://example.org/medx",
            "date": "2018",
            "text": "...",
            "highlight": "Medicen organises MedXperience.",
        },
        {"n": 2, "title": "Uncited page", "url": "javascript:alert(1)", "date": "", "text": ""},
    ]
    return {"answer": answer, "sources": sources, "cited": cited, "grounded": True}


def a_conversation() -> tuple[dict[str, Any], str]:
    history = [
        {"role": "user", "content": "Who organises MedXperience?"},
        {"role": "assistant", "content": "<b>Medicen</b> organises it [1]."},
    ]
    first = record("Medicen organises it [1].", [1])
    _, _, conv_id, store, _ = remember(history, first, [first], "", convs.empty())
    return store, conv_id


def test_export_holds_the_questions_answers_and_cited_sources() -> None:
    store, conv_id = a_conversation()
    text = convs.to_markdown(convs.get(store, conv_id))
    assert text.startswith("# Who organises MedXperience?\n")
    assert "**You:** Who organises MedXperience?" in text
    assert "**Assistant:** Medicen organises it [1]." in text  # the answer's text, not markup
    assert "1. [MedXperience 2018](https://example.org/medx) (2018)" in text
    assert "> Medicen organises MedXperience." in text
    assert "Uncited page" not in text and "javascript:" not in text


def test_export_writes_a_markdown_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path))  # Gradio's upload folder: its cache
    store, conv_id = a_conversation()
    update, message = export(conv_id, store)
    path = Path(update["value"])
    assert tmp_path in path.parents
    assert update["visible"] and message == "" and path.name == "who-organises-medxperience.md"
    assert path.read_text("utf-8") == convs.to_markdown(convs.get(store, conv_id))
    nothing, message = export("", store)
    assert not nothing["visible"] and "ask a question first" in message


def test_a_renamed_conversation_keeps_its_title_as_it_grows() -> None:
    store, conv_id = a_conversation()
    row, title, message = ask_rename(conv_id, store)
    assert row["visible"] and title == "Who organises MedXperience?" and message == ""
    store, menu, row, message = rename("  MedXperience   notes ", conv_id, store)
    assert menu["choices"] == [("MedXperience notes", conv_id)] and not row["visible"]
    history = convs.get(store, conv_id)["history"]
    history += [{"role": "user", "content": "And when?"}, {"role": "assistant", "content": "2018"}]
    store = convs.save(store, conv_id, history, [None, None])
    assert convs.choices(store) == [("MedXperience notes", conv_id)]
    assert "# MedXperience notes" in convs.to_markdown(convs.get(store, conv_id))
    _, _, _, refused = rename("   ", conv_id, store)
    assert "title" in refused and convs.choices(store)[0][0] == "MedXperience notes"


def test_delete_asks_first_naming_the_conversation() -> None:
    store, conv_id = a_conversation()
    row, text, message = ask_delete(conv_id, store)
    assert row["visible"] and "Who organises MedXperience?" in text and message == ""
    assert convs.get(store, conv_id) is not None  # asking deletes nothing
    row, text, message = ask_delete("", store)
    assert not row["visible"] and "ask a question first" in message


def test_the_buttons_show_only_with_a_conversation_and_its_rows_close_on_switch() -> None:
    rename_button, export_button, *rows, message = switched("")
    assert not rename_button["visible"] and not export_button["visible"]
    assert all(not row["visible"] for row in rows) and message == ""
    rename_button, export_button, *rows, _ = switched("abc")
    assert rename_button["visible"] and export_button["visible"]
    assert all(not row["visible"] for row in rows)
