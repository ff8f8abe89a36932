"""Follow-ups that point with "that" or "they" at the one thing the last exchange was about,
and a place asked of it ("is that in Paris proper or out of town?"): read as general shapes,
over a made-up directory, so no rule can be about one question."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.organisations import Organisation, from_passages
from assistant.answer.pointing import needs_context, that_pointing
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.weights import TermWeigher

ORGS: list[Organisation] = from_passages(
    [
        directory_entry("Vega Scan", "research-institute", "Orsay"),
        directory_entry("Nova Care", "startup", "Evry"),
    ]
)
KNOWN = Gazetteer.of(ORGS)


def asked(follow_up: str, question: str, answer: str) -> str:
    history = [Turn("user", question), Turn("assistant", answer)]
    return split_context(condense(follow_up, history, KNOWN))[0]


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("is that in paris proper or out of town?", True),
        ("where is that?", True),
        ("who runs this?", True),
        ("what is that town?", False),  # "that" before the noun it points with
        ("is that company in paris?", False),
        ("why is that?", False),  # what was said, not a thing
        ("is it true that in 2018 they opened a lab?", False),  # a clause joined
        ("the lab that works on cancer, where is it?", False),
    ],
)
def test_that_stands_alone_for_a_thing_only(question: str, pointing: bool) -> None:
    assert (that_pointing(question) is not None) == pointing


def test_that_is_the_organisation_that_answered_who() -> None:
    # the owner's name and the article before the run are not the thing answered
    assert (
        asked(
            "is that in paris proper or out of town?",
            "who does high-field imaging in the region?",
            "The Nova Institute's Vega Scan centre, a high-field imaging centre, one of a kind.",
        )
        == "is Vega Scan in paris proper or out of town?"
    )


def test_after_who_the_thing_asked_about_stays_what_this_project_is() -> None:
    # "who supports X?" / "An institute." -> "what is this project?": X, not who answered
    follow_up = asked("what exactly is this project?", "Who supports Alpha Chemo?", "Vega Scan.")
    assert "Vega Scan" not in follow_up


def test_they_is_the_one_thing_the_last_question_asked_about() -> None:
    # the answer names two things, but the question asked about one: "they" is that one
    answer = "Nova Care is an e-health start-up; a US magazine counted it among the best."
    assert asked("where are they headquartered?", "what's nova care?", answer) == (
        "where are Nova Care headquartered?"
    )
    # asked about a kind, with two names listed in the answer: where each of them is
    listing = "Vega Scan in Orsay and Nova Care in Evry."
    assert asked("where are they headquartered?", "which labs image brains?", listing) == (
        "where are Vega Scan and Nova Care headquartered?"
    )
    # any other thing asked of "they" is left as it is: it may be the list or the kind
    assert "they" in asked("what do they do?", "which labs image brains?", listing)


@pytest.mark.parametrize(
    "question",
    [
        "is Vega Scan in paris proper or out of town?",
        "est-ce que Nova Care est à Paris ?",
        "and is Nova Care located in the region?",
    ],
)
def test_whether_a_thing_is_in_the_city_or_the_region_asks_where_it_is(question: str) -> None:
    assert classify(question) is QuestionKind.LOCATE


def test_in_something_else_than_a_place_is_no_locate_question() -> None:
    assert classify("is Vega Scan in the top 3?") is not QuestionKind.LOCATE


@pytest.mark.parametrize(
    "follow_up", ["et lequel a ouvert un labo dédié à l'e-santé ?", "which one opened a lab?"]
)
def test_which_one_alone_picks_among_what_the_last_answer_named(follow_up: str) -> None:
    history = [
        Turn("user", "quels groupes pharma sont là ?"),
        Turn("assistant", "Parmi eux : Vega Scan, Nova Care et Lyra Bio."),
    ]
    standalone = condense(follow_up, history, KNOWN)
    assert split_context(standalone)[1].count(",") >= 1  # the answer's list is the context
    assert all(name in standalone for name in ("Vega Scan", "Nova Care", "Lyra Bio"))
    # "which" asking of something else is no pick among them
    assert "Lyra Bio" not in condense("which labs work on imaging?", history, KNOWN)


def test_the_x_one_is_the_thing_the_last_answer_named_x() -> None:
    answer = "It rests on three pillars, promoting, structuring and animating [1]."
    assert asked("ok and what does the structuring one mean?", "what's Vega's plan?", answer) == (
        "and what does structuring mean?"
    )
    # words the last answer does not say name no item: left as they are
    assert "the funding one" in asked("and the funding one?", "what's Vega's plan?", answer)


def test_the_words_that_ask_what_something_means_weigh_nothing() -> None:
    weigher = TermWeigher()
    weights = weigher.weights("what does the structuring one mean in practice?", "en")
    assert "structur" in weights and not {"mean", "practic"} & set(weights)
    assert "mean" in weigher.weights("the mean age of the members", "en")


def test_leur_at_the_opening_is_the_one_thing_named_before() -> None:
    answer = "Oui, Nova Care est une start-up e-santé ; un magazine américain l'a citée."
    assert asked("ok et leur siège il est où ?", "Nova Care, c'est une start-up ?", answer) == (
        "et le siège de Nova Care il est où ?"
    )
    # a noun of the question owns it; or the question names its own organisation
    said = asked("pourquoi tant d'entreprises font leurs essais ailleurs ?", "Nova Care ?", answer)
    assert "Nova Care" not in said
    assert "de Nova Care" not in asked("c'est où leur siège à Vega Scan ?", "Nova Care ?", answer)


def test_a_short_question_in_a_conversation_borrows_its_frame() -> None:
    """ "which disease areas mostly?" (three terms) after a question on clinical trials is read
    with it; a question of its own, with more terms or a name, is not."""
    assert needs_context("which disease areas mostly?")
    assert not needs_context("which disease areas do clinical trials cover?")
    assert not needs_context("where is Vega Scan?")
    history = [Turn("user", "is the region good for clinical trials?"), Turn("assistant", "Yes.")]
    assert "clinical trials" in condense("which disease areas mostly?", history, KNOWN)


def test_the_count_of_the_rest_of_a_group_weighs_nothing() -> None:
    """ "and the other two?": how many are asked, not what they are ("two months ago")."""
    weigher = TermWeigher()
    assert "two" not in weigher.weights("and the other two?", "en")
    assert "deux" not in weigher.weights("et les deux autres ?", "fr")
    assert "two" in weigher.weights("two clusters work with Alpha", "en")


def test_a_noun_made_with_ship_is_read_as_the_noun_the_corpus_uses() -> None:
    weigher = TermWeigher()
    weigher.idf = {"member": 2.0, "partner": 2.0}
    assert "member" in weigher.weights("how large is its membership?", "en")
    assert "partner" in weigher.weights("which partnerships?", "en")


def test_that_something_takes_place_weighs_nothing() -> None:
    """ "when does X take place?" asks a date: no "taking place in Paris" for its words."""
    weigher = TermWeigher()
    assert "place" not in weigher.weights("when does the summit take place?", "en")
    assert "lieu" not in weigher.weights("quand a lieu le sommet ?", "fr")
    assert "place" in weigher.weights("which place suits a lab?", "en")
