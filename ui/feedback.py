"""Feedback on answers: the thumbs on each answer in the conversation, an optional comment, and
the ``/feedback`` endpoint. The store keeps one row per answer and user (the last vote wins); the
user is a random id kept in the browser (``conversations.USER_KEY``).
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.services import FeedbackStore
from ui.alerts import alert
from ui.common import error
from ui.history import chatbot_messages

API_USER = "api"  # the user of /feedback calls that name none


def answer_at(history: Any, answers: Any, index: Any) -> dict[str, Any] | None:
    """The answer record of the assistant message at ``index`` of the Chatbot value."""
    if isinstance(index, (list, tuple)):
        index = index[0]
    if not isinstance(index, int):
        return None
    shown = chatbot_messages(history)
    if not 0 <= index < len(shown) or shown[index]["role"] != "assistant":
        return None
    k = sum(1 for m in shown[: index + 1] if m["role"] == "assistant") - 1
    records = answers if isinstance(answers, list) else []
    record = records[k] if k < len(records) else None
    return record if isinstance(record, dict) and record.get("answer") else None


def thanks(rating: int, comment: bool = False) -> str:
    label = "helpful" if rating == 1 else "not helpful"
    extra = ", with your comment" if comment else ""
    return f'<span class="ph-thanks">&#10003; Recorded as {label}{extra}</span>'


class FeedbackPanel:
    """The handlers of feedback over the store."""

    def __init__(self, store: FeedbackStore) -> None:
        self.store = store

    def feedback(
        self, rating: Any, answer: dict[str, Any] | None, comment: str = "", user: str = ""
    ) -> str:
        """``/feedback``: 1 (helpful) or -1 for the answer record ``/ask`` returned; voting
        again on the same answer replaces the vote."""
        if not isinstance(answer, dict) or not answer.get("answer"):
            raise error("Ask a question first, then rate the answer.")
        try:
            value = int(rating)
        except (TypeError, ValueError):
            value = 0
        if value not in (1, -1):
            raise error("rating is 1 (helpful) or -1 (not helpful)")
        text = (comment or "").strip() or None
        self.store.record_answer(value, answer, text, user_id=(user or "").strip() or API_USER)
        return thanks(value, bool(text))

    def on_like(
        self, history: Any, answers: Any, user: Any, data: gr.LikeData
    ) -> tuple[Any, Any, Any]:
        """A thumb on one answer: (status, the comment row, what was rated)."""
        record = answer_at(history, answers, data.index)
        if record is None:
            message = alert("This answer can no longer be rated.", "warning")
            return message, gr.update(visible=False), None
        if data.liked is True:
            rating = 1
        elif data.liked is False:
            rating = -1
        else:  # a vote taken back: nothing to store
            return "", gr.update(visible=False), None
        self.store.record_answer(rating, record, user_id=str(user or "") or API_USER)
        return thanks(rating), gr.update(visible=True), {"rating": rating, "answer": record}

    def send_comment(self, comment: str, rated: Any, user: Any) -> tuple[Any, Any, Any]:
        """The optional comment on the answer just rated: (status, comment box, comment row)."""
        text = (comment or "").strip()
        if not isinstance(rated, dict) or not text:
            return alert("Rate an answer, then write a comment.", "info"), gr.skip(), gr.skip()
        rating, record = int(rated["rating"]), rated["answer"]
        self.store.record_answer(rating, record, text, user_id=str(user or "") or API_USER)
        return thanks(rating, True), "", gr.update(visible=False)
