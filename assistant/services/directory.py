"""The organisation directory as indexed: listing, search, and partners for a project.

Search matches whole words, whatever the accents and case, with French terms through the glossary
and a few synonyms (``org_terms.py``). Partners are ranked on what the organisation says about
itself (its domains, kind and description) plus the passages retrieved for the description; a
partner needs at least one field-specific word of the description in its own record (the
relevance floor), and each match says why it fits and whether it is in the Paris Region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.answer.organisations import Organisation, OrganisationSource, from_passage
from assistant.answer.partners import PartnerFit
from assistant.retrieval import HybridRetriever
from assistant.services import org_terms as terms
from ingest.directory.org_kinds import kind_about, kind_key, kind_label, kind_terms
from ingest.store.text import fold

OUTSIDE_REGION = "outside the region"  # the place filter's choice for the rest of the world


@dataclass(frozen=True)
class Facets:
    """The values the directory can be filtered on, sorted: organisation kinds, and the
    communes of the Paris Region that hold an organisation (with their départements), plus
    whether any organisation is outside the region (the place filter's last choice)."""

    kinds: list[str]
    cities: list[str]
    departements: dict[str, str] = field(default_factory=dict)  # commune -> "94"
    outside: bool = False


@dataclass(frozen=True)
class PartnerMatch:
    organisation: Organisation
    score: float
    passage: str  # the passage that justifies the match
    source_title: str
    matched_domains: list[str] = field(default_factory=list)  # its domains the project names
    reasons: list[str] = field(default_factory=list)  # why it fits, one short phrase each

    @property
    def out_of_region(self) -> bool:
        return self.organisation.region == "out"


class DirectoryService:
    """The organisation directory as indexed (every directory source), searchable and rankable."""

    def __init__(self, source: OrganisationSource, retriever: HybridRetriever) -> None:
        self.source = source  # one passage per organisation, read once per index version
        self.retriever = retriever

    def organisations(self) -> list[Organisation]:
        rows: dict[str, Organisation] = {}
        for passage in self.source.organisation_passages():
            row = from_passage(passage)
            rows[row.doc_id] = row
        return sorted(rows.values(), key=lambda r: r.name.lower())

    def rows(self) -> list[Organisation]:
        """The organisations, each kind spelled one way (``research-institute``)."""
        return [
            replace(r, record=replace(r.record, kind=kind_key(r.kind)))
            for r in self.organisations()
        ]

    def facets(self) -> Facets:
        """The kinds and places of the indexed organisations (for the app's filter menus): only
        communes in the region, never an unknown place."""
        rows = self.rows()
        communes = {r.commune: r.departement for r in rows if r.commune}
        return Facets(
            kinds=sorted({r.kind for r in rows if r.kind}),
            cities=sorted(communes, key=fold),
            departements={c: d for c, d in communes.items() if d},
            outside=any(r.region == "out" for r in rows),
        )

    def search(
        self, query: str = "", kind: str = "", city: str = "", domain: str = ""
    ) -> list[Organisation]:
        """Organisations whose name, acronym, kind, city, domains or description hold every word
        of ``query`` (whole words; accents, case, French terms and synonyms do not matter).
        ``kind`` is exact (any spelling); a ``city`` filter keeps only the organisations of that
        town (:data:`OUTSIDE_REGION`: those outside the region), never one whose place is
        unknown; ``domain`` matches a whole domain word the same way as ``query``. With a
        ``query``, the best matches come first (the words in the name, then in the domains)."""
        groups = terms.query_groups(query)
        domain_groups = terms.query_groups(domain)
        wanted_kind = kind_key(kind)
        out = []
        for row in self.rows():
            if wanted_kind and row.kind != wanted_kind:
                continue
            if city and not _in_place(row, city):
                continue
            if domain_groups and not terms.matches(domain_groups, _domain_tokens(row)):
                continue
            if groups and not terms.matches(groups, _row_tokens(row)):
                continue
            out.append(row)
        if groups:
            out.sort(key=lambda row: -_relevance(row, groups))  # stable: by name within a rank
        return out

    def find_partners(self, description: str, k: int = 8) -> list[PartnerMatch]:
        """Organisations ranked for a project description, each with why it fits and its
        justifying passage; empty when nothing reaches the relevance floor."""
        if not description.strip():
            raise ValueError("describe the project in a few lines")
        groups = _unique(terms.content_groups(description))
        if not groups:
            return []
        rows = {row.doc_id: row for row in self.rows()}
        evidence = self._passages(description, rows)
        fields = [g for g in groups if not _names_a_kind(g)]
        matches = []
        for row in rows.values():
            match = _match(row, groups, fields, evidence.get(row.doc_id))
            if match is not None:
                matches.append(match)
        return sorted(matches, key=lambda m: (-m.score, m.organisation.name.lower()))[:k]

    def partners(self, description: str, k: int) -> list[PartnerFit]:
        """:meth:`find_partners` as plain data for the chat's partner and locate answers (the
        same ranking and relevance floor as the Directory tab)."""
        if not description.strip():
            return []
        return [
            PartnerFit(
                name=m.organisation.name,
                kind=m.organisation.kind,
                city=m.organisation.city,
                doc_id=m.organisation.doc_id,
                score=m.score,
                passage=m.passage,
                domains=tuple(m.matched_domains),
                region=m.organisation.region,
                postcode=m.organisation.postcode,
            )
            for m in self.find_partners(description, k)
        ]

    def _passages(
        self, description: str, rows: dict[str, Organisation]
    ) -> dict[str, tuple[float, str, str]]:
        """Per organisation, the best retrieved passage that is about it or names it:
        (its rank as a score, 1 for the first passage down to near 0; text; source title)."""
        best: dict[str, tuple[float, str, str]] = {}
        passages = self.retriever.retrieve(description, k=30)
        for rank, passage in enumerate(passages):
            score = 1.0 - rank / len(passages)
            doc_id = str(passage.metadata.get("doc_id", ""))
            if doc_id in rows:
                hits = [rows[doc_id]]
            else:  # a document passage counts for the organisations it names
                text = fold(passage.text)
                hits = [r for r in rows.values() if _names(r, text)]
            title = str(passage.metadata.get("title", ""))
            for row in hits:
                if row.doc_id not in best:
                    best[row.doc_id] = (score, passage.text, title)
        return best


def _row_tokens(row: Organisation) -> set[str]:
    kind = row.kind.replace("-", " ")
    text = f"{row.name} {row.acronym} {kind} {row.city} {' '.join(row.domains)} "
    return terms.tokens(text + row.description)


def _domain_tokens(row: Organisation) -> set[str]:
    return terms.tokens(" ".join(row.domains))


def _in_place(row: Organisation, place: str) -> bool:
    if fold(place) == fold(OUTSIDE_REGION):
        return row.region == "out"
    return bool(row.city) and fold(row.city) == fold(place)  # a known town, never an unknown


def _relevance(row: Organisation, groups: list[set[terms.Phrase]]) -> int:
    """2 when the query's words are in the name or acronym, 1 in the domains, else 0."""
    if terms.matches(groups, terms.tokens(f"{row.name} {row.acronym}")):
        return 2
    return 1 if terms.matches(groups, _domain_tokens(row)) else 0


def _unique(groups: list[set[terms.Phrase]]) -> list[set[terms.Phrase]]:
    out: list[set[terms.Phrase]] = []
    for group in groups:
        if group not in out:
            out.append(group)
    return out


def _names_a_kind(group: set[terms.Phrase]) -> bool:
    """Whether a word of the description names a kind of organisation ("institut"): its kind
    says so, not its description ("the Pasteur Institute" names no field)."""
    return any(len(p) == 1 and p[0] in kind_terms() for p in group)


def _match(
    row: Organisation,
    groups: list[set[terms.Phrase]],
    fields: list[set[terms.Phrase]],
    passage: tuple[float, str, str] | None,
) -> PartnerMatch | None:
    """The organisation as a partner, or None below the relevance floor (no field-specific word
    of the description in its domains, kind or description; ``fields``: the description's words
    less those naming a kind, for its own description)."""
    domains = [d for d in row.domains if terms.matched_groups(groups, terms.tokens(d))]
    kind_hits = terms.matched_groups(groups, terms.tokens(kind_about(row.kind)))
    described = terms.matched_groups(fields, terms.tokens(row.description))
    if not domains and not kind_hits and not described:
        return None
    reasons = []
    if domains:
        reasons.append("works in " + ", ".join(domains))
    if kind_hits:
        reasons.append(f"a {kind_label(row.kind)}")
    if described and not domains:
        reasons.append("its description names the project's field")
    lexical = 2.0 * len(domains) + 1.5 * min(kind_hits, 2) + 0.5 * min(described, 4)
    score = lexical + (2.0 * passage[0] if passage else 0.0)
    text, title = (passage[1], passage[2]) if passage else (row.description, row.name)
    return PartnerMatch(row, score, text, title, domains, reasons)


def _names(row: Organisation, folded_text: str) -> bool:
    name = fold(row.name)
    return len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", folded_text) is not None
