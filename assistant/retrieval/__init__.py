"""``retrieve``: dense search in Chroma and BM25 in the keyword index, fused by reciprocal rank.

- ``filters``: the metadata filters, as Chroma ``where`` clauses and keyword-index terms;
- ``dense``: the nearest chunks, a filter applied to the ANN's nearest ids (fast at any size);
- ``hybrid``: the query embedded once, both searches, the fusion, the optional reranker
  (``reranker``);
- ``glossary``: French terms translated for the English corpus; ``passage``: what retrieval
  hands to answering.
"""

from assistant.retrieval.filters import FILTER_KEYS, admits, chroma_where, parse_filters
from assistant.retrieval.hybrid import HybridRetriever, build_retriever, keyword_query

__all__ = [
    "FILTER_KEYS",
    "HybridRetriever",
    "admits",
    "build_retriever",
    "chroma_where",
    "keyword_query",
    "parse_filters",
]
