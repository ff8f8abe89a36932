"""Feedback on answers: a thumbs up or down and an optional comment, stored in the shared
database (:mod:`ingest.database`: every replica using it lists the same votes). One row per
answer and user: voting again replaces the vote (the last one wins), and a comment sent later
is added to the same row.

Bounded (``docs/reliability.md``): a post's answer record and comment have a size cap, only a
bounded copy of the record is stored (question, answer text, the sources' number, title and
URL), each session and address may send so many votes per window, and past a total size the
store refuses new votes. A vote belongs to the session that gave it (``owner``, a key the server
derives, never a client-supplied id): another session naming the same user creates nothing and
changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, Row, and_, func, insert, select, update

from assistant.services.rate_limit import DatabaseRateLimiter, RateLimiter
from ingest.clock import now_iso
from ingest.database import Database
from ingest.database.tables import feedback
from ingest.limits import LimitError, Limits

ID_CHARS = 64  # a longer id (or user) is replaced by its digest
ANSWER_CHARS = 10_000  # of the answer text kept
MAX_SOURCES = 20  # sources kept with a vote: number, title and URL
TITLE_CHARS = 300
URL_CHARS = 2000


class VoteRefused(LimitError):
    """A vote another session owns: nothing is created or changed."""


def _short(value: str) -> str:
    return value if len(value) <= ID_CHARS else hashlib.sha256(value.encode()).hexdigest()[:32]


def answer_id(answer: Mapping[str, Any]) -> str:
    """The id of an answer record: its ``id`` when it has one, else a digest of its question
    and text (the same answer shown twice gets the same id)."""
    given = str(answer.get("id") or "").strip()
    if given:
        return _short(given)
    text = f"{answer.get('question') or ''}\x00{answer.get('answer') or ''}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def bounded_sources(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What is kept of an answer's sources: number, title and URL of the first few."""
    kept = []
    sources = answer.get("sources")
    for source in sources[:MAX_SOURCES] if isinstance(sources, list) else []:
        if isinstance(source, Mapping):
            n = source.get("n")
            kept.append(
                {
                    "n": n if isinstance(n, int) else None,
                    "title": str(source.get("title") or "")[:TITLE_CHARS],
                    "url": str(source.get("url") or "")[:URL_CHARS],
                }
            )
    return kept


class FeedbackStore:
    """Votes (1 or -1) with the question, answer, sources and a comment; one row per
    ``(answer_id, user_id)``, owned by the session that created it."""

    def __init__(
        self,
        database: Database,
        limits: Limits | None = None,
        *,
        per_session: int = 30,
        per_address: int = 120,
        window_s: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        rate: RateLimiter | DatabaseRateLimiter | None = None,
    ) -> None:
        self.database = database
        self.limits = limits or Limits()
        self.per_session = per_session
        self.per_address = per_address
        self.rate = rate or RateLimiter(window_s, clock=clock)

    def size(self) -> int:
        """Bytes of text the store holds (questions, answers, sources, comments)."""
        with self.database.engine.begin() as conn:
            return self._size(conn)

    @staticmethod
    def _size(conn: Connection) -> int:
        lengths = [func.length(c) for c in (feedback.c.question, feedback.c.answer)]
        lengths += [func.length(c) for c in (feedback.c.sources, feedback.c.comment)]
        total = func.coalesce(func.sum(lengths[0] + lengths[1] + lengths[2] + lengths[3]), 0)
        return int(conn.execute(select(total)).scalar() or 0)

    def record(
        self,
        rating: int,
        question: str,
        answer: str,
        sources: list[dict[str, Any]],
        comment: str | None = None,
        *,
        answer_id: str = "",
        user_id: str = "",
        owner: str = "",
    ) -> int:
        """Store a vote; with an ``answer_id``, the vote of ``user_id`` on that answer replaces
        the previous one (and ``comment=None`` keeps the comment already given). Only ``owner``,
        the session that gave a user's first vote, may vote as that user: :class:`VoteRefused`
        otherwise. A new row past the store's size cap is refused (:class:`LimitError`)."""
        if rating not in (1, -1):
            raise ValueError("rating is 1 (up) or -1 (down)")
        text = None if comment is None else " ".join(comment.split())
        if text is not None:
            self.limits.check_comment(text)
        now = now_iso()
        with self.database.engine.begin() as conn:
            row = self._own_row(conn, answer_id, user_id, owner)
            if row is not None:
                values: dict[str, Any] = {"rating": rating, "updated_at": now}
                if text is not None:
                    values["comment"] = text
                conn.execute(update(feedback).where(feedback.c.id == row.id).values(values))
                return int(row.id)
            self.limits.check_feedback_store(self._size(conn))
            created = conn.execute(
                insert(feedback)
                .values(
                    created_at=now,
                    updated_at=now,
                    rating=rating,
                    question=question,
                    answer=answer,
                    sources=json.dumps(sources, ensure_ascii=False),
                    comment=text or "",
                    answer_id=answer_id,
                    user_id=user_id,
                    owner=owner,
                )
                .returning(feedback.c.id)
            )
            return int(created.scalar_one())

    @staticmethod
    def _own_row(conn: Connection, answer_id: str, user_id: str, owner: str) -> Row[Any] | None:
        """The row of ``user_id``'s vote on ``answer_id`` (None for a first vote), when
        ``owner`` may change it; :class:`VoteRefused` when another session owns the user."""
        row = None
        if answer_id:
            mine = and_(feedback.c.answer_id == answer_id, feedback.c.user_id == user_id)
            query = select(feedback.c.id, feedback.c.owner).where(mine)
            row = conn.execute(query.order_by(feedback.c.id).limit(1)).first()
        if row is not None:
            taken = row.owner != owner
        else:
            others = and_(feedback.c.user_id == user_id, feedback.c.owner != owner)
            taken = conn.execute(select(feedback.c.id).where(others).limit(1)).first() is not None
        if taken:
            raise VoteRefused(
                "this vote was given from another session: only that session can change it"
            )
        return row

    def record_answer(
        self,
        rating: int,
        answer: Mapping[str, Any],
        comment: str | None = None,
        user_id: str = "",
        *,
        owner: str = "",
        session: str = "",
        address: str = "",
    ) -> int:
        """A vote on an answer as ``Answer.to_json()`` wrote it: one row per answer and user.
        The record and comment are checked against their caps, then the rate of ``session``
        and ``address`` (when given); a bounded copy of the record is stored."""
        if rating not in (1, -1):
            raise ValueError("rating is 1 (up) or -1 (down)")
        text = str(answer.get("answer") or "")
        if not text:
            raise ValueError("there is no answer to rate")
        posted = json.dumps(answer, ensure_ascii=False, default=str).encode()
        self.limits.check_feedback_post(len(posted))
        if comment is not None:
            self.limits.check_comment(" ".join(comment.split()))
        keys = {}
        if session:
            keys[f"session:{session}"] = self.per_session
        if address:
            keys[f"address:{address}"] = self.per_address
        self.rate.acquire(keys, what="votes")
        return self.record(
            rating,
            str(answer.get("question") or "")[: self.limits.question_chars],
            text[:ANSWER_CHARS],
            bounded_sources(answer),
            comment,
            answer_id=answer_id(answer),
            user_id=_short(user_id),
            owner=owner,
        )

    def all(self) -> list[dict[str, Any]]:
        with self.database.engine.begin() as conn:
            rows = conn.execute(select(feedback).order_by(feedback.c.id)).mappings().all()
        return [{**dict(r), "sources": json.loads(r["sources"])} for r in rows]
