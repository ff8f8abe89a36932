"""Our own directory format: ``corpus/directory/organisations.csv``.

Comma-separated, UTF-8, with the header ``name,acronym,kind,city,postcode,website,parents,
domains,description,source`` and optionally ``departement,region,place_source`` (where the
organisation is; see :data:`~ingest.directory.model.PLACE_COLUMNS`); ``parents`` and
``domains`` are ``;``-separated lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ingest.directory.cells import require_name, split
from ingest.directory.departements import check_place
from ingest.directory.model import COLUMNS, Organisation
from ingest.directory.table import parse_table, read_text


def read_paris_health(path: Path) -> list[Organisation]:
    label = path.name
    table = parse_table(label, read_text(path), COLUMNS, normalise_header=False)
    return [_organisation(label, line, rec) for line, rec in table]


def _organisation(label: str, line: int, rec: Mapping[str, str]) -> Organisation:
    name = require_name(label, line, rec["name"])
    departement, region = check_place(
        label, line, rec.get("departement", ""), rec.get("region", "")
    )
    return Organisation(
        name=name,
        acronym=rec["acronym"],
        kind=rec["kind"].lower(),
        city=rec["city"],
        postcode=rec["postcode"],
        website=rec["website"],
        parents=split(rec["parents"], ";"),
        domains=tuple(d.lower() for d in split(rec["domains"], ";")),
        description=rec["description"],
        source=rec["source"],
        departement=departement,
        region=region,
        place_source=rec.get("place_source", ""),
    )
