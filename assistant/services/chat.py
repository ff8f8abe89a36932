"""The chat service: condense -> retrieve -> score evidence -> generate -> cite."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from assistant.answer import (
    DECLINE,
    EvidenceReport,
    EvidenceScorer,
    Turn,
    condense,
    repair_citations,
)
from assistant.backends import NOT_FOUND, Backend, GenerationRequest
from assistant.passage import Passage
from assistant.retrieval import HybridRetriever
from assistant.services.answer_record import Answer, Delta, SourceRef
from assistant.settings import Settings
from assistant.text import detect_language


class ChatService:
    """condense -> retrieve -> score evidence (the decline gate) -> generate -> repair citations."""

    def __init__(
        self,
        retriever: HybridRetriever,
        backend: Backend,
        scorer: EvidenceScorer,
        settings: Settings,
    ) -> None:
        self.retriever = retriever
        self.backend = backend
        self.scorer = scorer
        self.settings = settings

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: dict[str, str] | None = None,
        k: int | None = None,
    ) -> Answer:
        final: Answer | None = None
        for event in self.stream(question, history, filters, k):
            if isinstance(event, Answer):
                final = event
        assert final is not None
        return final

    def stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: dict[str, str] | None = None,
        k: int | None = None,
    ) -> Iterator[Delta | Answer]:
        """Text deltas while the backend generates, then the final :class:`Answer`."""
        started = time.perf_counter()
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        standalone = condense(question, history)
        passages = self.retriever.retrieve(standalone, k or self.settings.k, filters)
        self.scorer.set_idf(self.retriever.idf())  # type: ignore[arg-type]
        said = [t.content for t in history if t.role == "assistant" and t.content.strip()]
        evidence = self.scorer.score(standalone, passages, said[-1] if said else "")
        language = detect_language(question)
        evidence.language = language
        retrieved = time.perf_counter()
        sources = [source_ref(n, p, evidence) for n, p in enumerate(passages, start=1)]
        text, grounded = DECLINE[language], False
        cited: list[int] = []
        if evidence.answerable:
            request = GenerationRequest(standalone, language, passages, evidence)
            generated: list[str] = []
            yield from self._generate(request, generated)
            text, cited = repair_citations("".join(generated), len(passages))
            grounded = bool(cited) and NOT_FOUND not in text
            if not grounded:
                text, cited = DECLINE[language], []
        if not grounded:
            text = f"{text} {NEAREST[language]}" if passages else text
        done = time.perf_counter()
        yield Answer(
            question=question,
            standalone=standalone,
            answer=text,
            grounded=grounded,
            sources=sources,
            cited=cited,
            language=language,
            backend=self.backend.name,
            timings_ms={
                "retrieve": (retrieved - started) * 1000,
                "generate": (done - retrieved) * 1000,
                "total": (done - started) * 1000,
            },
        )

    def _generate(self, request: GenerationRequest, parts: list[str]) -> Iterator[Delta]:
        """The backend's deltas, collected in ``parts``; a decline is never streamed."""
        for delta in self.backend.generate(request):
            parts.append(delta)
            if NOT_FOUND not in "".join(parts) and not delta.startswith(NOT_FOUND[:3]):
                yield Delta(delta)


def source_ref(n: int, passage: Passage, evidence: EvidenceReport) -> SourceRef:
    return SourceRef(
        n=n,
        id=passage.id,
        title=str(passage.metadata.get("title", "")),
        url=str(passage.metadata.get("url", "")),
        date=str(passage.metadata.get("date", "")),
        text=passage.text,
        score=passage.score,
        metadata=passage.metadata,
        highlight=evidence.highlight(n),
    )


NEAREST = {
    "en": "The nearest passages are listed below.",
    "fr": "Les passages les plus proches sont listés ci-dessous.",
}
