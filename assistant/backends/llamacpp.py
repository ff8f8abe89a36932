"""A local GGUF instruct model through llama-cpp-python (extra ``llamacpp``), streaming tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assistant.backends import GenerationRequest
from assistant.backends.prompt import build_messages
from ingest.settings import Settings
from ingest.store.embedder import missing_extra


class LlamaCppBackend:
    name = "llamacpp"

    def __init__(self, model_path: str, n_threads: int, n_ctx: int, max_tokens: int) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise missing_extra("llama-cpp-python", "llamacpp") from exc
        self.model: Any = Llama(
            model_path=model_path, n_threads=n_threads, n_ctx=n_ctx, verbose=False
        )
        self.max_tokens = max_tokens

    @classmethod
    def from_settings(cls, settings: Settings) -> LlamaCppBackend:
        if not settings.llamacpp_model_path:
            raise ValueError(
                "backend=llamacpp needs PARIS_HEALTH_LLAMACPP_MODEL_PATH (a .gguf file)"
            )
        return cls(
            settings.llamacpp_model_path,
            settings.llamacpp_n_threads,
            settings.llamacpp_n_ctx,
            settings.max_answer_tokens,
        )

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        stream = self.model.create_chat_completion(
            messages=build_messages(request),
            max_tokens=self.max_tokens,
            temperature=0.0,
            stream=True,
        )
        for part in stream:
            delta = part["choices"][0].get("delta", {}).get("content")
            if delta:
                yield delta
