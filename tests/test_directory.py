"""Unit tests for ingest.directory and the shipped organisation directory."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ingest.directory import (
    COLUMNS,
    KINDS,
    PLACE_COLUMNS,
    Organisation,
    organisation_to_document,
    organisations_to_documents,
    read_organisations,
    slugify,
)
from ingest.models import IngestError

ROOT = Path(__file__).resolve().parents[1]
DIRECTORY = ROOT / "corpus" / "directory" / "organisations.csv"
DOCUMENTS = ROOT / "corpus" / "documents"
DATA = Path(__file__).resolve().parent / "data" / "directory"

# Where the directory uses an organisation's official name and the seed text another form.
SEED_FORMS: dict[str, tuple[str, ...]] = {
    "Medicen Paris Region": ("Medicen",),
    "Institut Pasteur": ("Pasteur Institute", "Institutes Curie, Pasteur"),
    "Institut Curie": ("Curie Institute", "Institutes Curie"),
    "GE Healthcare": ("General Electric Healthcare",),
    "GE Healthcare Digital Foundry": ("Digital Foundry",),
    "InterSystems": ("Intersystem",),
    "CCI Paris Île-de-France": ("Paris Île-de-France CCI",),
    "Cancéropôle Île-de-France": ("Canceropole",),
    "Precision Medicine Hub": ("hub program for precision medicine",),
    "Région Île-de-France": ("Paris Region", "Île-de-France Region"),
}


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return " ".join(folded.encode("ascii", "ignore").decode("ascii").lower().split())


def _glued(text: str) -> str:
    """Letters and digits only, so "MedicenCap Digital" contains "Cap Digital"."""
    return re.sub(r"[^a-z0-9]", "", _fold(text))


def _mentioned(org: Organisation, seed_text: str) -> bool:
    glued = _glued(seed_text)
    forms = (org.name, *SEED_FORMS.get(org.name, ()))
    if any(_glued(form) in glued for form in forms):
        return True
    return (
        bool(org.acronym)
        and re.search(rf"\b{re.escape(_fold(org.acronym))}\b", _fold(seed_text)) is not None
    )


@pytest.fixture(scope="module")
def organisations() -> list[Organisation]:
    return read_organisations(DIRECTORY)


def test_shipped_directory_parses(organisations: list[Organisation]) -> None:
    assert len(organisations) >= 40
    names = [org.name for org in organisations]
    assert len(set(names)) == len(names)
    assert len({slugify(name) for name in names}) == len(names)
    header = DIRECTORY.read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == COLUMNS + PLACE_COLUMNS


def test_kinds_domains_and_sources(organisations: list[Organisation]) -> None:
    for org in organisations:
        assert org.kind in KINDS, org.name
        assert org.description, org.name
        assert all(d == d.lower() and d.isascii() for d in org.domains), org.name
        sources = org.source.split(";")
        assert sources and all((DOCUMENTS / s).is_file() for s in sources), org.name


def test_every_organisation_is_named_in_its_sources(
    organisations: list[Organisation],
) -> None:
    for org in organisations:
        for source in org.source.split(";"):
            text = (DOCUMENTS / source).read_text(encoding="utf-8")
            assert _mentioned(org, text), f"{org.name} not found in {source}"


def test_parents_are_directory_entries(organisations: list[Organisation]) -> None:
    known = {org.name for org in organisations} | {o.acronym for o in organisations if o.acronym}
    for org in organisations:
        assert set(org.parents) <= known, org.name


def test_seed_facts_in_directory(organisations: list[Organisation]) -> None:
    by_name = {org.name: org for org in organisations}
    aphp = next(org for org in organisations if org.acronym == "AP-HP")
    assert "39 hospitals" in aphp.description and "3100 projects" in aphp.description
    assert by_name["Appli Chimio"].parents == ("Institut Curie",)
    assert by_name["MedClinik"].parents == ("360Medlink",)
    assert by_name["NeuroSpin"].parents == ("CEA",)
    assert by_name["Lyonbiopole"].city == "Lyon"
    assert by_name["EuroBioMed"].city == "Marseille"
    assert "oncology" in by_name["SUMIL"].domains
    for name in ("SUMIL", "TERR-eSANTE", "Precision Medicine Hub", "Appli Chimio"):
        assert by_name[name].kind == "programme"


def test_rnsr_sample_maps_fields() -> None:
    orgs = read_organisations(DATA / "rnsr_sample.csv", "rnsr")
    assert 5 <= len(orgs) <= 8
    first = orgs[0]
    assert first.name == "Centre de recherche en immunologie translationnelle de Paris"
    assert first.acronym == "CRITP"
    assert first.kind == "research-unit"
    assert (first.city, first.postcode) == ("Paris", "75015")
    assert first.website == "https://critp.example.org"
    assert first.parents == ("Inserm", "Université Paris Cité")
    assert first.domains == ("biology, medicine and health",)
    assert "201923401A" in first.description and "UMR 1234" in first.description
    assert first.source == "rnsr_sample.csv"
    by_acronym = {org.acronym: org for org in orgs}
    assert by_acronym["LIBS"].city == "Gif Sur Yvette"  # "GIF SUR YVETTE CEDEX"
    assert by_acronym["LIBS"].parents == ("CEA", "CNRS", "Université Paris-Saclay")
    assert by_acronym["FROIF"].kind == "research-federation"
    assert by_acronym["PAGV"].kind == "research-service-unit"


def test_rnsr_label_headers(tmp_path: Path) -> None:
    path = tmp_path / "rnsr_labels.csv"
    path.write_text(
        "Numéro national de structure;Libellé;Sigle;Commune;Code postal;Tutelles\n"
        "201900001A;Unité de test;UT;Paris;75005;Inserm\n",
        encoding="utf-8-sig",
    )
    (org,) = read_organisations(path, "rnsr")
    assert (org.name, org.acronym, org.postcode, org.parents) == (
        "Unité de test",
        "UT",
        "75005",
        ("Inserm",),
    )


def test_finess_sample_latin1() -> None:
    raw = (DATA / "finess_sample.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    orgs = read_organisations(DATA / "finess_sample.csv", "finess")
    assert 5 <= len(orgs) <= 8
    first = orgs[0]
    assert first.name == "HÔPITAL UNIVERSITAIRE SAINT-MARCEL AP-HP"
    assert first.acronym == "HOPITAL SAINT-MARCEL AP-HP"
    assert first.kind == "hospital"
    assert (first.city, first.postcode) == ("Paris", "75013")
    assert "750199991" in first.description
    assert "Centre Hospitalier Régional" in first.description
    assert first.source == "finess_sample.csv"
    by_postcode = {org.postcode: org for org in orgs}
    assert by_postcode["94805"].kind == "cancer-centre"
    assert by_postcode["94805"].city == "Villejuif"  # "94805 VILLEJUIF CEDEX"
    assert by_postcode["94000"].name == "PHARMACIE DE L'ÉGLISE"
    assert by_postcode["94000"].kind == "pharmacy"


def test_finess_etalab_stock_file(tmp_path: Path) -> None:
    row = (
        "structureet;750000001;750000002;HOPITAL TEST;HÔPITAL DE TEST;;;1;R;DU TEST;;;113;75;"
        "PARIS;75013 PARIS;;;101;Centre Hospitalier Régional (C.H.R.);1101;CHR;;8610Z;03;;1;"
        ";01/01/1970;01/01/1970;01/01/2018;0751234A"
    )
    path = tmp_path / "etalab.csv"
    path.write_bytes(
        ("finess;etalab;95;2018-12-01\n" + row + "\ngeolocalisation;750000001;1;2;3\n").encode(
            "latin-1"
        )
    )
    (org,) = read_organisations(path, "finess")
    assert (org.name, org.city, org.postcode, org.kind) == (
        "HÔPITAL DE TEST",
        "Paris",
        "75013",
        "hospital",
    )


def test_bad_row_names_file_and_line() -> None:
    with pytest.raises(IngestError) as excinfo:
        read_organisations(DATA / "organisations_bad_row.csv")
    message = str(excinfo.value)
    assert message == "organisations_bad_row.csv line 4: expected 10 fields, got 7"
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"\n  \n", "empty file"),
        (b"name,kind\nX,cluster\n", "line 1: missing required columns: acronym"),
        (",".join(COLUMNS).encode() + b"\n,,cluster,,,,,,,x.txt\n", "line 2: missing name"),
        (b"na\x00me\x00", "unreadable encoding (binary data or UTF-16 without BOM)"),
        (b"\xff\xfen\x00a\x00\x00\xd8", "unreadable encoding (bad UTF-16)"),  # lone surrogate
    ],
)
def test_malformed_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=re.escape(expected)):
        read_organisations(path)


def test_semicolon_and_bom_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    line = "Agence Île;;public-body;Saint-Ouen;;;;e-health;Desc “quoted”;x.txt"
    path.write_bytes(";".join(COLUMNS).encode() + b"\r\n" + line.encode("cp1252"))
    (org,) = read_organisations(path)
    assert org.name == "Agence Île" and org.description == "Desc “quoted”"
    path.write_bytes(b"\xef\xbb\xbf" + (";".join(COLUMNS) + "\n" + line).encode("utf-8"))
    assert read_organisations(path)[0].city == "Saint-Ouen"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    line = "Agence Île;;public-body;Saint-Ouen;;;;e-health;Desc;x.txt"
    path.write_bytes((";".join(COLUMNS) + "\r\n" + line).encode("utf-16"))
    (org,) = read_organisations(path)
    assert (org.name, org.city, org.source) == ("Agence Île", "Saint-Ouen", "x.txt")


def test_rnsr_values_are_matched_folded(tmp_path: Path) -> None:
    path = tmp_path / "rnsr.csv"
    path.write_text(
        "numero_national_de_structure;libelle;type_de_structure;domaine_scientifique\n"
        "201900002B;Fédération test;Fédération de recherche;"
        "SCIENCES DE LA TERRE ET DE L’UNIVERS|Biologie, médecine  et santé|Études de l’Œuvre\n",
        encoding="utf-8",
    )
    (org,) = read_organisations(path, "rnsr")
    assert org.kind == "research-federation"
    assert org.domains == (
        "earth and universe sciences",
        "biology, medicine and health",
        "etudes de l'oeuvre",  # not in the table: kept folded
    )


def test_slugify() -> None:
    assert slugify("Lab Santé Île-de-France") == "lab-sante-ile-de-france"
    assert slugify("Île") == "ile"
    assert slugify("  AP-HP (Paris) ") == "ap-hp-paris"
    assert slugify("Cœur") == "coeur"


def test_organisation_to_document(organisations: list[Organisation]) -> None:
    docs = organisations_to_documents(organisations, "directory")
    assert len({doc.doc_id for doc in docs}) == len(docs)
    for doc in docs:
        assert doc.doc_id.isascii() and doc.doc_id.startswith("directory#")
        assert doc.source_id == "directory"
        for key, value in doc.metadata.items():
            assert isinstance(value, str | int | float | bool), key
            assert value != "", key
    org = Organisation(
        name="Lab Santé Île-de-France",
        acronym="LSIDF",
        kind="incubator",
        city="Paris",
        postcode="75008",
        website="https://example.org",
        parents=("Medicen Paris Region", "CCI Paris Île-de-France"),
        domains=("e-health", "infectious diseases"),
        description="A mediating structure.",
        source="medxperience-2018.txt",
    )
    doc = organisation_to_document(org, "directory")
    assert doc.doc_id == "directory#lab-sante-ile-de-france"
    assert doc.text == (
        "Lab Santé Île-de-France (LSIDF) is an incubator in Paris 75008 (75). "
        "Domains: e-health, infectious diseases. "
        "Parent bodies: Medicen Paris Region; CCI Paris Île-de-France. "
        "Website: https://example.org. A mediating structure."
    )
    assert doc.metadata["title"] == "Lab Santé Île-de-France"
    assert doc.metadata["type"] == "organisation"
    assert doc.metadata["url"] == "https://example.org"
    assert doc.metadata["domains"] == "e-health;infectious diseases"
    assert doc.metadata["domain_infectious-diseases"] is True
    assert doc.metadata["parents"] == "Medicen Paris Region;CCI Paris Île-de-France"
    bare = organisation_to_document(Organisation(name="Epiderm"), "directory")
    assert bare.text == "Epiderm is an organisation."
    assert bare.metadata == {"title": "Epiderm", "type": "organisation", "region": "unknown"}
    assert (doc.metadata["departement"], doc.metadata["region"]) == ("75", "in")


# --- where each organisation is --------------------------------------------------------------

IDF = {"75", "77", "78", "91", "92", "93", "94", "95"}


def test_every_shipped_row_has_a_place_or_says_why_not(organisations: list[Organisation]) -> None:
    """A commune in the region with its département and where that was found, or outside the
    region with its source, or no commune and an explicit "unknown: why"."""
    from ingest.directory.region import where

    for org in organisations:
        source = org.place_source
        found = source.startswith("https://") or (DOCUMENTS / source).is_file()
        if org.city and org.region == "in":
            assert org.departement in IDF and found, org.name
            assert not org.postcode or org.postcode[:2] == org.departement, org.name
            assert where(org.city, org.postcode) == "in", org.name
        elif org.region == "out":
            assert not org.departement and found, org.name
            assert where(org.city, org.postcode) != "in", org.name
        else:
            assert not org.city and not org.postcode and not org.departement, org.name
            assert re.match(r"unknown: \S.{10,}", source), org.name
        if source.startswith("https://") and org.website:
            assert source == org.website or org.parents, org.name  # its own site, or its parent's
    placed = [o for o in organisations if o.city]
    assert len(placed) >= 30  # most organisations have a commune now


def test_places_from_the_documents_cite_them(organisations: list[Organisation]) -> None:
    by_name = {org.name: org for org in organisations}
    assert by_name["MedXperience"].place_source == "medxperience-2018.txt"  # Palais Brongniart
    assert by_name["Cap Digital"].place_source == "medicen-roques-interview-2018.txt"
    assert (by_name["Gustave Roussy"].city, by_name["Gustave Roussy"].departement) == (
        "Villejuif",
        "94",
    )
    assert by_name["Lyonbiopole"].region == "out"


def test_place_columns_are_optional_and_read(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    old = "Agence Île,,public-body,Saint-Ouen,,,,e-health,Desc,x.txt"
    path.write_text(",".join(COLUMNS) + "\n" + old + "\n", encoding="utf-8")
    (org,) = read_organisations(path)  # a file without the place columns still loads
    assert (org.departement, org.region, org.place_source) == ("", "", "")
    header = ",".join(COLUMNS + PLACE_COLUMNS)
    path.write_text(f"{header}\n{old},93,IN,https://x.example\n", encoding="utf-8")
    (org,) = read_organisations(path)
    assert (org.departement, org.region, org.place_source) == ("93", "in", "https://x.example")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (",maybe,", "line 2: region must be in, out or empty, got 'maybe'"),
        ("13,in,", "line 2: departement must be one of 75, 77, 78, 91, 92, 93, 94, 95 or empty"),
        ("94,out,", "line 2: departement 94 with region out"),
    ],
)
def test_bad_place_cells_name_the_line(tmp_path: Path, cells: str, expected: str) -> None:
    path = tmp_path / "orgs.csv"
    row = "X,,cluster,,,,,,Desc,x.txt," + cells
    path.write_text(",".join(COLUMNS + PLACE_COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(IngestError, match=re.escape(expected)) as excinfo:
        read_organisations(path)
    assert "\n" not in str(excinfo.value)


@pytest.mark.parametrize(
    ("org", "sentence"),
    [
        (
            Organisation(
                "Gustave Roussy",
                kind="research-institute",
                city="Villejuif",
                postcode="94800",
                departement="94",
                region="in",
            ),
            "Gustave Roussy is a research institute in Villejuif 94800 (Val-de-Marne, 94).",
        ),
        (
            Organisation("Lyonbiopole", kind="cluster", city="Lyon", region="out"),
            "Lyonbiopole is a cluster in Lyon, outside the Paris Region.",
        ),
        (
            Organisation("360Medlink", kind="medtech-company", region="out"),
            "360Medlink is a medtech company outside the Paris Region.",
        ),
        (
            Organisation("MedClinik", kind="e-health-startup", region="in"),
            "MedClinik is an e-health startup in the Paris Region.",
        ),
        (  # an RNSR or FINESS row: the département and region from its postcode
            Organisation("Unité", kind="research-unit", city="Gif Sur Yvette", postcode="91190"),
            "Unité is a research unit in Gif Sur Yvette 91190 (Essonne, 91).",
        ),
        (Organisation("SUMIL", kind="programme"), "SUMIL is a programme."),
    ],
)
def test_passage_says_the_commune_and_departement(org: Organisation, sentence: str) -> None:
    doc = organisation_to_document(org, "directory")
    assert doc.text.split(" Domains")[0] == sentence
    region = "unknown" if org.name == "SUMIL" else ("out" if org.region == "out" else "in")
    assert doc.metadata["region"] == region
    assert doc.metadata.get("departement", "") == {"Gustave Roussy": "94", "Unité": "91"}.get(
        org.name, ""
    )
