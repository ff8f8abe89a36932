"""Organisation directories: our own CSV, RNSR and FINESS exports, as documents.

Pure functions, no network. Every directory file becomes a list of :class:`Organisation`
(one reader per format: :mod:`.paris_health`, :mod:`.rnsr`, :mod:`.finess`, chosen in
:mod:`.formats`), and every organisation becomes one :class:`~ingest.models.Document` that the
retriever can search and filter (``kind``, ``city``, ``domain_<slug>``...; :mod:`.documents`).
"""

from __future__ import annotations

from ingest.directory.documents import (
    organisation_from_metadata,
    organisation_text,
    organisation_to_document,
    organisations_to_documents,
)
from ingest.directory.formats import detect_format, read_organisations
from ingest.directory.model import COLUMNS, PLACE_COLUMNS, Organisation
from ingest.directory.org_kinds import KINDS, kind_key, kind_label
from ingest.store.text import slugify

__all__ = [
    "PLACE_COLUMNS",
    "COLUMNS",
    "KINDS",
    "Organisation",
    "detect_format",
    "kind_key",
    "kind_label",
    "organisation_from_metadata",
    "organisation_text",
    "organisation_to_document",
    "organisations_to_documents",
    "read_organisations",
    "slugify",
]
