"""What a question asks about when a name in lower case owns what follows ("servier's new R&D
centre:"): the owner and all it owns, not the capitalised word inside ("R&D"). Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.referents import subject_in


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("servier's new R&D centre:", "servier's new R&D centre"),
        ("servier's new R&D centre is in which town?", "servier's new R&D centre"),
    ],
)
def test_a_lower_case_owner_keeps_what_it_owns(question: str, subject: str) -> None:
    assert subject_in(question) == subject


def test_a_name_owned_by_no_one_is_the_subject_alone() -> None:
    assert subject_in("what's R&D?") == "R&D"
    assert subject_in("What is Incuballiance?") == "Incuballiance"
    assert subject_in("Tell me about Medicen's precision medicine hub.") == (
        "Medicen's precision medicine hub"
    )


def test_the_owned_phrase_stops_after_the_noun_of_the_last_name() -> None:
    """The words owned stop at the head noun after the capitalised name ("hub"), not at the
    verb ("opened") nor the question word."""
    assert subject_in("vega's Paris hub opened when?") == "vega's Paris hub"
