"""Embeddings kept on disk: the sentences the answer stage scores, per embedding model.

The evidence scorer embeds every sentence of the retrieved passages. Those vectors depend only on
the sentence and the model, so they are kept in SQLite under the data directory: an answer over
passages any earlier answer (of any process) has read costs no embedding but the question's.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np

from ingest.store.embedder import Embedder
from ingest.store.sentences import scored_sentences

log = logging.getLogger(__name__)
SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


class SentenceCache(Embedder):
    """``embed_documents`` through a SQLite cache; ``embed_query`` straight to the embedder."""

    def __init__(self, inner: Embedder, path: Path | None) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._conn is None:
            conn = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(SCHEMA)
            except (OSError, sqlite3.Error) as exc:  # a full or read-only disk: no cache
                log.warning("sentence cache %s not used: %s", self.path, exc)
                if conn is not None:
                    conn.close()
                return None
            self._conn = conn
        return self._conn

    def _keep(self, db: sqlite3.Connection, fresh: dict[bytes, list[float]]) -> None:
        """Store fresh vectors; on a full disk they are only used, not kept."""
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                    [(k, np.asarray(v, dtype="float32").tobytes()) for k, v in fresh.items()],
                )
        except sqlite3.Error as exc:
            log.warning("sentence cache %s not written: %s", self.path, exc)

    def _key(self, text: str) -> bytes:
        return hashlib.blake2b(f"{self.model_id}\0{text}".encode(), digest_size=16).digest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            db = self._db()
            if db is None:
                return self.inner.embed_documents(texts)
            keys = [self._key(t) for t in texts]
            found: dict[bytes, list[float]] = {}
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                rows = db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
                found.update((k, np.frombuffer(v, dtype="float32").tolist()) for k, v in rows)
            missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in found]
            if missing:
                vectors = self.inner.embed_documents([t for _, t in dict(missing).items()])
                fresh = dict(zip(dict(missing), vectors, strict=True))
                self._keep(db, fresh)
                found.update(fresh)
            return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def embed_passages(self, texts: list[str]) -> None:
        """Cache the vectors of the sentences the evidence scorer would embed for these passages
        (ingestion calls it with the chunks it adds: ``sentence_vectors_at_ingest``)."""
        sentences = scored_sentences(texts)
        if sentences:
            self.embed_documents(sentences)
