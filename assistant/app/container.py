"""The composition root: builds each component once from the settings and hands them out.

Built at the edge (CLI command, app factory, test) and passed to whatever needs services.
Everything is lazy, so ``paris-health sources`` never loads a model. Any component can be given
instead of built (``Container(settings, embedder=FakeEmbedder())``): tests use that for fakes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ingest.settings import Settings

if TYPE_CHECKING:
    from assistant.answer import EvidenceScorer
    from assistant.answer.compose import Composer
    from assistant.backends import Backend
    from assistant.retrieval import HybridRetriever
    from assistant.retrieval.follow import KeywordFollower
    from assistant.services import (
        ChatService,
        CorpusService,
        DirectoryService,
        FeedbackStore,
        StaffAuth,
    )
    from assistant.services.store_organisations import StoreOrganisations
    from ingest.catalog import SourceCatalog
    from ingest.database import Database
    from ingest.fetch import Fetcher
    from ingest.pipeline import IngestConfig, Ingestor
    from ingest.state import StateStore
    from ingest.store.embedder import Embedder
    from ingest.store.embedding_cache import SentenceCache
    from ingest.store.keyword_index import KeywordIndex
    from ingest.store.vectorstore import VectorStore


class Container:
    def __init__(
        self,
        settings: Settings,
        *,
        fetcher_factory: Callable[[], Fetcher] | None = None,
        **components: Any,
    ) -> None:
        self.settings = settings
        self.fetcher_factory = fetcher_factory
        unknown = [name for name in components if not _is_component(name)]
        if unknown:
            raise TypeError(f"Container has no component named {', '.join(unknown)}")
        self.__dict__.update(components)  # a given component replaces the cached_property

    @cached_property
    def embedder(self) -> Embedder:
        from ingest.store.embedder import build_embedder

        return build_embedder(self.settings)

    @cached_property
    def store(self) -> VectorStore:
        from ingest.store.vectorstore import VectorStore

        return VectorStore.from_settings(self.settings, self.embedder)

    @cached_property
    def keyword(self) -> KeywordIndex:
        from ingest.store.keyword_index import KeywordIndex

        return KeywordIndex.at(self.settings.data_dir, self.settings.collection)

    @cached_property
    def database(self) -> Database:
        """The shared state's database, migrated on first use (docs/database.md)."""
        from ingest.database import open_database

        url = self.settings.database_url
        return open_database(url.get_secret_value() if url else None, self.settings.data_dir)

    @cached_property
    def state(self) -> StateStore:
        from ingest.state import StateStore

        return StateStore(self.database)

    @cached_property
    def catalog(self) -> SourceCatalog:
        from ingest.catalog import SourceCatalog

        s = self.settings
        files = s.files_dir or s.data_dir / "files"
        return SourceCatalog(s.manifest_path, s.local_manifest_path, self.database, files)

    @cached_property
    def ingest_config(self) -> IngestConfig:
        from ingest.fetch import FetchConfig
        from ingest.pipeline import IngestConfig

        s = self.settings
        fetch = FetchConfig(
            user_agent=s.user_agent,
            timeout_s=s.fetch_timeout_s,
            retries=s.fetch_retries,
            backoff_s=s.fetch_backoff_s,
            max_bytes=s.fetch_max_bytes,
            respect_robots=s.respect_robots,
            snapshots_dir=s.snapshots_dir,
            max_crawl_bytes=s.max_crawl_bytes,
            deadline_s=s.fetch_deadline_s,
            max_requests=s.max_crawl_requests,
            max_child_sitemaps=s.max_child_sitemaps,
        )
        return IngestConfig(s.corpus_dir, s.data_dir, s.chunk_size, s.chunk_overlap, fetch)

    @cached_property
    def ingestor(self) -> Ingestor:
        return self._ingestor(self.ingest_config)

    def _ingestor(self, config: IngestConfig) -> Ingestor:
        from ingest.pipeline import Ingestor

        return Ingestor(
            config,
            self.store,
            self.embedder,
            self.state,
            self.fetcher_factory,
            keyword=self.keyword,
            sentences=self.sentence_cache if self.settings.sentence_vectors_at_ingest else None,
        )

    @cached_property
    def public_ingestor(self) -> Ingestor:
        """The staff desk's ingestor: URLs resolving to loopback, private, link-local or
        metadata addresses are refused on every hop (unless ``allow_private_urls``)."""
        if self.settings.allow_private_urls:
            return self.ingestor
        from dataclasses import replace

        from ingest.fetch.guard import AddressGuard

        config = self.ingest_config
        return self._ingestor(replace(config, fetch=replace(config.fetch, guard=AddressGuard())))

    @cached_property
    def corpus(self) -> CorpusService:
        from assistant.services import CorpusService
        from ingest.limits import Limits

        return CorpusService(  # nothing opened here: `paris-health sources` opens no index
            self.catalog,
            lambda: self.ingestor,
            self.state,
            lambda: self.store.count(),
            self.reset,
            keyword_size=lambda: self.keyword.count(),
            limits=Limits.from_settings(self.settings),
            public_ingestor=lambda: self.public_ingestor,
        )

    def reset(self) -> None:
        """Empty both indexes (``ingest --rebuild``)."""
        self.store.reset()
        self.keyword.reset()

    @cached_property
    def retriever(self) -> HybridRetriever:
        from assistant.retrieval import build_retriever

        return build_retriever(self.settings, self.store, self.keyword, self.follower)

    @cached_property
    def follower(self) -> KeywordFollower | None:
        """With a Chroma server, other processes write the store: the keyword index follows it
        (embedded, only this process writes both indexes: nothing to follow)."""
        if not self.settings.chroma_url:
            return None
        from assistant.retrieval.follow import KeywordFollower

        return KeywordFollower(self.store, self.keyword, self.settings.data_dir)

    @cached_property
    def backend(self) -> Backend:
        """The generative backend the settings name (``llamacpp``, ``openai``)."""
        from assistant.backends import build_backend

        return build_backend(self.settings)

    @cached_property
    def composer(self) -> Composer:
        """The compose strategy: the extractive compositions (``backend=extractive``), or the
        generative backend; a backend given to the container is composed with."""
        from assistant.answer.compose import GenerativeComposer, build_composer

        if "backend" in self.__dict__:
            return GenerativeComposer(self.backend)
        return build_composer(self.settings)

    @cached_property
    def scorer(self) -> EvidenceScorer:
        from assistant.answer import EvidenceScorer

        return EvidenceScorer(self.sentence_cache)

    @cached_property
    def sentence_cache(self) -> SentenceCache:
        from ingest.store.embedding_cache import SentenceCache

        return SentenceCache(self.embedder, self.settings.sentence_cache_path)

    @cached_property
    def organisations(self) -> StoreOrganisations:
        """The directory's organisations, read from the index once per index version (the
        chat's lists and comparisons and the directory tab share them)."""
        from assistant.services.store_organisations import StoreOrganisations

        return StoreOrganisations(self.store)

    @cached_property
    def chat(self) -> ChatService:
        from assistant.services import ChatService

        return ChatService(
            self.retriever,
            self.composer,
            self.scorer,
            self.settings,
            organisations=self.organisations,
            partners=self.directory,
        )

    @cached_property
    def directory(self) -> DirectoryService:
        from assistant.services import DirectoryService

        return DirectoryService(self.organisations, self.retriever)

    @cached_property
    def feedback(self) -> FeedbackStore:
        from assistant.services import FeedbackStore
        from assistant.services.rate_limit import DatabaseRateLimiter
        from ingest.limits import Limits

        s = self.settings
        return FeedbackStore(
            self.database,
            Limits.from_settings(s),
            per_session=s.feedback_per_session,
            per_address=s.feedback_per_address,
            window_s=s.feedback_window_s,
            rate=DatabaseRateLimiter(self.database, s.feedback_window_s),
        )

    @cached_property
    def staff(self) -> StaffAuth:
        """The staff sign-in, its throttle and its tokens' secret and sign-outs kept in the
        shared database (on the wall clock, which every replica shares)."""
        import time

        from assistant.services import StaffAuth
        from assistant.services.staff_tokens import DatabaseTokens
        from assistant.services.throttle import DatabaseBook

        s = self.settings
        return StaffAuth(
            s.staff_user,
            s.staff_password,
            max_failures=s.login_max_failures,
            lockout_s=s.login_lockout_s,
            session_s=s.staff_session_s,
            clock=time.time,
            book=DatabaseBook(self.database),
            tokens=DatabaseTokens(self.database),
        )


def _is_component(name: str) -> bool:
    return isinstance(Container.__dict__.get(name), cached_property)
