"""The one typed settings object.

Built once at the edge (the CLI, the app factory, a test) and passed in. Every field can be set
from the environment with the ``PARIS_HEALTH_`` prefix, e.g. ``PARIS_HEALTH_DATA_DIR=/srv/ph``.
Nothing here reads the environment at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbedderMode = Literal["minilm", "e5", "sentence-transformers", "openai"]
BackendMode = Literal["extractive", "llamacpp", "openai"]
RerankerMode = Literal["none", "cross-encoder"]

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARIS_HEALTH_", extra="ignore")

    # --- storage -------------------------------------------------------------------------
    data_dir: Path = Field(Path("data"), description="All state: Chroma, snapshots, records.")
    corpus_dir: Path = Field(REPO_ROOT / "corpus", description="Source documents and manifest.")
    chroma_url: str | None = Field(
        None, description="http://HOST:PORT of a `chroma run` server; unset = embedded Chroma."
    )
    collection: str = Field("paris_health", min_length=3, description="Chroma collection name.")

    # --- embedding -------------------------------------------------------------------------
    embedder: EmbedderMode = Field(
        "e5", description="e5 (default) | minilm | sentence-transformers"
    )
    embedder_model_path: str | None = Field(
        None, description="Model directory for embedder=sentence-transformers."
    )
    embed_batch_size: int = Field(32, ge=1)

    # --- scale ---------------------------------------------------------------------------
    embedder_base_url: str | None = Field(
        None,
        description="embedder=openai: base URL of an OpenAI-compatible server, e.g. "
        "http://127.0.0.1:8080/v1 (TEI, vLLM, Ollama, Infinity, llama_cpp.server).",
    )
    embedder_model: str = Field(
        "intfloat/multilingual-e5-small", description="embedder=openai: the served model's name."
    )
    embedder_api_key: SecretStr = SecretStr("not-needed")
    embedder_query_prefix: str = Field("", description='e.g. "query: " for an e5 model.')
    embedder_passage_prefix: str = Field("", description='e.g. "passage: " for an e5 model.')
    embedder_timeout_s: float = Field(60.0, gt=0)
    embedder_retries: int = Field(3, ge=0)
    query_cache_size: int = Field(512, ge=0, description="Query embeddings kept in memory.")
    sentence_vectors_at_ingest: bool = Field(
        False,
        description="Embed the sentences of new chunks at ingest (into the sentence cache), so "
        "a first answer over them embeds only the question; costs ingest time.",
    )

    # --- chunking ------------------------------------------------------------------------
    chunk_size: int = Field(1000, ge=100, description="Characters per chunk.")
    chunk_overlap: int = Field(200, ge=0, description="Characters shared by neighbouring chunks.")

    # --- fetching ------------------------------------------------------------------------
    user_agent: str = "paris-health-bot/0.1 (+https://github.com/paris-health/paris-health)"
    fetch_timeout_s: float = Field(10.0, gt=0)
    fetch_retries: int = Field(2, ge=0)
    fetch_backoff_s: float = Field(0.5, ge=0)
    fetch_max_bytes: int = Field(5_000_000, ge=1024)
    respect_robots: bool = True

    # --- retrieval and answering -----------------------------------------------------------
    k: int = Field(5, ge=1, le=50, description="Passages shown to the answer backend.")
    fetch_k: int = Field(20, ge=1, description="Candidates per retriever before fusion.")
    directory_weight: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Fusion weight of directory entries, which restate the primary documents.",
    )
    reranker: RerankerMode = "none"
    reranker_model_path: str | None = None
    backend: BackendMode = "extractive"
    llamacpp_model_path: str | None = None
    llamacpp_n_threads: int = Field(2, ge=1)
    llamacpp_n_ctx: int = Field(4096, ge=512)
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_api_key: SecretStr = SecretStr("not-needed")
    max_answer_tokens: int = Field(300, ge=16)

    # --- UI ------------------------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 7860
    staff_user: str | None = None
    staff_password: SecretStr | None = None

    # --- derived paths -------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        """The tracked seed manifest; never written at run time."""
        return self.corpus_dir / "sources.yaml"

    @property
    def local_manifest_path(self) -> Path:
        """Sources added at run time, layered over the seed manifest."""
        return self.data_dir / "sources.yaml"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def snapshots_dir(self) -> Path:
        return self.data_dir / "snapshots"

    @property
    def state_db(self) -> Path:
        return self.data_dir / "state.sqlite"

    @property
    def sentence_cache_path(self) -> Path:
        """Embeddings of passage sentences scored by the answer stage, kept across restarts."""
        return self.data_dir / "cache" / "sentences.sqlite"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite"

    @property
    def staff_enabled(self) -> bool:
        password = self.staff_password
        return bool(self.staff_user and password and password.get_secret_value())
