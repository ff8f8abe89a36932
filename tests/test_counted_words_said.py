"""A count read from a window (a sentence and the one before it) must say the words an English
question puts before the noun it counts: "how many member companies?" is not answered by "three
companies" where no member is said; a word said by its start ("pharma" in "pharmaceutical")
is said, an -ly adverb ("really strong") need not be, a French question and a one-word counted
thing are never refused for it. And the numbers of an outcome asked stand in the window. Shapes
only."""

from __future__ import annotations

import pytest

from assistant.answer.counted_thing import counted_said
from assistant.answer.window_said import counted_in, numbers_said

MEMBERS = "How many member companies does Cap Digital have?"
CAP_DIGITAL = (
    "It is a collaborative project with Cap Digital, with numerous companies. It was led and "
    "launched by three companies (OncoDesign, Intersystem and Servier)."
)
PHARMA = (
    "Another way in which Paris Region is a leader is in hosting the most pharmaceutical "
    "groups. In all, there are 202 establishments"
)
CLUSTERS = "In the health field, we have 5 to 6 very strong competitive clusters in France"


def test_a_word_put_before_the_counted_noun_and_unsaid_is_no_count_of_it() -> None:
    assert not counted_in(MEMBERS, CAP_DIGITAL)
    assert not counted_said("member companies", MEMBERS, CAP_DIGITAL)
    # said, the same count is one
    assert counted_in(MEMBERS, "Cap Digital has 1,000 member companies.")


@pytest.mark.parametrize(
    ("question", "window"),
    [
        # "pharma" said by its start: "pharmaceutical"
        ("how many pharma establishmnts r there in paris region", PHARMA),
        # "really" an -ly adverb: not required
        ("how many really strong health competitiveness clusters are there?", CLUSTERS),
    ],
)
def test_a_word_said_by_its_start_or_an_adverb_counts(question: str, window: str) -> None:
    assert counted_in(question, window)


def test_a_french_question_is_never_refused_for_it() -> None:
    # the same words asked in English are refused: "member" stands before the noun, unsaid
    question = "Combien de sociétés membres compte Cap Digital ?"
    assert counted_in(question, CAP_DIGITAL)
    assert not counted_said("member companies", "how many member companies?", CAP_DIGITAL)


def test_an_adjective_before_the_counted_noun_describes_it() -> None:
    staff = "The AP-HP university hospital center, with 100,000 health care professionals."
    assert counted_in("how many medical professionals does AP-HP employ?", staff)
    assert counted_in("how many high-level clusters has Medicen an agreement with?", staff)
    assert not counted_in("how many nurse professionals does AP-HP employ?", staff)


def test_a_one_word_counted_thing_or_no_count_passes() -> None:
    assert counted_in("how many members does Cap Digital have?", CAP_DIGITAL)
    assert counted_said("members", "how many members?", CAP_DIGITAL)
    assert counted_in("When was Cap Digital founded?", CAP_DIGITAL)  # no count asked


def test_the_numbers_of_an_outcome_asked_stand_in_the_window() -> None:
    assert not numbers_said({"top", "3"}, "It holds a great position globally.")
    assert numbers_said({"top", "3"}, "It ranks in the top 3 worldwide.")
    assert numbers_said({"top", "rank"}, "It holds a great position globally.")  # no number
