"""List questions as users ask them ("Can you name some ...", "Give me a few examples.", "What
are the 3 ...?") answered from the passage sentence that enumerates the items, cited; and the
near-misses that keep their kind or their decline. Fast: hand-made evidence and directory."""

from __future__ import annotations

import pytest

from assistant.answer.compose import compose
from assistant.answer.compose_list import LISTED, enumerations
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.organisations import from_passages, members
from assistant.answer.question_kind import QuestionKind, classify
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_of

LISTS = [
    "Can you name some Paris-region startups that built apps linking patients and doctors?",
    # the verb asking the list after what it lists
    "big pharma already set up in idf? just list them pls",
    "les startups e-santé de la région, tu peux me les lister ?",
    "Have foreign health companies already set up shop in the Paris Region? Give me a few "
    "examples.",
    "what are the 3 big fields medicen is focusing its strategy on?",
    "Pouvez-vous citer quelques start-up de l'e-santé ?",
    "Quels sont les trois piliers de la stratégie de Medicen ?",
]
NOT_LISTS = {
    "What are the opening hours of the summit?": QuestionKind.FACT,
    "Can you explain why the Paris Region attracts biotech firms?": QuestionKind.EXPLAIN,
    "What is an example of a Medicen project?": QuestionKind.FACT,
    # "nomme les" of someone who appoints, "name them" in a why: no list asked
    "Qui nomme les directeurs des hôpitaux de l'AP-HP ?": QuestionKind.FACT,
    "Why did they name them Medicen?": QuestionKind.EXPLAIN,
}


@pytest.mark.parametrize("question", LISTS)
def test_a_list_asked_by_examples_or_by_its_count(question: str) -> None:
    assert classify(question) == QuestionKind.LIST


@pytest.mark.parametrize(("question", "kind"), NOT_LISTS.items())
def test_near_misses_keep_their_kind(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "They include Doctolib, Instacare, DoudouCare, Epiderm, and others.",
        "It rests on three pillars, namely promoting, structuring and animating.",
        "such as AP-HP and the Institutes Curie, Pasteur and Gustave Roussy, to promote them",
        "as well as nine universities, two teacher-training colleges, and multiple schools",
    ],
)
def test_an_enumeration_is_short_items_joined_by_commas_and_a_conjunction(sentence: str) -> None:
    assert LISTED.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is a project with Cap Digital, a cluster in the digital space, with numerous "
        "companies and academic departments.",
        "In 2016, there were 52 job-creating foreign investment projects in France.",
        "Medicen is active in biotherapy; covering the fields of gene therapy and microbiota.",
    ],
)
def test_clauses_and_appositions_are_no_enumeration(sentence: str) -> None:
    assert not LISTED.search(sentence)


def ev(n: int, position: int, sentence: str, score: float) -> Evidence:
    return Evidence(n, position, sentence, score, score, 0.5)


def report(
    *evidence: Evidence, sentences: dict[int, list[str]], answerable: bool = True
) -> EvidenceReport:
    return EvidenceReport("en", list(evidence), sentences, answerable=answerable)


LEAD = "Start-ups located in Ile-de-France have developed applications for patients."
NAMES = "They include Doctolib, Instacare, DoudouCare, Epiderm, and others."
CLUSTERS = "Business clusters like Medicen, Cap Digital, and Systematic are assets."


def test_the_enumeration_carried_on_by_the_next_sentence_comes_with_its_lead_in() -> None:
    r = report(ev(1, 0, LEAD, 0.5), sentences={1: [LEAD, NAMES]})
    assert [(e.n, text) for e, text in enumerations(r)] == [(1, f"{LEAD} {NAMES}")]


def directory() -> list[Passage]:
    rows = [
        ("Doctolib", "e-health-startup", "Levallois-Perret"),
        ("Instacare", "e-health-startup", ""),
        ("DoudouCare", "e-health-startup", ""),
        ("MedClinik", "e-health-startup", ""),
        ("Centre national de la recherche scientifique", "research-body", "Paris"),
        ("Institut Pasteur", "research-institute", "Paris"),
        ("Medicen Paris Region", "cluster", "Paris"),
        ("Cap Digital", "cluster", "Paris"),
        ("Systematic", "cluster", "Palaiseau"),
    ]
    return [
        Passage(
            f"d{i}",
            f"{name} is a {kind}. {name} is described here.",
            {
                "title": name,
                "acronym": "CNRS" if name.startswith("Centre national") else "",
                "kind": kind,
                "city": city,
                "domains": "life sciences" if kind == "research-body" else "e-health",
                "source_kind": "directory",
                "doc_id": f"org#{i}",
            },
            0.0,
        )
        for i, (name, kind, city) in enumerate(rows)
    ]


def test_the_region_spelt_with_a_hyphen_is_not_its_capital_city() -> None:
    orgs = from_passages(directory())
    found = members("Can you name some Paris-region startups that built apps?", orgs)
    startups = {"Doctolib", "Instacare", "DoudouCare", "MedClinik"}
    assert {m.organisation.name for m in found} == startups


