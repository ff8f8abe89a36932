"""The store, the lowest floor: where the data goes, beneath both ingestion and answering.

- ``embedder`` (and ``remote_embedder``): text to vectors, one settings switch;
- ``embedding_cache``: the sentence vectors of each chunk, computed once;
- ``chroma_client`` and ``vectorstore``: the chunks and their vectors in Chroma;
- ``keyword_index`` (with ``idf``): the same chunks in a tantivy BM25 index;
- ``text``: the text helpers both sides share (slugs, folding, tokens, sentences);
- ``unavailable``: one message for a store that does not answer.
"""
