"""Questions to ask next, as buttons under the conversation: after the help reply (kind
``help``), the example questions it lists (:func:`assistant.answer.help.example_questions`);
after any other answer, the questions the answer suggests (its record's ``suggestions``, made by
``assistant/answer/suggest.py``). Each button asks at once, the way the page's own example
buttons do; in another conversation, or after an answer with none, the row hides.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.answer.help import EXAMPLES, example_questions

MAX_BUTTONS = max(len(questions) for questions in EXAMPLES.values())
LABELS = {  # the row's label: the help reply's examples, or an answer's suggestions
    "help": {"en": "Try:", "fr": "Essayez :"},
    "next": {"en": "Ask next:", "fr": "Et ensuite :"},
}


def _last(answers: Any) -> dict[str, Any] | None:
    last = answers[-1] if isinstance(answers, list) and answers else None
    return last if isinstance(last, dict) else None


def help_questions(answers: Any) -> list[str]:
    """The example questions of the conversation's last answer, when it is the help reply."""
    last = _last(answers)
    if last is None or last.get("kind") != "help":
        return []
    return example_questions(str(last.get("answer") or ""))[:MAX_BUTTONS]


def suggested_questions(answers: Any) -> list[str]:
    """The questions the conversation's last answer suggests asking next (none: an older record
    without them, or the help reply, whose examples stand instead)."""
    last = _last(answers)
    suggestions = last.get("suggestions") if last is not None else None
    if not isinstance(suggestions, list) or last is None or last.get("kind") == "help":
        return []
    return [s.strip() for s in suggestions if isinstance(s, str) and s.strip()][:MAX_BUTTONS]


def row_label(answers: Any) -> str:
    """The row's label, in the last answer's language."""
    last = _last(answers) or {}
    language = "fr" if last.get("language") == "fr" else "en"
    return LABELS["help" if last.get("kind") == "help" else "next"][language]


class HelpExamples:
    """A row of buttons, hidden until the last answer is the help reply or suggests questions."""

    def build(self) -> None:
        with gr.Row(
            visible=False, elem_classes="ph-examples", elem_id="ph-help-examples"
        ) as self.row:
            self.label = gr.Markdown("", elem_classes="ph-next-label", elem_id="ph-next-label")
            self.buttons = [
                gr.Button(
                    "",
                    size="sm",
                    visible=False,
                    elem_classes=["ph-help-example", "ph-next-question"],
                )
                for _ in range(MAX_BUTTONS)
            ]

    @property
    def outputs(self) -> list[Any]:
        return [self.row, *self.buttons, self.label]

    def shown(self, answers: Any) -> list[Any]:
        """The row, its buttons and its label for the conversation's records."""
        questions = help_questions(answers) or suggested_questions(answers)
        buttons = [
            gr.update(value=questions[i], visible=True)
            if i < len(questions)
            else gr.update(visible=False)
            for i in range(MAX_BUTTONS)
        ]
        label = gr.update(value=f"**{row_label(answers)}**" if questions else "")
        return [gr.update(visible=bool(questions)), *buttons, label]
