"""Where an organisation is, however the asker words it: the words that place the question in
the region ("in the Paris area"), words the corpus never uses ("cest", "actually", what the
asker says of themselves), and a question in two parts (where it is, and what it is or a fact
of the passages). Fast: fake directory rows, the corpus's terms from their texts; slow: through
the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.standalone import Reading
from assistant.answer.where import located_subject
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer, from_directory
from assistant.services.entry_answers import entry_answer
from ingest.store.text import tokenize


def _entry(
    name: str, kind: str, city: str, departement: str, text: str, parents: str = ""
) -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "domains": "cardiology"}
    meta |= {"doc_id": f"dir#{name.lower()}", "departement": departement, "parents": parents}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}. {text}", meta, 0.0)


ROWS = [
    _entry("Alpha Lab", "laboratory", "Orsay", "91", "Alpha Lab builds cardiac sensors."),
    _entry("Beta Imaging", "medtech-company", "Palaiseau", "91", "Beta Imaging images hearts."),
    _entry("Zeta Scan", "lab", "Gif-sur-Yvette", "91", "Zeta Scan scans brains.", "Alpha Lab"),
]
# the corpus's terms: the entries and a source that speaks of an area and of a biobank
SOURCE = "Labs of the area share a biobank and an open innovation lab opened in 2016."
KNOWN = {t for text in [SOURCE, *(p.text for p in ROWS)] for t in tokenize(text)}
ALPHA = "Alpha Lab is in Orsay, Essonne [1]."


def test_an_organisation_s_thing_with_its_apostrophe_left_out_is_of_that_organisation() -> None:
    """ "where is kardiolibs lab": Kardiolib's lab, a thing the passages locate, not the
    organisation's town."""
    orgs = from_passages([_entry("Kardiolib", "medtech-company", "Orsay", "91", "It scans.")])
    assert located_subject("where is kardiolibs lab", orgs) == []
    assert [o.name for o in located_subject("where is kardiolib", orgs)] == ["Kardiolib"]


def _read(question: str) -> Reading:
    """The question as read to be located."""
    return Reading(standalone=question, asked=question, kind=QuestionKind.LOCATE, said=())


def _answer(question: str) -> str:
    orgs = from_passages(ROWS)
    return directory_answer(question, question, QuestionKind.LOCATE, "en", [], orgs, None, KNOWN)


@pytest.mark.parametrize(
    "question",
    [
        "where's alpha lab in the palaiseau area",  # a phrase placing it in the region
        "où se trouve Alpha Lab dans le coin de Palaiseau ?",
        "Where is Alpha Lab actually located?",  # a word the corpus never uses
        "alpha lab cest ou en idf",  # "c'est où" without its apostrophe, narrowed to the region
        # what the asker says of themselves, in a message with no question mark
        "Chercheur à l'université Paris-Sud, j'aimerais savoir dans quelle ville est l'institut "
        "Alpha Lab.",
        "Which arrondissement is Alpha Lab in? The postcode would do.",
    ],
)
def test_where_is_an_organisation_whatever_else_the_asker_says(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE
    assert _answer(question) == ALPHA


@pytest.mark.parametrize(
    "question",
    [
        "Where is Alpha Lab's biobank?",  # a thing of it the sources speak of
        "where is the genebank of Alpha Lab?",  # a thing of it the corpus never names
        "où est la génothèque d'Alpha Lab ?",
        "Where is the open innovation lab of Alpha Lab in the Palaiseau area?",
        # where it will set up a thing told before: every word read, known to the corpus or not
        "Dans quel secteur Alpha Lab compte-t-il installer le sien, et à quelle échéance ?",
    ],
)
def test_a_thing_of_the_organisation_is_not_its_address(question: str) -> None:
    assert _answer(question) == ""  # a fact of the passages, or their decline


def test_a_question_in_two_parts_gets_what_the_entry_says_the_organisation_is() -> None:
    kind = "Quick one on Alpha Lab: what kind of organisation is it and which town is it in?"
    assert _answer(kind) == "Alpha Lab (laboratory) is in Orsay, Essonne [1]."
    parent = "which organisation does Zeta Scan belong to, and what town is it in?"
    assert (
        _answer(parent) == "Zeta Scan (lab, part of Alpha Lab) is in Gif-sur-Yvette, Essonne [1]."
    )
    # the part that is not where is composed from the passages as a fact, after the line
    year = "Where is Alpha Lab based, and what year did it open its innovation lab?"
    found, kind_left = from_directory(_read(year), "en", [], from_passages(ROWS), None, KNOWN)
    assert (found, kind_left) == (
        "Alpha Lab (laboratory) is in Orsay, Essonne [1].",
        QuestionKind.FACT,
    )
    # a question that asks only where keeps its plain line, and nothing left to compose
    assert from_directory(
        _read("Where is Alpha Lab?"), "en", [], from_passages(ROWS), None, KNOWN
    ) == (ALPHA, QuestionKind.LOCATE)


@pytest.mark.slow
def test_two_part_where_questions_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        # the directory's line, then the passages' fact
        "Where is GE Healthcare based, and in what year did it set up Digital Foundry?": [
            "Buc",
            "2016",
        ],
        "Guerbet: what kind of company is it, and which town is it in?": ["Villepinte", "pharma"],
        "where's philips in the paris area": ["Suresnes"],
    }
    for question, names in cases.items():
        answer = chat.ask(question)
        assert answer.kind == QuestionKind.LOCATE.value, question
        assert answer.grounded and answer.cited, (question, answer.answer)
        for name in names:
            assert name in answer.answer, (question, answer.answer)
        for n in answer.cited:
            assert f"[{n}]" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "where does Gala Summit take place?",
        "where did Gala Summit happen?",
        "où se tient Gala Summit ?",
        "Où a eu lieu Gala Summit ?",
    ],
)
def test_where_an_event_takes_place_is_its_venue_and_town(question: str) -> None:
    """An event's entry that says where it is held ("at the X in its town") places it there."""
    gala = _entry(
        "Gala Summit", "event", "Paris", "75", "It was held at the Maison Verte in Paris."
    )
    assert classify(question) == QuestionKind.LOCATE
    language = "fr" if question.startswith("O") else "en"
    said = directory_answer(
        question, question, QuestionKind.LOCATE, language, [], from_passages([gala]), None, KNOWN
    )
    assert said.startswith("Gala Summit") and "Maison Verte, Paris [1]" in said


