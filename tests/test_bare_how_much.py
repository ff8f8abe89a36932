"""The value a short follow-up asks: "combien exactement ?", "how much exactly?", "et combien en
tout ?" ask a measure of what was just said (a number, whatever it counts or weighs); "how many
exactly?" a count; "ce centre va couter combien ?" a price; the measures announced at an event
its result. Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.questions import COST_QUESTION
from assistant.answer.value_kinds import asked_value


@pytest.mark.parametrize(
    "question",
    [
        "combien exactement ?",
        "how much exactly?",
        "combien ?",
        "how much?",
        "et combien en tout ?",
        "combien exactement de TERR-eSANTE ?",  # what it is of, restated by condense
        "and how much in total?",
    ],
)
def test_a_bare_how_much_asks_a_measure(question: str) -> None:
    assert asked_value(question) == "measure"


def test_how_many_exactly_asks_a_count() -> None:
    assert asked_value("how many exactly?") == "count"


def test_a_cost_asked_after_its_verb_is_a_price() -> None:
    question = "et ce centre va couter combien ?"
    assert COST_QUESTION.search(question)
    assert asked_value(question) == "price"


def test_measures_announced_at_an_event_far_from_the_noun_are_its_result() -> None:
    question = (
        "Which specific measures on drug pricing and clinical trials were announced at the "
        "July 2018 CSIS?"
    )
    assert asked_value(question) == "result"


def test_a_how_much_that_says_more_is_not_bare() -> None:
    assert asked_value("how much does Vega Health weigh in the region?") != "measure"
