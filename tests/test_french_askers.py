"""French as native askers write it (issue 15, dev13): typed on a phone (SMS abbreviations, no
apostrophes, no accents), or formal (a clause that leads the asking word in, a self-introduction
before a question about the assistant), and the region named as an organisation is where, not
what, is asked about. Fast: no model; the real keyword index in the slow test."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.abbreviations import read_abbreviations, read_contractions
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.excluded import without_excluded
from assistant.answer.focus import refocus
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.organisations import from_passages
from assistant.answer.partners import topic
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.questions import answer_type_fits
from assistant.answer.subjects import subject_names
from assistant.answer.weights import TermWeigher
from assistant.retrieval.glossary import translate_terms
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer
from ingest.store.text import tokenize


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("cb d'hopitaux ds l'aphp ?", "combien d'hopitaux dans l'aphp ?"),
        ("gustave roussy c dans quelle ville", "gustave roussy c'est dans quelle ville"),
        (
            "incuballiance c ou? on cherche a s installer",
            "incuballiance c'est où? on cherche a s'installer",
        ),
        ("pk roques dit qu il faut ca ?", "pourquoi roques dit qu'il faut ca ?"),
        ("c koi son objectif ?", "c'est quoi son objectif ?"),
        ("qd a lieu le sommet ?", "quand a lieu le sommet ?"),
        ("combien d instituts sont en idf ?", "combien d'instituts sont en idf ?"),
    ],
)
def test_french_typed_on_a_phone_is_read_as_written_out(typed: str, meant: str) -> None:
    assert read_abbreviations(typed) == meant


@pytest.mark.parametrize(
    "english",
    ["What is vitamin c for?", "How many mm is the probe?", "Is DS based in Paris?"],
)
def test_english_and_names_in_capitals_are_left_as_they_are(english: str) -> None:
    assert read_abbreviations(english) == english


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (
            "yo whats the name of that app curie supports",
            "what's the name of that app curie supports",
        ),
        ("wheres medicen", "where's medicen"),
        ("hey, who runs medicen?", "who runs medicen?"),
        ("im looking for a partner", "I'm looking for a partner"),
        # a greeting alone, a French "dont", no opening before a question
        ("hey there", "hey there"),
        (
            "quel est le pôle dont medicen fait partie ?",
            "quel est le pôle dont medicen fait partie ?",
        ),
        ("Hey Medicen team", "Hey Medicen team"),
        # texting abbreviations
        (
            "in how many yrs do they want to get there?",
            "in how many years do they want to get there?",
        ),
        ("abt 2 mths ago", "about 2 months ago"),
        (
            "which orgs in ur directory r outside the paris region",
            "which organisations in your directory are outside the paris region",
        ),
        ("medxperience dates n venue? pls", "medxperience dates and venue? please"),
        ("which dept is orsay in?", "which department is orsay in?"),
    ],
)
def test_english_typed_on_a_phone_is_read_as_written_out(typed: str, meant: str) -> None:
    assert read_contractions(typed) == meant


def test_texting_reads_as_the_kind_of_question_it_is() -> None:
    assert classify(read_abbreviations("incuballiance c ou?")) == QuestionKind.LOCATE
    why = read_abbreviations("pk roques dit qu il faut une collab ?")
    assert classify(why) == QuestionKind.EXPLAIN


@pytest.mark.parametrize(
    "question",
    [
        "Selon le directeur général de Medicen, pourquoi est-il anormal que tant d'entreprises "
        "partent faire leurs essais à l'étranger ?",
        "D'après Stéphane Roques, pourquoi les investisseurs ont-ils du mal à investir en France ?",
        "Concrètement, comment le pilier animation de Medicen aide-t-il les entreprises ?",
        "According to Medicen's CEO, why do companies run their trials abroad?",
    ],
)
def test_a_clause_before_the_asking_word_leaves_an_explanation(question: str) -> None:
    assert classify(question) == QuestionKind.EXPLAIN


def test_a_self_introduction_then_what_the_assistant_does_and_its_sources_is_help() -> None:
    question = (
        "Bonjour, je suis journaliste dans un quotidien régional. Que savez-vous faire, et sur "
        "quelles sources vous appuyez-vous ?"
    )
    assert classify(question) == QuestionKind.HELP


def test_a_name_typed_without_its_hyphens_weighs_as_the_corpus_writes_it() -> None:
    weigher = TermWeigher()
    weigher.idf = {"ap-hp": 3.0, "hospit": 1.0, "combien": 0.5}
    weights = weigher.weights(read_abbreviations("cb d'hopitaux ds l'aphp ?"), "fr")
    assert "ap-hp" in weights and "aphp" not in weights
    assert weigher.unknown_share(weights, "fr") == 0.0


def test_a_counted_thing_with_its_complement_is_found_in_the_sentence() -> None:
    question = "combien d'instituts de recherche parmi les 15 plus innovants du monde ?"
    assert answer_type_fits(question, "four of the world's 15 most innovative research bodies")
    # the complement counts only with a number just before it: "Half of the units" is no count
    # of patent applications
    patents = "Combien de demandes de brevets l'Inserm a-t-il déposées ?"
    assert not answer_type_fits(patents, "Half of the units of Inserm, which leads patent filers.")
    assert answer_type_fits(patents, "Inserm filed 120 patent applications.")
    assert set(tokenize("world among professional")) <= set(
        translate_terms(tokenize("monde parmi professionnels"))
    )


def _directory() -> list[Passage]:
    rows = [
        ("Région Île-de-France", "regional-council", "Saint-Ouen-sur-Seine"),
        ("Sanofi", "pharma-group", "Paris"),
        ("Guerbet", "pharma-group", "Villepinte"),
        ("Gustave Roussy", "hospital", "Villejuif"),
    ]
    return [
        Passage(
            f"d{i}",
            f"{name} is a {kind} in {city}.",
            {
                "title": name,
                "kind": kind,
                "city": city,
                "departement": "93" if city == "Villepinte" else "94",
                "source_kind": "directory",
                "doc_id": f"dir#{i}",
            },
            0.0,
        )
        for i, (name, kind, city) in enumerate(rows)
    ]


COUNT = "combien d'établissements pharmaceutiques la région Île-de-France accueille-t-elle ?"


def test_the_region_named_as_an_organisation_is_where_not_what_is_asked() -> None:
    orgs = from_passages(_directory())
    sentence = "In all, there are 202 establishments, including Sanofi and Guerbet."
    passages = [Passage("p1", sentence, {"source_kind": "file"}, 1.0)]
    report = EvidenceReport("fr", [Evidence(1, 0, sentence, 0.9, 0.9, 0.5)], answerable=True)
    assert refocus(report, COUNT, passages, orgs, 0.5).answerable
    assert subject_names(COUNT, orgs, passages) == []
    # another organisation named still refocuses the evidence on it
    other = "Combien d'établissements Guerbet compte-t-il en Île-de-France ?"
    sanofi = "Sanofi counts 12 establishments."
    passages = [Passage("p1", sanofi, {"source_kind": "file"}, 1.0)]
    report = EvidenceReport("fr", [Evidence(1, 0, sanofi, 0.9, 0.9, 0.5)], answerable=True)
    assert not refocus(report, other, passages, orgs, 0.5).answerable


@pytest.mark.parametrize(
    ("question", "town"),
    [
        ("gustave roussy c'est dans quelle ville exactement", "Villejuif"),
        (
            "Le labo Guerbet, il est implanté dans quelle commune (et quel département) ?",
            "Villepinte",
        ),
    ],
)
def test_where_an_organisation_is_however_the_french_asker_puts_it(
    question: str, town: str
) -> None:
    assert classify(question) == QuestionKind.LOCATE
    orgs = from_passages(_directory())
    known = {t for p in _directory() for t in tokenize(p.text)} | {"exact"}
    answer = directory_answer(question, question, QuestionKind.LOCATE, "fr", [], orgs, None, known)
    assert town in answer


@pytest.mark.slow
def test_french_typed_on_a_phone_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    answer = chat.ask("cb d'hopitaux ds l'aphp ?")
    assert answer.question == "cb d'hopitaux ds l'aphp ?"  # echoed as asked
    assert answer.grounded and "39" in answer.answer, answer.answer
    located = chat.ask("incuballiance c ou?")
    assert located.kind == QuestionKind.LOCATE.value and "Orsay" in located.answer


def test_a_list_asked_with_an_infinitive_reads_the_kind_of_organisation_asked() -> None:
    question = (
        "Pouvez-vous me citer les grands groupes pharmaceutiques implantés en Île-de-France ?"
    )
    assert classify(question) == QuestionKind.LIST
    assert asked_kinds(question) == ("pharma-group",)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("e-health startups in idf?", ("e-health-startup",)),
        ("incubateurs à Paris ?", ("incubator",)),
        ("incubators in paris and who runs them?", None),  # more than a kind and a place
        ("the hospitals of AP-HP?", None),  # no place
        ("how do incubators in paris work?", None),  # a question about them
    ],
)
def test_a_kind_and_a_place_alone_ask_for_a_list_of_that_kind(
    question: str, kinds: tuple[str, ...] | None
) -> None:
    assert (classify(question) == QuestionKind.LIST) is (kinds is not None)
    assert asked_kinds(question) == (kinds or ())


@pytest.mark.parametrize(
    ("question", "left"),
    [
        (
            "Quels instituts composent le paysage de la recherche, à part l'Inserm et le CEA ?",
            "Quels instituts composent le paysage de la recherche ?",
        ),
        ("Which clusters other than Medicen work on imaging?", "Which clusters work on imaging?"),
        ("Besides Medicen and Cap Digital, which clusters?", "which clusters?"),
        ("Tout sauf erreur de ma part ?", "Tout sauf erreur de ma part ?"),  # no name left out
    ],
)
def test_the_names_a_list_leaves_out_are_not_what_is_asked(question: str, left: str) -> None:
    assert without_excluded(question) == left


def test_the_askers_own_project_partner_is_not_the_field_sought() -> None:
    question = (
        "Je cherche des partenaires cliniques et académiques en oncologie en région parisienne "
        "pour un projet avec un industriel pharma : quelles institutions contacter ?"
    )
    assert "pharma" not in topic(question) and "oncologie" in topic(question)
    assert "pharma" not in topic(
        "Who could we work on oncology with, for a project with a pharma group?"
    )


def test_a_french_word_the_sources_write_only_in_names_is_no_subject() -> None:
    # "santé" is written by the English sources only in names ("Lab Santé"): still a word
    passages = [Passage("p1", "The Lab Santé Île-de-France and Paris Biotech Santé.", {}, 1.0)]
    question = "combien de projets la filière santé a-t-elle enregistrés en 2016 ?"
    assert subject_names(question, [], passages) == []
    typed = "medxperience c'est quand ?"  # a name typed in lower case stays one
    summit = [Passage("p1", "MedXperience is held in Paris.", {}, 1.0)]
    assert subject_names(typed, [], summit) == ["MedXperience"]


def test_glossary_english_the_corpus_never_writes_leaves_the_french_word() -> None:
    weigher = TermWeigher()
    weigher.idf = {"date": 1.0, "summit": 2.0, "place": 1.0}
    weights = weigher.weights("à quelles dates, dans quel lieu et quel bâtiment, le sommet ?", "fr")
    building, venue = tokenize("building venue")
    assert building not in weights and "batiment" in weights and "summit" in weights
    assert "place" in weights and venue not in weights  # "lieu": the English the corpus writes


def test_spoken_french_asks_whether_there_is_an_organisation_with_the_statements_words() -> None:
    spoken = read_abbreviations(
        "on fait de l ia pour la medecine perso, y a un programme/cluster en idf qui donne "
        "acces a des bases de donnees et outils ?"
    )
    assert classify(spoken) == QuestionKind.PARTNER
    assert classify("il y a 5 ans, quel cluster a été créé ?") == QuestionKind.FACT  # "ago"


def test_an_english_question_is_not_read_with_the_french_glossary() -> None:
    passages = [Passage("p1", "I am very positive about France's future.", {}, 1.0)]
    question = "How much public funding do France's clusters get each year?"
    assert subject_names(question, [], passages) == ["France's"]  # as before: its subject


def test_can_you_list_in_french_asks_a_list_and_its_asking_words_weigh_nothing() -> None:
    question = "Tu peux me lister les grands groupes pharma présents en Île-de-France ?"
    assert classify(question) == QuestionKind.LIST
    assert classify("liste les incubateurs de Paris") == QuestionKind.LIST
    weights = TermWeigher().weights(question, "fr")
    assert not {"peux", "lister"} & set(weights) and "pharma" in weights
