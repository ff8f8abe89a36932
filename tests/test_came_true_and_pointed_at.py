"""Questions read for what they ask (issue 15, round 28): whether something came true needs a
sentence that holds what is asked, not a plan on the subject; "how do I submit", "what's the
process for", "comment ... se connecter" ask a procedure; "any sign that X produced Y?" asks
whether it came true; "X or Y, or someone else?" is open, no yes or no; "those centres" points
at what the last answer named; "according to your directory" says where to look, not what is
asked. Made-up organisations, shapes only."""

from __future__ import annotations

import pytest

from assistant.answer import Turn
from assistant.answer.condense import condense
from assistant.answer.organisations import from_passages
from assistant.answer.pointing import points_at_answer
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.value_kinds import asked_value
from assistant.answer.weights import TermWeigher
from assistant.answer.where import located_subject
from assistant.answer.window_said import focus_held
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize


@pytest.mark.parametrize(
    "question",
    [
        "how do i submit a project to the zorfest call for collaborations?",
        "what's the process for getting a trial accepted at one of zorvia's centres?",
        "Comment un médecin libéral peut-il se connecter à la plateforme Zorsanté ?",
        "how can I connect to the Zorsanté platform?",
        "comment soumettre un projet à Zorfest ?",
    ],
)
def test_the_steps_asked(question: str) -> None:
    assert asked_value(question) == "procedure"


@pytest.mark.parametrize(
    "question",
    [
        "What is the process for reviewing the progress of companies at Zorvia?",
        "how can I connect with other players in precision medicine?",
        "comment les entrepreneurs peuvent-ils se connecter aux autres acteurs ?",
        "Comment Zorvia compte-t-il soumettre sa candidature commune à Bruxelles ?",
    ],
)
def test_a_process_described_or_a_network_joined_is_no_steps_asked(question: str) -> None:
    assert asked_value(question) != "procedure"


@pytest.mark.parametrize(
    "question",
    [
        "any sign that zorproj actually produced a new standard for ultrasound?",
        "Is there any evidence that the Zorvia network came together?",
        "any sign the hub produced its virtual platform yet?",
    ],
)
def test_any_sign_asks_whether_it_came_true(question: str) -> None:
    assert asked_value(question) == "outcome"


def test_or_someone_else_opens_the_question() -> None:
    assert asked_value("Does Zorvia see Munich or London as its rival?") == "whether"
    assert asked_value("Does Zorvia see Munich or London as its rival, or someone else?") == ""


WEIGHTS = {"strategi": 3.0, "improv": 3.0, "result": 4.0, "pillar": 3.0}


def test_came_true_needs_what_is_asked_not_only_the_subject() -> None:
    focus = set(WEIGHTS)
    question = "has the three-pillar strategy improved zorvia's results so far?"
    plan = "Hence the strategy I propose is based on three pillars."
    done = "The strategy has improved our results in two years."
    assert not focus_held("outcome", focus, question, plan, WEIGHTS)
    assert focus_held("outcome", focus, question, done, WEIGHTS)
    assert focus_held("whether", focus, question, plan, WEIGHTS)  # a yes or no is not held so


def test_the_words_that_ask_and_the_story_told_after_are_not_what_is_asked() -> None:
    """ "did Zorvia ever set up a lab in Paris? thinking of copying their model": "ever" asks
    whether it came true, the model is the asker's."""
    question = "did Zorvia ever set up a lab in Paris? thinking of copying their model lol"
    weights = {"ever": 3.0, "set": 1.0, "lab": 2.0, "think": 3.0, "model": 3.0}
    window = "Zorvia set up its Paris lab in 2016."
    assert focus_held("outcome", set(weights), question, window, weights)
    assert not focus_held("outcome", set(weights), question, "Zorvia plans a model.", weights)
    # both words that ask it are left out, not only the last: "ever" does not stand for a lab
    twice = "did Zorvia ever actually set up a lab in Paris?"
    asked = {"ever": 3.0, tokenize("actually")[0]: 3.0, "set": 1.0, "lab": 2.0}
    assert focus_held("outcome", set(asked), twice, "Zorvia set up its Paris lab.", asked)
    assert not focus_held("outcome", set(asked), twice, "Now more than ever, we plan.", asked)


def test_those_centres_point_at_what_the_last_answer_named() -> None:
    answer = "Zorvia runs 39 hospitals and four clinical experimentation centers."
    question = "How many projects did those centres run in 2016?"
    assert points_at_answer(question, answer)
    assert not points_at_answer(question, "Zorvia runs 39 hospitals.")
    told = "Where is Zorlab based? I heard that Zorlab is in Paris"  # a conjunction, a name
    assert not points_at_answer(told, "There are 202, including Zorlab and Zorpharm.")
    history = [Turn("user", "Tell me about Zorvia."), Turn("assistant", answer)]
    assert condense(question, history) == f"{question} (Tell me about Zorvia.)"
    assert condense(
        question, [Turn("user", "Tell me about Zorvia."), Turn("assistant", "Hi.")]
    ) == (question)


def test_where_to_look_is_not_what_is_asked() -> None:
    weights = TermWeigher().weights(
        "In which town is Zorvia based, according to your directory?", "en"
    )
    assert "directori" not in weights and "accord" not in weights
    assert "sourc" not in TermWeigher().weights("combien de labos selon vos sources ?", "fr")
    assert "data" in TermWeigher().weights("which start-ups work in the data field?", "en")
    meta = {"title": "Zorvia", "kind": "cluster", "city": "Paris", "doc_id": "dir#zorvia"}
    orgs = from_passages([Passage("p-z", "Zorvia is a cluster in Paris.", meta, 0.0)])
    told = "Running a clinic in Warsaw, I hope to meet Zorvia's team next month. "
    asked = "In which town is Zorvia based, according to your directory?"
    assert [o.name for o in located_subject(told + asked, orgs)] == ["Zorvia"]
    assert classify("according to your directory, where is Zorvia based?") == QuestionKind.LOCATE
    assert classify("Selon vos sources, où se trouve Zorvia ?") == QuestionKind.LOCATE