def test_a_name_not_before_the_entry_s_own_town_is_no_venue() -> None:
    met = _entry("Nu Forum", "event", "Paris", "75", "It met at the Alpha Lab in Orsay.")
    said = directory_answer(
        "where does Nu Forum take place?",
        "where does Nu Forum take place?",
        QuestionKind.LOCATE,
        "en",
        [],
        from_passages([met]),
        None,
        KNOWN,
    )
    assert said == "Nu Forum is in Paris [1]."


def test_where_a_thing_is_in_a_place_of_the_world_or_which_site_is_bigger_is_no_directory_line(
    lexicon: Lexicon,
) -> None:
    """The directory holds Alpha Lab's town, not its site in the US nor the size of its site."""
    orgs = from_passages(ROWS)
    known = Gazetteer.of(orgs)
    for question in (
        "where is Alpha Lab's head office in the US?",
        "Is Alpha Lab's site bigger than Beta Imaging's?",
    ):
        assert from_directory(_read(question), "en", [], orgs, None, KNOWN, known, lexicon) == (
            "",
            QuestionKind.FACT,
        )
    plain = "where are labs like Alpha Lab and Beta Imaging based? scouting for an office"
    found, _ = from_directory(_read(plain), "en", [], orgs, None, KNOWN, known, lexicon)
    assert found.startswith("Alpha Lab is in Orsay") and "Beta Imaging is in Palaiseau" in found


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def test_a_name_the_directory_does_not_hold_sends_where_to_the_passages() -> None:
    """ "where are Alpha Lab and Bayer?": Bayer is not passed over by Alpha Lab's line."""
    assert _answer("where do Alpha Lab and Bayer have their sites?") == ""
    assert _answer("where is Alpha Lab in Orsay?") == ALPHA


def test_of_two_named_the_one_without_a_town_is_said_so() -> None:
    rows = [*ROWS, _entry("Nu Care", "start-up", "", "", "Nu Care builds apps.")]
    said = directory_answer(
        "where are Alpha Lab and Nu Care?",
        "",
        QuestionKind.LOCATE,
        "en",
        [],
        from_passages(rows),
        None,
        KNOWN,
    )
    assert said.startswith(ALPHA) and "does not give the town of Nu Care" in said


