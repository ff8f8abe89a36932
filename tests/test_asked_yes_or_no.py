"""Questions read as asked (issue 15, round 30): whether something is free or must be paid asks
its price; a French yes/no asked by the inverted verb ("X accepte-t-il ...?", typed "a t il")
asks whether; a count asked against a number ("more than 100 staff?") is a count, not a
comparison, and "le plus grand" is the most; "on what grounds", "how come" ask why, and "what do
apps like X do?" asks no list; an aim asked ("by which year do they want to?") is held by a plan
said; an elliptic follow-up that names an organisation or a town of the directory takes the
place of the previous question's own of that sort. Made-up organisations, shapes only."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.asked_value import refers, typed_decline
from assistant.answer.ellipsis import restate_ellipsis
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.features import PLACE_NOUN
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import from_passages
from assistant.answer.pointing import needs_context
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.shapes import asks_where
from assistant.answer.spelling import respell
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.answer.where import located_subject
from assistant.retrieval.glossary import french_words, translate_terms
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize

ORGS = from_passages(
    [
        directory_entry("Biomedix", "cluster", "Lyon"),
        directory_entry("Kardiolib", "e-health start-up", "Rueil-Malmaison"),
        directory_entry("Zorpharm", "pharma group", "Courbevoie"),
    ]
)
GAZETTEER = Gazetteer.of(ORGS)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # whether it costs, asked yes or no: its price
        ("does Kardiolib charge patients anything to book an appointment?", "price"),
        ("Was entry to the Biomedix summit free for visitors?", "price"),
        ("Can patients use the Kardiolib app at no cost?", "price"),
        ("Do I need to pay to attend the Biomedix summit?", "price"),
        ("est-ce que l'adhésion à Biomedix est gratuite pour une start-up ?", "price"),
        ("Une start-up doit-elle payer une cotisation pour rejoindre Biomedix ?", "price"),
        ("Kardiolib fait payer les patients ?", "price"),
        # a French yes/no by its inverted verb, with or without its hyphens
        ("Kardiolib accepte-t-il des start-up étrangères ?", "whether"),
        ("Biomedix met-il des labos à disposition des projets qu'il héberge ?", "whether"),
        ("Kardiolib a t il un bureau à Lyon ?", "whether"),
        # a count against a number; two subjects compared
        ("Does Kardiolib have more than 100 staff?", "count"),
        ("Biomedix a-t-il plus de 500 membres ?", "count"),
        ("does Biomedix have more members than Kardiolib?", "comparison"),
        # what was put in, asked "combien" before the subject
        ("Combien la Région Île-de-France a-t-elle investi dans Kardiolib ?", "amount"),
    ],
)
def test_the_value_a_question_asks(question: str, kind: str) -> None:
    assert asked_value(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "who is in charge of Biomedix?",  # no charge asked
        "y a-t-il un incubateur à Lyon ?",  # whether anything exists
        "existe-t-il un pôle à Lyon ?",
        "que fait-il ?",  # what, not whether
        "Et Biomedix, que fait-elle ?",
    ],
)
def test_no_price_nor_yes_or_no_is_read_into_these(question: str) -> None:
    assert asked_value(question) not in ("price", "whether")


def test_free_to_do_asks_no_price() -> None:
    assert asked_value("Are researchers free to choose their lab?") == "whether"


def test_the_most_is_no_comparison() -> None:
    question = "selon lui, quel est le plus grand défi pour que Biomedix devienne un leader ?"
    assert asked_value(question) != "comparison"


def decline_of(asked: str, *sentences: str) -> str | None:
    """``typed_decline`` of ``asked`` whose retrieved sentences are ``sentences`` (one passage,
    best first)."""
    passages = [Passage("p1", " ".join(sentences), {"title": "doc"}, 0.5)]
    evidence = [Evidence(1, i, s, 0.9 - 0.01 * i, 0.5, 0.5) for i, s in enumerate(sentences)]
    report = EvidenceReport("en", evidence, {1: list(sentences)})
    report.answerable = True
    report.weights = {t: 1.0 for t in tokenize(asked)}
    return typed_decline(asked, "en", passages, report, ORGS)


def test_a_price_asked_yes_or_no_needs_an_amount() -> None:
    said = "Kardiolib helps patients book an appointment with their doctor."
    assert decline_of("does Kardiolib charge patients anything to book?", said) is not None
    priced = "Kardiolib charges patients 2 euros for each appointment booked."
    assert decline_of("does Kardiolib charge patients anything to book?", priced) is None


def test_an_aim_asked_is_held_by_a_plan_said() -> None:
    asked = "by which year does Biomedix want to be in the top 3?"
    planned = "Biomedix has the ambition to become one of the top 3 regions by 2022."
    assert decline_of(asked, planned) is None
    assert decline_of(asked, "Biomedix opened its first office in 2010.") is not None


def test_a_sentence_that_singles_out_a_part_takes_up_the_one_before() -> None:
    assert refers("In particular, the Zorspin centre is one of a kind.")
    assert refers("Notamment, le centre Zorspin est unique.")
    assert not refers("The Zorspin centre is one of a kind.")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("On what grounds is Lyon called the leading region for trials?", QuestionKind.EXPLAIN),
        ("how come Biomedix moved to Lyon?", QuestionKind.EXPLAIN),
        ("what do apps from start-ups like Kardiolib and Zorlib do?", QuestionKind.FACT),
        ("which apps do start-ups like Kardiolib make?", QuestionKind.LIST),
    ],
)
def test_the_kind_of_answer_asked(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize(
    ("follow_up", "previous", "restated"),
    [
        (
            "and zorpharm?",
            "Where is Kardiolib based in France?",
            "Where is Zorpharm based in France?",
        ),
        ("What about Zorpharm?", "Which start-ups are in Rueil-Malmaison?", "Where is Zorpharm?"),
        ("et Zorpharm ?", "Quelles start-up sont à Rueil-Malmaison ?", "Où se trouve Zorpharm ?"),
        (
            "and in courbevoie?",
            "Which start-ups are in Rueil-Malmaison?",
            "Which start-ups are in Courbevoie?",
        ),
        ("and Biomedix?", "Who is the CEO of Kardiolib?", "Who is the CEO of Biomedix?"),
    ],
)
def test_an_organisation_or_a_town_takes_the_place_of_its_own_sort(
    follow_up: str, previous: str, restated: str
) -> None:
    assert restate_ellipsis(follow_up, previous, GAZETTEER) == restated


def test_without_the_directory_a_lowercase_name_finds_no_slot() -> None:
    assert restate_ellipsis("and zorpharm?", "Where is Kardiolib based in France?") == ""


def test_a_field_after_dans_takes_the_place_of_the_place() -> None:
    restated = restate_ellipsis("et dans la santé ?", "Combien y a-t-il de pôles en France ?")
    assert "France" not in restated and "santé" in restated.lower()


def test_a_lowercase_name_of_the_directory_is_the_question_s_own_subject() -> None:
    question = "which commune is zorpharm in?"
    assert needs_context(question)
    assert not needs_context(question, named=True)


@pytest.mark.parametrize(
    "question",
    ["And the venue of the Biomedix summit?", "et le lieu ?", "In which venue is it held?"],
)
def test_a_venue_asked_by_its_noun(question: str) -> None:
    found = PLACE_NOUN.search(question)
    assert found and found.group("venue")


def test_where_asked_before_what_the_asker_tells() -> None:
    assert asks_where("kardiolib located where (for the pilot)")
    assert asks_where("biomedix where exactly, need the town")
    assert located_subject("Which town does Kardiolib call home?", ORGS) == [ORGS[1]]


def test_the_glossary_reads_common_french_words() -> None:
    assert "challeng" in translate_terms(tokenize("défi"))
    assert "invest" in translate_terms(tokenize("investir"))


def test_a_misspelt_french_word_is_read_as_the_glossary_spells_it() -> None:
    assert {"filiale", "defi", "investir"} <= french_words()
    fixed = respell(
        "medclinik c'est une filliale de qui ?", Lexicon(), lambda t: False, french_words()
    )
    assert "filiale" in fixed.split()


def test_a_share_answers_how_many_of_a_whole() -> None:
    """ "how many of Zorlab's units are in the region?" is answered by "half of the units";
    "how many units does Zorlab have?" is not."""
    said = "Half of the units of Zorlab are located in the region."
    assert holds_value("count", said, "how many of Zorlab's units are in the region?")
    assert holds_value("count", said, "how many of its units are in the region?")
    assert not holds_value("count", said, "how many units does Zorlab have?")
