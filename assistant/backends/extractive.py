"""The extractive backend: the sentences of the passages that answer, composed by the kind of
question (a fact first, a list of organisations, a comparison, an explanation), each with [n]."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer.compose import compose
from assistant.backends import NOT_FOUND, GenerationRequest


class ExtractiveBackend:
    name = "extractive"

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        text = compose(
            request.kind,
            request.evidence,
            request.question,
            request.members,
            request.compared,
            request.directory_n,
        )
        if not text:
            yield NOT_FOUND
            return
        for i, line in enumerate(text.split("\n")):
            yield ("\n" if i else "") + line
