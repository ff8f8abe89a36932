"""Questions read as asked (issue 15, round 29): an indirect question ("tell me where X is
based", "savez-vous si X est à Paris ?") asked directly; a French where-question with its subject
before the inverted verb ("où X est-il installé ?", "Et X, où est-il installé ?"); keywords that
ask where or how many ("x city", "nb pharma sites"); a name typed without its hyphen ("zorhp");
who says it ("D'après X, ...") is no subject; help asked by a newcomer; "which big pharma are
...?" asks for a list. Made-up organisations, shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.indirect import asked_directly
from assistant.answer.lexicon import Lexicon
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.spelling import respell
from assistant.answer.standalone import as_meant
from assistant.answer.subjects import subject_names
from assistant.answer.terse import asked_in_full


@pytest.mark.parametrize(
    ("message", "direct"),
    [
        ("Tell me where Zorvia is based in France.", "where is Zorvia based in France?"),
        ("can you tell me where Zorvia is?", "where is Zorvia?"),
        ("do you know where the Zorvia lab is located?", "where is the Zorvia lab located?"),
        ("I would like to know when Zorvia was founded.", "when was Zorvia founded?"),
        ("tell me how big Zorvia is", "how big is Zorvia?"),
        ("tell me who the CEO of Zorvia is", "who is the CEO of Zorvia?"),
        ("do you know if Zorvia is in Paris?", "is Zorvia in Paris?"),
        # what is counted is the subject: no auxiliary put before it
        (
            "can you tell me how many staff are there at Zorvia?",
            "how many staff are there at Zorvia?",
        ),
        ("dites-moi où se trouve Zorvia", "où se trouve Zorvia ?"),
        ("savez-vous si Zorvia est à Paris ?", "est-ce que Zorvia est à Paris ?"),
        ("où Zorvia est-il installé ?", "où est-ce que Zorvia est installé ?"),
        ("Et Zorvia, où se trouve-t-il ?", "où se trouve Zorvia ?"),
        (
            "Je veux rejoindre Zorlab : où cet incubateur est-il installé ?",
            "Je veux rejoindre Zorlab : où est-ce que cet incubateur est installé ?",
        ),
    ],
)
def test_an_indirect_question_is_asked_directly(message: str, direct: str) -> None:
    assert asked_directly(message) == direct


@pytest.mark.parametrize(
    "message",
    [
        "tell me about Zorvia",
        "do you know Zorvia?",
        "où se trouve-t-il ?",  # a pronoun, not a subject before the verb
        "où en est-il ?",
        "Merci, où est-il installé ?",  # an opening word, no name put first
        "Ok, où se trouve-t-elle ?",
        "Où Zorvia a-t-il ouvert son laboratoire ?",  # where it did something: a fact
        "Comment un médecin peut-il se connecter à la plateforme Zorsanté ?",  # not a where
        "Where is Zorvia?",
    ],
)
def test_what_is_no_indirect_question_stays(message: str) -> None:
    assert asked_directly(message).rstrip(" ?") == message.rstrip(" ?")


@pytest.mark.parametrize(
    "message",
    [
        "Tell me where Zorvia is based in France.",
        "savez-vous où est Zorvia ?",
        "où Zorvia est-il installé ?",
        "Et Zorvia, où se trouve-t-il ?",
        "zorvia city",
        "ville de zorvia",
    ],
)
def test_asked_as_meant_it_is_a_where_question(message: str) -> None:
    assert classify(message) != QuestionKind.LOCATE
    assert classify(as_meant(message, Lexicon())) == QuestionKind.LOCATE


@pytest.mark.parametrize(
    ("message", "full"),
    [
        ("zorvia city", "where is zorvia?"),
        ("ville de zorvia", "où se trouve zorvia ?"),
        ("zorvia hq?", "where is zorvia?"),
        ("number of zorvia sites", "how many zorvia sites?"),
        ("nombre de membres zorvia", "combien de membres zorvia ?"),
        ("any other companies in that town?", "any other companies in that town?"),
        ("zorvia members count", "how many members zorvia?"),  # the name is not counted
        ("zorvia count", "zorvia count"),  # no plural noun counted
        ("where is the zorvia city office?", "where is the zorvia city office?"),
        ("zorvia website address", "zorvia website address"),  # no place
        ("zorvia email address", "zorvia email address"),
    ],
)
def test_keywords_are_asked_in_full(message: str, full: str) -> None:
    assert asked_in_full(message) == full


def test_nb_is_read_as_number() -> None:
    assert as_meant("nb zorvia sites", Lexicon()) == "how many zorvia sites?"
    assert as_meant("nb de membres zorvia", Lexicon()) == "combien de membres zorvia ?"
    assert as_meant("zorvia employees nb", Lexicon()) == "how many employees zorvia?"


def test_a_name_typed_without_its_hyphen_is_read_as_spelt() -> None:
    lexicon = Lexicon()
    words = {"zor-hp", "start-ups", "staff", "the"}
    assert respell("how many staff at zorhp?", lexicon, lambda t: False, words) == (
        "how many staff at zor-hp?"
    )
    # a compound of words is read by its terms already: "startups" stays
    assert respell("which startups?", lexicon, lambda t: False, words) == "which startups?"


def test_who_says_it_is_no_subject() -> None:
    assert subject_names("D'après Zoé Zorlin, combien de pôles compte Zorvia ?", []) == ["Zorvia"]
    assert subject_names("how many members does Zorvia have, according to Zoé Zorlin?", []) == [
        "Zorvia"
    ]


@pytest.mark.parametrize(
    "message",
    [
        "hi, I'm new here, what can you tell me about?",
        "Could you explain what you can do and what topics I can ask about?",
        "pourriez-vous m'expliquer ce que vous savez faire ?",
    ],
)
def test_help_asked_by_a_newcomer_or_to_explain_itself(message: str) -> None:
    assert classify(message) == QuestionKind.HELP


@pytest.mark.parametrize("message", ["can you explain the three pillars?", "explain Zorvia"])
def test_explain_of_a_topic_is_no_help(message: str) -> None:
    assert classify(message) != QuestionKind.HELP


@pytest.mark.parametrize(
    "question",
    ["which big pharma are present in idf?", "which zor pharma were set up in Orsay?"],
)
def test_a_plural_verb_after_what_is_picked_asks_a_list(question: str) -> None:
    assert classify(question) == QuestionKind.LIST


@pytest.mark.parametrize(
    "message",
    ["can you explain what you know about it?", "could you describe what you know about them?"],
)
def test_explain_what_you_know_about_it_is_of_the_last_answer_no_help(message: str) -> None:
    assert classify(message) != QuestionKind.HELP
