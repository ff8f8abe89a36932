"""The active retrieval filters as chips beside the question box.

The filter menus sit below the conversation (below the fold on a phone); a filter set there
shows as a chip next to the question box ("Type: Interview ×"), and a click on the chip clears
that filter (its menu back to "any"). No filter set: no chips, the row hidden.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui.common import ANY

Choices = list[tuple[str, str]]


def chip_label(name: str, value: Any, choices: Choices) -> str | None:
    """The chip of one filter (``None`` when it is not set): its name and the label of the
    picked value, with the mark that removes it."""
    picked = " ".join(str(value or "").split())
    if not picked or picked.lower() == ANY:
        return None
    label = next((shown for shown, kept in choices if kept == picked), picked)
    return f"{name}: {label} \u00d7"


class FilterChips:
    """The row of chips (hidden while no filter is set), wired to the filter menus."""

    def __init__(self, type_choices: Choices, kind_choices: Choices) -> None:
        self.choices = {"type": type_choices, "kind": kind_choices}

    def build(self) -> None:
        with gr.Row(visible=False, elem_classes="ph-chips", elem_id="ph-filter-chips") as self.row:
            gr.HTML(
                '<span class="ph-chips-label">Filters on:</span>',
                js_on_load=None,
                elem_classes="ph-chips-label-box",
            )
            self.type_chip = self._chip("ph-chip-type")
            self.kind_chip = self._chip("ph-chip-kind")

    @staticmethod
    def _chip(elem_id: str) -> gr.Button:
        return gr.Button(
            "", size="sm", visible=False, scale=0, elem_classes="ph-chip", elem_id=elem_id
        )

    def shown(self, doc_type: Any, kind: Any) -> list[Any]:
        """The row and its two chips for the filters picked."""
        labels = [
            chip_label("Type", doc_type, self.choices["type"]),
            chip_label("Organisation kind", kind, self.choices["kind"]),
        ]
        chips = [
            gr.update(value=label, visible=True) if label else gr.update(visible=False)
            for label in labels
        ]
        return [gr.update(visible=any(labels)), *chips]

    def wire(self, type_filter: gr.Dropdown, kind_filter: gr.Dropdown) -> None:
        private: dict[str, Any] = {"api_visibility": "private"}
        outputs = [self.row, self.type_chip, self.kind_chip]
        for menu in (type_filter, kind_filter):
            menu.change(self.shown, [type_filter, kind_filter], outputs, **private)
        self.type_chip.click(lambda: ANY, None, type_filter, **private)
        self.kind_chip.click(lambda: ANY, None, kind_filter, **private)
