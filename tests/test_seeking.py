"""Investors and researchers as they really ask, French and English: whether an organisation
exists that they could turn to (a partner question), "vers quel X me tourner", who heads a
named organisation (a fact, even with "à qui m'adresser"), whether a thing is in Paris or in the
suburbs (a locate). And the near-misses that keep their kind."""

from __future__ import annotations

import pytest

from assistant.answer.organisations import from_passages
from assistant.answer.partners import topic
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.seeking import without_suburbs
from assistant.answer.where import located_subject
from assistant.retrieval.passage import Passage

PARTNER = [
    "je travaille sur le microbiote. Vers quel laboratoire me tourner pour collaborer ?",
    "Vers quelles équipes nous orienter pour un projet en cardiologie ?",
    "Is there an organisation that supports start-ups in medical devices?",
    "Existe-t-il un réseau auquel une biotech peut adhérer en Île-de-France ?",
    "y a-t-il un programme qui accompagne les chercheurs en e-santé ?",
    "Is anyone building a shared platform for genomics there?",
    "Which institute should we turn to for neuroscience?",
    "I want to meet medtech start-ups in Paris. Which ones should be on my list?",
    "Je cherche des biotechs en oncologie : lesquelles devraient figurer sur ma liste ?",
    # terse: the partners named, no verb
    "oncology partners paris?",
    "partenaires cardiologie en IDF ?",
    # an organisation looked for, by its kind
    "Labo de génomique à Nantes, on cherche une plateforme de séquençage à Paris. Des idées ?",
    "We're looking for an incubator for our medtech start-up.",
    # an organisation by what it is dedicated to
    "I'm a postdoc moving to Paris. Which institute there is dedicated to rare diseases?",
]
OTHERS = {
    # who heads a named organisation: a person, a fact
    "Qui est à la tête de Genopole ? J'aimerais savoir à qui m'adresser.": QuestionKind.FACT,
    "Who heads Cap Digital? I'd like to know who to contact.": QuestionKind.FACT,
    "Qui dirige l'Institut Curie ?": QuestionKind.FACT,
    # in Paris or in the suburbs: where it is
    "Institut Curie c'est dans Paris intra-muros ou en banlieue ?": QuestionKind.LOCATE,
    "Is Genopole in Paris proper or in the suburbs?": QuestionKind.LOCATE,
    # near-misses that keep their kind
    "Is there a single point of contact for investors in oncology?": QuestionKind.FACT,
    "y a-t-il un labo pharmaceutique installé dans le 93 ?": QuestionKind.LOCATE,
    "à qui m'adresser pour un essai clinique ?": QuestionKind.PARTNER,
    # the partners of a named organisation: its partners, a list or a fact of the sources
    "Which clusters are Medicen's partners in diagnostics?": QuestionKind.LIST,
    "Quels pôles sont partenaires de Medicen ?": QuestionKind.LIST,
    "Medicen's partners?": QuestionKind.FACT,
    "je cherche un relais pour un projet de biothérapie": QuestionKind.FACT,
}


@pytest.mark.parametrize("question", PARTNER)
def test_whether_an_organisation_exists_to_turn_to_is_a_partner_question(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER


@pytest.mark.parametrize(("question", "kind"), OTHERS.items())
def test_heads_and_suburbs_and_near_misses(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


def test_a_two_letter_acronym_names_its_organisation_where_it_is_asked() -> None:
    """ "where are Philips and GE?": GE Healthcare by its acronym; "GE Healthcare" is one name,
    not "GE" and a word more."""
    ge = {"title": "GE Healthcare", "acronym": "GE", "kind": "medtech-company", "city": "Buc"}
    ph = {"title": "Philips", "kind": "medtech-company", "city": "Suresnes"}
    orgs = from_passages(
        [Passage("p-ge", "GE Healthcare is in Buc.", ge, 0.0), Passage("p-ph", "Philips.", ph, 0.0)]
    )
    named = located_subject("where are Philips and GE?", orgs)
    assert [o.name for o in named] == ["Philips", "GE Healthcare"]
    # a name typed nearly, beside names typed exactly: each of them
    meta = {"title": "InterSystems", "kind": "medtech-company"}
    orgs = [*orgs, *from_passages([Passage("p-is", "InterSystems.", meta, 0.0)])]
    named = located_subject("where are GE Healthcare, Intersystem and Philips?", orgs)
    assert [o.name for o in named] == ["GE Healthcare", "InterSystems", "Philips"]
    assert [o.name for o in located_subject("where is GE Healthcare?", orgs)] == ["GE Healthcare"]


def test_paris_or_suburbs_names_the_organisation_asked() -> None:
    meta = {"title": "Gustave Roussy", "kind": "research-institute", "city": "Villejuif"}
    entry = Passage("p-gr", "Gustave Roussy is a research institute in Villejuif.", meta, 0.0)
    orgs = from_passages([entry])
    question = "Gustave Roussy c'est dans Paris intra-muros ou en banlieue ?"
    assert [o.name for o in located_subject(without_suburbs(question), orgs)] == ["Gustave Roussy"]


@pytest.mark.parametrize(
    ("question", "field"),
    [
        (
            "Bonjour, je travaille sur les maladies infectieuses. Vers quel institut de la "
            "région parisienne me tourner ?",
            "maladies infectieuses institut",  # the kind sought stays
        ),
        (
            "Existe-t-il un programme collaboratif auquel se raccrocher en génomique ?",
            "collaboratif génomique",
        ),
    ],
)
def test_the_words_that_ask_are_not_the_field(question: str, field: str) -> None:
    assert topic(question) == field
