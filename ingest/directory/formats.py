"""Which reader a directory file needs: format detection and dispatch."""

from __future__ import annotations

from pathlib import Path

from ingest.directory.finess import read_finess
from ingest.directory.model import Organisation
from ingest.directory.paris_health import read_paris_health
from ingest.directory.rnsr import read_rnsr
from ingest.directory.table import read_text
from ingest.models import DirectoryFormat, IngestError


def read_organisations(path: Path, fmt: DirectoryFormat = "paris-health") -> list[Organisation]:
    """Read a directory file; raise :class:`IngestError` (one line) on any malformed row."""
    path = Path(path)
    if fmt == "paris-health":
        return read_paris_health(path)
    if fmt == "rnsr":
        return read_rnsr(path)
    if fmt == "finess":
        return read_finess(path)
    raise IngestError(f"{path.name}: unknown directory format {fmt!r}")


def detect_format(path: Path) -> DirectoryFormat:
    """Guess a directory file's format from its first line (our columns, RNSR or FINESS)."""
    try:
        first = read_text(Path(path)).lstrip("\ufeff").splitlines()[0].lower()
    except (IngestError, IndexError):
        return "paris-health"
    if "numero_national_de_structure" in first or "libelle" in first and "tutelles" in first:
        return "rnsr"
    if "nofinesset" in first or first.startswith("finess"):
        return "finess"
    return "paris-health"
