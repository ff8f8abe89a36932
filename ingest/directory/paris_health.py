"""Our own directory format: ``corpus/directory/organisations.csv``.

Comma-separated, UTF-8, with the header ``name,acronym,kind,city,postcode,website,parents,
domains,description,source``; ``parents`` and ``domains`` are ``;``-separated lists.
"""

from __future__ import annotations

from pathlib import Path

from ingest.directory.cells import require_name, split
from ingest.directory.model import COLUMNS, Organisation
from ingest.directory.table import parse_table, read_text


def read_paris_health(path: Path) -> list[Organisation]:
    label = path.name
    table = parse_table(label, read_text(path), COLUMNS, normalise_header=False)
    return [
        Organisation(
            name=require_name(label, line, rec["name"]),
            acronym=rec["acronym"],
            kind=rec["kind"].lower(),
            city=rec["city"],
            postcode=rec["postcode"],
            website=rec["website"],
            parents=split(rec["parents"], ";"),
            domains=tuple(d.lower() for d in split(rec["domains"], ";")),
            description=rec["description"],
            source=rec["source"],
        )
        for line, rec in table
    ]
