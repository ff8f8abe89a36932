"""The organisation a follow-up that names none asks where: "which town exactly? postcode too?"
after "is doctolib a paris region startup" asks where Doctolib is; not "where is that lab?" (a
thing of it), "which town should we pick for our office?" (a place for the asker), nor after a
context that names two organisations. Made-up directory rows."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.organisations import from_passages
from assistant.answer.where_followed import followed_subject

ORGS = from_passages(
    [
        directory_entry("Doctolib", "startup", "Paris"),
        directory_entry("Sanofi", "pharma group", "Paris"),
    ]
)
TOWN = "which town exactly? postcode too?"


def test_a_follow_up_that_asks_only_where_asks_it_of_the_one_named_before() -> None:
    standalone = f"{TOWN} (is doctolib a paris region startup)"
    assert [org.name for org in followed_subject(TOWN, standalone, ORGS)] == ["Doctolib"]


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("where is that lab?", "Sanofi; does sanofi have a lab in paris?"),  # a thing of it
        ("which town should we pick for our office?", "is doctolib a paris region startup"),
        ("where are we located exactly?", "is doctolib a paris region startup"),  # the asker's
        (TOWN, "are doctolib and sanofi in paris?"),  # two named: which one is unsaid
    ],
)
def test_no_organisation_for_a_thing_of_it_the_asker_or_two_named(
    question: str, context: str
) -> None:
    assert followed_subject(question, f"{question} ({context})", ORGS) == []
