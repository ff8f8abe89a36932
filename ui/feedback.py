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


def about(record: dict[str, Any], words: int = 8) -> str:
    """The comment box's label: the answer it is about, by the first words of its question."""
    question = " ".join(str(record.get("question") or "").split()).split(" ")
    short = " ".join(question[:words]) + ("\u2026" if len(question) > words else "")
    return f"Tell us more about the answer to \u201c{short}\u201d (optional)"


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
    ) -> tuple[Any, ...]:
        """A thumb on one answer: (status, "Tell us more", the comment box, its text box named
        for the answer, what was rated). The comment box opens only from "Tell us more"."""
        record = answer_at(history, answers, data.index)
        closed = (gr.update(visible=False), gr.update(visible=False), gr.update(value=""))
        if record is None:
            message = alert("This answer can no longer be rated.", "warning")
            return message, *closed, None
        if data.liked is True:
            rating = 1
        elif data.liked is False:
            rating = -1
        else:  # a vote taken back: nothing to store
            return "", *closed, None
        refused = self._browser_vote(rating, record, None, user, request)
        if refused:
            return alert(refused, "warning"), *closed, None
        named = gr.update(value="", label=about(record))
        rated = {"rating": rating, "answer": record}
        return thanks(rating), gr.update(visible=True), gr.update(visible=False), named, rated

    def send_comment(
        self, comment: str, rated: Any, user: Any, request: gr.Request
    ) -> tuple[Any, ...]:
        """The optional comment on the answer rated: (status, text box, comment box, "Tell us
        more", what was rated); sent, the box closes."""
        text = (comment or "").strip()
        if not isinstance(rated, dict) or not text:
            message = alert("Write a comment first, or dismiss the box.", "info")
            return message, *[gr.skip()] * 4
        rating, record = int(rated["rating"]), rated["answer"]
        refused = self._browser_vote(rating, record, text, user, request)
        if refused:
            return alert(refused, "warning"), *[gr.skip()] * 4
        hidden = gr.update(visible=False)
        return thanks(rating, True), "", hidden, hidden, None


def closed() -> tuple[Any, ...]:
    """The comment box closed and forgotten: (status, text box, comment box, "Tell us more",
    what was rated); after a dismissal, a question asked, another conversation."""
    hidden = gr.update(visible=False)
    return "", gr.update(value=""), hidden, hidden, None
