"""The example questions of the help reply as buttons under the conversation.

After an answer that is the help reply (kind ``help``), the questions it lists
(:func:`assistant.answer.help.example_questions`) show as buttons that ask at once, the way the
page's own example buttons do; after any other answer, or in another conversation, they hide.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.answer.help import EXAMPLES, example_questions

MAX_BUTTONS = max(len(questions) for questions in EXAMPLES.values())


def help_questions(answers: Any) -> list[str]:
    """The example questions of the conversation's last answer, when it is the help reply."""
    last = answers[-1] if isinstance(answers, list) and answers else None
    if not isinstance(last, dict) or last.get("kind") != "help":
        return []
    return example_questions(str(last.get("answer") or ""))[:MAX_BUTTONS]


class HelpExamples:
    """A row of buttons, hidden until the last answer is the help reply."""

    def build(self) -> None:
        with gr.Row(
            visible=False, elem_classes="ph-examples", elem_id="ph-help-examples"
        ) as self.row:
            self.buttons = [
                gr.Button("", size="sm", visible=False, elem_classes="ph-help-example")
                for _ in range(MAX_BUTTONS)
            ]

    @property
    def outputs(self) -> list[Any]:
        return [self.row, *self.buttons]

    def shown(self, answers: Any) -> list[Any]:
        """The row and its buttons for the conversation's records."""
        questions = help_questions(answers)
        buttons = [
            gr.update(value=questions[i], visible=True)
            if i < len(questions)
            else gr.update(visible=False)
            for i in range(MAX_BUTTONS)
        ]
        return [gr.update(visible=bool(questions)), *buttons]
