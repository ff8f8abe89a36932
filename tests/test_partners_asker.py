"""Partner and locate questions as an investor or a researcher asks them: the asker's own
description is not the field sought, "which institute works on X" and "avec quels instituts
collaborer" ask whom to work with, and the organisations the sources tie to the field come first,
each quoted by a sentence that names it."""

from __future__ import annotations

import pytest

from assistant.answer.organisations import from_passages
from assistant.answer.partners import PartnerFit, fit_sentence, topic
from assistant.answer.question_kind import QuestionKind, classify
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer


@pytest.mark.parametrize(
    "question",
    [
        "Which institute in Paris works on oncology?",
        "Which hospital specialises in cardiology?",
        "avec quels instituts collaborer sur les maladies infectieuses en ile-de-france ?",
        "Avec quelles équipes travailler sur le microbiote ?",
        "We make contrast ultrasound imaging software for tumours. Which companies are already "
        "working on this in a Medicen project?",
    ],
)
def test_whom_to_work_with_in_more_phrasings(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which research institutes work on oncology?", QuestionKind.LIST),  # all of them
        (
            "Qu'est-ce que le projet SUMIL et avec quels industriels est-il mené ?",
            QuestionKind.LIST,
        ),
        ("Which digital science institute does Inserm collaborate with?", QuestionKind.FACT),
    ],
)
def test_near_misses_keep_their_kind(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize(
    ("question", "field"),
    [
        (
            "As a young medtech firm, who could put me in touch with hospitals?",
            "put touch hospitals",
        ),
        ("We are a medtech company looking for partners in cardiology", "cardiology"),
        ("En tant que jeune start-up, avec qui travailler sur le microbiote ?", "microbiote"),
        # what the asker does is the field: kept
        ("We're a biotech working on infectious diseases. Who should we talk to?", None),
    ],
)
def test_the_askers_description_of_itself_is_not_the_field(question: str, field: str) -> None:
    found = topic(question)
    if field is None:
        assert "infectious diseases" in found and "biotech" in found
    else:
        assert found == field


@pytest.mark.parametrize(
    ("question", "field"),
    [
        # the organisation sought described by what it does: that role is the field, not the
        # asker's story nor the kinds it would rather not deal with one by one
        (
            "We are a Swiss biotech and we'd rather not negotiate with each hospital. Is there "
            "a body that acts as a central point of contact for cardiology?",
            "body acts central point contact cardiology",
        ),
        (
            "Je cherche une structure qui fasse le lien entre chercheurs et industriels, vers "
            "qui me tourner ?",
            "structure fasse lien entre chercheurs industriels",
        ),
        ("Existe-t-il un réseau auquel une biotech peut adhérer ?", "réseau biotech adhérer"),
    ],
)
def test_the_role_of_the_organisation_sought_is_the_field(question: str, field: str) -> None:
    assert classify(question) == QuestionKind.PARTNER
    assert topic(question) == field


def _entry(name: str, kind: str, description: str) -> Passage:
    meta = {"title": name, "kind": kind, "city": "Paris", "doc_id": f"dir#{name.lower()}"}
    return Passage(f"p-{name}", f"{name} is a {kind} in Paris. {description}", meta, 0.0)


ENTRIES = [
    _entry("Omega Pharma", "pharma-group", "Omega Pharma makes generic drugs."),
    _entry("Sigma Link", "network", "Sigma Link connects start-ups with hospitals."),
]
# a retrieved document passage: it names Sigma Link for the field, and Omega Pharma elsewhere
DOCUMENT = Passage(
    "doc-1",
    "Omega Pharma opened a plant. Sigma Link puts young firms in touch with hospitals.",
    {"doc_id": "article", "title": "An article"},
    0.0,
)


class Ranking:
    """The directory's ranking for a question, as the Directory tab gives it: the fits given."""

    def __init__(self, *fits: PartnerFit) -> None:
        self.fits = list(fits)

    def partners(self, description: str, k: int) -> list[PartnerFit]:
        return self.fits[:k]


def fit(entry: Passage, score: float, text: str = "") -> PartnerFit:
    """The ranking's fit for a directory entry (its text, or ``text``: the passage ranked)."""
    meta = entry.metadata
    return PartnerFit(
        meta["title"], meta["kind"], "Paris", meta["doc_id"], score, text or entry.text
    )


def partner_answer(
    question: str, language: str, passages: list[Passage], entries: list[Passage], finder: Ranking
) -> str:
    """The chat's partner answer from the directory ``entries`` ranked by ``finder``."""
    return directory_answer(
        question, question, QuestionKind.PARTNER, language, passages, from_passages(entries), finder
    )


def ranking_finder() -> Ranking:
    """Neither fit with a domain of the field: Omega Pharma first (the document names it),
    Sigma Link second."""
    return Ranking(fit(ENTRIES[0], 3.0, DOCUMENT.text), fit(ENTRIES[1], 2.0, DOCUMENT.text))


def test_the_organisations_the_sources_tie_to_the_field_come_first() -> None:
    passages = [DOCUMENT]
    question = "Who could put me in touch with hospitals?"
    text = partner_answer(question, "en", passages, ENTRIES, ranking_finder())
    lines = text.splitlines()
    assert lines[1] == (
        "- Sigma Link (network, Paris): Sigma Link puts young firms in touch with hospitals. [1]"
    )
    # never quoted by a sentence about someone else: its own entry's sentence, appended
    assert lines[2] == "- Omega Pharma (pharma group, Paris): Omega Pharma makes generic drugs. [2]"
    assert passages[1].id == "p-Omega Pharma"


GO_BETWEENS = [
    _entry("Kappa Hospital", "hospital-group", "Kappa Hospital treats patients in its hospitals."),
    _entry("Lambda Lab", "network", "Lambda Lab puts start-ups in touch with hospitals."),
]


def hospitals_finder() -> Ranking:
    """The directory's ranking for "hospitals": the hospital group first, the network second."""
    return Ranking(fit(GO_BETWEENS[0], 3.0), fit(GO_BETWEENS[1], 2.0))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a go-between first, the hospitals the asker would meet still listed after
        (
            "As a young medtech firm, who could put me in touch with hospitals?",
            ["- Lambda Lab", "- Kappa Hospital"],
        ),
        ("Who can introduce us to hospitals?", ["- Lambda Lab", "- Kappa Hospital"]),
        # a network that supports start-ups, not a hospital of the field
        (
            "Is there an organisation that supports start-ups working with hospitals?",
            ["- Lambda Lab"],
        ),
    ],
)
def test_a_go_between_first_when_asked_who_could_put_the_asker_in_touch_or_support_it(
    question: str, expected: list[str]
) -> None:
    assert classify(question) == QuestionKind.PARTNER
    text = partner_answer(question, "en", [], GO_BETWEENS, hospitals_finder())
    assert [line.split(" (")[0] for line in text.splitlines()[1:]] == expected


