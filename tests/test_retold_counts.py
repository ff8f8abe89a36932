"""A count of part of a group the last answer counted ("how many of those were in
Île-de-France?" after "52 projects") is declined when the best sentences give back only the
numbers already said, or count something else ("four of the world's 15 research bodies");
answered when a sentence counts the thing with a new number. Fast: sentences made up as the
evidence of one passage."""

from __future__ import annotations

from fakes import answering

from assistant.answer.condense import Turn, condense
from assistant.answer.declines import decline
from assistant.answer.messages import DECLINE
from assistant.answer.question_kind import QuestionKind
from assistant.answer.retold import retold_decline
from assistant.answer.standalone import Reading
from assistant.retrieval.passage import Passage

FIRST = "How many projects did Vega Health label in 2017?"
LAST = "Vega Health labelled 52 projects in 2017 [1]."
ASKED = "how many of those were in Île-de-France?"
STANDALONE = f"{ASKED} ({FIRST})"


def test_the_follow_up_is_read_with_the_count_before() -> None:
    assert condense(ASKED, [Turn("user", FIRST), Turn("assistant", LAST)]) == STANDALONE


def test_sentences_that_give_back_only_the_number_said_are_declined() -> None:
    report = answering(
        "Vega Health labelled 52 projects in 2017, a record.", "The cluster has 400 members."
    )
    assert retold_decline(ASKED, STANDALONE, LAST, "en", report) == DECLINE["en"]


def test_sentences_that_count_something_else_are_declined() -> None:
    report = answering("Four of the world's 15 research bodies are in Île-de-France.")
    assert retold_decline(ASKED, STANDALONE, LAST, "en", report) == DECLINE["en"]


def test_a_sentence_that_counts_the_part_with_a_new_number_answers() -> None:
    report = answering(
        "Vega Health labelled 52 projects in 2017.",
        "In 2017, 31 projects were carried out in Île-de-France.",
    )
    assert retold_decline(ASKED, STANDALONE, LAST, "en", report) is None


def test_in_french_the_decline_is_french() -> None:
    asked = "combien d'entre eux concernaient l'Île-de-France ?"
    standalone = f"{asked} (Combien de projets Vega Health a-t-il labellisés ?)"
    report = answering("Vega Health labelled 52 projects in 2017.")
    assert (
        retold_decline(asked, standalone, "Vega Health a labellisé 52 projets [1].", "fr", report)
        == (DECLINE["fr"])
    )


def test_no_number_said_or_no_part_asked_leaves_the_answer_alone() -> None:
    report = answering("Vega Health labelled 52 projects in 2017.")
    # the last answer stated no number: nothing was counted to take a part of
    assert retold_decline(ASKED, STANDALONE, "Vega Health is a cluster [1].", "en", report) is None
    # the question asks no part of a group
    whole = "how many projects did Vega Health label?"
    assert retold_decline(whole, f"{whole} ({FIRST})", LAST, "en", report) is None


def test_the_decline_chain_declines_a_count_given_back() -> None:
    """Through ``decline``: the number said again is no answer to the part asked."""
    sentence = "Vega Health labelled 52 projects in 2017, a record."
    reading = Reading(STANDALONE, ASKED, QuestionKind.FACT, ("Vega Health is a cluster.", LAST))
    passages = [Passage("s1", sentence, {"title": "Vega Health report"}, 0.5)]
    assert decline(reading, "en", passages, answering(sentence), []) == DECLINE["en"]


def test_a_sentence_that_places_the_whole_count_in_the_part_asked_answers() -> None:
    # "in France": all 52 are, the count said is the answer; "in Île-de-France" is not said
    report = answering("In 2017, Vega Health labelled 52 projects in France.")
    in_france = "how many of those were in France?"
    assert retold_decline(in_france, f"{in_france} ({FIRST})", LAST, "en", report) is None
    assert retold_decline(ASKED, STANDALONE, LAST, "en", report) == DECLINE["en"]
