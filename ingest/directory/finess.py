"""FINESS exports: the register of health establishments.

``;``-separated and often latin-1: either with a header row (``nofinesset;rs;rslongue;...``) or
the header-less Etalab stock file (a ``finess;etalab;...`` first line, then ``structureet;...``
rows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from ingest.directory.cells import city_case, clean, first, require_name, strip_cedex
from ingest.directory.model import Organisation
from ingest.directory.table import Table, detect_delimiter, parse_table, read_text, rows
from ingest.models import IngestError
from ingest.store.text import ascii_fold

# Columns of the header-less Etalab FINESS stock file ("structureet" rows), in order.
# fmt: off
FINESS_ETALAB_COLUMNS: tuple[str, ...] = (
    "structureet", "nofinesset", "nofinessej", "rs", "rslongue", "complrs", "compldistrib",
    "numvoie", "typvoie", "voie", "compvoie", "lieuditbp", "commune", "departement",
    "libdepartement", "ligneacheminement", "telephone", "telecopie", "categetab",
    "libcategetab", "categagretab", "libcategagretab", "siret", "codeape", "codemft", "libmft",
    "codesph", "libsph", "dateouv", "dateautor", "datemaj",
)
# fmt: on


def read_finess(path: Path) -> list[Organisation]:
    label = path.name
    table = finess_table(label, read_text(path))
    return [_organisation(label, line, rec) for line, rec in table]


def finess_table(label: str, text: str) -> Table:
    """Records of either kind of FINESS file, keyed by FINESS column names."""
    records = rows(text, detect_delimiter(text))
    head = next(records, None)
    if head is None:
        raise IngestError(f"{label}: empty file")
    cells = [clean(c).lower() for c in head[1]]
    if cells[0] != "finess" or "nofinesset" in cells:
        return parse_table(label, text, ("nofinesset",), normalise_header=True)
    return _etalab_table(label, records)


def _etalab_table(label: str, records: Iterator[tuple[int, list[str]]]) -> Table:
    """The Etalab stock file has no header: "structureet" rows, then "geolocalisation" rows."""
    width = len(FINESS_ETALAB_COLUMNS)
    table: Table = []
    for line, row in records:
        if clean(row[0]).lower() != "structureet":
            continue
        if len(row) < width:
            raise IngestError(f"{label} line {line}: expected {width} fields, got {len(row)}")
        table.append(
            (line, {k: clean(v) for k, v in zip(FINESS_ETALAB_COLUMNS, row, strict=False)})
        )
    return table


def _organisation(label: str, line: int, rec: Mapping[str, str]) -> Organisation:
    name = require_name(label, line, first(rec, "rslongue", "rs", "raison_sociale"))
    short = first(rec, "rs")
    postcode, city = split_acheminement(first(rec, "ligneacheminement"))
    commune = first(rec, "libcommune", "libelle_commune", "commune")
    if commune and not commune.isdigit():  # "commune" is an INSEE code in Etalab files
        city = strip_cedex(commune)
    return Organisation(
        name=name,
        acronym=short if short and short != name else "",
        kind=finess_kind(first(rec, "libcategetab")),
        city=city_case(city),
        postcode=first(rec, "codepostal", "code_postal") or postcode,
        description=_description(rec),
        source=label,
    )


def _description(rec: Mapping[str, str]) -> str:
    number = first(rec, "nofinesset")
    legal = first(rec, "nofinessej")
    category = first(rec, "libcategetab")
    group = first(rec, "libcategagretab")
    status = first(rec, "libsph")
    parts = ["Health establishment registered in FINESS"]
    if number:
        parts[0] += f" under number {number}"
    if legal:
        parts.append(f"legal entity {legal}")
    if category:
        parts.append(f"category: {category}")
    if group:
        parts.append(f"group: {group}")
    if status and ascii_fold(status) != "non concerne":
        parts.append(f"status: {status}")
    return "; ".join(parts) + "."


def finess_kind(category: str) -> str:
    folded = ascii_fold(category)
    if "cancer" in folded:
        return "cancer-centre"
    if "hospital" in folded or "hopital" in folded:
        return "hospital"
    if "pharmacie" in folded:
        return "pharmacy"
    if "laboratoire" in folded:
        return "laboratory"
    return "health-establishment"


def split_acheminement(line: str) -> tuple[str, str]:
    """``"94805 VILLEJUIF CEDEX"`` -> (``"94805"``, ``"VILLEJUIF"``)."""
    match = re.match(r"^(\d{5})\s+(.*)$", line)
    if not match:
        return "", strip_cedex(line)
    return match.group(1), strip_cedex(match.group(2))
