"""An errand the assistant is asked to run on a booking ("confirm my meeting with X",
"confirme mon inscription", "register 3 people from our company for X") is an action it
declines; "confirm" of a fact ("confirm town and postcode please", "confirme leur adresse ?")
asks whether the fact is so, a question it answers. Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.addressed import asks_to_act


@pytest.mark.parametrize(
    "message",
    [
        "confirm my meeting with Medicen",
        "please confirm our registration for medxperience",
        "confirme mon inscription à MedXperience",
        "can you confirm my booking",
        "confirme la réunion",
        # people signed up, counted or named by what they are
        "please register 3 people from our company for MedXperience",
        "register me for medxperience",
        "can you register two colleagues for the summit?",
    ],
)
def test_a_booking_confirmed_or_people_registered_is_an_errand(message: str) -> None:
    assert asks_to_act(message)


@pytest.mark.parametrize(
    "message",
    [
        "lilly france is in neuilly right? confirm town and postcode please",
        "can you confirm the town of Lilly?",
        "confirme leur adresse ?",
        "can you confirm the postcode of Guerbet?",
        "confirme l'adresse de Guerbet ?",
    ],
)
def test_a_fact_to_confirm_is_a_question(message: str) -> None:
    assert not asks_to_act(message)


def test_the_other_errands_on_an_appointment_still_are_errands() -> None:
    assert asks_to_act("cancel my meeting with Medicen")
    assert asks_to_act("reschedule the call with Genopole")
    assert asks_to_act("annule mon rendez-vous avec Medicen")
    assert asks_to_act("invite Medicen to our demo day")
