"""Embeddings from an OpenAI-compatible server: the protocol on a mock transport (fast), then a
real ``python -m llama_cpp.server --embedding true`` on 127.0.0.1 (slow): index, ask, refuse."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fakes import FakeBackend, FakeEmbedder
from llamaserver import free_port, llama_server

from assistant.app.container import Container
from ingest.manifest import save_manifest
from ingest.models import Source
from ingest.settings import Settings
from ingest.store.remote_embedder import EmbeddingServerError, OpenAIEmbedder
from ingest.store.vectorstore import IncompatibleIndexError


def mock(replies: list[int]) -> tuple[httpx.MockTransport, list[dict[str, object]]]:
    """A server answering with ``replies`` statuses in turn (200: one vector per input)."""
    seen: list[dict[str, object]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        import json

        body = json.loads(request.content)
        seen.append(body)
        status = replies[min(len(seen), len(replies)) - 1]
        if status != 200:
            return httpx.Response(status, text="busy")
        data = [
            {"index": i, "embedding": [float(len(t)), 1.0, 0.0]}
            for i, t in reversed(list(enumerate(body["input"])))
        ]
        return httpx.Response(200, json={"object": "list", "data": data})

    return httpx.MockTransport(handle), seen


def test_batches_prefixes_order_and_unit_vectors() -> None:
    transport, seen = mock([200])
    embedder = OpenAIEmbedder(
        "http://x/v1", "e5", batch_size=2, passage_prefix="passage: ", transport=transport
    )
    vectors = embedder.embed_documents(["a", "bbb", "cc"])
    assert [len(b["input"]) for b in seen] == [2, 1]  # type: ignore[arg-type]
    assert seen[0]["input"] == ["passage: a", "passage: bbb"] and seen[0]["model"] == "e5"
    assert all(math.isclose(sum(v * v for v in vec), 1.0) for vec in vectors)
    assert vectors[0][0] < vectors[1][0]  # in input order although the server reversed them
    assert embedder.model_id == "openai:e5"


def test_retries_then_clear_errors() -> None:
    slept: list[float] = []
    transport, seen = mock([503, 429, 200])
    embedder = OpenAIEmbedder(
        "http://x/v1", "m", retries=3, sleep=slept.append, transport=transport
    )
    assert len(embedder.embed_query("q")) == 3 and len(seen) == 3 and slept == [0.5, 1.0]
    transport, _ = mock([500])
    with pytest.raises(EmbeddingServerError, match="answered 500"):
        OpenAIEmbedder(
            "http://x/v1", "m", retries=1, sleep=slept.append, transport=transport
        )._post(["q"])
    transport, _ = mock([400])
    with pytest.raises(EmbeddingServerError, match="answered 400"):
        OpenAIEmbedder(
            "http://x/v1", "m", retries=5, sleep=slept.append, transport=transport
        )._post(["q"])


def test_unreachable_server_is_one_clear_error() -> None:
    embedder = OpenAIEmbedder(
        f"http://127.0.0.1:{free_port()}/v1", "m", retries=1, sleep=lambda _: None
    )
    with pytest.raises(EmbeddingServerError, match="embedding server"):
        embedder.embed_documents(["x"])


def test_settings_need_a_base_url() -> None:
    with pytest.raises(ValueError, match="EMBEDDER_BASE_URL"):
        OpenAIEmbedder.from_settings(Settings(embedder="openai"))


@pytest.fixture(scope="module")
def embedding_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real llama_cpp.server serving /v1/embeddings with SmolLM2; yields its /v1 base URL."""
    log = tmp_path_factory.mktemp("embed-server") / "stderr.log"
    with llama_server(log, "--embedding", "true") as base:
        yield base


@pytest.mark.slow
@pytest.mark.llamacpp
def test_index_and_answer_with_a_real_embedding_server(
    embedding_server: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "documents" / "aphp.txt").write_text(
        "AP-HP is the university hospital trust of Paris. It counts 38 hospitals.\n\n"
        "Medicen Paris Region is the health cluster of the Paris Region.\n",
        encoding="utf-8",
    )
    save_manifest(
        corpus / "sources.yaml", [Source(id="aphp", kind="file", location="documents/aphp.txt")]
    )
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=corpus,
        embedder="openai",
        embedder_base_url=embedding_server,
        embedder_model="smollm2",
        embed_batch_size=8,
    )
    app = Container(settings, backend=FakeBackend())
    one = app.embedder.embed_documents(["Medicen is a health cluster."])[0]
    again = app.embedder.embed_documents(["Medicen is a health cluster.", "AP-HP"])[0]
    assert math.isclose(sum(v * v for v in one), 1.0, rel_tol=1e-4)
    assert sum(a * b for a, b in zip(one, again, strict=True)) > 0.999  # batching changes nothing
    report = app.corpus.refresh()
    assert report.ok and report.embedded > 0, report.summary()
    answer = app.chat.ask("How many hospitals does AP-HP have?")
    assert answer.sources
    # the index remembers its model: another embedder is refused
    other = Container(settings.model_copy(update={"embedder": "e5"}), embedder=FakeEmbedder())
    with pytest.raises(IncompatibleIndexError, match="openai:smollm2"):
        other.store.count()
