"""Where an organisation is: the Paris Region's départements, and an organisation's département
and region (``in`` / ``out`` / ``unknown``) from its place columns, else from its postcode."""

from __future__ import annotations

from ingest.directory.model import Organisation
from ingest.models import IngestError
from ingest.store.text import fold

# The eight départements of Île-de-France, by code.
DEPARTEMENTS: dict[str, str] = {
    "75": "Paris",
    "77": "Seine-et-Marne",
    "78": "Yvelines",
    "91": "Essonne",
    "92": "Hauts-de-Seine",
    "93": "Seine-Saint-Denis",
    "94": "Val-de-Marne",
    "95": "Val-d'Oise",
}
REGIONS = ("in", "out")


def departement_of(postcode: str, city: str = "") -> str:
    """The Île-de-France département of a postcode (``"94805"`` -> ``"94"``), of the commune
    Paris when there is no postcode, else ``""``."""
    code = "".join(c for c in postcode if c.isdigit())
    if len(code) == 5:
        return code[:2] if code[:2] in DEPARTEMENTS else ""
    return "75" if not code and fold(city.strip()) == "paris" else ""


def placed(org: Organisation) -> tuple[str, str]:
    """(département, region) of an organisation: its own columns when filled, else from its
    postcode; region is ``unknown`` when neither says."""
    departement = org.departement or departement_of(org.postcode, org.city)
    if org.region:
        return departement, org.region
    if departement:
        return departement, "in"
    code = "".join(c for c in org.postcode if c.isdigit())
    return "", "out" if len(code) == 5 else "unknown"


def check_place(label: str, line: int, departement: str, region: str) -> tuple[str, str]:
    """The cleaned (département, region) cells of a row; IngestError (one line) on a value that
    is not one, or on a département of the region marked outside it."""
    region = region.lower()
    if region and region not in REGIONS:
        raise IngestError(f"{label} line {line}: region must be in, out or empty, got {region!r}")
    if departement and departement not in DEPARTEMENTS:
        allowed = ", ".join(DEPARTEMENTS)
        raise IngestError(
            f"{label} line {line}: departement must be one of {allowed} or empty, "
            f"got {departement!r}"
        )
    if departement and region == "out":
        raise IngestError(f"{label} line {line}: departement {departement} with region out")
    return departement, region
