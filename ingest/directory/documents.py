"""Organisations as documents: one readable, filterable document per organisation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ingest.directory.departements import DEPARTEMENTS, placed
from ingest.directory.model import Organisation
from ingest.directory.org_kinds import kind_label
from ingest.models import Document, Metadata
from ingest.store.text import slugify


def _article(kind_words: str) -> str:
    return "an" if kind_words[:1] in {"a", "e", "i", "o"} else "a"


def _first_sentence(org: Organisation) -> str:
    """``"Name (ACRO) is a kind in Town 94800 (Val-de-Marne, 94)."``"""
    sentence = org.name
    if org.acronym and org.acronym != org.name:
        sentence += f" ({org.acronym})"
    if org.kind:
        words = kind_label(org.kind)
        sentence += f" is {_article(words)} {words}"
    else:
        sentence += " is an organisation"
    return sentence + _place(org) + "."


def _place(org: Organisation) -> str:
    """``" in Villejuif 94800 (Val-de-Marne, 94)"``, ``" in Lyon, outside the Paris Region"``,
    ``" in the Paris Region"`` (no commune known), or ``""`` (nothing known)."""
    departement, region = placed(org)
    town = " ".join(p for p in (org.city, org.postcode) if p)
    if region == "out":
        return (
            f" in {org.city}, outside the Paris Region" if org.city else " outside the Paris Region"
        )
    if departement and town:
        name = DEPARTEMENTS[departement]
        return f" in {town} ({departement if name == org.city else f'{name}, {departement}'})"
    if org.city and org.postcode:
        return f" in {org.city} ({org.postcode})"
    if town:
        return f" in {town}"
    return " in the Paris Region" if region == "in" else ""


def organisation_text(org: Organisation) -> str:
    """A readable paragraph, leaving out what is empty."""
    parts = [_first_sentence(org)]
    if org.domains:
        parts.append(f"Domains: {', '.join(org.domains)}.")
    if org.parents:
        parts.append(f"Parent bodies: {'; '.join(org.parents)}.")
    if org.website:
        parts.append(f"Website: {org.website}.")
    if org.description:
        parts.append(org.description)
    return " ".join(parts)


def organisation_to_document(org: Organisation, source_id: str) -> Document:
    """One document per organisation; metadata holds scalar values only."""
    departement, region = placed(org)
    metadata: Metadata = {"title": org.name, "type": "organisation", "region": region}
    fields: dict[str, str] = {
        "acronym": org.acronym,
        "kind": org.kind,
        "city": org.city,
        "postcode": org.postcode,
        "website": org.website,
        "url": org.website,
        "domains": ";".join(org.domains),
        "parents": ";".join(org.parents),
        "departement": departement,
        "place_source": org.place_source,
    }
    metadata.update({key: value for key, value in fields.items() if value})
    for domain in org.domains:
        slug = slugify(domain)
        if slug:
            metadata[f"domain_{slug}"] = True
    slug = slugify(org.name) or "organisation"
    return Document(
        doc_id=f"{source_id}#{slug}",
        source_id=source_id,
        text=organisation_text(org),
        metadata=metadata,
    )


def organisation_from_metadata(metadata: Mapping[str, Any], description: str = "") -> Organisation:
    """The organisation an indexed document's metadata describes (what
    :func:`organisation_to_document` wrote), with ``description`` (its passage, as indexed)."""

    def field(key: str) -> str:
        return str(metadata.get(key, "") or "")

    def listed(key: str) -> tuple[str, ...]:
        return tuple(d.strip() for d in field(key).split(";") if d.strip())

    return Organisation(
        name=field("title"),
        acronym=field("acronym"),
        kind=field("kind"),
        city=field("city"),
        postcode=field("postcode"),
        website=field("website"),
        parents=listed("parents"),
        domains=listed("domains"),
        description=description,
        source=field("source_id"),
        departement=field("departement"),
        region=field("region"),
        place_source=field("place_source"),
    )


def organisations_to_documents(
    organisations: Sequence[Organisation], source_id: str
) -> list[Document]:
    """Documents for a whole directory, with ``-2``, ``-3``... added to repeated ids."""
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for org in organisations:
        doc = organisation_to_document(org, source_id)
        count = seen.get(doc.doc_id, 0) + 1
        seen[doc.doc_id] = count
        if count > 1:
            doc = Document(f"{doc.doc_id}-{count}", doc.source_id, doc.text, doc.metadata)
        documents.append(doc)
    return documents
