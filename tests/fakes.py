"""Fakes that implement the real interfaces, for the fast tier (no model, no server).

Each one is the smallest honest implementation of a seam: the embedder protocol, the answer
backend protocol, the vector store's writes (duck-typed for the ingestor), a clock, an HTTP site.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.backends import NOT_FOUND, GenerationRequest
from assistant.retrieval.passage import Passage
from ingest.store.embedder import Embedder

_WORD = re.compile(r"\w+")


class FakeEmbedder(Embedder):
    """Hashed bag of words in a small dimension: similar texts get similar vectors."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"fake-hash-{dim}"
        self.calls: list[int] = []  # how many texts each embed_documents call got

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dim
        for word in _WORD.findall(text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(len(texts))
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


@dataclass
class FakeBackend:
    """Answers with the first sentence of the best passage and its citation, or declines."""

    name: str = "fake"
    requests: list[GenerationRequest] = field(default_factory=list)

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        self.requests.append(request)
        if not request.passages:
            yield NOT_FOUND
            return
        first = request.passages[0].text.split(". ")[0].strip()
        yield f"{first} [1]"


class FakeIndex:
    """The vector store's writes, in memory (what the ingestor calls of ``VectorStore``)."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, dict[str, Any], list[float]]] = {}
        self.versions = 0

    def ids_by_source(self, sources: Collection[str] | None = None) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk_id, (_, meta, _) in self.rows.items():
            source = str(meta.get("source_id", ""))
            if sources is None or source in sources:
                out.setdefault(source, set()).add(chunk_id)
        return out

    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
        embeddings: Sequence[Sequence[float]],
    ) -> None:
        for i, t, m, e in zip(ids, texts, metadatas, embeddings, strict=True):
            self.rows[i] = (t, dict(m), list(e))

    def delete(self, ids: Iterable[str]) -> None:
        for chunk_id in ids:
            self.rows.pop(chunk_id, None)

    def refresh_version(self) -> str:
        self.versions += 1
        return str(self.versions)

    def texts(self, source_id: str) -> list[str]:
        return [t for t, m, _ in self.rows.values() if m.get("source_id") == source_id]


class FakeClock:
    """``clock`` and ``sleep`` for timing logic: sleeping moves the clock, nobody waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class FakeSite:
    """An HTTP site in memory, served through ``httpx.MockTransport``; records requests."""

    def __init__(self, pages: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        self.pages = pages
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, headers, body = self.pages.get(request.url.path, (404, {}, b"not found"))
        etag = headers.get("ETag")
        if etag and request.headers.get("If-None-Match") == etag:
            return httpx.Response(304, headers={"ETag": etag})
        return httpx.Response(status, headers=headers, content=body)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def directory_entry(name: str, kind: str, city: str) -> Passage:
    """A made-up directory entry, as the directory's passages carry one: a test's gazetteer is
    built from these, so no rule can be about one question's organisation."""
    meta = {"title": name, "kind": kind, "city": city, "doc_id": f"d#{name}"}
    return Passage(f"p-{name}", f"{name} is a {kind}.", meta, 0.0)


def answering(*sentences: str) -> EvidenceReport:
    """The evidence of one passage of ``sentences``, best first (each a little below the one
    before), answerable: what a decline reads as the sentences that answer a question."""
    scores = [0.9 - 0.01 * i for i in range(len(sentences))]
    evidence = [Evidence(1, i, s, scores[i], 0.8, 0.5) for i, s in enumerate(sentences)]
    made = EvidenceReport("en", evidence, {1: list(sentences)})
    made.answerable = True
    return made
