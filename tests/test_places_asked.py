"""Which organisations of a kind, in a place, among those named: the place a question names
read from the directory's own fields (its towns, départements by name or number, its region
field for "outside the region"), list questions asked by their shape ("which of the pharma
groups ..."), and follow-ups that count the last answer's items ("those two", "lequel des
trois"). The directory is the real one (corpus/directory/organisations.csv), as ingested."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.compose import compose
from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.counted import by_count, by_pronoun
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.listed import listed
from assistant.answer.organisations import Organisation, from_passages, members
from assistant.answer.place_asked import places_asked, places_in
from assistant.answer.question_kind import QuestionKind, classify, restate
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer, directory_of
from ingest.directory import organisations_to_documents, read_organisations
from ingest.settings import REPO_ROOT


@pytest.fixture(scope="module")
def orgs() -> list[Organisation]:
    path = REPO_ROOT / "corpus" / "directory" / "organisations.csv"
    docs = organisations_to_documents(read_organisations(path), "organisations")
    return from_passages(
        [
            Passage(
                d.doc_id,
                d.text,
                {**d.metadata, "doc_id": d.doc_id, "source_kind": "directory"},
                0.0,
            )
            for d in docs
        ]
    )


def names(found: list[Organisation]) -> set[str]:
    return {o.label for o in found}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Which of the pharma groups in your directory have their French base in "
            "Rueil-Malmaison?",
            {"Bristol-Myers Squibb", "GlaxoSmithKline", "Novartis"},
        ),
        (
            "I'm moving to a lab in the Essonne (91). Which organisations from your sources "
            "are based there?",
            {"CEA", "NeuroSpin", "Incuballiance"},
        ),
        ("Quels organismes sont installés dans le 93 ?", {"Guerbet", "Région Île-de-France"}),
        (
            "Which organisations in the directory are actually located outside Île-de-France?",
            {"OncoDesign", "Lyonbiopole", "EuroBioMed", "360Medlink"},
        ),
        ("Quels clusters sont hors de la région ?", {"Lyonbiopole", "EuroBioMed"}),
    ],
)
def test_a_list_question_keeps_the_organisations_of_the_place_it_names(
    orgs: list[Organisation], question: str, expected: set[str]
) -> None:
    found = members(question, orgs)
    assert names([m.organisation for m in found]) == expected
    assert all(m.place for m in found)  # the directory's place fields answer, not a domain


def test_the_region_named_is_no_place_and_no_town_is_read_inside_a_longer_one(
    orgs: list[Organisation],
) -> None:
    assert places_asked("Which Paris Region start-ups work on e-health?", orgs) == []
    # the Paris ecosystem, the Paris area: the region, no town
    assert places_asked("Is there a joint project in the Paris ecosystem?", orgs) == []
    assert places_asked("any imaging firms in the Paris area?", orgs) == []
    assert places_asked("Which clusters are on the Paris-Saclay campus?", orgs) == []
    assert places_asked("Which organisations have more than 93 members?", orgs) == []
    # a compound town by its first word, as people shorten it ("rueil"), not a "saint"
    assert [p.label for p in places_asked("pharma à rueil ?", orgs)] == ["Rueil-Malmaison"]
    assert [p.label for p in places_asked("anything in levallois?", orgs)] == ["Levallois-Perret"]
    assert places_asked("any saint in the region?", orgs) == []
    assert [p.label for p in places_asked("Who is in Val-de-Marne or the 92?", orgs)] == [
        "Val-de-Marne",
        "Hauts-de-Seine",
    ]
    # a hyphenated name typed with spaces is the same place
    assert [p.label for p in places_asked("any pharma in rueil malmaison?", orgs)] == [
        "Rueil-Malmaison"
    ]
    assert [p.label for p in places_asked("qui est dans le val de marne ?", orgs)] == [
        "Val-de-Marne"
    ]
    # the places a question puts what it asks in, not those it only mentions
    for asked, expected in (
        ("where should a biotech from Lyon set up in Essonne?", ["Essonne"]),
        ("where should a start-up based near Paris set up?", []),
        ("where in the hauts de seine should a pharma company set up?", ["Hauts-de-Seine"]),
        ("where should we set up in the 92?", ["Hauts-de-Seine"]),
        ("where should we set up in Essonne rather than in Lyon?", ["Essonne"]),
    ):
        assert [p.label for p in places_in(asked, orgs)] == expected, asked


@pytest.mark.parametrize(
    "question",
    [
        "Which of the pharma groups in your directory have their French base in Rueil-Malmaison?",
        "Lesquels des incubateurs hébergent des start-ups en e-santé ?",
    ],
)
def test_which_of_the_kind_asks_for_a_list(question: str) -> None:
    assert classify(question) == QuestionKind.LIST


@pytest.mark.parametrize(
    "question",
    [
        "Je travaille sur les maladies infectieuses : quel institut parisien serait un "
        "partenaire naturel pour moi ?",
        "Which cluster would be a good partner for a diagnostics start-up?",
    ],
)
def test_which_one_would_be_a_partner_asks_who_to_work_with(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER


INCUBATORS = (
    "Les sources citent Agoranov, Incuballiance et Paris Biotech Santé, des incubateurs qui "
    "hébergent des porteurs de projets innovants en e-santé."
)
CLUSTERS = (
    "Yes, with the Lyonbiopole and EuroBioMed clusters, to be more ambitious at a national level."
)


def test_a_yes_that_opens_an_answer_is_no_item_of_its_list() -> None:
    assert listed(CLUSTERS) == ["Lyonbiopole", "EuroBioMed"]


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (
            "and where are those two based?",
            CLUSTERS,
            "and where are Lyonbiopole and EuroBioMed based?",
        ),
        (
            "et lequel des trois est à Paris même ?",
            INCUBATORS,
            "et lequel de Agoranov, Incuballiance et Paris Biotech Santé est à Paris même ?",
        ),
        ("which of the three is in Paris?", CLUSTERS, ""),  # the answer listed two
        # any number in words, up to the length of the list
        (
            "what do the six do?",
            "Six start-ups were chosen: A1, B2, C3, D4, E5 and F6.",
            "what do A1, B2, C3, D4, E5 and F6 do?",
        ),
        ("et les sept ?", "Six start-ups were chosen: A1, B2, C3, D4, E5 and F6.", ""),
        # the answer counts them and names them right after
        (
            "where are those two companies based?",
            "Yes. Two companies take part: GE Healthcare and Philips.",
            "where are GE Healthcare and Philips companies based?",
        ),
        # of more items than counted, not one the answer writes as another kind of thing
        (
            "where are those two companies based?",
            "The SUMIL project, with Alpha Scan and Beta Imaging, works on sensors.",
            "where are Alpha Scan and Beta Imaging companies based?",
        ),
        (
            "what are those two projects about?",
            "The SUMIL project and the HUB project, with Alpha Scan, work on sensors.",
            "what are SUMIL and HUB projects about?",
        ),
        # the answer counted "three pillars" and named others: what the three pillars are
        (
            "remind me, what were the three pillars?",
            "His strategy rests on three pillars; one project of the third is SUMIL, with GE "
            "Healthcare and Philips.",
            "",
        ),
    ],
)
def test_a_counted_referent_stands_for_the_items_the_last_answer_listed(
    question: str, answer: str, expected: str
) -> None:
    assert by_count(question, answer) == expected


def test_a_name_joined_to_the_next_by_and_is_the_item_not_the_clause_subject() -> None:
    """ "Medicen cites the SUMIL project with GE and Philips": GE and Philips are the list; a
    clause joined by ", and" keeps its own subject."""
    answer = "Yes: Medicen cites the SUMIL project with GE and Philips, on contrast ultrasonics "
    answer += "for oncology. [1]"
    assert listed(answer) == ["GE", "Philips"]
    assert listed("Medicen partnered with Inserm, and Sanofi opened a lab.") == [
        "Medicen",
        "Sanofi",
    ]


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (
            "where are they based?",
            "Incubators such as Agoranov, Incuballiance and Paris Biotech Santé host projects.",
            "where are Agoranov, Incuballiance and Paris Biotech Santé based?",
        ),
        ("ils sont où ?", INCUBATORS, "Agoranov, Incuballiance et Paris Biotech Santé sont où ?"),
        ("où sont-elles ?", CLUSTERS, "où sont Lyonbiopole et EuroBioMed ?"),
        # one thing and another clause's name; no place asked; a single name
        (
            "where are they headquartered?",
            "Doctolib is an e-health start-up; MIT Technology Review counted it among the best.",
            "",
        ),
        ("what do they do?", CLUSTERS, ""),
        ("where are they?", "Doctolib is an e-health start-up. [1]", ""),
    ],
)
def test_they_asked_where_stands_for_each_item_the_last_answer_listed(
    question: str, answer: str, expected: str
) -> None:
    assert by_pronoun(question, answer) == expected


def test_those_two_after_a_yes_stand_for_the_two_the_answer_named() -> None:
    """ "Yes. GE and Philips take part in ..." then "where are those two companies based?": the
    answer's "Yes." does not hide its list, and "those two" asks about them."""
    from assistant.answer.condense import Turn, condense

    answer = "Yes. GE and Philips take part in the SUMIL project, which Medicen cites. [1]"
    assert listed(answer) == ["GE", "Philips"]
    history = [
        Turn("user", "any imaging companies in medicen projects?"),
        Turn("assistant", answer),
    ]
    asked = condense("where are those two companies based in the paris region?", history)
    assert asked.startswith("where are GE and Philips companies based in the paris region?")


