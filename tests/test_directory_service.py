"""Directory search and partner matching on the shipped directory (fast tier: fake embedder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeBackend, FakeEmbedder

from assistant.answer.organisations import Organisation, from_passage, from_passages
from assistant.answer.partners import topic
from assistant.app.container import Container
from assistant.retrieval.passage import Passage
from assistant.services import DirectoryService
from assistant.services.directory import OUTSIDE_REGION
from ingest.directory.region import where
from ingest.settings import Settings


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> DirectoryService:
    import shutil

    from ingest.settings import REPO_ROOT

    root = tmp_path_factory.mktemp("dir")
    corpus = Path(shutil.copytree(REPO_ROOT / "corpus", root / "corpus"))
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    container = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    assert container.corpus.refresh().ok
    return container.directory


IDF = {"75", "77", "78", "91", "92", "93", "94", "95"}


def names(rows: list) -> set[str]:
    return {r.name for r in rows}


def test_search_matches_whole_words_not_substrings(directory: DirectoryService) -> None:
    everyone = directory.search()
    ai = directory.search("AI")
    assert 0 < len(ai) < len(everyone) // 2, [r.name for r in ai]  # not every "pAIris"
    assert {"Cap Digital", "Medicen Paris Region"} <= names(ai)  # "artificial intelligence"
    assert all(
        any("artificial intelligence" in d for d in r.domains) or " AI" in r.description for r in ai
    )


def test_search_ignores_accents_and_case_and_knows_french(directory: DirectoryService) -> None:
    assert "Région Île-de-France" in names(directory.search("region ile-de-france"))
    assert names(directory.search("CANCÉROPÔLE")) == {"Cancéropôle Île-de-France"}
    imagerie = names(directory.search("imagerie"))
    assert {"NeuroSpin", "Philips", "GE Healthcare"} <= imagerie
    assert names(directory.search("oncologie")) >= {"Gustave Roussy", "Institut Curie"}


def test_search_with_no_match_is_empty(directory: DirectoryService) -> None:
    assert directory.search("lung") == []
    assert directory.search("asdfghjkl") == []


def test_city_filter_never_lists_an_unknown_place(directory: DirectoryService) -> None:
    rows = directory.search("", city="Villejuif")
    assert names(rows) == {"Gustave Roussy"}
    everyone = directory.search()
    unknown = {r.name for r in everyone if not r.city}
    assert "Appli Chimio" in unknown and "MedClinik" in unknown
    for place in directory.facets().cities:
        assert not names(directory.search("", city=place)) & unknown, place
    imaging = names(directory.search("imaging", city="Gif-sur-Yvette"))
    assert imaging == {
        "NeuroSpin",
        "Commissariat à l'énergie atomique et aux énergies alternatives",
    }
    assert not names(directory.search("imaging", city="Paris")) & {"NeuroSpin", "Philips"}


def test_place_facets_are_communes_of_the_region(directory: DirectoryService) -> None:
    facets = directory.facets()
    rows = directory.search()
    assert {"Paris", "Villejuif", "Gif-sur-Yvette", "Rueil-Malmaison"} <= set(facets.cities)
    assert "" not in facets.cities
    assert not {"Lyon", "Marseille", "Dijon"} & set(facets.cities)  # outside: not a commune
    for city in facets.cities:
        assert facets.departements[city] in IDF, city
    assert facets.departements["Villejuif"] == "94" and facets.outside
    outside = names(directory.search("", city=OUTSIDE_REGION))
    assert {"Lyonbiopole", "EuroBioMed", "OncoDesign", "360Medlink"} == outside
    assert all(r.region == "out" for r in rows if r.name in outside)


def test_search_text_sorts_by_relevance(directory: DirectoryService) -> None:
    rows = [r.name for r in directory.search("curie")]
    assert rows[0] == "Institut Curie"  # named so, before "Appli Chimio" (its description)
    assert "Appli Chimio" in rows
    assert [r.name for r in directory.search()] == sorted(
        (r.name for r in directory.search()), key=str.lower
    )  # no search text: by name


def test_kind_has_one_spelling(directory: DirectoryService) -> None:
    by_space = directory.search("", kind="research institute")
    by_dash = directory.search("", kind="research-institute")
    assert by_space == by_dash and "NeuroSpin" in names(by_dash)
    assert all(" " not in k for k in directory.facets().kinds)


def test_partners_explain_the_fit(directory: DirectoryService) -> None:
    matches = directory.find_partners(
        "Our oncology lab develops AI for cancer imaging and needs clinical partners."
    )
    found = [m.organisation.name for m in matches]
    assert "Assistance Publique - Hôpitaux de Paris" in found  # clinical trials, a hospital
    assert "Gustave Roussy" in found or "Institut Curie" in found
    for match in matches:
        assert match.reasons and match.passage
    roussy = next(m for m in matches if m.organisation.name in ("Gustave Roussy", "Institut Curie"))
    assert "oncology" in roussy.matched_domains


def test_partners_have_a_relevance_floor(directory: DirectoryService) -> None:
    assert directory.find_partners("asdfghjkl qwerty") == []
    assert directory.find_partners("we need a partner for our project") == []
    with pytest.raises(ValueError):
        directory.find_partners("   ")


def test_french_words_of_no_field_are_no_partners_field(directory: DirectoryService) -> None:
    # "santé" is French for "health": no field, like "health" itself (never "digital", which
    # only "e-santé" means)
    assert directory.find_partners("nous cherchons un partenaire santé pour notre projet") == []
    assert directory.find_partners("we need a health partner for our project") == []


def test_digital_health_is_e_health(directory: DirectoryService) -> None:
    for description in ("digital health R&D", "santé numérique"):
        found = [m.organisation.name for m in directory.find_partners(description, 30)]
        assert "Sanofi" in found, description  # its domain: e-health


def test_a_word_naming_a_kind_is_no_field_of_a_description(directory: DirectoryService) -> None:
    # "institut": every "... Institute" description holds it; only the field ranks them
    found = [m.organisation.name for m in directory.find_partners("maladies infectieuses institut")]
    assert "Institut Pasteur" in found
    assert not {"NeuroSpin", "Gustave Roussy", "Institut Curie"} & set(found)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (
            "We'd rather not deal with every hospital one by one: is there a body that acts "
            "as a central point of contact for oncology?",
            "Cancéropôle Île-de-France",
        ),
        (
            "Existe-t-il une structure qui serve d'intermédiaire entre les innovateurs en santé "
            "et les usagers ?",
            "Lab Santé Île-de-France",
        ),
    ],
)
def test_the_organisation_that_plays_the_role_sought_ranks_first(
    directory: DirectoryService, question: str, first: str
) -> None:
    assert directory.find_partners(topic(question))[0].organisation.name == first


def test_partners_outside_the_region_are_marked(directory: DirectoryService) -> None:
    matches = directory.find_partners("precision medicine partners")
    by_name = {m.organisation.name: m for m in matches}
    assert by_name["OncoDesign"].out_of_region  # Dijon
    assert not by_name["Servier"].out_of_region  # Suresnes


def test_region_by_postcode_then_city() -> None:
    assert where("", "75013") == "in" and where("Somewhere", "21000") == "out"
    assert where("Gif-sur-Yvette") == "in" and where("Dijon") == "out"
    assert where("") == "unknown" and where("Atlantis") == "unknown"


def test_the_directory_and_the_answers_share_one_organisation(
    directory: DirectoryService,
) -> None:
    """The rows of the Directory tab are the answers' organisations (one wrapper), read from
    the same directory passages: same record, same passage, and its document's id."""
    rows = directory.organisations()
    passages = directory.source.organisation_passages()
    answers = {o.doc_id: o for o in from_passages(passages)}
    assert rows and all(isinstance(r, Organisation) for r in rows)
    assert all(answers[r.doc_id] == r for r in rows if r.name)
    assert all(r.doc_id == r.passage.metadata["doc_id"] for r in rows)


def test_an_organisation_is_placed_by_its_region_then_its_town() -> None:
    def org(region: str, city: str, postcode: str = "", **meta: str) -> Organisation:
        metadata = {"title": "X", "region": region, "city": city, "postcode": postcode, **meta}
        return from_passage(Passage(id="p1", text="About X.", metadata=metadata, score=0.0))

    assert org("out", "Paris").region == "out" and org("out", "Paris").commune == ""
    assert org("in", "Lyon").region == "in" and org("in", "Lyon").commune == "Lyon"
    assert org("", "Dijon", "21000").region == "out" and org("", "Créteil").commune == "Créteil"
    assert org("", "Atlantis").region == "unknown" and org("", "Atlantis").commune == ""
    assert org("", "Paris").doc_id == "p1"  # no doc_id: the passage's own id
    assert org("", "Paris", doc_id="directory#x").doc_id == "directory#x"
