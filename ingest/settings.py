"""The one typed settings object.

Built once at the edge (the CLI, the app factory, a test) and passed in. Every field can be set
from the environment with the ``PARIS_HEALTH_`` prefix, e.g. ``PARIS_HEALTH_DATA_DIR=/srv/ph``.
Nothing here reads the environment at import time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.limits import MAX_CRAWL_PAGES

EmbedderMode = Literal["minilm", "e5", "sentence-transformers", "openai"]
BackendMode = Literal["extractive", "llamacpp", "openai"]
RerankerMode = Literal["none", "cross-encoder"]

REPO_ROOT = Path(__file__).resolve().parent.parent
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval_seconds(value: str) -> float:
    """``90s``, ``30m``, ``24h``, ``7d`` or plain seconds, as seconds (at least 60)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    if not match:
        raise ValueError(f"invalid interval {value!r}: use e.g. 30m, 24h or 7d")
    seconds = float(match.group(1)) * INTERVAL_UNITS[match.group(2) or "s"]
    if seconds < 60:
        raise ValueError(f"interval {value!r} is shorter than a minute")
    return seconds


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARIS_HEALTH_", extra="ignore")

    # --- storage -------------------------------------------------------------------------
    data_dir: Path = Field(Path("data"), description="All state: Chroma, snapshots, records.")
    corpus_dir: Path = Field(REPO_ROOT / "corpus", description="Source documents and manifest.")
    chroma_url: str | None = Field(
        None, description="http://HOST:PORT of a `chroma run` server; unset = embedded Chroma."
    )
    database_url: SecretStr | None = Field(
        None,
        description="The shared state's database (source state, feedback, sign-in throttle, "
        "the writer lock): postgresql://USER:PASSWORD@HOST/DB for replicas; unset = the SQLite "
        "file DATA_DIR/database.sqlite (docs/database.md). Secret: it may hold a password.",
    )
    files_dir: Path | None = Field(
        None,
        description="Where uploaded files are kept: one folder every replica mounts, with the "
        "shared database (docs/replicas.md); unset = DATA_DIR/files.",
    )
    collection: str = Field("paris_health", min_length=3, description="Chroma collection name.")

    # --- embedding -------------------------------------------------------------------------
    embedder: EmbedderMode = Field(
        "e5", description="e5 (default) | minilm | sentence-transformers"
    )
    embedder_model_path: str | None = Field(
        None, description="Model directory for embedder=sentence-transformers."
    )
    embed_batch_size: int | None = Field(
        None,
        ge=1,
        description="Texts per embedding batch; unset: 8 for a local model (the fastest on CPU, "
        "docs/benchmarks.md), 32 for an embedding server.",
    )

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
    fetch_deadline_s: float = Field(
        60.0, gt=0, description="A whole request (robots.txt, sitemap, page) ends within this."
    )
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

    # --- limits and security (docs/reliability.md) ---------------------------------------------
    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted.")
    max_history_turns: int = Field(40, ge=0, description="Most earlier messages in a request.")
    max_history_chars: int = Field(40_000, ge=0, description="Most characters of history.")
    max_jsonl_line_bytes: int = Field(
        100_000, ge=1024, description="Longest input line of `ask --jsonl`."
    )
    max_upload_bytes: int = Field(
        20_000_000, ge=1024, description="Largest file added (`ingest --file`, staff upload)."
    )
    max_directory_rows: int = Field(
        100_000, ge=1, description="Most rows of a directory file (CSV) added."
    )
    upload_keep_s: int = Field(
        3600, ge=1, description="Uploads to the app are deleted this long after (used or not)."
    )
    max_crawl_pages: int = Field(
        MAX_CRAWL_PAGES, ge=1, description="Most pages one URL source may crawl."
    )
    max_crawl_bytes: int = Field(50_000_000, ge=1024, description="Most bytes one crawl reads.")
    max_crawl_requests: int = Field(
        500, ge=1, description="Most requests one URL source makes (robots, sitemaps, pages)."
    )
    max_child_sitemaps: int = Field(50, ge=1, description="Sitemaps of an index that are read.")
    generation_budget_s: float = Field(
        8.0, gt=0, description="Answer generation stops this long after it starts."
    )
    allow_private_urls: bool = Field(
        False, description="Let the staff desk fetch loopback, private and link-local addresses."
    )
    max_feedback_comment_chars: int = Field(2000, ge=10, description="Longest feedback comment.")
    max_feedback_post_bytes: int = Field(
        200_000, ge=1024, description="Largest answer record sent with one vote (JSON bytes)."
    )
    max_feedback_store_bytes: int = Field(
        50_000_000, ge=10_000, description="Feedback database size past which votes are refused."
    )
    feedback_per_session: int = Field(30, ge=1, description="Votes one session sends per window.")
    feedback_per_address: int = Field(120, ge=1, description="Votes one address sends per window.")
    feedback_window_s: float = Field(600.0, gt=0, description="The feedback rate-limit window.")
    login_max_failures: int = Field(5, ge=1, description="Failed sign-ins before a lockout.")
    login_lockout_s: float = Field(900.0, ge=0, description="Lockout after too many failures.")
    staff_session_s: float = Field(8 * 3600.0, gt=0, description="A staff sign-in lasts this.")
    concurrency_limit: int = Field(
        4, ge=1, le=64, description="App events answered at once (measured: docs/reliability.md)."
    )
    queue_max_size: int = Field(64, ge=1, description="App requests waiting before 'queue full'.")
    refresh_every: str | None = Field(
        None, description="Background refresh interval of `serve`, e.g. 24h, 30m; unset = off."
    )

    @field_validator("refresh_every")
    @classmethod
    def _valid_interval(cls, value: str | None) -> str | None:
        if value is not None and value.strip().lower() not in ("", "off", "none", "0"):
            interval_seconds(value)
            return value.strip()
        return None

    @property
    def refresh_every_s(self) -> float | None:
        """The background refresh interval in seconds; None when off."""
        return interval_seconds(self.refresh_every) if self.refresh_every else None

    # --- derived paths -------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        """The tracked seed manifest; never written at run time."""
        return self.corpus_dir / "sources.yaml"

    @property
    def local_manifest_path(self) -> Path:
        """Where an older version kept the sources added at run time (now in the database,
        :mod:`ingest.catalog`): copied in once."""
        return self.data_dir / "sources.yaml"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def snapshots_dir(self) -> Path:
        return self.data_dir / "snapshots"

    @property
    def sentence_cache_path(self) -> Path:
        """Embeddings of passage sentences scored by the answer stage, kept across restarts."""
        return self.data_dir / "cache" / "sentences.sqlite"