def test_which_of_those_listed_is_in_a_place_is_answered_from_the_directory(
    orgs: list[Organisation],
) -> None:
    history = [
        Turn("user", "Quels incubateurs soutiennent l'e-santé en Île-de-France ?"),
        Turn("assistant", INCUBATORS),
    ]
    question = "ok et lequel des trois est à Paris même ? je préfère rester intra-muros"
    standalone = condense(question, history)
    asked, kind = restate(question, standalone, classify(question))
    assert kind == QuestionKind.LOCATE
    passages: list[Passage] = []
    found = directory_answer(asked, standalone, kind, "fr", passages, orgs, None)
    assert "Agoranov" in found and "Incuballiance" not in found and "[1]" in found
    assert [p.metadata["title"] for p in passages] == ["Agoranov"]
    assert split_context(standalone)[0] == asked


@pytest.mark.parametrize(
    ("question", "lang", "heading", "expected"),
    [
        (
            "Quelles organisations sont situées en dehors de l'Île-de-France ?",
            "fr",
            "Hors Île-de-France, l'annuaire recense :",
            ["360Medlink", "OncoDesign", "Lyonbiopole", "EuroBioMed"],
        ),
        (
            "Which clusters are based outside the region?",
            "en",
            "Outside the Paris Region, the directory lists:",
            ["Lyonbiopole", "EuroBioMed"],
        ),
    ],
)
def test_which_organisations_are_outside_the_region_is_read_from_its_region_field(
    orgs: list[Organisation], question: str, lang: str, heading: str, expected: list[str]
) -> None:
    kind = classify(question)
    assert kind == QuestionKind.LOCATE
    passages: list[Passage] = []
    lines = directory_answer(question, question, kind, lang, passages, orgs, None).splitlines()
    assert lines[0] == heading
    assert [line[2:].split(" (")[0] for line in lines[1:]] == expected
    assert any(", Lyon, " in line for line in lines)  # the town of each, outside the region
    assert [p.metadata["title"] for p in passages] == expected


