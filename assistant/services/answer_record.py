"""What the chat service returns: the answer, its numbered sources, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.answer.citations import cited_sentence
from assistant.answer.evidence import EvidenceReport
from assistant.retrieval.passage import Passage
from assistant.services.contract import AskResponse, SourceOut
from ingest.store.text import split_sentences


@dataclass(frozen=True)
class SourceRef:
    """A passage shown with an answer, numbered as the answer cites it."""

    n: int
    id: str
    title: str
    url: str
    date: str
    text: str
    score: float
    metadata: dict[str, Any]
    highlight: str = ""  # the sentence of this passage that best answers the question

    def to_contract(self) -> SourceOut:
        return SourceOut(
            n=self.n,
            title=self.title,
            url=self.url,
            text=self.text,
            score=round(self.score, 6),
            metadata=self.metadata,
            date=self.date,
            highlight=self.highlight,
        )


@dataclass
class Answer:
    question: str
    standalone: str
    answer: str
    grounded: bool
    sources: list[SourceRef]
    cited: list[int]
    language: str
    backend: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    kind: str = ""  # what the question asked for: fact, list, compare, explain, help, out_of_scope
    answer_span: str = ""  # the words of a fact's answer that answer (bold in the app)
    suggestions: list[str] = field(default_factory=list)  # questions to ask next (buttons)

    @classmethod
    def reply(
        cls, question: str, text: str, language: str, backend: str, kind: str, ms: float
    ) -> Answer:
        """An answer that retrieved nothing (help, out of scope, a request to act)."""
        timings = {"retrieve": 0.0, "generate": ms, "total": ms}
        return cls(question, question, text, False, [], [], language, backend, timings, kind)

    def to_json(self, id: str | None = None) -> dict[str, Any]:  # noqa: A002 - the contract's key
        """The one serialisation of an answer: the ``ask --json`` contract (used by the app too)."""
        return AskResponse(
            id=id,
            answer=self.answer,
            grounded=self.grounded,
            sources=[s.to_contract() for s in self.sources],
            timings_ms={k: round(v, 1) for k, v in self.timings_ms.items()},
            question=self.question,
            standalone=self.standalone,
            cited=list(self.cited),
            language=self.language,
            backend=self.backend,
            kind=self.kind,
            answer_span=self.answer_span,
            suggestions=list(self.suggestions),
        ).model_dump()


@dataclass(frozen=True)
class Delta:
    """A piece of answer text while it streams."""

    text: str


def source_ref(n: int, passage: Passage, evidence: EvidenceReport, answer: str = "") -> SourceRef:
    """Passage ``n`` as shown with the answer; its highlight is the sentence the answer used
    (else the best-scored one)."""
    used = cited_sentence(answer, n, split_sentences(passage.text)) if answer else ""
    return SourceRef(
        n=n,
        id=passage.id,
        title=str(passage.metadata.get("title", "")),
        url=str(passage.metadata.get("url", "")),
        date=str(passage.metadata.get("date", "")),
        text=passage.text,
        score=passage.score,
        metadata=passage.metadata,
        highlight=used or evidence.highlight(n),
    )


def timings(started: float, retrieved: float, done: float) -> dict[str, float]:
    """The answer's timings in milliseconds."""
    return {
        "retrieve": (retrieved - started) * 1000,
        "generate": (done - retrieved) * 1000,
        "total": (done - started) * 1000,
    }
