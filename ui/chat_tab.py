"""The Chat tab: ask, watch the answer stream with its sources, rate it, start over.

Endpoints: ``/ask``, ``/new_conversation`` and ``/feedback`` (see ``ui/app.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.answer import Turn
from assistant.services import Answer, ChatService, Delta, FeedbackStore
from ui import render
from ui.common import ANY, error, one_line
from ui.history import chatbot_messages, conversation_turns
from ui.theme import icon

log = logging.getLogger(__name__)

DOC_TYPES = [
    ("Any type", ANY),
    ("Article", "article"),
    ("Interview", "interview"),
    ("Organisation", "organisation"),
    ("Web page", "web-page"),
]
INVESTOR_EXAMPLES = [
    "Why put our R&D centre in the Paris Region?",
    "Which pharma groups are already there?",
    "Who is the single point of contact for oncology?",
]
RESEARCHER_EXAMPLES = [
    "Who runs high-field neuroimaging?",
    "Which institutes should an oncology lab approach?",
    "Qui dirige Medicen ?",
]
CHAT_PLACEHOLDER = (
    "<strong>Ask about the Paris Region health ecosystem.</strong><br>"
    "Every answer cites its sources [n]; when the sources do not say, the assistant says so."
)


def filters(doc_type: str | None, kind: str | None) -> dict[str, str]:
    """The retrieval filters picked in the menus (``any`` or nothing: no filter)."""
    out: dict[str, str] = {}
    for key, value in (("type", doc_type), ("kind", kind)):
        value = (value or "").strip()
        if value and value.lower() != ANY:
            out[key] = value
    return out


class ChatTab:
    """The handlers of the Chat tab over the chat service and the feedback store, and its
    layout (:meth:`build`)."""

    def __init__(self, chat: ChatService, feedback: FeedbackStore) -> None:
        self.chat = chat
        self.feedback = feedback

    # --- handlers --------------------------------------------------------------------------
    def ask(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        doc_type: str | None,
        kind: str | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Stream the answer into the conversation; then its sources and its record."""
        shown = chatbot_messages(history)
        question = " ".join((message or "").split())
        if not question:
            gr.Warning("Type a question first.")
            yield shown, gr.skip(), gr.skip(), message
            return
        turns = conversation_turns(shown)
        shown = [
            *shown,
            {"role": "user", "content": render.md_text(question)},
            {"role": "assistant", "content": ""},
        ]
        yield shown, render.SOURCES_SEARCHING, gr.skip(), ""
        final: Answer | None = None
        for event in self._stream(question, turns, filters(doc_type, kind)):
            if isinstance(event, Answer):
                final = event
            else:
                shown[-1] = {"role": "assistant", "content": render.md_text(event)}
                yield shown, gr.skip(), gr.skip(), ""
        if final is None:
            raise error("Could not answer: no answer came back.")
        key = render.answer_key(final.question, final.answer)
        shown[-1] = {
            "role": "assistant",
            "content": render.answer_markdown(
                final.answer,
                final.sources,
                final.grounded or final.kind == "help",  # the help reply is no decline
                key,
                final.answer_span,
            ),
        }
        sources_html = render.sources_html(final.sources, final.cited, final.grounded, key)
        yield shown, sources_html, final.to_json(), ""

    def _stream(
        self, question: str, turns: list[Turn], picked: dict[str, str]
    ) -> Iterator[str | Answer]:
        """The answer text as it grows, then the final answer; failures as user errors."""
        partial = ""
        try:
            for event in self.chat.stream(question, turns, picked):
                if isinstance(event, Delta):
                    partial += event.text
                    yield partial
                elif isinstance(event, Answer):
                    yield event
        except ValueError as exc:
            raise error(one_line(exc)) from exc
        except Exception as exc:
            log.exception("answering failed")
            raise error(f"Could not answer: {one_line(exc)}") from exc

    def new_conversation(self) -> tuple[Any, ...]:
        return [], render.SOURCES_PLACEHOLDER, None, ""

    def record_feedback(self, rating: Any, answer: dict[str, Any] | None) -> str:
        """Store a thumbs up (1) or down (-1) for the answer record ``/ask`` returned."""
        if not isinstance(answer, dict) or not answer.get("answer"):
            gr.Warning("Ask a question first, then rate the answer.")
            return ""
        try:
            value = int(rating)
        except (TypeError, ValueError):
            value = 0
        if value not in (1, -1):
            raise error("rating is 1 (helpful) or -1 (not helpful)")
        self.feedback.record_answer(value, answer)
        gr.Info("Thanks: your feedback was recorded.")
        label = "helpful" if value == 1 else "not helpful"
        return f'<span class="ph-thanks">&#10003; Recorded as {label}</span>'

    # --- layout ----------------------------------------------------------------------------
    def build(self, kinds: list[tuple[str, str]]) -> None:
        """The tab and its events, inside the app's ``gr.Tabs``."""
        with gr.Tab("Chat", id="chat"):
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=420):
                    self._conversation()
                    self._filters(kinds)
                    self._actions()
                    self._examples()
                with gr.Column(scale=2, min_width=340):
                    self.sources = gr.HTML(
                        render.SOURCES_PLACEHOLDER,
                        js_on_load=None,
                        label="Sources",
                        elem_id="ph-sources-panel",
                        max_height=640,
                    )
            with gr.Accordion("Answer as JSON (for developers)", open=False):
                self.answer_json = gr.JSON(None, label="Last answer", elem_id="ph-answer-json")
        self._wire()

    def _conversation(self) -> None:
        self.chatbot = gr.Chatbot(
            label="Conversation",
            show_label=False,
            elem_id="ph-chatbot",
            height=470,
            placeholder=CHAT_PLACEHOLDER,
            latex_delimiters=[],
            feedback_options=None,
            allow_tags=False,
            sanitize_html=True,
            render_markdown=True,
            buttons=["copy"],
            layout="bubble",
        )
        with gr.Row(elem_classes="ph-ask-row"):
            self.message = gr.Textbox(
                show_label=False,
                container=False,
                scale=8,
                max_lines=4,
                placeholder="Ask about the Paris Region health ecosystem...",
                elem_id="ph-question",
                autofocus=True,
            )
            self.send = gr.Button(
                "Send", variant="primary", scale=1, min_width=90, elem_id="ph-send"
            )

    def _filters(self, kinds: list[tuple[str, str]]) -> None:
        with gr.Row(elem_classes="ph-tools", equal_height=True):
            self.type_filter = gr.Dropdown(
                DOC_TYPES,
                value=ANY,
                label="Document type",
                allow_custom_value=True,
                elem_id="ph-type-filter",
            )
            self.kind_filter = gr.Dropdown(
                kinds,
                value=ANY,
                label="Organisation kind",
                allow_custom_value=True,
                elem_id="ph-kind-filter",
            )

    def _actions(self) -> None:
        with gr.Row(elem_classes="ph-actions", equal_height=True):
            self.up = gr.Button(
                "Helpful",
                icon=icon("thumb_up.svg"),
                size="sm",
                scale=0,
                min_width=110,
                elem_id="ph-up",
            )
            self.down = gr.Button(
                "Not helpful",
                icon=icon("thumb_down.svg"),
                size="sm",
                scale=0,
                min_width=130,
                elem_id="ph-down",
            )
            self.feedback_status = gr.HTML(
                "", js_on_load=None, label="Feedback", elem_id="ph-feedback-status"
            )
            self.new_chat = gr.Button(
                "New conversation", size="sm", scale=0, min_width=160, elem_id="ph-new"
            )
            self.up_value = gr.Number(1, visible=False, precision=0)
            self.down_value = gr.Number(-1, visible=False, precision=0)

    def _examples(self) -> None:
        with gr.Row(elem_classes="ph-examples"):
            for examples, label, elem_id in (
                (INVESTOR_EXAMPLES, "For investors", "ph-ex-investors"),
                (RESEARCHER_EXAMPLES, "For researchers", "ph-ex-researchers"),
            ):
                gr.Examples(
                    examples,
                    inputs=self.message,
                    label=label,
                    api_visibility="private",
                    elem_id=elem_id,
                )

    # --- events ----------------------------------------------------------------------------
    def _wire(self) -> None:
        ask_io: dict[str, Any] = {
            "inputs": [self.message, self.chatbot, self.type_filter, self.kind_filter],
            "outputs": [self.chatbot, self.sources, self.answer_json, self.message],
        }
        self.send.click(self.ask, api_name="ask", **ask_io)
        self.message.submit(self.ask, api_name="ask_submit", api_visibility="private", **ask_io)
        self.new_chat.click(
            self.new_conversation,
            None,
            [self.chatbot, self.sources, self.answer_json, self.feedback_status],
            api_name="new_conversation",
        )
        self.up.click(
            self.record_feedback,
            [self.up_value, self.answer_json],
            self.feedback_status,
            api_name="feedback",
        )
        self.down.click(
            self.record_feedback,
            [self.down_value, self.answer_json],
            self.feedback_status,
            api_name="feedback_down",
            api_visibility="undocumented",
        )
        self.answer_json.change(lambda: "", None, self.feedback_status, api_visibility="private")
