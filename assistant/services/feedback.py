"""Feedback on answers: thumbs up or down, stored in SQLite under the data directory."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from ingest.clock import now_iso


class FeedbackStore:
    """Thumbs up/down with the question, answer and sources (SQLite under the data dir)."""

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
        return conn

    def record(
        self,
        rating: int,
        question: str,
        answer: str,
        sources: list[dict[str, Any]],
        comment: str = "",
    ) -> int:
        if rating not in (1, -1):
            raise ValueError("rating is 1 (up) or -1 (down)")
        with closing(self._connect()) as conn, conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, rating, question, answer, sources, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    now_iso(),
                    rating,
                    question,
                    answer,
                    json.dumps(sources, ensure_ascii=False),
                    comment,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_answer(self, rating: int, answer: Mapping[str, Any], comment: str = "") -> int:
        """Feedback on an answer as ``Answer.to_json()`` wrote it: its question, text, sources."""
        text = str(answer.get("answer") or "")
        if not text:
            raise ValueError("there is no answer to rate")
        sources = [dict(s) for s in answer.get("sources") or [] if isinstance(s, Mapping)]
        return self.record(rating, str(answer.get("question") or ""), text, sources, comment)

    def all(self) -> list[dict[str, Any]]:
        with closing(self._connect()) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [{**dict(r), "sources": json.loads(r["sources"])} for r in rows]
