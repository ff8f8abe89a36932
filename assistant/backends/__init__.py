"""Answer backends behind one interface, chosen by ``PARIS_HEALTH_BACKEND``.

- ``extractive`` (default): composes the retrieved sentences that answer, no model but the embedder;
- ``llamacpp``: a local GGUF instruct model through llama-cpp-python (extra ``llamacpp``);
- ``openai``: any OpenAI-compatible endpoint through langchain-openai (extra ``openai``).

A backend turns a :class:`GenerationRequest` into text deltas. Grounding, declining and citation
repair are the chat service's job, the same for every backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, get_args

from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Member, Organisation
from assistant.passage import Passage
from assistant.settings import BackendMode, Settings

NOT_FOUND = "NOT_FOUND"


@dataclass(frozen=True)
class GenerationRequest:
    question: str
    language: str  # 'en' or 'fr'
    passages: list[Passage]  # numbered from 1 in this order
    evidence: EvidenceReport
    kind: str = "fact"  # assistant.answer.kinds.Kind: fact, list, compare, explain
    members: tuple[Member, ...] = ()  # a list question's organisations from the directory
    compared: tuple[Organisation, ...] = ()  # a comparison's organisations
    # organisation name -> number of its directory entry among the passages
    directory_n: dict[str, int] = field(default_factory=dict)


class Backend(Protocol):
    name: str

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer as text deltas, citing passages as [n]; NOT_FOUND to decline."""
        ...


def build_backend(settings: Settings, mode: str | None = None) -> Backend:
    mode = mode or settings.backend
    if mode == "extractive":
        from assistant.backends.extractive import ExtractiveBackend

        return ExtractiveBackend()
    if mode == "llamacpp":
        from assistant.backends.llamacpp import LlamaCppBackend

        return LlamaCppBackend.from_settings(settings)
    if mode == "openai":
        from assistant.backends.openai import OpenAIBackend

        return OpenAIBackend.from_settings(settings)
    raise ValueError(f"unknown backend {mode!r}; valid: {', '.join(get_args(BackendMode))}")
