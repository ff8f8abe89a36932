"""The composition root: builds each component once from the settings and hands them out.

Built at the edge (CLI command, app factory, test) and passed to whatever needs services.
Everything is lazy, so ``paris-health sources`` never loads a model.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.backends import Backend
    from assistant.components.embedder import Embedder
    from assistant.components.vectorstore import VectorStore
    from assistant.retrieval import HybridRetriever
    from assistant.services import ChatService, CorpusService, DirectoryService, FeedbackStore
    from ingest.pipeline import Ingestor
    from ingest.state import StateStore


class Container:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def embedder(self) -> Embedder:
        from assistant.components.embedder import build_embedder

        return build_embedder(self.settings)

    @cached_property
    def store(self) -> VectorStore:
        from assistant.components.vectorstore import VectorStore

        return VectorStore.from_settings(self.settings, self.embedder)

    @cached_property
    def state(self) -> StateStore:
        from ingest.state import StateStore

        return StateStore(self.settings.state_db)

    @cached_property
    def ingestor(self) -> Ingestor:
        from ingest.pipeline import Ingestor

        return Ingestor(self.settings, self.store, self.state)

    @cached_property
    def corpus(self) -> CorpusService:
        from assistant.services import CorpusService

        return CorpusService(self.settings, self.ingestor, self.state)

    @cached_property
    def retriever(self) -> HybridRetriever:
        from assistant.retrieval import build_retriever

        return build_retriever(self.settings, self.store)

    @cached_property
    def backend(self) -> Backend:
        from assistant.backends import build_backend

        return build_backend(self.settings)

    @cached_property
    def chat(self) -> ChatService:
        from assistant.answer import EvidenceScorer
        from assistant.services import ChatService

        scorer = EvidenceScorer(self.embedder)
        return ChatService(self.retriever, self.backend, scorer, self.settings)

    @cached_property
    def directory(self) -> DirectoryService:
        from assistant.services import DirectoryService

        return DirectoryService(self.store, self.retriever)

    @cached_property
    def feedback(self) -> FeedbackStore:
        from assistant.services import FeedbackStore

        return FeedbackStore(self.settings.feedback_db)
