"""The feedback controls under the conversation: the status of a vote, "Tell us more", and the
comment box, which opens only when asked for, names the answer it is about, and closes when the
comment is sent, when dismissed, when a question is asked or the conversation changes (so a
question is never typed into it by mistake: the question box is the only place that asks).
The handlers are :class:`ui.feedback.FeedbackPanel`'s."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui.feedback import FeedbackPanel, closed

PRIVATE: dict[str, Any] = {"api_visibility": "private"}


class CommentBox:
    """The status line, the "Tell us more" button and the comment box."""

    def __init__(self, panel: FeedbackPanel) -> None:
        self.fb = panel

    def build(self) -> None:
        with gr.Row(equal_height=True, elem_classes="ph-feedback-row"):
            self.status = gr.HTML("", js_on_load=None, elem_id="ph-feedback-status")
            self.more = gr.Button(
                "Tell us more", size="sm", visible=False, scale=0, min_width=120,
                elem_id="ph-tell-more",
            )  # fmt: skip
        with gr.Group(visible=False, elem_classes="ph-comment-box") as self.box:
            self.comment = gr.Textbox(
                label="Tell us more (optional)",
                placeholder="What was useful, wrong or missing in this answer?",
                lines=2,
                max_lines=4,
                max_length=self.fb.store.limits.feedback_comment_chars,
                elem_id="ph-comment",
            )
            with gr.Row(elem_classes="ph-comment-actions"):
                self.send = gr.Button("Send comment", size="sm", scale=0, elem_id="ph-send-comment")
                self.dismiss = gr.Button("Dismiss", size="sm", scale=0, elem_id="ph-dismiss")
        self.rated = gr.State(None)

    @property
    def closing(self) -> list[Any]:
        """The outputs of :func:`ui.feedback.closed`."""
        return [self.status, self.comment, self.box, self.more, self.rated]

    def wire(self, chatbot: gr.Chatbot, answers: gr.State, user: gr.BrowserState) -> None:
        self.like = chatbot.like(
            self.fb.on_like,
            [chatbot, answers, user],
            [self.status, self.more, self.box, self.comment, self.rated],
            **PRIVATE,
        )
        self.more.click(
            lambda: (gr.update(visible=True), gr.update(visible=False)),
            None,
            [self.box, self.more],
            **PRIVATE,
        )
        self.send.click(
            self.fb.send_comment, [self.comment, self.rated, user], self.closing, **PRIVATE
        )
        self.dismiss.click(closed, None, self.closing, **PRIVATE)

    def close_after(self, event: Any) -> None:
        """Close the comment box after ``event`` (a question asked, a conversation changed)."""
        event.then(closed, None, self.closing, **PRIVATE)

    def build_api(self, answer_json: gr.JSON) -> None:
        """Hidden: the ``/feedback`` endpoint's inputs and event."""
        with gr.Row(visible=False):
            rating = gr.Number(1, precision=0, visible=False)
            comment = gr.Textbox("", visible=False)
            user = gr.Textbox("", visible=False)
            status = gr.HTML("", js_on_load=None, visible=False)
            button = gr.Button("feedback", visible=False)
        button.click(
            self.fb.feedback, [rating, answer_json, comment, user], status, api_name="feedback"
        )
