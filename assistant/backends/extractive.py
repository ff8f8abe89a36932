"""The extractive backend: the sentences of the passages that answer, each with its [n]."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer import select
from assistant.backends import NOT_FOUND, GenerationRequest

LEAD = {"en": "", "fr": "D'après les sources (en anglais) : "}


class ExtractiveBackend:
    name = "extractive"

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        chosen = select(request.evidence)
        if not chosen:
            yield NOT_FOUND
            return
        yield LEAD.get(request.language, "")
        for i, evidence in enumerate(chosen):
            yield ("" if i == 0 else " ") + f"{evidence.sentence} [{evidence.n}]"
