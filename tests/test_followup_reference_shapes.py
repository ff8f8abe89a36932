"""Follow-ups read as a person means them, by the shape of the reference (issue 15, answers that
generalise): an item a rank and "you mentioned" point at, an introducer ("such as") that
announces a list, an interjection that only acknowledges ("cool,", "bon tant pis."), an answer
that opens with a quantity ("Half of X's units"), "il" after a question that asked who, and a
French noun phrase typed without the comma that sets it before its pronoun; a question that
puts its own topic first, and a description by kind of the directory's only one of that kind."""

from __future__ import annotations

import pytest

from assistant.answer.condense import Turn, condense, referent_of, split_context
from assistant.answer.descriptions import among, described
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.listed import listed
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind, classify, restate
from assistant.answer.referents import unacknowledged
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.retrieval.passage import Passage


def exchange(question: str, answer: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", answer)]


def asked(follow_up: str, history: list[Turn], known: Gazetteer | None = None) -> str:
    return split_context(condense(follow_up, history, known))[0]


INCUBATORS = exchange(
    "any incubators that could host us?",
    "Incubators such as Alpha Lab, Beta Hub and Gamma Santé host project leaders.",
)


def test_the_items_an_introducer_announces_are_the_list() -> None:
    assert listed(INCUBATORS[1].content) == ["Alpha Lab", "Beta Hub", "Gamma Santé"]
    assert listed("Des pôles comme Lyonbiopole et EuroBioMed.") == ["Lyonbiopole", "EuroBioMed"]


@pytest.mark.parametrize(
    ("follow_up", "restated"),
    [
        ("cool, where's the second one located?", "where's Beta Hub located?"),
        ("and the last one you mentioned - where is it?", "where is Gamma Santé?"),
        ("et le premier que vous avez cité, il est où ?", "Alpha Lab est où ?"),
        ("thanks! and the first one?", "and Alpha Lab?"),
    ],
)
def test_a_rank_and_what_wraps_it_point_at_the_nth_item(follow_up: str, restated: str) -> None:
    assert asked(follow_up, INCUBATORS) == restated


def test_a_rank_restated_as_a_place_question_is_a_locate() -> None:
    follow_up = "cool, where's the second one located?"
    standalone = condense(follow_up, INCUBATORS)
    assert restate(follow_up, standalone, classify(follow_up))[1] == QuestionKind.LOCATE


@pytest.mark.parametrize(
    ("question", "rest"),
    [
        ("bon tant pis. et le labo il est où ?", "et le labo il est où ?"),
        ("Super, et elle compte combien ?", "et elle compte combien ?"),
        ("Nice has a biotech cluster?", "Nice has a biotech cluster?"),  # a city, no stop
        ("great minds work where?", "great minds work where?"),
    ],
)
def test_an_interjection_acknowledges_only_before_a_stop(question: str, rest: str) -> None:
    assert unacknowledged(question) == rest


def test_an_answer_that_opens_with_a_quantity_is_about_what_it_counts() -> None:
    share = exchange(
        "What share of Inserm's research units is located in Île-de-France?",
        "Half of Inserm's units are located in Île-de-France.",
    )
    assert referent_of(share[0].content, share[1].content) == "Inserm"
    assert asked("Which institute does it share projects with?", share) == (
        "Which institute does Inserm share projects with?"
    )
    # "that one" is the name the last answer added to the one the question asked about
    shares = [
        *share,
        *exchange("Which institute does it share projects with?", "Inserm shares with INRIA."),
    ]
    assert asked("And where is that one located?", shares) == "And where is INRIA located?"
    debates = "Over 20 high-level debates, keynote speeches and plenary sessions over 2 days."
    assert referent_of("How many debates were on the programme?", debates) == ""
    # a bare "Yes." first: the sentence after it says what the answer is about
    opened = "Yes. Kardiolib set up its Paris R&D centre, Orion Lab [1]."
    assert referent_of("Has any medtech put R&D in Paris?", opened) == "Kardiolib"


def test_a_thing_asked_by_its_noun_is_the_first_name_the_answer_adds() -> None:
    """ "what projects does Kardiolib foster?" / "One example Kardiolib cites is BIOMIX ...":
    "it" is BIOMIX, the thing the answer gave; a question asking what something is keeps its
    own subject when the answer names nothing new at its opening."""
    projects = exchange(
        "what collaborative projects does kardiolib foster?",
        "One example Kardiolib cites is BIOMIX, a project with Orion and Vega.",
    )
    assert referent_of(projects[0].content, projects[1].content) == "BIOMIX"
    assert asked("What's it about exactly?", projects) == "What's BIOMIX about?"  # hedge dropped
    what = exchange("What is Genopole?", "A biocluster south of Paris, with Evry's labs.")
    assert referent_of(what[0].content, what[1].content) == ""


def test_il_after_a_question_that_asked_who_is_the_person_answered() -> None:
    history = exchange(
        "je suis journaliste, qui est le président de Medicen ?",
        "Le président de Medicen Paris Region est Christian Lajoux.",
    )
    assert asked("il a quel âge ?", history) == "Christian Lajoux a quel âge ?"
    assert asked("et son siège ?", history) == "et le siège de Medicen ?"  # "son": the cluster's


def test_a_noun_phrase_typed_without_its_comma_is_what_its_pronoun_takes_up() -> None:
    history = exchange("c koi TERR-eSANTE ??", "C'est une plateforme que la Région a financée.")
    question = "et le labo e-santé de Sanofi il est où ?"
    assert asked(question, history) == question
    assert asked("et les projets qu'il mène ?", history) != "et les projets qu'il mène ?"


def test_a_name_put_first_before_a_dash_is_what_its_pronoun_takes_up() -> None:
    history = exchange(
        "Where did Sanofi open its e-health lab?", "Sanofi opened its e-health lab in Gentilly."
    )
    question = "What about Servier - where is its R&D centre going, and by when?"
    assert asked(question, history) == question  # "its" is Servier's, not Sanofi's
    assert "Sanofi" in asked("and where is its headquarters?", history)


def test_an_age_is_a_kind_of_value_the_sources_must_hold() -> None:
    assert asked_value("Christian Lajoux a quel âge ?") == "age"
    assert asked_value("how old is Stéphane Roques?") == "age"
    assert asked_value("In the age of AI, who leads Medicen?") != "age"  # an era, no one's age


def test_a_sentence_holds_an_age_when_it_gives_one_or_a_birth() -> None:
    assert holds_value("age", "Christian Lajoux, aged 67, chairs the cluster.")
    assert holds_value("age", "Née en 1962, elle dirige l'institut.")
    assert not holds_value("age", "Christian Lajoux, President of Medicen Paris Region.")


def test_a_question_that_puts_its_own_topic_first_asks_of_it_without_context() -> None:
    history = exchange(
        "Avec quels autres pôles santé Medicen unit-il ses forces ?",
        "Avec Lyonbiopole (Lyon) et EuroBioMed (Marseille).",
    )
    question = "Et des pôles de compétitivité, il y en a combien en France en tout ?"
    assert condense(question, history) == question  # no context of Lyonbiopole to answer
    assert split_context(condense("et son siège, il est où ?", history))[1]  # "son": Medicen's


def _entry(name: str, kind: str) -> Passage:
    meta = {"title": name, "kind": kind, "city": "Paris", "doc_id": f"d#{name}"}
    return Passage(f"p-{name}", f"{name} is a {kind}.", meta, 0.0)


DIRECTORY = Gazetteer.of(
    from_passages(
        [
            _entry("Delta Hôpitaux", "hospital-group"),
            _entry("Vega Lab", "incubator"),
            _entry("Nova Lab", "incubator"),
        ]
    )
)


def test_a_description_by_kind_names_the_directorys_only_organisation_of_that_kind() -> None:
    history = exchange("how much research is done here?", "Half of it, in labs and hospitals.")
    question = "and the big hospital group there, how many staff has it got?"
    assert asked(question, history, DIRECTORY).startswith("and Delta Hôpitaux there, how many")
    assert described("et le groupe hospitalier, il a combien de lits ?", DIRECTORY) == (
        "et Delta Hôpitaux, il a combien de lits ?"
    )
    assert described("and the incubator?", DIRECTORY) == "and the incubator?"  # two of them
    # two of them, one named by the question before: that one
    before = "does the vega lab do anything in e-health?"
    assert described("where's the incubator?", DIRECTORY, before) == "where's Vega Lab?"
    # a question that names one of them is about that one
    assert described("and the Nova Lab incubator?", DIRECTORY, before) == (
        "and the Nova Lab incubator?"
    )
    history = exchange(before, "Yes: it supports an app for patients.")
    assert asked("where's the incubator located then", history, DIRECTORY) == (
        "where's Vega Lab located then?"
    )
    assert described("le rôle des hôpitaux ?", DIRECTORY) == "le rôle des hôpitaux ?"  # a role


def test_an_inverted_pronoun_whose_verb_has_its_own_subject_takes_that_up() -> None:
    history = exchange(
        "L'Île-de-France pèse-t-elle lourd dans les essais cliniques ?",
        "Oui, l'Île-de-France est la première région française pour les essais cliniques.",
    )
    question = "Alors pourquoi tant d'entreprises vont-elles faire leurs essais à l'étranger ?"
    assert asked(question, history) == question
    counted = condense("Et combien d'essais a-t-elle menés ?", history)
    assert "Île-de-France" in counted  # what is counted is no subject: "elle" is the region


def test_among_them_stands_for_what_the_last_answer_counted() -> None:
    history = exchange(
        "Et des pôles de compétitivité, il y en a combien en France ?",
        "Il y a environ 70 pôles de compétitivité en France [1].",
    )
    assert asked("et parmi eux, combien sont solides dans la santé ?", history) == (
        "et parmi les pôles de compétitivité en France, combien sont solides dans la santé ?"
    )
    english = exchange("How many clusters?", "Around 70 competitiveness clusters in France.")
    assert asked("and how many of them are strong in health?", english) == (
        "and how many of the competitiveness clusters in France are strong in health?"
    )
    assert among("and which of them?", "Lyonbiopole and EuroBioMed.") == ""  # nothing counted


def test_who_says_what_the_last_answer_says_is_not_what_it_is_about() -> None:
    """ "Selon son CEO, « we have 400 members »": "ils" stands for what was asked about, not
    for "Selon"."""
    said = exchange("kardiolib a combien de membres ?", "Selon son CEO, « we have 400 members ».")
    assert referent_of(said[0].content, said[1].content) == ""
    assert "Selon" not in asked("et ils veulent doubler ça d'ici quand ?", said)
