"""A deterministic synthetic index of any size, built without running the embedder.

Each synthetic chunk mixes sentences of two real chunks of a pool (the seed corpus) with made-up
names and numbers, so the texts vary (no copies; the keyword statistics look like a real corpus
with a long tail of rare terms). Its vector is the real embedding of its main chunk, perturbed
and renormalised: dense search sees neighbourhoods like a real corpus, and 100k chunks take
minutes, not the hours real embeddings would. Both indexes are written directly, in batches.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from ingest.store.keyword_index import KeywordIndex
from ingest.store.vectorstore import VectorStore

CHUNKS_PER_SOURCE = 20
BATCH = 1000
CITIES = ("Paris", "Evry", "Saclay", "Villejuif", "Creteil", "Boulogne-Billancourt", "Orsay")
KINDS = ("hospital", "startup", "cluster", "lab", "university", "investor")
SYLLABLES = "ka ri to ne mo sa li ve du pa zo ge fi ra te lo mi be co nu".split()
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class PoolChunk:
    text: str
    metadata: dict[str, Any]
    vector: np.ndarray


def read_pool(store: VectorStore) -> list[PoolChunk]:
    """The chunks of a (small, real) index with their embeddings."""
    pool = []
    for page in store.pages(["documents", "metadatas", "embeddings"]):
        for text, meta, vector in zip(
            page["documents"], page["metadatas"], page["embeddings"], strict=True
        ):
            pool.append(PoolChunk(text or "", dict(meta or {}), np.asarray(vector, "float32")))
    return pool


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic_chunks(
    pool: list[PoolChunk], n: int, seed: int = 11, noise: float = 0.35
) -> Iterator[tuple[str, str, dict[str, Any], list[float]]]:
    """``n`` chunks as ``(id, text, metadata, vector)``, the same for the same seed."""
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    sentences = [SENTENCE.split(p.text) for p in pool]
    dim = pool[0].vector.shape[0]
    for i in range(n):
        main = rng.randrange(len(pool))
        other = rng.randrange(len(pool))
        base = pool[main]
        picked = rng.sample(sentences[main], k=max(1, min(len(sentences[main]), rng.randint(2, 5))))
        extra = rng.choice(sentences[other])
        name, city = made_up_name(rng), rng.choice(CITIES)
        text = " ".join(
            [
                *picked,
                extra,
                f"{name} ({city}) reported {rng.randint(2, 9000)} "
                f"{rng.choice(['patients', 'researchers', 'projects', 'beds'])} in "
                f"{rng.randint(1990, 2026)}.",
            ]
        )
        vector = base.vector + np_rng.normal(0, noise / np.sqrt(dim), dim).astype("float32")
        vector /= np.linalg.norm(vector) or 1.0
        source = f"synthetic-{i // CHUNKS_PER_SOURCE:06d}"
        metadata = {
            k: v for k, v in base.metadata.items() if k.startswith("domain_") or k == "language"
        }
        metadata.update(
            source_id=source,
            doc_id=source,
            source_kind="file",
            type="document",
            title=f"{name} - {base.metadata.get('title', '')}"[:200],
            kind=rng.choice(KINDS),
            city=city,
        )
        yield f"syn-{i:07d}", text, metadata, vector.tolist()


def build(
    store: VectorStore,
    keyword: KeywordIndex,
    pool: list[PoolChunk],
    n: int,
    say: Callable[[str], None] = lambda _: None,
) -> None:
    """Write ``n`` synthetic chunks into both indexes, then give them a new version."""
    batch: list[tuple[str, str, dict[str, Any], list[float]]] = []
    for row in synthetic_chunks(pool, n):
        batch.append(row)
        if len(batch) == BATCH:
            _write(store, keyword, batch)
            batch = []
            done = int(row[0][4:]) + 1
            if done % 10_000 == 0:
                say(f"synthetic index: {done} chunks")
    _write(store, keyword, batch)
    keyword.commit()
    store.refresh_version()


def _write(
    store: VectorStore,
    keyword: KeywordIndex,
    rows: list[tuple[str, str, dict[str, Any], list[float]]],
) -> None:
    if not rows:
        return
    ids, texts, metas, vectors = (list(col) for col in zip(*rows, strict=True))
    store.add(ids, texts, metas, vectors)
    keyword.add(ids, texts, metas)
