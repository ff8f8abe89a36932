"""An organisation whose name opens with an acronym ("CCI Paris Île-de-France") is named too
with the acronym last ("the Paris Île-de-France CCI"), as English writes it. Fast: fake
directory rows."""

from __future__ import annotations

from fakes import directory_entry

from assistant.answer.organisations import from_passages, named_in

ORGS = from_passages(
    [
        directory_entry("CCI Paris Île-de-France", "public body", "Paris"),
        directory_entry("Vega Health", "cluster", "Orsay"),
        directory_entry("Cancer Research Hub", "research institute", "Villejuif"),
    ]
)


def test_a_name_with_its_opening_acronym_put_last_names_the_organisation() -> None:
    found = named_in("founded by the Paris Île-de-France CCI and Vega Health", ORGS)
    assert [o.name for o in found] == ["CCI Paris Île-de-France", "Vega Health"]
    assert [o.name for o in named_in("the Paris Ile-de-France CCI", ORGS)] == [
        "CCI Paris Île-de-France"
    ]


def test_a_name_that_opens_with_a_word_is_not_turned_round() -> None:
    assert named_in("the Research Hub Cancer", ORGS) == []
    assert [o.name for o in named_in("the Cancer Research Hub", ORGS)] == ["Cancer Research Hub"]
