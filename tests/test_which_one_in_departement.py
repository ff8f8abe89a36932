"""Which of the organisations just named is in a département, typed in lower case or by its
number ("lequel est en seine-saint-denis ?", "which of them is in the 93?"): a question of
where, not one of what they are in ("which of them is in charge?"). Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.seeking import WHICH_ONE_IN


@pytest.mark.parametrize(
    "question",
    [
        "lequel est en seine-saint-denis ?",
        "which of them is in the 93?",
        "which of them is in 92?",
        "laquelle est dans les hauts-de-seine ?",
        "which one is in essonne?",
        "Which of them is in Essonne?",  # as before: a capital
    ],
)
def test_which_one_is_in_a_departement_however_typed(question: str) -> None:
    assert WHICH_ONE_IN.search(question)


@pytest.mark.parametrize(
    "question", ["which of them is in charge?", "lequel est en tête ?", "which is in the lead?"]
)
def test_what_they_are_in_is_no_place(question: str) -> None:
    assert not WHICH_ONE_IN.search(question)


def test_which_one_in_a_departement_in_lower_case_asks_where() -> None:
    assert classify("lequel est en seine-saint-denis ?") == QuestionKind.LOCATE
