"""A place finer than the directory holds, asked of a named organisation, is declined saying
what the directory does give: the town of one whose entry has none, the postcode of one whose
entry has its town only. Made-up organisations: no rule is about one question."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import directory_entry

from assistant.answer.messages import DECLINE
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.standalone import Reading
from assistant.answer.unplaced import unplaced_decline
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import from_directory


def placed_entry(name: str, city: str, postcode: str) -> Passage:
    entry = directory_entry(name, "medtech company", city)
    entry.metadata["postcode"] = postcode
    return entry


ORGS = from_passages(
    [
        directory_entry("Kardiolib", "e-health start-up", ""),  # in the region, no town
        directory_entry("Biomedix", "pharma group", "Paris"),  # a town, no postcode
        placed_entry("Neurolab", "Orsay", "91400"),
    ]
)


@pytest.mark.parametrize(
    ("question", "lang", "says"),
    [
        ("kardiolib - which town in IDF are they in?", "en", "does not give the town of Kardiolib"),
        ("Dans quelle ville est Kardiolib ?", "fr", "ne donne pas la commune de Kardiolib"),
        ("Kardiolib, do you have an address?", "en", "town of Kardiolib"),
        ("what is Biomedix's postcode?", "en", "town of Biomedix, Paris, but not its postcode"),
        ("et le code postal de Biomedix ?", "fr", "Paris, mais pas son code postal"),
    ],
)
def test_a_finer_place_than_the_entry_gives_is_declined(
    question: str, lang: str, says: str
) -> None:
    declined = unplaced_decline(question, lang, ORGS)
    assert declined is not None and declined.startswith(DECLINE[lang]), declined
    assert says in declined


@pytest.mark.parametrize(
    "question",
    [
        "where is Kardiolib?",  # where: the sources' words answer (in the region)
        "what is Neurolab's postcode?",  # the entry gives it
        "which town is Neurolab in?",
        "which town is Biomedix in?",
        "which towns host pharma groups?",  # no organisation named
    ],
)
def test_a_place_the_entry_gives_or_a_plain_where_is_not_declined(question: str) -> None:
    assert unplaced_decline(question, "en", ORGS) is None


def test_the_directory_answers_no_postcode_it_lacks() -> None:
    """The where line ("Biomedix is in Paris") is no answer to its postcode: the decline is."""

    def found(question: str) -> str:
        reading = Reading(question, question, classify(question), ())
        assert reading.kind == QuestionKind.LOCATE
        return from_directory(reading, "en", [], ORGS, None)[0]

    assert "Biomedix is in Paris" in found("where is Biomedix?")
    assert found("what is Biomedix's postcode?") == ""
    assert "Neurolab is in 91400 Orsay" in found("what is Neurolab's postcode?")


@pytest.mark.slow
def test_an_unplaced_town_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    town = chat.ask("instacare - which town in IDF are they in?")
    assert not town.grounded and "does not give the town of Instacare" in town.answer, town.answer
    code = chat.ask("what is Sanofi's postcode?")
    assert not code.grounded and "Paris, but not its postcode" in code.answer, code.answer
    assert chat.ask("what is Guerbet's postcode?").grounded
