"""Follow-ups about a person: "he", "she", "lui" stand for a person, never for an organisation
or a place; the directory's names are the gazetteer that tells them apart (a made-up directory
here, so no rule can be about one question)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import directory_entry

from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.organisations import Organisation, from_passages
from assistant.answer.persons import is_person

ORGS: list[Organisation] = from_passages(
    [
        directory_entry("Vega Health", "cluster", "Orsay"),
        directory_entry("Nova Pharma", "pharma-company", "Lyon"),
    ]
)
KNOWN = Gazetteer.of(ORGS)


def exchange(question: str, answer: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", answer)]


def asked(follow_up: str, history: list[Turn]) -> str:
    return split_context(condense(follow_up, history, KNOWN))[0]


def test_an_organisation_or_a_place_of_the_directory_is_no_person() -> None:
    assert is_person("Marie Durand", KNOWN)
    assert not is_person("Vega Health Region", KNOWN)  # three capitalised words: a cluster
    assert not is_person("Orsay Paris Saclay", KNOWN)  # a town of the directory
    assert is_person("Vega Health Region")  # without the directory: capitalised words only


def test_he_stands_for_the_person_not_for_the_organisation_the_answer_names() -> None:
    history = exchange(
        "Who is Marie Durand?", "Marie Durand is the President of Vega Health Region."
    )
    assert asked("How long has he been president there?", history).startswith(
        "How long has Marie Durand been president"
    )


def test_il_with_lui_stands_for_the_person_the_answer_named() -> None:
    history = exchange(
        "Qui préside Vega Health ?", "Marie Durand est la présidente de Vega Health."
    )
    assert asked("et comment il voit le rôle des clusters, lui ?", history) == (
        "et comment Marie Durand voit le rôle des clusters, lui ?"
    )
    # without a word that only a person takes, "il" is still the organisation asked about
    assert asked("et il a été créé quand ?", history) == "et Vega Health a été créé quand ?"


def test_a_persons_company_is_the_organisation_the_last_answer_ties_them_to() -> None:
    history = exchange(
        "Qui est Marie Durand ?",
        "Marie Durand est directrice des opérations de Nova Pharma, une entreprise à Lyon.",
    )
    assert asked("et pourquoi son entreprise a choisi la France ?", history) == (
        "et pourquoi Nova Pharma a choisi la France ?"
    )
    english = exchange("Who is Marie Durand?", "Marie Durand runs operations at Nova Pharma.")
    assert asked("why did his company choose France?", english) == (
        "why did Nova Pharma choose France?"
    )
    # a possessive of something else than a kind of organisation is the person's own
    assert "Nova Pharma" not in asked("what was his career before?", english)


def test_a_pronoun_takes_up_the_noun_phrase_asked_just_before_it() -> None:
    history = exchange(
        "Qui préside Vega Health ?", "Marie Durand est la présidente de Vega Health."
    )
    assert asked("et le directeur général ? il a été nommé quand ?", history) == (
        "le directeur général de Vega Health a été nommé quand ?"
    )
    english = exchange("Who chairs Vega Health?", "Marie Durand chairs Vega Health.")
    assert asked("and the director? when was he appointed?", english) == (
        "when was the director of Vega Health appointed?"
    )


def test_a_noun_phrase_put_first_keeps_the_previous_subject() -> None:
    history = exchange("Combien de membres compte Vega Health ?", "Plus de 400 membres.")
    assert asked("et l'objectif, c'est d'arriver à combien ?", history) == (
        "et l'objectif de Vega Health, c'est d'arriver à combien ?"
    )
    # a phrase that names something frames the question itself
    assert "Vega Health" not in asked("et la Région, elle a investi combien ?", history)


def test_a_name_written_in_lowercase_is_the_directorys_for_it() -> None:
    history = exchange("what is vega health exactly?", "It is a cluster of health companies.")
    assert asked("and when was it set up?", history) == "and when was Vega Health set up?"


def test_that_one_is_the_thing_the_last_answer_was_about() -> None:
    history = exchange("What is the Orion project?", "Orion is a project run by Vega Health.")
    assert asked("Which of Vega Health's pillars is that one an example of?", history) == (
        "Which of Vega Health's pillars is Orion an example of?"
    )


@pytest.mark.slow
def test_the_chat_reads_a_person_by_the_directory_of_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    history = exchange(
        "Who is Christian Lajoux?", "Christian Lajoux is the President of Medicen Paris Region."
    )
    since = chat.ask("Since when has he chaired it?", history)
    assert since.standalone.startswith("Since when has Christian Lajoux chaired"), since.standalone


def test_a_source_that_says_it_is_not_what_the_answer_is_about() -> None:
    """ "The Alpha article quotes ...": "its" stands for the organisation the previous question
    named (lower case, as users type it), not for the article."""
    history = exchange(
        "who's the president of vega health?",
        'The Alpha article quotes "Jean Dupont, President of Vega Health".',
    )
    assert asked("And who is its CEO?", history) == "And who is Vega Health's CEO?"


def test_a_french_possessive_owns_its_noun_and_one_adjective_not_the_verb_after() -> None:
    history = exchange("qu'est-ce que vega health ?", "Vega Health est un pôle à Orsay.")
    assert asked("et son siège social, il est où ?", history) == (
        "et le siège social de Vega Health, il est où ?"
    )
    assert "repose sur quoi de" not in asked("et sa stratégie repose sur quoi ?", history)
