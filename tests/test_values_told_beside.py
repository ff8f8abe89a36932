"""A message that asks a value of an organisation and only tells why ("What's Guerbet's annual
revenue? trying to size them as a potential partner") asks a fact: the partner search it tells
of is no question. A message that asks for a partner stays one, and one that tells of a
comparison with a named other side stays a comparison (the side by side gives both values).
Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.question_kind import QuestionKind, classify, values_only


@pytest.mark.parametrize(
    "message",
    [
        "What's Guerbet's annual revenue? trying to size them as a potential partner",
        "How big is Doctolib's budget? we may partner with them",
    ],
)
def test_a_value_asked_beside_a_partner_told_is_a_fact(message: str) -> None:
    assert classify(message) == QuestionKind.FACT


def test_a_partner_or_comparison_keeps_its_kind() -> None:
    assert classify("where is Guerbet? we are looking for a partner") == QuestionKind.PARTNER
    assert classify("compare medicen and cap digital") == QuestionKind.COMPARE
    told = "How many members does Medicen have? To compare with Lyonbiopole."
    assert classify(told) == QuestionKind.COMPARE


def test_values_only_reads_the_part_that_asks() -> None:
    message = "What's Guerbet's annual revenue? trying to size them as a potential partner"
    assert values_only(message, "What's Guerbet's annual revenue?")
    # the whole message asks: nothing is only told
    assert not values_only("compare medicen and cap digital", "compare medicen and cap digital")
    # where is no value: the partner told stays the search
    where = "where is Guerbet? we are looking for a partner"
    assert not values_only(where, "where is Guerbet?")
