"""Embeddings from a server: any OpenAI-compatible ``POST /v1/embeddings`` endpoint.

TEI, vLLM, Ollama, Infinity and ``python -m llama_cpp.server --embedding true`` all serve it, so
a big corpus can be embedded on a GPU machine. Texts go in batches of ``embed_batch_size``,
each retried with backoff on a connection error, a timeout, 429 or a 5xx. The model id stored
with the index is ``openai:<model>``: an index built with another embedder is refused.
"""

from __future__ import annotations

import math
import time
from typing import Any

import httpx
import numpy as np

from ingest.settings import Settings
from ingest.store.embedder import Embedder

RETRY_STATUS = {408, 429, 500, 502, 503, 504}
SERVER_BATCH = 32  # texts per request unless embed_batch_size says otherwise


class EmbeddingServerError(RuntimeError):
    """The embedding server failed or answered something that is not embeddings."""


class OpenAIEmbedder(Embedder):
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str = "not-needed",
        batch_size: int = SERVER_BATCH,
        timeout_s: float = 60.0,
        retries: int = 3,
        query_prefix: str = "",
        passage_prefix: str = "",
        sleep: Any = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = base_url.rstrip("/") + "/embeddings"
        self.model = model
        self.model_id = f"openai:{model}"
        self.batch_size = batch_size
        self.retries = retries
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix
        self.sleep = sleep
        self.client = httpx.Client(
            timeout=timeout_s, headers={"Authorization": f"Bearer {api_key}"}, transport=transport
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIEmbedder:
        if not settings.embedder_base_url:
            raise ValueError(
                "embedder=openai needs PARIS_HEALTH_EMBEDDER_BASE_URL "
                "(e.g. http://127.0.0.1:8080/v1)"
            )
        return cls(
            settings.embedder_base_url,
            settings.embedder_model,
            settings.embedder_api_key.get_secret_value(),
            batch_size=settings.embed_batch_size or SERVER_BATCH,
            timeout_s=settings.embedder_timeout_s,
            retries=settings.embedder_retries,
            query_prefix=settings.embedder_query_prefix,
            passage_prefix=settings.embedder_passage_prefix,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = [self.passage_prefix + t for t in texts[start : start + self.batch_size]]
            out.extend(self._post(batch))
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._post([self.query_prefix + text])[0]

    def _post(self, texts: list[str]) -> list[list[float]]:
        body = {"model": self.model, "input": texts, "encoding_format": "float"}
        for attempt in range(self.retries + 1):
            try:
                response = self.client.post(self.url, json=body)
            except httpx.TransportError as exc:
                if attempt == self.retries:
                    raise EmbeddingServerError(f"embedding server {self.url}: {exc}") from exc
            else:
                if response.status_code not in RETRY_STATUS or attempt == self.retries:
                    return self._parse(response, len(texts))
            self.sleep(min(0.5 * 2**attempt, 8.0))
        raise AssertionError("unreachable")  # pragma: no cover

    def _parse(self, response: httpx.Response, expected: int) -> list[list[float]]:
        if response.status_code != 200:
            raise EmbeddingServerError(
                f"embedding server {self.url} answered {response.status_code}: "
                f"{' '.join(response.text.split())[:200]}"
            )
        try:
            data = sorted(response.json()["data"], key=lambda d: d["index"])
            vectors = [_normalized(d["embedding"]) for d in data]
        except (ValueError, KeyError, TypeError) as exc:
            raise EmbeddingServerError(f"embedding server {self.url}: not embeddings") from exc
        if len(vectors) != expected:
            raise EmbeddingServerError(
                f"embedding server {self.url}: {len(vectors)} vectors for {expected} texts"
            )
        return vectors

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray:
        return np.asarray(self.embed_query(texts[0]) if query else self.embed_documents(texts))


def _normalized(vector: list[float]) -> list[float]:
    """Unit length (cosine space); llama.cpp pools without normalising for some models."""
    if vector and isinstance(vector[0], list):  # one vector per token: mean-pool
        vector = np.asarray(vector, dtype="float32").mean(axis=0).tolist()
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [float(v) / norm for v in vector]