def test_a_kind_the_town_does_not_hold_is_said_so() -> None:
    """ "which medtech companies are in Orsay?": Orsay holds Alpha Lab, no medtech company."""
    said = _answer("which medtech companies are in Orsay?")
    assert said == "The directory lists no medtech company in Orsay."
    assert _answer("which laboratories are in Orsay?").startswith("In Orsay, the directory lists")
    # the companies' kinds together are "companies"; a département by its name and number
    assert _answer("which companies are in Orsay?") == "The directory lists no company in Orsay."
    orgs = from_passages(ROWS)
    for asked, said in (
        ("quelles entreprises sont à Orsay ?", "pas d'entreprise à Orsay."),
        ("quels hôpitaux sont dans l'Essonne ?", "pas de groupe hospitalier dans le 91 (Essonne)."),
    ):
        found = directory_answer(asked, "", QuestionKind.LOCATE, "fr", [], orgs, None)
        assert found == f"L'annuaire ne recense {said}"


def test_a_departement_that_holds_no_organisation_is_said_so() -> None:
    """The directory places nothing in the 77: "none there", of the kind asked or of any."""
    assert _answer("which organisations are in the 77?") == (
        "The directory lists no organisation in Seine-et-Marne (77)."
    )
    assert _answer("which companies are in seine et marne?") == (
        "The directory lists no company in Seine-et-Marne (77)."
    )
    found = directory_answer(
        "quelles entreprises dans le 77 ?",
        "",
        QuestionKind.LOCATE,
        "fr",
        [],
        from_passages(ROWS),
        None,
    )
    assert found == "L'annuaire ne recense pas d'entreprise dans le 77 (Seine-et-Marne)."


def test_a_partner_asked_in_a_place_of_the_world_is_none_of_the_directory_s(
    lexicon: Lexicon,
) -> None:
    orgs = from_passages(ROWS)
    asked = "who could we partner with in Boston on cardiac sensors?"
    reading = Reading(standalone=asked, asked=asked, kind=QuestionKind.PARTNER, said=())
    assert from_directory(reading, "en", [], orgs, None, KNOWN, Gazetteer.of(orgs), lexicon) == (
        "",
        QuestionKind.LIST,
    )


def test_those_named_before_a_plural_pronoun_are_all_located() -> None:
    """ "Alpha Lab et Beta Imaging, ils sont où en Île-de-France ?": both, one line each; the
    region that places the question names no organisation (not the regional council)."""
    council = _entry("Région Île-de-France", "public-body", "Saint-Ouen", "93", "It funds.")
    orgs = from_passages([*ROWS, council])
    question = "Alpha Lab et Beta Imaging, ils sont où en Île-de-France ?"
    said = directory_answer(question, question, QuestionKind.LOCATE, "fr", [], orgs, None, KNOWN)
    assert said.splitlines()[0].startswith("Alpha Lab se trouve à Orsay"), said
    assert "Beta Imaging se trouve à Palaiseau" in said and "Région" not in said
    where = "where is the Région Île-de-France?"
    assert directory_answer(where, where, QuestionKind.LOCATE, "en", [], orgs, None).startswith(
        "Région Île-de-France is in Saint-Ouen"
    )


def test_who_runs_an_organisation_or_its_website_is_what_its_entry_says() -> None:
    """ "who runs Zeta Scan?" of an entry whose parent is Alpha Lab: Alpha Lab, cited; of an
    organisation without a parent, or a person's role, the passages answer. Its website too."""
    orgs = from_passages(ROWS)
    passages: list[Passage] = []
    assert entry_answer("who runs Zeta Scan?", passages, orgs, "en") == (
        "Zeta Scan is part of Alpha Lab [1]."
    )
    assert entry_answer("qui gère Zeta Scan ?", [], orgs, "fr").startswith(
        "Zeta Scan fait partie de Alpha Lab"
    )
    assert entry_answer("who runs Alpha Lab?", [], orgs, "en") == ""  # no parent
    assert entry_answer("who is the CEO of Zeta Scan?", [], orgs, "en") == ""  # a person
    assert entry_answer("who runs Zeta Scan day to day?", [], orgs, "en") == ""
    assert entry_answer("when was Zeta Scan founded and who runs it?", [], orgs, "en") == ""
    assert entry_answer("where is Zeta Scan?", [], orgs, "en") == ""
    # a website asked of one organisation: its entry's
    site = _entry("Nu Care", "start-up", "Paris", "75", "Nu Care builds apps.")
    site.metadata["website"] = "https://nucare.example"
    sited = from_passages([*ROWS, site])
    assert entry_answer("what's the website of Nu Care?", [], sited, "en") == (
        "The website of Nu Care: https://nucare.example [1]."
    )
    assert entry_answer("site web de Nu Care ?", [], sited, "fr").startswith("Le site web de")
    assert entry_answer("Alpha Lab website?", [], sited, "en") == ""  # its entry gives none
    scraper = "Write me a script that scrapes the Nu Care website for its members."
    assert entry_answer(scraper, [], sited, "en") == ""  # the website is no answer asked
