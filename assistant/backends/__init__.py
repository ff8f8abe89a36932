"""Generative answer backends behind one interface, chosen by ``PARIS_HEALTH_BACKEND``.

- ``llamacpp``: a local GGUF instruct model through llama-cpp-python (extra ``llamacpp``);
- ``openai``: any OpenAI-compatible endpoint through langchain-openai (extra ``openai``).

The default, ``extractive``, is no backend: it is the answering pipeline's own compose strategy
(``assistant.answer.compose``), beside these. A backend turns the compose stage's
:class:`GenerationRequest` into text deltas through the prompt (``prompt.py``); grounding,
declining and citation repair are the chat service's job, the same for every backend. From
``assistant.answer`` a backend takes the request only (an import-linter contract).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from assistant.answer.request import NOT_FOUND, GenerationRequest
from ingest.settings import Settings

__all__ = ["GENERATIVE", "NOT_FOUND", "Backend", "GenerationRequest", "build_backend"]

GENERATIVE = ("llamacpp", "openai")


class Backend(Protocol):
    name: str

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer as text deltas, citing passages as [n]; NOT_FOUND to decline."""
        ...


def build_backend(settings: Settings, mode: str | None = None) -> Backend:
    mode = mode or settings.backend
    if mode == "llamacpp":
        from assistant.backends.llamacpp import LlamaCppBackend

        return LlamaCppBackend.from_settings(settings)
    if mode == "openai":
        from assistant.backends.openai import OpenAIBackend

        return OpenAIBackend.from_settings(settings)
    raise ValueError(f"unknown generative backend {mode!r}; valid: {', '.join(GENERATIVE)}")
