"""The Chat tab's handlers: ask (the answer streams, then its sources and record) and start over.

Asking is one handler, :meth:`ChatActions.answer` (its steps as :class:`AskStep`); the ``/ask``
endpoint (:meth:`ChatActions.ask`) and the page's events (``ui/chat_layout.py``) are adapters
over it.
Endpoints: ``/ask`` and ``/new_conversation`` (see ``ui/app.py``); the layout and the events of
the tab are in ``ui/chat_layout.py``, feedback in ``ui/feedback.py``, the conversations kept in the
browser in ``ui/conversations.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.answer import Turn
from assistant.services import Answer, ChatService, Delta
from ui import render
from ui.common import ANY, error, one_line
from ui.history import chatbot_messages, conversation_turns

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

# After a click on an example: the conversation brought into view (on a phone the examples are
# under it, and the answer would appear off-screen above).
SHOW_ANSWER_JS = """() => {
  const chat = document.querySelector('#ph-chatbot');
  if (chat) chat.scrollIntoView({block: 'nearest', behavior: 'smooth'});
  return [];
}"""


def filters(doc_type: str | None, kind: str | None) -> dict[str, str]:
    """The retrieval filters picked in the menus (``any`` or nothing: no filter)."""
    out: dict[str, str] = {}
    for key, value in (("type", doc_type), ("kind", kind)):
        value = (value or "").strip()
        if value and value.lower() != ANY:
            out[key] = value
    return out


@dataclass(frozen=True)
class AskStep:
    """A step of an answer: the conversation shown, the input box, the sources panel of this
    answer (``None``: unchanged) and, last, the answer's record (``Answer.to_json()``)."""

    shown: list[dict[str, Any]]
    message: str = ""
    sources: str | None = None
    record: dict[str, Any] | None = None

    def panel(self) -> Any:
        return gr.skip() if self.sources is None else self.sources

    def record_or_skip(self) -> Any:
        return gr.skip() if self.record is None else self.record


class ChatActions:
    """The handlers of the Chat tab over the chat service."""

    def __init__(self, chat: ChatService) -> None:
        self.chat = chat

    # --- the action: one handler, its steps ---------------------------------------------------
    def answer(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        doc_type: str | None,
        kind: str | None,
    ) -> Iterator[AskStep]:
        """The conversation as the answer streams into it; last, the answer with its sources
        panel (rendered here, once) and its record."""
        shown = chatbot_messages(history)
        question = " ".join((message or "").split())
        if not question:
            gr.Warning("Type a question first.")
            yield AskStep(shown, message)
            return
        turns = conversation_turns(shown)
        shown = [
            *shown,
            {"role": "user", "content": render.md_text(question)},
            {"role": "assistant", "content": ""},
        ]
        yield AskStep(shown, "", render.SOURCES_SEARCHING)
        final: Answer | None = None
        for event in self._stream(question, turns, filters(doc_type, kind)):
            if isinstance(event, Answer):
                final = event
            else:
                shown[-1] = {"role": "assistant", "content": render.md_text(event)}
                yield AskStep(shown)
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
        yield AskStep(shown, "", sources_html, final.to_json())

    # --- API adapter ---------------------------------------------------------------------------
    def ask(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        doc_type: str | None,
        kind: str | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Stream the answer into the conversation; then its sources and its record."""
        for step in self.answer(message, history, doc_type, kind):
            yield step.shown, step.panel(), step.record_or_skip(), step.message

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
