"""An organisation named after its parent ("GE Healthcare Digital Foundry", under "GE
Healthcare") is mentioned by the words of its own name ("... its Paris R&D center, Digital
Foundry"), as a sentence names it. Fast: fake directory rows."""

from __future__ import annotations

from assistant.answer.organisations import from_passages
from assistant.answer.subjects import mentions, own_name
from assistant.retrieval.passage import Passage


def _entry(name: str, kind: str, city: str, parents: str = "", acronym: str = "") -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "parents": parents, "acronym": acronym}
    meta |= {"doc_id": f"dir#{name.lower()}", "region": "in"}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


ORGS = from_passages(
    [
        _entry("GE Healthcare", "medtech-company", "Buc", acronym="GE"),
        _entry("GE Healthcare Digital Foundry", "medtech-company", "Paris", "GE Healthcare"),
        _entry("Vega Health Lab", "lab", "Orsay", "Vega Health"),  # one word of its own
    ]
)
FOUNDRY = "GE Healthcare Digital Foundry"
SENTENCE = "General Electric Healthcare set up its Paris R&D center, Digital Foundry in 2016"


def test_an_organisation_is_mentioned_by_the_words_of_its_own_name() -> None:
    assert own_name(ORGS[1]) == "Digital Foundry"
    assert mentions(SENTENCE, FOUNDRY, ORGS)


def test_without_its_entry_or_its_own_words_it_is_not_mentioned() -> None:
    assert not mentions(SENTENCE, FOUNDRY, [])  # its parents unknown: its whole name only
    assert not mentions("The foundry opened in 2016.", FOUNDRY, ORGS)
    assert not mentions("a digital platform", FOUNDRY, ORGS)


def test_one_word_after_the_parent_s_name_is_no_name_of_its_own() -> None:
    assert own_name(ORGS[2]) == ""  # "Lab" alone
    assert own_name(ORGS[0]) == ""  # no parent
    assert not mentions("The lab opened in Orsay.", "Vega Health Lab", ORGS)
