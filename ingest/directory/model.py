"""What a directory holds: :class:`Organisation`, the columns of our CSV (the kinds are in
:mod:`ingest.directory.org_kinds`)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.store.text import slugify

__all__ = ["COLUMNS", "PLACE_COLUMNS", "Organisation", "slugify"]

COLUMNS: tuple[str, ...] = (
    "name",
    "acronym",
    "kind",
    "city",
    "postcode",
    "website",
    "parents",
    "domains",
    "description",
    "source",
)
# Optional columns (a file without them still loads): the département (75, 77, 78, 91, 92, 93,
# 94, 95) of an organisation in the Paris Region, ``region`` (``in``, ``out`` or empty: not
# known) and where the place was found (a corpus document, the organisation's website, or
# ``unknown: why``).
PLACE_COLUMNS: tuple[str, ...] = ("departement", "region", "place_source")


@dataclass(frozen=True)
class Organisation:
    name: str
    acronym: str = ""
    kind: str = ""
    city: str = ""
    postcode: str = ""
    website: str = ""
    parents: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    departement: str = ""
    region: str = ""  # "in", "out" or "" (not known)
    place_source: str = ""
