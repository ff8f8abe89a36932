"""A term a sentence names only by pointing back ("this target") does not count toward its
coverage of a question: the sentence says what it is about, not what the target is."""

from __future__ import annotations

from assistant.answer.pointed_terms import pointed_only
from ingest.store.text import tokenize


def test_a_term_said_only_after_this_or_that_is_pointed_at() -> None:
    close = "We are very close to achieving this target, but we need more efficiency."
    assert pointed_only(close) == set(tokenize("target"))
    assert pointed_only("Ce projet avance bien.") == set(tokenize("projet"))
    # said plainly too, in the sentence or in its context: no mere pointing
    assert pointed_only("Our target is 800 members; this target is ambitious.") == set()
    assert pointed_only(close, f"Our target is 800 members. {close}") == set()
    assert pointed_only("We plan to double the number of members.") == set()