def test_a_long_fit_sentence_loses_its_apposition_before_the_field_it_names() -> None:
    passage = (
        "Omega Lab, the national research institute for computer science and automation in "
        "the region, shares projects with Inserm on cardiology."
    )
    quote = fit_sentence(passage, ["Omega Lab"], "institut informatique Inserm cardiology")
    assert quote == "Omega Lab shares projects with Inserm on cardiology."
    # an apposition that holds a word of the field stays (cut at a word instead)
    quote = fit_sentence(passage, ["Omega Lab"], "automation Inserm")
    assert quote.startswith("Omega Lab, the national research institute for computer science")


def test_an_apposition_within_a_list_stays() -> None:
    passage = (
        "The CNRS; the Omega Institute, a foundation that treats rare illnesses, the Sigma "
        "Institute, a leader in the fight against cancer; and two universities."
    )
    quote = fit_sentence(passage, ["Omega Institute"], "cancer")
    assert quote.startswith("The CNRS; the Omega Institute, a foundation that treats")


def test_a_french_field_finds_the_english_sentence_that_makes_the_fit() -> None:
    passage = "Omega Lab runs three clinics in Paris. Omega Lab studies infectious diseases."
    quote = fit_sentence(passage, ["Omega Lab"], "maladies infectieuses")
    assert quote == "Omega Lab studies infectious diseases."


def test_a_french_field_ties_the_organisation_the_sources_name_for_it() -> None:
    passages = [DOCUMENT]
    question = "Avec qui collaborer pour rejoindre les hôpitaux ?"
    assert classify(question) == QuestionKind.PARTNER
    text = partner_answer(question, "fr", passages, ENTRIES, ranking_finder())
    assert text.splitlines()[1].startswith("- Sigma Link")


EVENT_AND_LAB = [
    _entry("Omega Summit", "event", "Omega Summit gathers cardiology start-ups every spring."),
    _entry("Sigma Institute", "research-institute", "Sigma Institute studies cardiology."),
]


def event_finder() -> Ranking:
    """A ranking with an event first: the Directory tab lists it, a partner answer need not."""
    return Ranking(fit(EVENT_AND_LAB[0], 3.0), fit(EVENT_AND_LAB[1], 2.0))


def test_an_event_is_no_one_to_work_with() -> None:
    question = "Who could we work with on cardiology?"
    text = partner_answer(question, "en", [], EVENT_AND_LAB, event_finder())
    assert [line.split(" (")[0] for line in text.splitlines()[1:]] == ["- Sigma Institute"]


START_UPS = [
    _entry(f"Start{i}", "e-health-startup", f"Start{i} makes e-health apps.") for i in range(14)
]
GROUP = _entry("Omega Group", "pharma-group", "Omega Group runs an e-health lab.")


def many_start_ups_finder() -> Ranking:
    """A ranking of fourteen e-health start-ups, then a pharma group (within ``k``)."""
    return Ranking(*(fit(p, 3.0) for p in START_UPS), fit(GROUP, 1.0))


def test_big_companies_are_groups_found_beyond_the_first_of_the_ranking() -> None:
    question = "big companies doing e-health R&D in paris that i could partner with?"
    assert classify(question) == QuestionKind.PARTNER
    text = partner_answer(question, "en", [], [*START_UPS, GROUP], many_start_ups_finder())
    assert [line.split(" (")[0] for line in text.splitlines()[1:]] == ["- Omega Group"]
