"""BM25 inverse document frequencies from the keyword index (tantivy), over live chunks only.

Tantivy's term statistics (``doc_freq``, ``terms_with_prefix``) count a deleted chunk until a
merge drops it, while ``num_docs`` counts live chunks only. Mixing the two made an IDF take the
log of a negative number once a large source was removed or replaced (issue 19). Here both sides
of the formula count live chunks: the total is ``num_docs`` and a term's frequency is
``doc_freq`` while no chunk is deleted (one dictionary lookup), and the count of its posting
list's live chunks otherwise (a term query with ``count=True``, per question term only).

Every chunk holds exactly one ``source`` term (``KeywordIndex.add``), so the sum of that field's
term frequencies is the number of stored chunks, deleted ones included: whether any chunk is
deleted is known from a walk of the source names, not of the vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

FIELD = "body"
EPSILON = 0.25  # BM25Okapi's: a negative IDF is EPSILON times the average IDF


def stored_chunks(searcher: Any) -> int:
    """The chunks the searcher's segments hold, deleted ones included (one source term each)."""
    return sum(int(n) for _, n in searcher.terms_with_prefix("source", ""))


def bm25_idf(docs: int, df: int) -> float:
    """BM25Okapi's ``ln((N - df + 0.5) / (df + 0.5))``; needs ``df <= docs``."""
    return math.log(docs - df + 0.5) - math.log(df + 0.5)


def average_idf(searcher: Any, deleted: bool) -> float:
    """The average IDF over the live vocabulary (one walk of the term dictionary; counted
    through an all-documents filter, which leaves the deleted chunks out, when there are any)."""
    import tantivy

    docs = int(searcher.num_docs)
    live = tantivy.Query.all_query() if deleted else None
    frequencies = [df for _, df in searcher.terms_with_prefix(FIELD, "", filter_query=live) if df]
    if not frequencies:
        return 0.0
    return sum(bm25_idf(docs, df) for df in frequencies) / len(frequencies)


class IdfTable(Mapping[str, float]):
    """BM25 inverse document frequencies, looked up per term (the vocabulary is never listed).

    The formula is BM25Okapi's, and a negative IDF (a term in more than half the chunks) is
    ``EPSILON`` times the average IDF, as there. ``values()`` yields the largest IDF only (a
    term in one chunk): it is what the evidence scorer takes the maximum of.
    """

    EPSILON = EPSILON

    def __init__(self, searcher: Any, schema: Any, average: float, stored: int) -> None:
        self.searcher = searcher
        self.schema = schema
        self.docs = int(searcher.num_docs)
        self.deleted = stored != self.docs  # then doc_freq also counts deleted chunks
        self.average = average
        self._known: dict[str, float | None] = {}

    def _compute(self, df: int) -> float:
        idf = bm25_idf(self.docs, df)
        return self.EPSILON * self.average if idf < 0 else idf

    def live_frequency(self, term: str) -> int:
        """How many live chunks hold ``term``."""
        df = int(self.searcher.doc_freq(FIELD, term))
        if not df or not self.deleted:
            return df
        import tantivy

        query = tantivy.Query.term_query(self.schema, FIELD, term, "freq")
        return int(self.searcher.search(query, 1, count=True).count or 0)

    def __getitem__(self, term: str) -> float:
        if term not in self._known:
            df = self.live_frequency(term)
            self._known[term] = self._compute(df) if df else None
        value = self._known[term]
        if value is None:
            raise KeyError(term)
        return value

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(t for t, v in self._known.items() if v is not None)

    def __len__(self) -> int:
        return self.docs  # non-zero exactly when the index holds chunks

    def values(self) -> Any:
        return [self._compute(1)] if self.docs else []
