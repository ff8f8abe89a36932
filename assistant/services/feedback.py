"""Feedback on answers: a thumbs up or down and an optional comment, stored in SQLite under the
data directory. One row per answer and user: voting again replaces the vote (the last one wins),
and a comment sent later is added to the same row."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from ingest.clock import now_iso

_COLUMNS = {  # added to a table an older version created
    "answer_id": "TEXT NOT NULL DEFAULT ''",
    "user_id": "TEXT NOT NULL DEFAULT ''",
    "updated_at": "TEXT NOT NULL DEFAULT ''",
}
MAX_COMMENT = 2000


def answer_id(answer: Mapping[str, Any]) -> str:
    """The id of an answer record: its ``id`` when it has one, else a digest of its question
    and text (the same answer shown twice gets the same id)."""
    given = str(answer.get("id") or "").strip()
    if given:
        return given
    text = f"{answer.get('question') or ''}\x00{answer.get('answer') or ''}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class FeedbackStore:
    """Votes (1 or -1) with the question, answer, sources and a comment; one row per
    ``(answer_id, user_id)``."""

    def __init__(self, path: Path) -> None:
        self.path = path

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
        return conn

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
    ) -> int:
        """Store a vote; with an ``answer_id``, the vote of ``user_id`` on that answer replaces
        the previous one (and ``comment=None`` keeps the comment already given)."""
        if rating not in (1, -1):
            raise ValueError("rating is 1 (up) or -1 (down)")
        text = None if comment is None else " ".join(comment.split())[:MAX_COMMENT]
        now = now_iso()
        sources_json = json.dumps(sources, ensure_ascii=False)
        with closing(self._connect()) as conn, conn:
            row = None
            if answer_id:
                row = conn.execute(
                    "SELECT id FROM feedback WHERE answer_id = ? AND user_id = ? "
                    "ORDER BY id LIMIT 1",
                    (answer_id, user_id),
                ).fetchone()
            if row is not None:
                conn.execute(
                    "UPDATE feedback SET rating = ?, updated_at = ?, "
                    "comment = COALESCE(?, comment) WHERE id = ?",
                    (rating, now, text, row[0]),
                )
                return int(row[0])
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, updated_at, rating, question, answer, "
                "sources, comment, answer_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, now, rating, question, answer, sources_json, text or "", answer_id, user_id),
            )
            return int(cursor.lastrowid or 0)

    def record_answer(
        self,
        rating: int,
        answer: Mapping[str, Any],
        comment: str | None = None,
        user_id: str = "",
    ) -> int:
        """A vote on an answer as ``Answer.to_json()`` wrote it: one row per answer and user."""
        text = str(answer.get("answer") or "")
        if not text:
            raise ValueError("there is no answer to rate")
        sources = [dict(s) for s in answer.get("sources") or [] if isinstance(s, Mapping)]
        return self.record(
            rating,
            str(answer.get("question") or ""),
            text,
            sources,
            comment,
            answer_id=answer_id(answer),
            user_id=user_id,
        )

    def all(self) -> list[dict[str, Any]]:
        with closing(self._connect()) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [{**dict(r), "sources": json.loads(r["sources"])} for r in rows]