def test_an_enumeration_of_members_answers_what_the_gate_alone_declines() -> None:
    orgs = from_passages(directory())
    question = "Can you name some Paris-region startups that built apps linking patients?"
    r = report(
        ev(1, 0, CLUSTERS, 0.41),
        ev(2, 0, LEAD, 0.39),
        sentences={1: [CLUSTERS], 2: [LEAD, NAMES]},
        answerable=False,
    )
    passages = [Passage("p1", CLUSTERS, {}, 0.0), Passage("p2", f"{LEAD} {NAMES}", {}, 0.0)]
    found = directory_of(question, QuestionKind.LIST, r, passages, orgs)
    assert {m.organisation.name for m in found.members} >= {"Doctolib", "Instacare"}
    text = compose("list", r, question, found.members, (), found.directory_n)
    assert text.startswith(f"{LEAD} {NAMES} [2]")  # the enumeration of startups, not clusters
    assert "- MedClinik" in text and "- Doctolib" not in text  # the others from the directory
    # the same question, the best sentences enumerating no startup: still declined
    none = report(ev(1, 0, CLUSTERS, 0.41), sentences={1: [CLUSTERS]}, answerable=False)
    assert directory_of(question, QuestionKind.LIST, none, passages[:1], orgs).members == ()


def test_a_directory_list_leads_with_the_enumeration_naming_its_members() -> None:
    orgs = from_passages(directory())
    sentence = "The CNRS; the Pasteur Institute, a foundation; the Curie Institute, and others."
    r = report(ev(1, 0, sentence, 0.9), sentences={1: [sentence]})
    found = members("Which research organisations make up the life sciences landscape?", orgs)
    assert [m.organisation.label for m in found] == ["CNRS"]
    text = compose("list", r, "Which research organisations?", tuple(found), (), {})
    assert text == f"{sentence} [1]"  # Curie and Pasteur, peers of the member, are named


def test_a_places_members_come_with_an_enumeration_that_names_two_of_them() -> None:
    """ "which clusters are out there in Paris?": the directory's members of the place answer;
    a sentence that names one of them in passing ("a project led by A, B and Cap Digital") is
    no list of them, unless the passages answer; one that names two is quoted beside them."""
    orgs = from_passages(directory())
    found = members("which health clusters are in Paris?", orgs)
    assert found and all(m.place for m in found)
    project = "The hub was launched by three partners (Owkin, Intersys and Cap Digital)."
    passing = report(ev(1, 0, project, 0.4), sentences={1: [project]}, answerable=False)
    text = compose("list", passing, "which clusters?", tuple(found), (), {"Cap Digital": 2})
    assert "- Cap Digital" in text and project not in text
    both = "The hub was launched by three partners (Owkin, Medicen and Cap Digital)."
    named = report(ev(1, 0, both, 0.4), sentences={1: [both]}, answerable=False)
    text = compose("list", named, "which clusters?", tuple(found), (), {"Cap Digital": 2})
    assert both in text
    answers = report(ev(1, 0, project, 0.9), sentences={1: [project]})
    text = compose("list", answers, "which clusters?", tuple(found), (), {"Cap Digital": 2})
    assert project in text


def test_a_list_asked_by_its_verb_after_what_it_lists_takes_its_kind_from_the_opening() -> None:
    orgs = from_passages(directory())
    found = members("e-health startups already in the region? just list them pls", orgs)
    assert {m.organisation.name for m in found} == {
        "Doctolib",
        "Instacare",
        "DoudouCare",
        "MedClinik",
    }
    assert members("any news from the region? list them", orgs) == []


def test_those_working_in_the_field_asked_lead_those_the_sentences_name() -> None:
    """ "which companies work on contrast ultrasonography?": the companies whose domains are
    the field come before those the best sentence names for something else (a list of
    start-ups the asker's "we're a start-up" brought up)."""
    rows = [("Sonix", "medtech-company", "ultrasonography"), ("Apptiva", "e-health-startup", "")]
    orgs = from_passages(
        [
            Passage(
                f"d{i}",
                f"{name} is a {kind}.",
                {"title": name, "kind": kind, "city": "", "domains": domains, "doc_id": f"o#{i}"},
                0.0,
            )
            for i, (name, kind, domains) in enumerate(rows)
        ]
    )
    question = "We're a start-up. Which companies work on ultrasonography?"
    startups = "Start-ups such as Apptiva build apps."
    found = members(question, orgs, ["Apptiva"])
    assert {m.organisation.name for m in found} == {"Sonix", "Apptiva"}
    text = compose(
        "list",
        report(ev(1, 0, startups, 0.5), sentences={1: [startups]}),
        question,
        tuple(found),
        (),
        {"Sonix": 2, "Apptiva": 3},
    )
    assert text.index("- Sonix") < text.index("Apptiva"), text
