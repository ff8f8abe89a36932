"""The shown conversation's own actions, beside the "Conversations" menu: rename it, export it as
Markdown with its sources (a download), and delete it, which asks first.

All of it works on the conversations kept in the browser (``ui/conversations.py``); the exported
file is written to Gradio's upload folder for the download and goes with its cache
(``delete_cache``, ``ui/app.py``). Page events only (no API endpoint: the conversations are the
browser's). ``ChatLayout`` places the buttons in its bar (:meth:`buttons`), the rows below it
(:meth:`panels`) and wires them (:meth:`wire`).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import gradio as gr

from ui import conversations as convs
from ui.alerts import alert, alert_box
from ui.chat_state import forget
from ui.render import esc

PRIVATE: dict[str, Any] = {"api_visibility": "private"}
NOTHING_YET = "No conversation yet: ask a question first."


def ask_delete(conv_id: Any, store: Any) -> tuple[Any, ...]:
    """(confirmation row, its text, message): the question, or why there is nothing to delete."""
    item = convs.get(store, str(conv_id or ""))
    if item is None:
        return gr.update(visible=False), "", alert(NOTHING_YET, "info")
    text = (
        f'<div class="ph-confirm-text">Delete <strong>{esc(item.get("title", ""))}</strong>?'
        " It is removed from this browser and cannot be brought back.</div>"
    )
    return gr.update(visible=True), text, ""


def ask_rename(conv_id: Any, store: Any) -> tuple[Any, ...]:
    """(rename row, its title box, message): the box holds the current title."""
    item = convs.get(store, str(conv_id or ""))
    if item is None:
        return gr.update(visible=False), gr.skip(), alert(NOTHING_YET, "info")
    return gr.update(visible=True), str(item.get("title", "")), ""


def rename(title: str, conv_id: Any, store: Any) -> tuple[Any, ...]:
    """(store, menu, rename row, message): the new title saved in the browser and shown."""
    conv_id = str(conv_id or "")
    if convs.get(store, conv_id) is None:
        return gr.skip(), gr.skip(), gr.update(visible=False), alert(NOTHING_YET, "info")
    if not (title or "").strip():
        return gr.skip(), gr.skip(), gr.skip(), alert("Write the new title first.")
    store = convs.rename(store, conv_id, title)
    menu = gr.update(choices=convs.choices(store), value=conv_id)
    return store, menu, gr.update(visible=False), ""


def export(conv_id: Any, store: Any) -> tuple[Any, Any]:
    """(file, message): the conversation as a Markdown file to download."""
    item = convs.get(store, str(conv_id or ""))
    if item is None:
        return gr.update(visible=False, value=None), alert(NOTHING_YET, "info")
    folder = Path(gr.utils.get_upload_folder()) / "exports" / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / convs.file_name(item)
    path.write_text(convs.to_markdown(item), encoding="utf-8")
    return gr.update(visible=True, value=str(path)), ""


def switched(conv_id: Any) -> tuple[Any, ...]:
    """Another conversation shown (or none): the buttons for it, its rows closed."""
    there = gr.update(visible=bool(conv_id))
    closed = gr.update(visible=False)
    return there, there, closed, closed, gr.update(visible=False, value=None), ""


class ConversationTools:
    """Rename, export and a delete that asks first, for the conversation shown."""

    def buttons(self) -> None:
        """In the conversation bar, before its "Delete"; shown once there is a conversation (the
        first screen stays as it was)."""
        shown: dict[str, Any] = {"size": "sm", "scale": 0, "min_width": 76, "visible": False}
        self.rename = gr.Button("Rename", elem_id="ph-rename", **shown)
        self.export = gr.Button("Export", elem_id="ph-export", **shown)

    def panels(self) -> None:
        """Below the bar, hidden until used."""
        with gr.Row(visible=False, equal_height=True, elem_id="ph-rename-row") as self.rename_row:
            self.title = gr.Textbox(
                label="Title", max_lines=1, scale=4, elem_id="ph-rename-title", max_length=200
            )
            self.rename_yes = gr.Button("Save title", size="sm", scale=0, elem_id="ph-rename-yes")
            self.rename_no = gr.Button("Cancel", size="sm", scale=0, elem_id="ph-rename-no")
        with gr.Column(
            visible=False, elem_classes="ph-confirm", elem_id="ph-delete-confirm"
        ) as self.confirm:
            self.confirm_text = gr.HTML("", js_on_load=None)
            with gr.Row():
                self.yes = gr.Button(
                    "Yes, delete", variant="stop", size="sm", elem_id="ph-delete-yes"
                )
                self.no = gr.Button("Cancel", size="sm", elem_id="ph-delete-no")
        self.file = gr.File(
            label="Conversation as Markdown",
            visible=False,
            interactive=False,
            elem_id="ph-export-file",
        )
        self.message = alert_box("ph-conv-alert")

    def wire(self, delete: gr.Button, shown: list[Any], conv_id: Any, store: Any) -> list[Any]:
        """The events (``shown``: what opening a conversation outputs, its menu last); returns
        those that change the conversation shown (a deletion)."""
        hide = gr.update(visible=False)
        delete.click(
            ask_delete, [conv_id, store], [self.confirm, self.confirm_text, self.message], **PRIVATE
        )
        self.no.click(lambda: hide, None, self.confirm, **PRIVATE)
        deleted = self.yes.click(forget, [conv_id, store], [*shown, store], **PRIVATE)
        deleted.then(lambda: (hide, hide), None, [self.confirm, self.file], **PRIVATE)
        self.rename.click(
            ask_rename, [conv_id, store], [self.rename_row, self.title, self.message], **PRIVATE
        )
        self.rename_no.click(lambda: hide, None, self.rename_row, **PRIVATE)
        renamed = {
            "fn": rename,
            "inputs": [self.title, conv_id, store],
            "outputs": [store, shown[-1], self.rename_row, self.message],
            **PRIVATE,
        }
        self.rename_yes.click(**renamed)
        self.title.submit(**renamed)
        self.export.click(export, [conv_id, store], [self.file, self.message], **PRIVATE)
        panels = [self.rename, self.export, self.rename_row, self.confirm, self.file, self.message]
        conv_id.change(switched, conv_id, panels, **PRIVATE)
        return [deleted]
