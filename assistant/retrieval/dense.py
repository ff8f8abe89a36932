"""Dense search, with or without metadata filters, fast at any index size.

What costs in a Chroma query is reading rows, not the ANN search: at 100k chunks the 20 nearest
ids take ~2 ms, their texts and metadata ~1.5 ms more, and Chroma's filtered query, which reads
every chunk matching the filter first, 70-80 ms for ``city=Paris`` (14% of the chunks). So the
search asks the ANN index for the nearest ids only, enough of them for the filter's share of the
index (counted in the keyword index, which holds every chunk's filter terms, text and metadata),
and keeps those the keyword index says match, in ANN order, with their text from there. When too
few match it asks for more; past ``MAX_CANDIDATES`` (a filter matching under ~1% of the chunks)
Chroma's filtered query is the faster one and answers instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assistant.retrieval.filters import chroma_where
from ingest.store.keyword_index import KeywordIndex
from ingest.store.vectorstore import StoredChunk, VectorStore

OVERSAMPLE = 3  # candidates per expected match: recall as Chroma's filtered query (measured)
GROWTH = 4  # when too few candidates match, ask for this many times more
MAX_CANDIDATES = 4000  # ~20 ms of ANN search at 100k; past it, Chroma's filtered query


def dense_search(
    store: VectorStore,
    keyword: KeywordIndex,
    query: str,
    vector: Sequence[float],
    k: int,
    filters: Mapping[str, str] | None = None,
) -> list[StoredChunk]:
    """The ``k`` nearest chunks to ``vector`` among those matching every filter.

    The texts and metadata come from the keyword index too (rows Chroma need not read). When
    the two indexes do not hold as many chunks (while an ingest writes them), Chroma answers."""
    filters = dict(filters or {})
    total = store.count()
    if total == 0:
        return []
    if keyword.count() != total:  # an ingest is writing both: the keyword index lags
        return store.search(query, k, chroma_where(filters), vector=vector)
    matching = keyword.count_matching(filters)
    wanted = min(k, matching, total)
    n = math.ceil(k * total / matching * OVERSAMPLE) if filters and matching else k
    while wanted > 0 and n <= MAX_CANDIDATES:
        candidates = store.nearest(vector, n)
        kept = keyword.matching([chunk_id for chunk_id, _ in candidates], filters)
        hits = [replace(kept[i], score=score) for i, score in candidates if i in kept]
        if len(hits) >= wanted:
            return hits[:k]
        if len(candidates) < n:  # the whole index was seen
            break
        n *= GROWTH
    return store.search(query, k, chroma_where(filters), vector=vector)
