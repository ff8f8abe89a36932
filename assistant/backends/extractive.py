"""The extractive backend: the sentences of the passages that answer, each with its [n]."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer.quote import select
from assistant.backends import NOT_FOUND, GenerationRequest

LEAD = {"en": "", "fr": "D'après les sources (en anglais) : "}


class ExtractiveBackend:
    name = "extractive"
    max_answer_chars = 800  # an answer stays short: a lead, up to three quotes and their [n]
    max_spans = 3

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        lead = LEAD.get(request.language, "")
        budget = self.max_answer_chars - len(lead) - 6 * self.max_spans
        spans = select(request.evidence, max_chars=budget, max_spans=self.max_spans)
        if not spans:
            yield NOT_FOUND
            return
        yield lead
        for i, span in enumerate(spans):
            yield ("" if i == 0 else " ") + f"{span.text} [{span.n}]"
