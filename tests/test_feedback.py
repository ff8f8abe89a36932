"""Feedback: one row per answer and user, the last vote wins, an optional comment (fast tier)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.services import FeedbackStore
from assistant.services.feedback import answer_id

ANSWER = {
    "question": "How many hospitals does AP-HP have?",
    "answer": "AP-HP has 39 hospitals [1].",
    "sources": [{"n": 1, "title": "AP-HP"}],
}


def test_the_last_vote_wins(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.db")
    first = store.record_answer(1, ANSWER, user_id="u1")
    assert store.record_answer(-1, ANSWER, user_id="u1") == first
    assert store.record_answer(1, ANSWER, user_id="u1") == first
    rows = store.all()
    assert len(rows) == 1 and rows[0]["rating"] == 1
    assert rows[0]["answer_id"] == answer_id(ANSWER) and rows[0]["sources"][0]["title"] == "AP-HP"


def test_one_row_per_user_and_answer(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.db")
    store.record_answer(1, ANSWER, user_id="u1")
    store.record_answer(-1, ANSWER, user_id="u2")
    store.record_answer(-1, {**ANSWER, "answer": "Another answer."}, user_id="u1")
    assert sorted(r["rating"] for r in store.all()) == [-1, -1, 1]


def test_a_comment_is_kept_and_replaced(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.db")
    store.record_answer(-1, ANSWER, "  wrong   number ", user_id="u1")
    store.record_answer(1, ANSWER, user_id="u1")  # a vote without comment keeps it
    assert store.all()[0]["comment"] == "wrong number"
    store.record_answer(1, ANSWER, "fine now", user_id="u1")
    assert [(r["rating"], r["comment"]) for r in store.all()] == [(1, "fine now")]


def test_refuses_bad_votes(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.db")
    with pytest.raises(ValueError):
        store.record_answer(0, ANSWER)
    with pytest.raises(ValueError):
        store.record_answer(1, {"question": "q", "answer": ""})
    assert store.all() == []


def test_an_older_table_gets_the_new_columns(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "feedback.db"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, "
        "rating INTEGER NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, "
        "sources TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("INSERT INTO feedback VALUES (1, 't', 1, 'q', 'a', '[]', '')")
    conn.commit()
    conn.close()
    store = FeedbackStore(path)
    store.record_answer(-1, ANSWER, user_id="u1")
    assert [r["rating"] for r in store.all()] == [1, -1]