def test_where_to_set_up_in_a_town_is_no_list_of_that_town(orgs: list[Organisation]) -> None:
    question = (
        "Nous sommes une jeune pousse de la e-santé qui veut s'installer à Paris. Quels "
        "incubateurs nous conseillez-vous ?"
    )
    kind = classify(question)
    assert kind == QuestionKind.LOCATE  # where to set up: the places that fit, not Paris's list
    assert directory_answer(question, question, kind, "fr", [], orgs, None) == ""


def report(*sentences: tuple[str, float], answerable: bool = True) -> EvidenceReport:
    evidence = [Evidence(n, 0, s, score, score, 0.5) for n, (s, score) in enumerate(sentences, 1)]
    return EvidenceReport(
        "en", evidence, {n: [s] for n, (s, _) in enumerate(sentences, 1)}, answerable=answerable
    )


PHARMA = (
    "In all, there are 202 establishments, including AstraZeneca, Bristol-Myers Squibb, "
    "GlaxoSmithKline, Guerbet, Lilly, Novartis, Pfizer, Roche, and Sanofi."
)


def test_the_organisations_of_the_place_lead_before_what_the_sources_enumerate(
    orgs: list[Organisation],
) -> None:
    question = "Which of the pharma groups have their French base in Rueil-Malmaison?"
    r = report((PHARMA, 0.9), answerable=False)  # the gate alone would decline
    passages = [Passage("p1", PHARMA, {}, 0.0)]
    found = directory_of(question, QuestionKind.LIST, r, passages, orgs)
    text = compose("list", r, question, found.members, (), found.directory_n)
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert [b.split(" (")[0] for b in bullets] == [
        "- Bristol-Myers Squibb",
        "- GlaxoSmithKline",
        "- Novartis",
    ]
    assert all("Rueil-Malmaison" in b and "[1]" not in b for b in bullets)  # their entries
    assert text.endswith(f"{PHARMA} [1]")  # the sources' list of all of them comes after


