"""A message that tells something of its asker before a comma, then asks ("my mum is starting
chemo, is there an app ...?", "I need to contact X, where are they located?", "we do cancer
immunotherapy, where should our european lab go?"): what it tells is not asked, its pronouns
stand for what it told, and a siting question keeps the asker's field. Fast: the shapes, fake
directory rows and a fake embedder; slow: through the real index."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeEmbedder

from assistant.answer.addressed import written_up
from assistant.answer.condense import condense, split_context
from assistant.answer.evidence import EvidenceScorer
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.questions import asking
from assistant.answer.shapes import siting
from assistant.answer.standalone import told_then_asked
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer
from ingest.store.text import tokenize


@pytest.mark.parametrize(
    ("message", "asked", "told"),
    [
        (
            "my mum is starting chemo, is there an app to follow her at home?",
            "is there an app to follow her at home?",
            "my mum is starting chemo",
        ),
        (
            "I need to contact Gustave Roussy, where are they located?",
            "where are they located?",
            "I need to contact Gustave Roussy",
        ),
        (
            "honestly what do you think, why would we put our R&D centre here?",
            "why would we put our R&D centre here?",
            "honestly what do you think",
        ),
        (
            "On a une biotech à Évry, quels labos pourraient nous aider ?",
            "quels labos pourraient nous aider ?",
            "On a une biotech à Évry",
        ),
        (  # the last comma that asks, not a relative clause's
            "I work at Sanofi, which has a site in Chilly-Mazarin, who leads R&D there?",
            "who leads R&D there?",
            "I work at Sanofi, which has a site in Chilly-Mazarin",
        ),
    ],
)
def test_what_the_asker_tells_before_a_comma_is_not_asked(
    message: str, asked: str, told: str
) -> None:
    assert asking(message, told_first=True) == (asked, told)
    assert asking(message) == (message, "")  # read so only where asked for


@pytest.mark.parametrize(
    "message",
    [
        "Besides Medicen, which two other clusters work on diagnostics?",  # no story: a frame
        "If we set up in Saclay, which labs could we work with?",  # a condition of the question
        "my lab works on imaging and wants partners",  # nothing asked after a comma
        "we make sensors, and we sell them in Europe",
    ],
)
def test_a_frame_or_a_statement_is_no_story_told_first(message: str) -> None:
    assert asking(message, told_first=True) == (message, "")


def test_a_pronoun_after_the_story_stands_for_what_it_names() -> None:
    message = "we're visiting NeuroSpin next month, where exactly is it?"
    question, turns = told_then_asked(message, [])
    assert question == "where exactly is it?"
    assert [t.content for t in turns] == ["we're visiting NeuroSpin next month"]
    assert "NeuroSpin" in split_context(condense(question, turns))[0]
    # a story without a pronoun after it, a conversation already under way: read as they are
    assert told_then_asked("we do imaging, which labs work on MRI?", []) == (
        "we do imaging, which labs work on MRI?",
        [],
    )
    assert told_then_asked("curie institute - which part of paris is it in?", [])[1] == []
    # told in a sentence of its own: a short where-question points at it, a longer one does not
    question, turns = told_then_asked("We'd like to run studies at NeuroSpin. Where is it?", [])
    assert (question, [t.content for t in turns]) == (
        "Where is it?",
        ["We'd like to run studies at NeuroSpin."],
    )
    long = "UK scale-up here. Which medtech group opened an R&D centre, and when did it open?"
    assert told_then_asked(long, []) == (long, [])
    lab = "Sanofi opened an innovation lab. Where is it?"  # "it" may be the lab
    assert told_then_asked(lab, []) == (lab, [])
    ours = "Our lab would like to visit NeuroSpin. Where is it?"  # the asker's own lab
    assert told_then_asked(ours, [])[0] == "Where is it?"
    # "it" standing for nothing: "is it easy to ...?"
    dummy = "We're a biotech from Boston, is it easy to hire researchers in Paris?"
    assert told_then_asked(dummy, []) == (dummy, [])


def _entry(name: str, kind: str, city: str, departement: str) -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "domains": "cardiology"}
    meta |= {"doc_id": f"dir#{name.lower()}", "departement": departement, "parents": ""}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


ROWS = [_entry("Alpha Lab", "laboratory", "Orsay", "91")]


@pytest.mark.parametrize(
    "question",
    [
        "I have a meeting at Alpha Lab tomorrow, which town is that in?",
        "we need to reach Alpha Lab, which commune is it in?",
    ],
)
def test_where_the_organisation_told_first_is(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE
    known = {t for p in ROWS for t in tokenize(p.text)}
    answer = directory_answer(
        question, question, QuestionKind.LOCATE, "en", [], from_passages(ROWS), None, known
    )
    assert answer == "Alpha Lab is in Orsay, Essonne [1]."


@pytest.mark.parametrize(
    "question",
    [
        "we make contrast agents for imaging, where in the region should we set up?",
        "I run a small biotech in oncology, where should we put our lab?",
        "we do cancer immunotherapy, where should our european lab go?",
        "On est une startup en e-santé, où devrait-on s'installer ?",
        "our team works on personalized medicine, where are the main players located?",
    ],
)
def test_where_to_set_up_in_the_askers_words(question: str) -> None:
    assert siting(question)
    assert classify(question) == QuestionKind.LOCATE


@pytest.mark.parametrize(
    "question",
    [
        "Where did Sanofi put its e-health lab?",  # a thing done: a fact of the sources
        "Where is the CEA's imaging platform?",
        "where should I put my question?",
        "Where should our CIR application go?",  # no unit of the asker's placed
    ],
)
def test_where_a_thing_is_or_was_put_is_no_siting(question: str) -> None:
    assert not siting(question)


def test_the_words_of_the_askers_story_do_not_count_as_unknown() -> None:
    idf = {t: 2.0 for t in tokenize("app curie institute follow patients home chemotherapy")}
    scorer = EvidenceScorer(FakeEmbedder(), idf)
    told = "my grandmum is beginning chemo, is there an app from the curie institute?"
    plain = "is my grandmum beginning chemo and is there an app from the curie institute?"
    weigh = scorer.weigher.weights
    assert scorer.unknown_share(weigh(told, "en"), told, "en", ()) < scorer.max_unknown
    assert scorer.unknown_share(weigh(plain, "en"), plain, "en", ()) >= scorer.max_unknown


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "Draft a short paragraph for my slides explaining what Medicen's hub is meant to do.",
            "what Medicen's hub is meant to do.",
        ),
        ("write me a two-line summary of what Agoranov does", "what Agoranov does"),
        ("écris-moi un paragraphe sur ce que fait Genopole", "ce que fait Genopole"),
        # what the text is to say, not asked: read as written, in its own language
        ("Rédige-moi un résumé du MedInTechs Summit", "Rédige-moi un résumé du MedInTechs Summit"),
        ("give me a summary of the previous answer", "give me a summary of the previous answer"),
        # a letter or a list is no text about a topic; one word left is no question
        ("Write a cover letter for my application", "Write a cover letter for my application"),
        ("give me a list of incubators", "give me a list of incubators"),
        ("give me a short description of Medicen", "give me a short description of Medicen"),
    ],
)
def test_a_text_to_write_from_the_sources_asks_its_topic(message: str, asked: str) -> None:
    assert written_up(message) == asked


@pytest.mark.slow
def test_told_first_questions_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        "I need to contact Gustave Roussy, where are they located?": ("locate", "Villejuif"),
        "we're visiting NeuroSpin next month, where exactly is it?": ("locate", "Gif-sur-Yvette"),
        "my mum is starting chemo, is there an app from the curie institute to follow her at "
        "home?": ("fact", "Appli Chimio"),
        "I run a small biotech in oncology, where should we put our lab?": ("locate", "Medicen"),
        "Draft a short paragraph for my slide deck explaining what Medicen's precision medicine "
        "hub is meant to do.": ("fact", "hub program for precision medicine"),
    }
    for question, (kind, expected) in cases.items():
        answer = chat.ask(question)
        assert answer.kind == kind, (question, answer.kind)
        assert answer.grounded and answer.cited, (question, answer.answer)
        assert expected in answer.answer, (question, answer.answer)


def test_an_abbreviation_s_dot_ends_no_clause() -> None:
    """ "which incentives, e.g. tax credits, would we get?" is one question: "e.g." is no end
    of a told clause whose words would weigh nothing."""
    asked = "which tax incentives, e.g. R&D tax credits, would we get? We are a lab."
    assert asking(asked) == (
        "which tax incentives, e.g. R&D tax credits, would we get?",
        "We are a lab.",
    )
    assert asking("which hubs, i.e. clusters, are there? Thanks.")[0].startswith("which hubs")
