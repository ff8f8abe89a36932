"""Any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server) via langchain-openai."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assistant.backends import GenerationRequest
from assistant.backends.prompt import build_messages
from ingest.settings import Settings
from ingest.store.embedder import missing_extra

CLIENT_MODULES = {"openai", "httpx", "httpcore", "langchain_openai"}


class BackendUnavailableError(RuntimeError):
    """The answer backend could not be reached; the message is one line."""


class OpenAIBackend:
    name = "openai"

    def __init__(self, chat_model: Any) -> None:
        self.chat_model = chat_model

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIBackend:
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise missing_extra("langchain-openai", "openai") from exc
        return cls(
            ChatOpenAI(
                base_url=settings.openai_base_url,
                api_key=settings.openai_api_key,
                model=settings.openai_model,
                temperature=0.0,
                max_completion_tokens=settings.max_answer_tokens,
                timeout=60,
                max_retries=1,
                streaming=True,
            )
        )

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        try:
            for chunk in self.chat_model.stream(build_messages(request)):
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content
        except Exception as exc:
            # langchain-openai re-raises the client's errors as its own subclasses of them
            if any(cls.__module__.split(".")[0] in CLIENT_MODULES for cls in type(exc).__mro__):
                where = getattr(self.chat_model, "openai_api_base", None)
                raise BackendUnavailableError(
                    f"answer backend unavailable{f' at {where}' if where else ''}: "
                    f"{type(exc).__name__}: {' '.join(str(exc).split())}"
                ) from exc
            raise
