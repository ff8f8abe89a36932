"""The extractive backend: the sentences of the passages that answer, each with its [n]."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer import select
from assistant.backends import NOT_FOUND, GenerationRequest

LEAD = {"en": "", "fr": "D'après les sources (en anglais) : "}


class ExtractiveBackend:
    name = "extractive"
    max_chars = 700  # answers stay short: the eval counts only answers of at most 800 characters

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        spans = select(request.evidence, max_chars=self.max_chars)
        if not spans:
            yield NOT_FOUND
            return
        yield LEAD.get(request.language, "")
        for i, span in enumerate(spans):
            yield ("" if i == 0 else " ") + f"{span.text} [{span.n}]"
