"""The organisation directory as indexed: listing, search, and partners for a project."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.components.vectorstore import VectorStore
from assistant.retrieval import HybridRetriever
from assistant.text import fold


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    kind: str
    city: str
    domains: str
    website: str
    description: str
    doc_id: str


@dataclass(frozen=True)
class Facets:
    """The values the directory can be filtered on, sorted: organisation kinds and cities."""

    kinds: list[str]
    cities: list[str]


@dataclass(frozen=True)
class PartnerMatch:
    organisation: OrganisationRow
    score: float
    passage: str  # the passage that justifies the match
    source_title: str


class DirectoryService:
    """The organisation directory as indexed (every directory source), searchable and rankable."""

    def __init__(self, store: VectorStore, retriever: HybridRetriever) -> None:
        self.store = store
        self.retriever = retriever

    def organisations(self) -> list[OrganisationRow]:
        rows: dict[str, OrganisationRow] = {}
        for chunk in self.store.chunks(where={"type": "organisation"}):  # read page by page
            text, meta = chunk.text, chunk.metadata
            doc_id = str(meta.get("doc_id", ""))
            if doc_id in rows:
                continue
            rows[doc_id] = OrganisationRow(
                name=str(meta.get("title", "")),
                kind=str(meta.get("kind", "")),
                city=str(meta.get("city", "")),
                domains=str(meta.get("domains", "")),
                website=str(meta.get("website", "")),
                description=text or "",
                doc_id=doc_id,
            )
        return sorted(rows.values(), key=lambda r: r.name.lower())

    def facets(self) -> Facets:
        """The kinds and cities of the indexed organisations (for the app's filter menus)."""
        rows = self.organisations()
        return Facets(
            kinds=sorted({r.kind for r in rows if r.kind}),
            cities=sorted({r.city for r in rows if r.city}),
        )

    def search(
        self, query: str = "", kind: str = "", city: str = "", domain: str = ""
    ) -> list[OrganisationRow]:
        needle = fold(query.strip())
        out = []
        for row in self.organisations():
            if kind and row.kind != kind:
                continue
            if city and fold(row.city) != fold(city):
                continue
            if domain and fold(domain) not in fold(row.domains):
                continue
            if needle and needle not in fold(f"{row.name} {row.description} {row.domains}"):
                continue
            out.append(row)
        return out

    def find_partners(self, description: str, k: int = 8) -> list[PartnerMatch]:
        """Organisations ranked for a project description, each with its justifying passage."""
        if not description.strip():
            raise ValueError("describe the project in a few lines")
        organisations = {row.doc_id: row for row in self.organisations()}
        passages = self.retriever.retrieve(description, k=30)
        best: dict[str, PartnerMatch] = {}
        for passage in passages:
            doc_id = str(passage.metadata.get("doc_id", ""))
            if doc_id in organisations:
                hits = [organisations[doc_id]]
            else:  # a document passage counts for the organisations it names
                text = fold(passage.text)
                hits = [r for r in organisations.values() if _names(r, text)]
            for row in hits:
                current = best.get(row.doc_id)
                score = passage.score + (current.score if current else 0.0)
                keep = current.passage if current else passage.text
                title = current.source_title if current else str(passage.metadata.get("title", ""))
                best[row.doc_id] = PartnerMatch(row, score, keep, title)
        return sorted(best.values(), key=lambda m: -m.score)[:k]


def _names(row: OrganisationRow, folded_text: str) -> bool:
    name = fold(row.name)
    return len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", folded_text) is not None