@pytest.mark.slow
def test_which_organisations_of_a_place_and_among_those_listed_through_the_real_index(
    built_index: Path,
) -> None:
    """Through the chat on the real index: a place read from the directory's fields, and a
    follow-up that counts the last answer's list."""
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        "Which of the medtech companies in your directory have their base in Suresnes?": (
            ["Philips"],
            ["GE Healthcare"],
        ),
        "Quels organismes de vos sources sont installés dans le 91 ?": (
            ["CEA", "NeuroSpin", "Incuballiance"],
            ["Villejuif"],
        ),
        "Which organisations in the directory are located outside the Paris Region?": (
            ["Lyonbiopole", "EuroBioMed", "OncoDesign"],
            ["Agoranov"],
        ),
    }
    for question, (named, absent) in cases.items():
        answer = chat.ask(question)
        assert answer.grounded, answer.answer
        assert all(n in answer.answer for n in named), answer.answer
        assert not any(n in answer.answer for n in absent), answer.answer
    history = [
        Turn("user", "Does Medicen work with other clusters on diagnostics?"),
        Turn("assistant", CLUSTERS),
    ]
    answer = chat.ask("and where are those two based?", history)
    assert answer.kind == QuestionKind.LOCATE.value
    assert "Lyon" in answer.answer and "Marseille" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("who is based in Suresnes?", "en", ["Philips", "Servier"]),
        ("who's based in suresnes?", "en", ["Philips", "Servier"]),
        ("qui est installe a Suresnes dans votre annuaire ?", "fr", ["Philips", "Servier"]),
        # a postcode stands for its town
        (
            "which pharma companies in your directory sit in 92500 (Rueil)?",
            "en",
            ["Bristol-Myers Squibb", "GlaxoSmithKline", "Novartis"],
        ),
    ],
)
def test_who_is_in_a_town_or_a_postcode_lists_what_the_directory_places_there(
    orgs: list[Organisation], question: str, lang: str, expected: list[str]
) -> None:
    kind = classify(question)
    assert kind == QuestionKind.LOCATE
    lines = directory_answer(question, question, kind, lang, [], orgs, None).splitlines()
    assert sorted(line[2:].split(" (")[0] for line in lines[1:]) == expected
    # "who is the CEO?" asks no place; who is based there and does more asks more
    assert classify("qui est à la tête de Medicen ?") != QuestionKind.LOCATE
    assert classify("who is based in Paris and leads Medicen?") != QuestionKind.LOCATE


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("what is Guerbet's postcode?", "en", "93420 Villepinte"),
        ("code postal de Guerbet ?", "fr", "93420 Villepinte"),
        ("Incuballiance c'est ou exactement ? dans l'essonne ?", "fr", "91400 Orsay"),
    ],
)
def test_a_postcode_or_a_second_question_naming_the_departement_asks_where(
    orgs: list[Organisation], question: str, lang: str, expected: str
) -> None:
    kind = classify(question)
    assert kind == QuestionKind.LOCATE
    assert expected in directory_answer(question, question, kind, lang, [], orgs, None)
    assert places_asked("sit in 92500", orgs)[0].label == "Rueil-Malmaison (92500)"
    # a town's département in brackets after it is that town's, no second place
    told = "We're scouting offices in Rueil-Malmaison (92). Which pharma groups are there?"
    assert [p.label for p in places_asked(told, orgs)] == ["Rueil-Malmaison"]
    assert [p.label for p in places_asked("any labs in the (92)?", orgs)] == ["Hauts-de-Seine"]
    # a Paris postcode holds its own organisations, not all of Paris
    question = "which organisations are in 75013?"
    lines = directory_answer(question, question, classify(question), "en", [], orgs, None)
    assert lines.splitlines()[0].startswith("In Paris (75013)")
    assert [line[2:].split(" (")[0] for line in lines.splitlines()[1:]] == ["Inserm"]
