"""Swappable parts: one module and one settings switch each (embedder, vector store, reranker)."""
