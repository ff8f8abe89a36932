"""RNSR exports: the French national register of research structures.

From data.enseignementsup-recherche.gouv.fr, with either field names (``libelle``,
``sigle``...) or their French labels (``Libellé``, ``Sigle``...) as header.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ingest.directory.cells import city_case, first, require_name, split, strip_cedex
from ingest.directory.model import Organisation
from ingest.directory.table import parse_table, read_text
from ingest.store.text import ascii_fold

# RNSR "domaine scientifique" values (the ministry's scientific domains), in English.
RNSR_DOMAINS: dict[str, str] = {
    "biologie, medecine et sante": "biology, medicine and health",
    "chimie": "chemistry",
    "mathematiques et leurs interactions": "mathematics",
    "physique": "physics",
    "sciences agronomiques et ecologiques": "agronomy and ecology",
    "sciences de la societe": "social sciences",
    "sciences de la terre et de l'univers": "earth and universe sciences",
    "sciences et technologies de l'information et de la communication": (
        "information and communication sciences and technologies"
    ),
    "sciences humaines et humanites": "humanities",
    "sciences pour l'ingenieur": "engineering sciences",
}


def read_rnsr(path: Path) -> list[Organisation]:
    label = path.name
    table = parse_table(label, read_text(path), ("libelle",), normalise_header=True)
    return [_organisation(label, line, rec) for line, rec in table]


def _organisation(label: str, line: int, rec: Mapping[str, str]) -> Organisation:
    structure_type = first(rec, "type_de_structure", "nature_de_structure")
    domains = split(first(rec, "domaine_scientifique", "domaines_scientifiques"))
    return Organisation(
        name=require_name(label, line, rec["libelle"]),
        acronym=first(rec, "sigle"),
        kind=rnsr_kind(structure_type),
        city=city_case(strip_cedex(first(rec, "commune", "ville"))),
        postcode=first(rec, "code_postal"),
        website=first(rec, "site_web", "url"),
        parents=split(first(rec, "tutelles", "tutelle"), ";|,"),
        domains=tuple(RNSR_DOMAINS.get(ascii_fold(d), ascii_fold(d)) for d in domains),
        description=_description(rec, structure_type),
        source=label,
    )


def _description(rec: Mapping[str, str], structure_type: str) -> str:
    number = first(rec, "numero_national_de_structure", "numero_rnsr", "identifiant")
    code = first(rec, "label_numero", "code_unite")
    year = first(rec, "annee_de_creation")
    parts = ["Research structure registered in the RNSR"]
    if number:
        parts[0] += f" under number {number}"
    if code:
        parts.append(f"unit code {code}")
    if structure_type:
        parts.append(f"type: {structure_type}")
    if year:
        parts.append(f"created in {year}")
    return "; ".join(parts) + "."


def rnsr_kind(structure_type: str) -> str:
    folded = ascii_fold(structure_type)
    if "federati" in folded:
        return "research-federation"
    if "service" in folded or "appui" in folded:
        return "research-service-unit"
    return "research-unit"
