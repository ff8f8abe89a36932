"""The ``chunk`` stage: sentence-aware splitting with a LangChain text splitter."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.models import Chunk, Document

# Paragraphs first, then lines, then sentence ends, then clauses; words only as a last resort.
SENTENCE_SEPARATORS = [
    r"\n\s*\n",
    r"\n",
    r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ0-9«\"“‘(\[])",
    r"(?<=[.!?…])\s+",
    r";\s+",
    r",\s+",
    r"\s+",
]


def build_splitter(chunk_size: int, chunk_overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=min(chunk_overlap, chunk_size // 2),
        separators=SENTENCE_SEPARATORS,
        is_separator_regex=True,
        keep_separator="end",
        strip_whitespace=True,
    )


def chunk_id(doc_id: str, text: str, metadata: Mapping[str, object]) -> str:
    """Stable id: the same document content and metadata always give the same id."""
    payload = json.dumps([doc_id, text, metadata], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def chunk(documents: list[Document], splitter: RecursiveCharacterTextSplitter) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for doc in documents:
        metadata = {**doc.metadata, "source_id": doc.source_id, "doc_id": doc.doc_id}
        for piece in splitter.split_text(doc.text):
            text = piece.strip()
            if not text:
                continue
            cid = chunk_id(doc.doc_id, text, metadata)
            if cid in seen:  # the same passage twice in one document is stored once
                continue
            seen.add(cid)
            chunks.append(Chunk(cid, doc.doc_id, doc.source_id, text, dict(metadata)))
    return chunks


def embedding_text(piece: Chunk) -> str:
    """What is embedded: the passage with its document title for context."""
    title = str(piece.metadata.get("title") or "")
    return f"{title}\n{piece.text}" if title and title not in piece.text[:200] else piece.text
