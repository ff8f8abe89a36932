"""Feedback: one row per answer and user, the last vote wins, an optional comment; bounded (caps,
rates, a full store) and owned by the session that voted (fast tier)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeClock

from assistant.services import FeedbackStore
from assistant.services.feedback import VoteRefused, answer_id
from assistant.services.voter import Voter, VoterTokens, session_owner
from ingest.database import Database, open_database
from ingest.limits import LimitError, Limits

ANSWER = {
    "question": "How many hospitals does AP-HP have?",
    "answer": "AP-HP has 39 hospitals [1].",
    "sources": [{"n": 1, "title": "AP-HP"}],
}


def test_the_last_vote_wins(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    first = store.record_answer(1, ANSWER, user_id="u1")
    assert store.record_answer(-1, ANSWER, user_id="u1") == first
    assert store.record_answer(1, ANSWER, user_id="u1") == first
    rows = store.all()
    assert len(rows) == 1 and rows[0]["rating"] == 1
    assert rows[0]["answer_id"] == answer_id(ANSWER) and rows[0]["sources"][0]["title"] == "AP-HP"


def test_one_row_per_user_and_answer(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    store.record_answer(1, ANSWER, user_id="u1")
    store.record_answer(-1, ANSWER, user_id="u2")
    store.record_answer(-1, {**ANSWER, "answer": "Another answer."}, user_id="u1")
    assert sorted(r["rating"] for r in store.all()) == [-1, -1, 1]


def test_a_comment_is_kept_and_replaced(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    store.record_answer(-1, ANSWER, "  wrong   number ", user_id="u1")
    store.record_answer(1, ANSWER, user_id="u1")  # a vote without comment keeps it
    assert store.all()[0]["comment"] == "wrong number"
    store.record_answer(1, ANSWER, "fine now", user_id="u1")
    assert [(r["rating"], r["comment"]) for r in store.all()] == [(1, "fine now")]


def test_refuses_bad_votes(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    with pytest.raises(ValueError):
        store.record_answer(0, ANSWER)
    with pytest.raises(ValueError):
        store.record_answer(1, {"question": "q", "answer": ""})
    assert store.all() == []


def test_the_feedback_file_of_an_older_version_is_copied_into_the_database(
    tmp_path: Path,
) -> None:
    """A data directory of an older version kept votes in ``feedback.sqlite`` (the oldest
    without the answer, user and owner columns): they are copied once, the file kept."""
    import sqlite3

    path = tmp_path / "feedback.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, "
        "rating INTEGER NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, "
        "sources TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("INSERT INTO feedback VALUES (1, 't', 1, 'q', 'a', '[]', '')")
    conn.commit()
    conn.close()
    store = FeedbackStore(open_database(None, tmp_path))
    store.record_answer(-1, ANSWER, user_id="u1")
    assert [r["rating"] for r in store.all()] == [1, -1]
    assert (tmp_path / "feedback.sqlite.imported").exists() and not path.exists()
    again = FeedbackStore(open_database(None, tmp_path))  # nothing copied twice
    assert [(r["question"], r["rating"]) for r in again.all()] == [
        ("q", 1),
        (ANSWER["question"], -1),
    ]


# --- bounded: caps, rates, a full store, votes owned by their session (fast, fake clock) -------


def answer_n(n: int, **extra: Any) -> dict[str, Any]:
    return {**ANSWER, "answer": f"Answer number {n} [1].", **extra}


def test_a_hundred_votes_from_one_client(tmp_path: Path, fake_clock: FakeClock) -> None:
    """The first votes of a session are taken, the rest refused on one line until the window
    has passed; the address has its own, larger, rate."""
    store = FeedbackStore(
        Database.at(tmp_path / "feedback.db"),
        per_session=10,
        per_address=25,
        window_s=600,
        clock=fake_clock,
    )
    refused: list[str] = []
    for n in range(100):
        try:
            store.record_answer(1, answer_n(n), user_id="u1", owner="o1", session="s1", address="a")
        except LimitError as exc:
            refused.append(str(exc))
        fake_clock.now += 0.25  # 100 posts in 25 s
    assert len(store.all()) == 10 and len(refused) == 90
    assert all("\n" not in m for m in refused)
    assert refused[0] == "too many votes from this client: try again in 598 s", refused[0]
    size = store.size()
    for n in range(100, 120):  # other sessions from the same address: 15 more, then refused
        with contextlib.suppress(LimitError):
            store.record_answer(
                1, answer_n(n), user_id=f"u{n}", owner=f"o{n}", session=f"s{n}", address="a"
            )
    assert len(store.all()) == 25
    assert store.size() - size < 100_000
    fake_clock.now += 600  # the window has passed
    store.record_answer(1, answer_n(500), user_id="u1", owner="o1", session="s1", address="a")
    assert len(store.all()) == 26


def test_a_post_over_its_caps_is_refused_and_a_bounded_copy_is_kept(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    huge = answer_n(1, sources=[{"n": 1, "title": "t", "text": "x" * 300_000}])
    with pytest.raises(
        LimitError, match=r"the answer record is too large \(300,.* at most 200,000"
    ):
        store.record_answer(1, huge, user_id="u", owner="o")
    with pytest.raises(
        LimitError, match="the comment is too long .2,001 characters, at most 2,000"
    ):
        store.record_answer(1, ANSWER, "c" * 2001, user_id="u", owner="o")
    assert store.all() == []
    big = {
        "question": "q" * 5000,
        "answer": "a" * 50_000,
        "sources": [
            {
                "n": n,
                "title": "T" * 1000,
                "url": "https://x.org/",
                "text": "p" * 1000,
                "metadata": {"k": "v" * 500},
            }
            for n in range(40)
        ],
    }
    store.record_answer(1, big, "c" * 2000, user_id="u", owner="o")
    row = store.all()[0]
    assert len(row["question"]) == 2000 and len(row["answer"]) == 10_000
    assert len(row["sources"]) == 20
    assert row["sources"][0] == {"n": 0, "title": "T" * 300, "url": "https://x.org/"}


def test_a_full_store_refuses_new_votes(tmp_path: Path) -> None:
    store = FeedbackStore(
        Database.at(tmp_path / "feedback.db"), Limits(feedback_store_bytes=40_000)
    )
    store.record_answer(1, answer_n(0), user_id="u", owner="o")
    with pytest.raises(LimitError, match=r"^feedback is full \(.* at most 40,000\): your vote"):
        for n in range(1, 100):
            store.record_answer(1, answer_n(n), "c" * 2000, user_id="u", owner="o")
    count, size = len(store.all()), store.size()
    assert 5 < count < 30 and size < 40_000 + 16_384, (count, size)
    store.record_answer(-1, answer_n(0), user_id="u", owner="o")  # changing a vote still works
    assert store.all()[0]["rating"] == -1 and store.size() == size


def test_a_vote_belongs_to_the_session_that_gave_it(tmp_path: Path) -> None:
    store = FeedbackStore(Database.at(tmp_path / "feedback.db"))
    store.record_answer(1, ANSWER, "mine", user_id="alice", owner="session-a")
    with pytest.raises(VoteRefused, match="another session: only that session can change it"):
        store.record_answer(-1, ANSWER, "overwritten", user_id="alice", owner="session-b")
    with pytest.raises(VoteRefused):  # nor a new vote in that user's name
        store.record_answer(-1, answer_n(2), user_id="alice", owner="session-b")
    assert [(r["rating"], r["comment"]) for r in store.all()] == [(1, "mine")]
    store.record_answer(-1, ANSWER, user_id="alice", owner="session-a")  # the owner can
    store.record_answer(-1, ANSWER, user_id="bob", owner="session-b")  # its own user: a new row
    assert [(r["user_id"], r["rating"]) for r in store.all()] == [("alice", -1), ("bob", -1)]


def test_voter_tokens_are_signed_by_the_server() -> None:
    tokens = VoterTokens()
    token = tokens.issue()
    voter_id = tokens.verify(token)
    assert voter_id and token.startswith(voter_id)
    assert tokens.voter(token, "hash1", "1.2.3.4") == Voter(
        voter_id, "b:" + voter_id, "hash1", "1.2.3.4"
    )
    other = voter_id[:-1] + ("0" if voter_id[-1] != "0" else "1")
    for forged in (other + token[len(voter_id) :], voter_id, "", None, 42, VoterTokens().issue()):
        assert tokens.verify(forged) is None
    by_session = tokens.voter("made-up", "hash1")
    assert by_session.owner == by_session.user_id == session_owner("hash1") != session_owner("h2")
