"""Follow-ups that point back at what the last exchange named, read as general shapes: an item
by its rank in the last answer ("the second one"), a demonstrative noun phrase ("ce projet"),
a bare question of purpose ("et dans quel but ?"), "ils" after an answer that named one
organisation, and an acknowledgement that opens a follow-up ("Ok, mais ...")."""

from __future__ import annotations

import pytest

from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.listed import listed
from assistant.answer.question_kind import QuestionKind, classify, restate
from assistant.answer.referents import by_rank, fronted


def exchange(question: str, answer: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", answer)]


def asked(follow_up: str, history: list[Turn]) -> str:
    return split_context(condense(follow_up, history))[0]


@pytest.mark.parametrize(
    ("answer", "items"),
    [
        (  # parts joined by "and": the first name of each; an apposition is not an item
            "Alpha Group set up its Paris lab, Beta Works, in 2016, and start-ups such as "
            "Gamma Care call Paris home. [1]",
            ["Alpha Group", "Gamma Care"],
        ),
        ("Lyonbiopole in Lyon and EuroBioMed in Marseille.", ["Lyonbiopole", "EuroBioMed"]),
        (  # short parts a comma separates are items too; an elided article is not a name
            "L'AP-HP et les instituts Curie, Pasteur et Gustave Roussy, avec son partenaire "
            "le Canceropole.",
            ["AP-HP", "Curie", "Pasteur", "Gustave Roussy"],
        ),
        ("Doctolib, une des trois start-ups françaises citées.", ["Doctolib"]),
        (  # a list a colon announces, of common words
            "Stéphane Roques bases it on three pillars: promoting, animating and structuring [1].",
            ["promoting", "animating", "structuring"],
        ),
        (  # what a verb of naming lists, without asides; a term the answer quotes is the item
            'The interview names personalized medicine, biotherapy ("covering gene therapy and '
            'microbiota"), and a sector Alpha calls "Technotherapy".',
            ["personalized medicine", "biotherapy", "Technotherapy"],
        ),
    ],
)
def test_the_items_an_answer_lists(answer: str, items: list[str]) -> None:
    assert listed(answer) == items


@pytest.mark.parametrize(
    ("follow_up", "restated"),
    [
        ("who owns the second one?", "who owns Gamma Care?"),
        ("and the first one, where is it?", "where is Alpha Group?"),
        ("et le dernier ?", "et Gamma Care ?"),
        ("la première, elle est où ?", "Alpha Group, elle est où ?"),
    ],
)
def test_an_item_by_its_rank_is_the_nth_the_last_answer_listed(
    follow_up: str, restated: str
) -> None:
    history = exchange(
        "Which foreign players joined the ecosystem?",
        "Alpha Group set up its Paris lab, Beta Works, in 2016, and start-ups such as Gamma "
        "Care call Paris home.",
    )
    assert asked(follow_up, history) == restated


def test_a_rank_points_at_nothing_before_a_noun_or_after_a_single_name() -> None:
    listing = "Lyonbiopole in Lyon and EuroBioMed in Marseille."
    assert by_rank("when was the first summit held?", listing) == ""  # "first" says which kind
    assert by_rank("and the third one?", listing) == ""  # the answer lists two
    assert by_rank("who owns the second one?", "Doctolib, a start-up.") == ""


@pytest.mark.parametrize(
    ("previous", "answer", "follow_up", "restated"),
    [
        (  # the answer names the supporter: the project is what the question asked about
            "Qui soutient Appli Chimio ?",
            "L'Institut Curie, dans le cadre de la recherche sur le cancer.",
            "Ok, mais c'est quoi exactement ce projet ?",
            "c'est quoi Appli Chimio ?",
        ),
        (
            "Who runs NeuroSpin?",
            "The CEA runs it.",
            "what does this centre do?",
            "what does NeuroSpin do?",
        ),
    ],
)
def test_a_demonstrative_noun_phrase_stands_for_the_thing_named_before(
    previous: str, answer: str, follow_up: str, restated: str
) -> None:
    assert asked(follow_up, exchange(previous, answer)) == restated


def test_a_demonstrative_of_time_points_at_nothing_named() -> None:
    history = exchange("Who supports Appli Chimio?", "The Curie Institute.")
    assert "Appli Chimio" not in asked("and what happened this year?", history)


@pytest.mark.parametrize(
    ("previous", "follow_up", "restated", "kind"),
    [
        (
            "Quelles institutions Medicen veut-il rassembler en oncologie ?",
            "et dans quel but ?",
            "Pourquoi institutions Medicen veut-il rassembler en oncologie, dans quel objectif ?",
            QuestionKind.EXPLAIN,
        ),
        (
            "Who founded the Lab Santé?",
            "why?",
            "Why founded the Lab Santé, with what goal?",
            QuestionKind.EXPLAIN,
        ),
    ],
)
def test_a_bare_question_of_purpose_asks_why_of_the_previous_question(
    previous: str, follow_up: str, restated: str, kind: QuestionKind
) -> None:
    standalone = condense(follow_up, exchange(previous, "Some answer."))
    assert split_context(standalone)[0] == restated
    assert restate(follow_up, standalone, classify(follow_up))[1] == kind


def test_they_stand_for_the_one_organisation_the_last_answer_named() -> None:
    one = exchange(
        "Quelle start-up la MIT Technology Review a-t-elle citée ?",
        "Doctolib, une des trois start-ups françaises citées.",
    )
    assert asked("ils sont où ?", one) == "Doctolib sont où ?"
    two = exchange(
        "Which clusters does Medicen team up with?",
        "Lyonbiopole in Lyon and EuroBioMed in Marseille.",
    )
    assert "they" in asked("what do they do?", two)  # a list: "they" stays


def test_the_second_of_a_list_of_common_words() -> None:
    history = exchange(
        "What is Medicen's strategy?",
        "Stéphane Roques bases it on three pillars: promoting, animating and structuring [1].",
    )
    assert asked("Can you give an example of a project under the second one?", history) == (
        "Can you give an example of a project under animating?"
    )


@pytest.mark.parametrize(
    ("follow_up", "restated"),
    [
        ("what about Curie, where's that one?", "where's Curie?"),
        ("et Pasteur, il est où ?", "Pasteur est où ?"),
        (
            "what about Brussels, what do they want to build there?",
            "what do they want to build in Brussels?",
        ),
    ],
)
def test_a_name_put_first_is_what_the_question_after_it_points_at(
    follow_up: str, restated: str
) -> None:
    assert fronted(follow_up) == restated
    assert fronted("what about Curie?") == ""  # nothing after it points back


def test_a_topic_put_first_is_not_what_the_pronoun_stands_for() -> None:
    history = exchange(
        "Combien d'hôpitaux compte l'AP-HP ?", "39 hôpitaux, avec 100 000 professionnels."
    )
    assert asked("et côté essais cliniques, ils ont combien de centres ?", history) == (
        "et côté essais cliniques, AP-HP ont combien de centres ?"
    )
    # a noun phrase put first is still what the pronoun after it takes up
    region = exchange("Qui finance TERR-eSANTE ?", "La Région Île-de-France.")
    assert "elle a investi" in asked("et la Région, elle a investi dans quoi ?", region)


def test_there_is_at_the_thing_named_before_unless_it_says_something_exists() -> None:
    history = exchange("What is Digital Foundry?", "Digital Foundry is a Paris R&D centre.")
    assert asked("how many engineers work there?", history) == (
        "how many engineers work at Digital Foundry?"
    )
    assert "Digital Foundry" not in asked("and is there a lab?", history)
    assert "at Digital Foundry" not in asked("and are there any labs?", history)


def test_list_them_after_a_count_asks_for_what_was_counted() -> None:
    history = exchange("how many members does Alpha have?", "Alpha has over 400 members [1].")
    assert asked("Can you list them?", history) == "Can you list the members?"
    french = exchange("combien de membres a Alpha ?", "Alpha a plus de 400 membres [1].")
    assert asked("tu peux me les citer ?", french) == "tu peux citer les membres ?"
    assert asked("who are they?", history) != "who are the members?"  # only a verb of listing
    # after a question that asked which of a kind: that question again
    which = exchange("which universities are part of it?", "The article says nine universities.")
    assert asked("name them pls", which) == "which universities are part of it?"
    ones = exchange("which ones does Alpha work with?", "Alpha works with Beta and Gamma.")
    assert asked("name them", ones) != "which ones does Alpha work with?"


def test_a_quoted_term_is_an_item_after_a_verb_that_names_it_only() -> None:
    described = 'Doctolib, described as a "patient booking app", Instacare and Epiderm.'
    assert listed(described)[0] == "Doctolib"


def test_which_ones_in_a_town_of_those_listed_are_among_them() -> None:
    """ "lesquelles sont à Paris ?" after four start-ups: of those four, not every Paris one."""
    history = exchange("quelles start-up ?", "Alpha Care, Beta Care, Gamma Care et Delta Care.")
    assert "Alpha Care" in condense("lesquelles sont à Paris ?", history)


def test_c_est_ou_asks_where_the_thing_named_before_is() -> None:
    history = exchange("Alpha Care, c'est quoi ?", "Alpha Care est une start-up à Orsay.")
    assert asked("c'est où ?", history) == "Alpha Care est où ?"
    assert asked("et c'est quand ?", history).endswith("Alpha Care est quand ?")


def test_the_other_two_borrow_no_name_of_the_previous_question() -> None:
    history = exchange("Did any French start-ups win prizes?", "Three did, including Alpha Care.")
    assert asked("what were the other two?", history) == "what were the other two?"
