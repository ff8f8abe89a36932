"""The organisations an answer composed from the passages names in their words ("the Curie
Institute", "the Paris Île-de-France CCI"), named after it as the directory names them, with
their kind and town, each cited by its entry ("In the directory: Institut Curie (research
institute, Paris) [2]."): for a list, a partner search, a locate, or a fact that asks who; not
those the question names, nor past the answer's length. Fast: fake directory rows; slow:
through the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.labels import with_note
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind
from assistant.answer.request import MAX_ANSWER_CHARS
from assistant.retrieval.passage import Passage
from assistant.services.named_entries import with_entries


def _entry(name: str, kind: str, city: str) -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "doc_id": f"dir#{name.lower()}"}
    meta |= {"region": "in"}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


ORGS = from_passages(
    [
        _entry("Institut Curie", "research-institute", "Paris"),
        _entry("CCI Paris Île-de-France", "public-body", "Paris"),
        _entry("Vega Health Paris Region", "cluster", "Orsay"),
    ]
)
SOURCE = Passage("s1", "The Curie Institute leads the fight against cancer.", {"title": "x"}, 0.5)
ANSWER = "The Curie Institute leads the fight against cancer [1]."
CURIE = "In the directory: Institut Curie (research institute, Paris) [2]."


@pytest.mark.parametrize(
    ("kind", "asked"),
    [
        (QuestionKind.LIST, "which institutes fight cancer?"),
        (QuestionKind.PARTNER, "who could we partner with on oncology?"),
        (QuestionKind.LOCATE, "where are the cancer labs?"),
        (QuestionKind.FACT, "who leads the fight against cancer?"),  # a fact that asks who
    ],
)
def test_an_organisation_named_in_other_words_gets_its_entry(
    kind: QuestionKind, asked: str
) -> None:
    passages = [SOURCE]
    assert with_entries(ANSWER, kind, asked, passages, ORGS, "en") == (
        f"{ANSWER}\n\n{CURIE}",
        [2],
    )
    assert [p.id for p in passages] == ["s1", "p-Institut Curie"]  # the entry, appended


def test_a_fact_that_asks_no_name_or_another_kind_gets_nothing() -> None:
    for kind, asked in [
        (QuestionKind.FACT, "when did the fight against cancer start?"),
        (QuestionKind.COMPARE, "compare the Curie Institute and Vega Health"),
        (QuestionKind.EXPLAIN, "why does cancer research matter?"),
    ]:
        passages = [SOURCE]
        assert with_entries(ANSWER, kind, asked, passages, ORGS, "en") == (ANSWER, [])
        assert passages == [SOURCE]


def test_an_organisation_the_question_names_or_named_as_the_directory_is_left_out() -> None:
    said = "Vega Health and the Paris Île-de-France CCI founded it with the Curie Institute [1]."
    passages = [SOURCE]
    named, cited = with_entries(
        said, QuestionKind.LIST, "did Vega Health found it?", passages, ORGS, "en"
    )
    assert named == (
        f"{said}\n\nIn the directory: CCI Paris Île-de-France (public body, Paris) [2]; "
        "Institut Curie (research institute, Paris) [3]."
    )
    assert cited == [2, 3]
    # named as the directory names it: nothing to add
    plain = "Institut Curie leads the fight against cancer [1]."
    assert with_entries(plain, QuestionKind.LIST, "which ones?", [SOURCE], ORGS, "en") == (
        plain,
        [],
    )


def test_an_entry_already_among_the_passages_keeps_its_number() -> None:
    passages = [SOURCE, ORGS[0].passage]
    assert with_entries(ANSWER, QuestionKind.LIST, "which ones?", passages, ORGS, "en") == (
        f"{ANSWER}\n\n{CURIE}",
        [2],
    )
    assert len(passages) == 2


def test_the_line_keeps_the_answer_within_its_length() -> None:
    told = " the Curie Institute and the Paris Île-de-France CCI [1]."
    one = f"\n\n{CURIE}"
    fits_one = "x" * (MAX_ANSWER_CHARS - len(told) - len(one)) + told
    passages = [SOURCE]
    named, cited = with_entries(fits_one, QuestionKind.LIST, "which ones?", passages, ORGS, "en")
    assert named == f"{fits_one}{one}"  # the last item cut, the first kept
    assert len(named) == MAX_ANSWER_CHARS
    assert cited == [2] and len(passages) == 2
    fits_none = "x" * (MAX_ANSWER_CHARS - len(told)) + told
    passages = [SOURCE]
    assert with_entries(fits_none, QuestionKind.LIST, "which?", passages, ORGS, "en") == (
        fits_none,
        [],
    )
    assert passages == [SOURCE]  # nothing cited, nothing appended


def test_a_french_answer_keeps_its_note_last() -> None:
    body = "Selon les sources, « the Curie Institute leads the fight against cancer » [1]."
    answer = with_note(body, "fr")
    named, cited = with_entries(
        answer, QuestionKind.LIST, "quels instituts ?", [SOURCE], ORGS, "fr"
    )
    note = with_note("", "fr").strip()
    assert named == (
        f"{body}\n\nDans l'annuaire : Institut Curie (institut de recherche, Paris) [2].\n\n{note}"
    )
    assert cited == [2]


@pytest.mark.slow
def test_who_founded_names_the_founders_as_the_directory_does(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    answer = chat.ask("who founded the Lab Santé Île-de-France?")
    assert "In the directory: CCI Paris Île-de-France (public body, Paris) [" in answer.answer, (
        answer.answer
    )
    assert all(f"[{n}]" in answer.answer for n in answer.cited)
    assert len(answer.answer) <= MAX_ANSWER_CHARS


def test_only_the_first_quote_and_not_the_context_s_organisations_are_named() -> None:
    # a filler after the answering quote names no one the reader looks up
    filler = f"Paris hosts many institutes [1]. {ANSWER}"
    assert with_entries(filler, QuestionKind.LIST, "which ones?", [SOURCE], ORGS, "en") == (
        filler,
        [],
    )
    # "who is their CEO?" restated with the organisation its context names: the asker knows it
    asked = "who leads them? (what is the Institut Curie?)"
    assert with_entries(ANSWER, QuestionKind.FACT, asked, [SOURCE], ORGS, "en") == (ANSWER, [])
