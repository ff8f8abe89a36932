"""What an organisation's acronym stands for, however it is asked ("what does CEA stand for?",
"que veut dire AP-HP ?", "cnrs full name", "le sigle INRIA"): the name its directory entry
gives, cited by the entry. Not when the name already holds the acronym ("GE" of "GE
Healthcare"), nor when the question asks what the organisation means to someone. Fast: fake
directory rows; slow: through the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.organisations import from_passages
from assistant.retrieval.passage import Passage
from assistant.services.entry_answers import entry_answer, spelled_out


def _entry(name: str, acronym: str, kind: str, city: str) -> Passage:
    meta = {"title": name, "acronym": acronym, "kind": kind, "city": city}
    meta |= {"doc_id": f"dir#{name.lower()}", "region": "in"}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


CEA = "Commissariat à l'énergie atomique et aux énergies alternatives"
APHP = "Assistance Publique - Hôpitaux de Paris"
CNRS = "Centre national de la recherche scientifique"
INRIA = "Institut national de recherche en informatique et en automatique"
INSERM = "Institut national de la santé et de la recherche médicale"
ROWS = [
    _entry(CEA, "CEA", "research-body", "Saclay"),
    _entry(APHP, "AP-HP", "hospital-group", "Paris"),
    _entry(CNRS, "CNRS", "research-body", "Paris"),
    _entry(INRIA, "INRIA", "research-institute", "Rocquencourt"),
    _entry(INSERM, "Inserm", "research-body", "Paris"),
    _entry("GE Healthcare", "GE", "medtech-company", "Buc"),
]
ORGS = from_passages(ROWS)


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("What does the acronym CEA stand for?", "en", f"CEA stands for {CEA} [1]."),
        ("que veut dire AP-HP ?", "fr", f"AP-HP signifie {APHP} [1]."),
        ("cnrs full name", "en", f"CNRS stands for {CNRS} [1]."),
        ("c'est quoi le sigle INRIA", "fr", f"INRIA signifie {INRIA} [1]."),
        # typed without its hyphen, in lower case: the acronym as the entry spells it
        ("what does aphp stand for?", "en", f"AP-HP stands for {APHP} [1]."),
    ],
)
def test_an_acronym_asked_is_spelled_out_by_its_entry(
    question: str, language: str, expected: str
) -> None:
    passages: list[Passage] = []
    assert entry_answer(question, passages, ORGS, language) == expected
    assert len(passages) == 1  # the entry is appended, and cited as [1]
    found = spelled_out(question, ORGS)
    assert found is not None and found.acronym in expected


def test_the_entry_is_cited_by_its_number_among_the_passages() -> None:
    source = Passage("s1", "The CEA runs a medical imaging platform.", {"title": "x"}, 0.5)
    passages = [source, ROWS[0]]  # already retrieved: its number, nothing appended
    assert entry_answer("What does CEA stand for?", passages, ORGS, "en") == (
        f"CEA stands for {CEA} [2]."
    )
    assert len(passages) == 2


def test_a_name_that_already_holds_its_acronym_is_not_spelled_out() -> None:
    """ "GE Healthcare" says no more of "GE" than the acronym: the entry does not answer."""
    assert spelled_out("what does GE stand for", ORGS) is None
    assert entry_answer("what does GE stand for", [], ORGS, "en") == ""


@pytest.mark.parametrize(
    "question",
    [
        "what does inserm mean for a biotech?",  # what it means to someone, not its letters
        "what is CEA?",  # what it is: the passages
        "where is the CNRS?",
    ],
)
def test_a_question_that_asks_no_spelling_out_is_not_answered_so(question: str) -> None:
    assert spelled_out(question, ORGS) is None
    assert "stands for" not in entry_answer(question, [], ORGS, "en")


@pytest.mark.slow
def test_acronyms_are_spelled_out_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cea = chat.ask("What does the acronym CEA stand for?")
    assert cea.answer.startswith("CEA stands for Commissariat à l'énergie atomique"), cea.answer
    assert cea.cited and all(f"[{n}]" in cea.answer for n in cea.cited)
    aphp = chat.ask("what does aphp stand for?")
    assert aphp.answer.startswith("AP-HP stands for Assistance Publique"), aphp.answer
    assert "stands for" not in chat.ask("what does GE stand for").answer


@pytest.mark.parametrize(
    "question",
    ["INRIA's full name and website?", "what does CNRS stand for and what does it do?"],
)
def test_an_acronym_asked_beside_another_thing_is_left_to_the_rest(question: str) -> None:
    # more than the name is asked: the other part is answered as it would be without it
    assert spelled_out(question, ORGS) is None
