"""A place a follow-up points at ("that département", "the same town") is the one the last
answer names; anyone or anything asked in a place of the directory is what the place holds; an
answer that presents what it names ("C'est l'AP-HP") is about that; the region named in a
question is no follow-up's subject. Made-up organisations in real places of the region."""

from __future__ import annotations

from fakes import directory_entry

from assistant.answer.condense import Turn, condense, referent_of, split_context
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import from_passages
from assistant.answer.place_pointed import departement_in, held_there, place_pointed
from assistant.answer.question_kind import QuestionKind
from assistant.answer.standalone import read_question
from assistant.services.town_answers import town_departement

ORGS = from_passages(
    [
        directory_entry("Biomedix", "medtech company", "Buc"),
        directory_entry("Kardiolib", "pharma group", "Rueil-Malmaison"),
    ]
)
GAZETTEER = Gazetteer.of(ORGS)


def test_the_place_pointed_at_is_the_one_the_last_answer_names() -> None:
    answer = "Biomedix is listed in Buc (78530), in the Yvelines (78) [1]."
    asked = "anyone else listed in that département?"
    assert place_pointed(asked, answer, GAZETTEER) == "anyone else listed in Yvelines?"
    town = "any other pharma groups in that same town?"
    moved = "Kardiolib is in Rueil-Malmaison [1]."
    assert place_pointed(town, moved, GAZETTEER) == "any other pharma groups in Rueil-Malmaison?"
    assert place_pointed("et dans ce département ?", "Buc (78530) [1].", GAZETTEER).endswith(
        "dans Yvelines ?"
    )
    # nothing pointed at, or no place in the answer: as it is
    assert place_pointed("anyone else in Buc?", answer, GAZETTEER) == "anyone else in Buc?"
    assert place_pointed(asked, "It is a cluster [1].", GAZETTEER) == asked
    assert departement_in("a site in 93420 Villepinte") == "Seine-Saint-Denis"


def test_anyone_or_anything_in_a_place_of_the_directory_asks_what_it_holds() -> None:
    assert held_there("anything health-related in Buc?", GAZETTEER)
    assert held_there("anyone else from the research ecosystem listed in Yvelines?", GAZETTEER)
    # an organisation noun alone, a département by its number, a place in lower case
    assert held_there("organisations in the 91 (essonne)?", GAZETTEER)
    assert held_there("anything in the 78?", GAZETTEER)
    assert held_there("companies in buc?", GAZETTEER)
    assert not held_there("anything in particular?", GAZETTEER)
    # not a place of the directory, or a place inside a longer clause
    assert not held_there("do you know anyone in the Curie lab?", GAZETTEER)
    assert not held_there("is anyone in the Paris ecosystem working on imaging?", GAZETTEER)
    assert not held_there("anything on oncology in Buc?", GAZETTEER)  # a topic: the passages
    # "the same département as X" is X's, not the last answer's
    same = "which companies are in the same département as Kardiolib?"
    assert place_pointed(same, "Biomedix is in Buc (78530) [1].", GAZETTEER) == same
    history = [
        Turn("user", "Where is Biomedix?"),
        Turn("assistant", "Biomedix is listed in Buc (78530), in the Yvelines (78) [1]."),
    ]
    reading = read_question(
        "anything else health-related in that département?", history, GAZETTEER, Lexicon()
    )
    assert reading.kind == QuestionKind.LOCATE and "Yvelines" in reading.standalone


def test_an_answer_presenting_what_it_names_is_about_that() -> None:
    answer = "C'est l'AP-HP, le plus grand réseau hospitalier européen [1]."
    assert referent_of("Quel est le plus grand réseau hospitalier d'Europe ?", answer) == "AP-HP"
    history = [Turn("user", "Quel est le plus grand réseau hospitalier d'Europe ?")]
    history.append(Turn("assistant", answer))
    assert "AP-HP" in split_context(condense("et il compte combien d'hôpitaux ?", history))[0]


def test_the_region_a_question_names_is_no_follow_ups_subject() -> None:
    history = [
        Turn("user", "Is Kardiolib actually based in the Paris region?"),
        Turn("assistant", "Yes, in Rueil-Malmaison [1]."),
    ]
    assert split_context(condense("postcode?", history))[0] == "postcode of Kardiolib?"


def test_the_departement_asked_of_what_the_last_answer_placed_is_its_towns() -> None:
    """ "c'est quel département ça ?" after "Kardiolib est à Rueil-Malmaison": that town's,
    answered from an entry placed there; a question naming its own subject stays as it is."""
    moved = "Kardiolib est à Rueil-Malmaison [1]."
    asked = "c'est quel département ça ?"
    assert place_pointed(asked, moved, GAZETTEER) == "c'est quel département ça : Rueil-Malmaison ?"
    assert place_pointed("which département is that in?", moved, GAZETTEER).endswith(
        ": Rueil-Malmaison ?"
    )
    named = "dans quel département est Biomedix ?"
    assert place_pointed(named, moved, GAZETTEER) == named
    region = "Biomedix is a medtech company in the Paris Region [1]."  # no town: Paris is none
    assert place_pointed(asked, region, GAZETTEER) == asked


def test_the_departement_of_a_town_is_that_of_an_entry_placed_there() -> None:
    entry = directory_entry("Biomedix", "medtech company", "Buc")
    entry.metadata.update(postcode="78530", departement="78")
    orgs = from_passages([entry])
    passages: list = []
    found = town_departement("which département is Buc in?", passages, orgs, "en")
    assert found == "78530 Buc is in Yvelines (78) [1]."
    assert town_departement("Buc, c'est quel département ?", [], orgs, "fr").startswith(
        "78530 Buc est dans le département Yvelines (78)"
    )
    assert town_departement("which département is Orsay in?", [], orgs, "en") == ""  # unknown
    assert town_departement("what is in Buc?", [], orgs, "en") == ""  # no département asked
    other = directory_entry("Alpha Lab", "research institute", "Orsay")
    other.metadata.update(postcode="91400", departement="91")
    both = from_passages([entry, other])
    found = town_departement("what department are Orsay and Buc in?", [], both, "en")
    assert found == "91400 Orsay is in Essonne (91) [1]. 78530 Buc is in Yvelines (78) [2]."
