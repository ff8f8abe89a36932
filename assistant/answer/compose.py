"""The compose stage: a strategy turns the request (question, passages, scored evidence, the
directory's organisations) into the answer's text deltas, citing passages as ``[n]``.

- :class:`ExtractiveComposer` (``PARIS_HEALTH_BACKEND=extractive``, the default): the sentences
  of the passages that answer, composed by the kind of question (one module per composition:
  a fact first, a list of organisations, a comparison, an explanation);
- :class:`GenerativeComposer`: a generative backend (``assistant.backends``) given the request.

Grounding, declining and citation repair around either are the chat service's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, get_args

from assistant.answer.compose_compare import compose_compare
from assistant.answer.compose_explain import compose_explain
from assistant.answer.compose_fact import compose_fact
from assistant.answer.compose_list import compose_list
from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Member, Organisation
from assistant.answer.question_kind import QuestionKind
from assistant.answer.request import NOT_FOUND, GenerationRequest
from assistant.answer.speakers import attribute
from ingest.settings import BackendMode, Settings

if TYPE_CHECKING:
    from assistant.backends import Backend


class Composer(Protocol):
    name: str  # the answer's ``backend``: extractive, llamacpp, openai

    def compose(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer as text deltas, citing passages as [n]; NOT_FOUND to decline."""
        ...


class ExtractiveComposer:
    name = "extractive"

    def compose(self, request: GenerationRequest) -> Iterator[str]:
        text = compose(
            request.kind,
            request.evidence,
            request.question,
            request.members,
            request.compared,
            request.directory_n,
        )
        text = attribute(text, request.passages)  # "we", "our": the interviewee's
        if not text:
            yield NOT_FOUND
            return
        for i, line in enumerate(text.split("\n")):
            yield ("\n" if i else "") + line


class GenerativeComposer:
    """A generative backend as the compose strategy: its deltas, as it streams them."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.name = backend.name

    def compose(self, request: GenerationRequest) -> Iterator[str]:
        return self.backend.generate(request)


def build_composer(settings: Settings, mode: str | None = None) -> Composer:
    """The compose strategy ``PARIS_HEALTH_BACKEND`` (or ``mode``) names."""
    mode = mode or settings.backend
    if mode not in get_args(BackendMode):
        raise ValueError(f"unknown backend {mode!r}; valid: {', '.join(get_args(BackendMode))}")
    if mode == "extractive":
        return ExtractiveComposer()
    from assistant.backends import build_backend

    return GenerativeComposer(build_backend(settings, mode))


def compose(
    kind: str,
    report: EvidenceReport,
    question: str,
    members: tuple[Member, ...] = (),
    compared: tuple[Organisation, ...] = (),
    directory_n: dict[str, int] | None = None,
) -> str:
    """The extractive answer text with its ``[n]``, or "" when the evidence holds no answer."""
    directory_n = directory_n or {}
    if kind == QuestionKind.LIST and members:
        listed = compose_list(report, members, directory_n)
        if listed:
            return listed
    if kind == QuestionKind.COMPARE and len(compared) >= 2:
        return compose_compare(report, compared, directory_n, question)
    if not report.answerable:
        return ""
    if kind in (
        QuestionKind.EXPLAIN,
        QuestionKind.COMPARE,
        QuestionKind.LIST,
    ):  # a list of things, not organisations
        return compose_explain(report, question)
    return compose_fact(report, question).text
