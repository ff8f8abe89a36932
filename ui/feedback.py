"""Feedback on answers: the thumbs on each answer in the conversation, an optional comment, and
the ``/feedback`` endpoint. The store keeps one row per answer and user (the last vote wins). A
vote belongs to whoever gave it, as the server knows them: the browser keeps a voter id the
server signed (``conversations.USER_KEY``); an API call is its Gradio session, and a ``user`` it
names is that session's (another session naming it is refused). Caps and rates: the store's.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.services import FeedbackStore
from assistant.services.voter import Voter, VoterTokens, session_owner
from ui.alerts import alert
from ui.common import error, one_line
from ui.history import chatbot_messages
from ui.staff_actions import client_key

NO_SESSION = "No session: reload the page, then rate the answer."


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


def session_of(request: gr.Request | None) -> str:
    return str(getattr(request, "session_hash", "") or "")


class FeedbackPanel:
    """The handlers of feedback over the store."""

    def __init__(self, store: FeedbackStore, tokens: VoterTokens | None = None) -> None:
        self.store = store
        self.tokens = tokens or VoterTokens()

    def voter_token(self, stored: Any) -> str:
        """On page load: the browser's signed voter id, or a new one."""
        return stored if self.tokens.verify(stored) else self.tokens.issue()

    def _vote(self, rating: int, record: Any, comment: str | None, voter: Voter) -> None:
        self.store.record_answer(
            rating,
            record,
            comment,
            voter.user_id,
            owner=voter.owner,
            session=voter.session,
            address=voter.address,
        )

    def feedback(
        self,
        rating: Any,
        answer: dict[str, Any] | None,
        comment: str = "",
        user: str = "",
        request: gr.Request | None = None,
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
        session = session_of(request)
        if not session:
            raise error(NO_SESSION)
        owner = session_owner(session)
        voter = Voter(str(user or "").strip() or owner, owner, session, client_key(request))
        text = (comment or "").strip() or None
        try:
            self._vote(value, answer, text, voter)
        except ValueError as exc:
            raise error(one_line(exc)) from None
        return thanks(value, bool(text))

    def _browser_vote(
        self, rating: int, record: Any, comment: str | None, user: Any, request: Any
    ) -> str | None:
        """A vote from the page; the one-line reason it was refused, else None."""
        session = session_of(request)
        if not session:
            return NO_SESSION
        try:
            self._vote(
                rating, record, comment, self.tokens.voter(user, session, client_key(request))
            )
        except ValueError as exc:
            return one_line(exc)
        return None

    def on_like(
        self, history: Any, answers: Any, user: Any, data: gr.LikeData, request: gr.Request
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
        refused = self._browser_vote(rating, record, None, user, request)
        if refused:
            return alert(refused, "warning"), gr.update(visible=False), None
        return thanks(rating), gr.update(visible=True), {"rating": rating, "answer": record}

    def send_comment(
        self, comment: str, rated: Any, user: Any, request: gr.Request
    ) -> tuple[Any, Any, Any]:
        """The optional comment on the answer just rated: (status, comment box, comment row)."""
        text = (comment or "").strip()
        if not isinstance(rated, dict) or not text:
            return alert("Rate an answer, then write a comment.", "info"), gr.skip(), gr.skip()
        rating, record = int(rated["rating"]), rated["answer"]
        refused = self._browser_vote(rating, record, text, user, request)
        if refused:
            return alert(refused, "warning"), gr.skip(), gr.skip()
        return thanks(rating, True), "", gr.update(visible=False)
