"""The others of a kind in a place ("y a d'autres labos pharma dans Rueil-Malmaison ?") and
whoever else a place holds ("qui d'autre est installé à Rueil-Malmaison ?", "who else is in
Rueil-Malmaison?"): a question about what the directory lists there. Made-up organisations in
real places of the region."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.gazetteer import Gazetteer
from assistant.answer.kind_in_place import KIND_IN_PLACE
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.organisations import from_passages
from assistant.answer.place_pointed import held_there

ORGS = from_passages(
    [
        directory_entry("Biomedix", "medtech company", "Buc"),
        directory_entry("Kardiolib", "pharma group", "Rueil-Malmaison"),
    ]
)
GAZETTEER = Gazetteer.of(ORGS)
OTHER_LABS = "y a d'autres labos pharma dans Rueil-Malmaison ?"


@pytest.mark.parametrize(
    "question",
    [
        OTHER_LABS,
        "il y a des laboratoires à Buc ?",
        "are there other labs in Buc?",
        "any other labs in Rueil-Malmaison?",
    ],
)
def test_others_of_a_kind_in_a_place_are_a_kind_in_a_place(question: str) -> None:
    assert KIND_IN_PLACE.match(question)


def test_the_kind_of_the_others_asked_is_the_kind_named() -> None:
    assert asked_kinds(OTHER_LABS) == ("pharma-group",)


@pytest.mark.parametrize(
    "question",
    [
        "qui d'autre est installé à Rueil-Malmaison ?",
        "who else is in Rueil-Malmaison?",
        "who else is in Buc?",
    ],
)
def test_who_else_is_in_a_place_asks_what_it_holds(question: str) -> None:
    assert held_there(question, GAZETTEER)


@pytest.mark.parametrize(
    "question",
    [
        "who else is in charge?",  # no place
        "who else is in Lyon?",  # no place of the directory
        "who else is working on imaging in Buc?",  # a topic: the passages
        "who is in Buc?",  # no one else asked
    ],
)
def test_who_else_without_a_place_of_the_directory_is_not_what_it_holds(question: str) -> None:
    assert not held_there(question, GAZETTEER)
