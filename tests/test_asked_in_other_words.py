"""Questions asked in other words than the shapes knew (issue 15, round 23), read as what
they ask: a thing made or fetched for the user is an errand ("write python code to scrape the
aphp website", "send him a linkedin msg for me"); a price asked without its article ("how much
is medicen membership per yr"); a choice between two ("should our start-up pick Paris or
Boston?"), an opinion asked "in your personal opinion"; a location asked by its noun alone
("guerbet location?"); "which town is X in exactly?" names no town; "their base" is no verb
of settling; a follow-up that points back ("combien de chercheurs vont y bosser ?") is asked of
what the question before named; "a cluster that can introduce us" seeks a go-between. Shapes
only."""

from __future__ import annotations

import pytest

from assistant.answer.abbreviations import read_abbreviations, read_contractions
from assistant.answer.addressed import about_assistant, asks_to_act
from assistant.answer.declines import followed
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.shapes import sets_up, town_asked
from assistant.answer.standalone import Reading
from assistant.answer.value_kinds import asked_value
from assistant.services.sought_kinds import sought_kinds


def meant(message: str) -> str:
    """The message with its texting written out, as the chat reads it."""
    return read_contractions(read_abbreviations(message))


@pytest.mark.parametrize(
    "message",
    [
        "write python code to scrape the aphp website",
        "can you write me a script that lists the incubators?",
        "scrape the medicen member list",
        "can u send him a linkedin msg for me asking for a meeting",
        "scrape inserm's website for lab names",
        "can u msg medicen for me",
        "écris-moi un script pour récupérer l'annuaire",
    ],
)
def test_a_thing_made_or_fetched_for_the_user_is_an_errand(message: str) -> None:
    assert asks_to_act(meant(message))


@pytest.mark.parametrize(
    "message",
    [
        "who writes the code at Doctolib?",
        "what is the website of AP-HP?",
        "which apps connect patients with doctors?",
        "what did the scraper find on the site?",
    ],
)
def test_asking_about_code_or_a_website_is_a_question(message: str) -> None:
    assert not asks_to_act(message)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how much is medicen membership per year", "price"),
        ("how much is the membership?", "price"),
        ("how much is a ticket for MedXperience?", "price"),
        ("should our start-up pick Paris or Boston?", "comparison"),
        ("on devrait choisir Paris ou Lyon ?", "comparison"),
        ("how much is medicen's membership growing?", ""),
        ("how much is medicen membership now?", ""),  # the members counted, not a price
        ("quels incubateurs choisir à Paris ou Saclay ?", ""),  # a list in two places
        ("help me choose a pharma partner in Rueil or Suresnes", ""),
        ("which town should we pick?", "place"),
    ],
)
def test_the_value_asked_in_other_words(question: str, kind: str) -> None:
    assert asked_value(question) == kind


def test_leads_one_after_the_other_lead_the_question_in() -> None:
    asked = "honestly, in your opinion, why would we pick Paris?"
    assert classify(asked) == QuestionKind.EXPLAIN


@pytest.mark.parametrize(
    "question",
    ["guerbet location?", "Institut Curie location", "localisation de Guerbet ?"],
)
def test_a_location_asked_by_its_noun_alone_is_a_locate_question(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE


@pytest.mark.parametrize(
    "question",
    [
        "How many employees does Pharm-Olam have at its Paris location?",
        "is paris a good location?",
        "new R&D centre location?",
    ],
)
def test_a_location_that_frames_another_value_is_no_locate_question(question: str) -> None:
    assert classify(question) != QuestionKind.LOCATE


def test_which_town_x_is_in_exactly_names_no_town() -> None:
    assert town_asked("which town is guerbet in exactly?") == ""
    assert town_asked("which organisations are in Villejuif?") == "Villejuif"


@pytest.mark.parametrize(
    ("question", "settles"),
    [
        ("where is their base?", False),
        ("where's their french base then, which département?", False),
        ("where should we base our lab?", True),
        ("where should we base?", True),
        ("where would you base a medtech start-up?", True),
    ],
)
def test_base_the_noun_is_no_verb_of_settling(question: str, settles: bool) -> None:
    assert sets_up(question) == settles


@pytest.mark.parametrize(
    "message",
    [
        "wat kind of stuff can i ask u about",
        "What sources do you base your answers on, and can you tell me which document each "
        "answer comes from?",
    ],
)
def test_help_asked_in_other_words(message: str) -> None:
    assert about_assistant(meant(message))


def test_texting_with_and_what_are_written_out() -> None:
    assert meant("startups that connect patients w doctors") == (
        "startups that connect patients with doctors"
    )


def test_a_follow_up_pointing_back_is_asked_of_what_the_question_before_named() -> None:
    asked = "et combien de chercheurs vont y bosser ?"
    context = "Does Servier plan an R&D centre in the Paris region?"
    reading = Reading(f"{asked} ({context})", asked, QuestionKind.FACT, ("Yes: by 2021.",))
    assert followed(reading) == context.rstrip("?")
    # one that names what it asks of, pointing nowhere, is asked as it stands
    asked = "how many researchers work at the Institut Curie in Paris?"
    reading = Reading(f"{asked} ({context})", asked, QuestionKind.FACT, ("Yes: by 2021.",))
    assert followed(reading) == ""
    # "il y a", "are there" and a frame of its own ("dans la région") point nowhere
    for asked in (
        "et combien d'établissements pharma y a-t-il dans la région en tout ?",
        "and how many big pharma sites are there overall?",
        "how many researchers will work there in the Paris region by 2021?",
    ):
        reading = Reading(f"{asked} ({context})", asked, QuestionKind.FACT, ("Yes: by 2021.",))
        assert followed(reading) == "", asked


def test_the_one_sought_by_what_it_could_do_is_a_go_between() -> None:
    question = (
        "We're a Boston medtech start-up and we need a local cluster that can introduce us to "
        "hospitals in Île-de-France. Who should we approach?"
    )
    assert "cluster" in sought_kinds(question)
    assert sought_kinds("which pharma groups could we partner with?") == ("pharma-group",)
