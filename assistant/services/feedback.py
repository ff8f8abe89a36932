"""Feedback on answers: a thumbs up or down and an optional comment, stored in SQLite under the
data directory. One row per answer and user: voting again replaces the vote (the last one wins),
and a comment sent later is added to the same row.

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
import sqlite3
import time
from collections.abc import Callable, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from assistant.limits import LimitError, Limits
from assistant.services.rate_limit import RateLimiter
from ingest.clock import now_iso

_COLUMNS = {  # added to a table an older version created
    "answer_id": "TEXT NOT NULL DEFAULT ''",
    "user_id": "TEXT NOT NULL DEFAULT ''",
    "updated_at": "TEXT NOT NULL DEFAULT ''",
    "owner": "TEXT NOT NULL DEFAULT ''",
}
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
        path: Path,
        limits: Limits | None = None,
        *,
        per_session: int = 30,
        per_address: int = 120,
        window_s: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.limits = limits or Limits()
        self.per_session = per_session
        self.per_address = per_address
        self.rate = RateLimiter(window_s, clock=clock)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "created_at TEXT NOT NULL, rating INTEGER NOT NULL, question TEXT NOT NULL, "
            "answer TEXT NOT NULL, sources TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '')"
        )
        have = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
        for name, spec in _COLUMNS.items():
            if name not in have:
                conn.execute(f"ALTER TABLE feedback ADD COLUMN {name} {spec}")
        conn.execute("CREATE INDEX IF NOT EXISTS feedback_user ON feedback (user_id, answer_id)")
        return conn

    def size(self) -> int:
        """Bytes the store takes on disk (the database and its journal)."""
        files = (self.path, self.path.with_name(self.path.name + "-journal"))
        return sum(f.stat().st_size for f in files if f.exists())

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
        with closing(self._connect()) as conn, conn:
            row = None
            if answer_id:
                row = conn.execute(
                    "SELECT id, owner FROM feedback WHERE answer_id = ? AND user_id = ? "
                    "ORDER BY id LIMIT 1",
                    (answer_id, user_id),
                ).fetchone()
            self._check_owner(conn, row, user_id, owner)
            if row is not None:
                conn.execute(
                    "UPDATE feedback SET rating = ?, updated_at = ?, "
                    "comment = COALESCE(?, comment) WHERE id = ?",
                    (rating, now, text, row[0]),
                )
                return int(row[0])
            self.limits.check_feedback_store(self.size())
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, updated_at, rating, question, answer, sources, "
                "comment, answer_id, user_id, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    now,
                    rating,
                    question,
                    answer,
                    json.dumps(sources, ensure_ascii=False),
                    text or "",
                    answer_id,
                    user_id,
                    owner,
                ),
            )
            return int(cursor.lastrowid or 0)

    @staticmethod
    def _check_owner(conn: sqlite3.Connection, row: Any, user_id: str, owner: str) -> None:
        if row is not None:
            taken = row[1] != owner
        else:
            taken = bool(
                conn.execute(
                    "SELECT 1 FROM feedback WHERE user_id = ? AND owner != ? LIMIT 1",
                    (user_id, owner),
                ).fetchone()
            )
        if taken:
            raise VoteRefused(
                "this vote was given from another session: only that session can change it"
            )

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
        with closing(self._connect()) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [{**dict(r), "sources": json.loads(r["sources"])} for r in rows]
