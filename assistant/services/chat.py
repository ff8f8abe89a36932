"""The chat service: classify -> condense -> retrieve -> score evidence -> compose -> cite."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import replace

from assistant.answer import DECLINE, EvidenceReport, EvidenceScorer, Turn, repair_citations
from assistant.answer.compose import Composer
from assistant.answer.declines import decline
from assistant.answer.focus import refocus
from assistant.answer.gazetteer import Gazetteers
from assistant.answer.help import reply_text
from assistant.answer.merits import merit_query
from assistant.answer.messages import NEAREST
from assistant.answer.organisations import Organisation, OrganisationSource, from_passages, named_in
from assistant.answer.partners import PartnerFinder
from assistant.answer.question_kind import QuestionKind, classify, greeting_language
from assistant.answer.request import NOT_FOUND, GenerationRequest
from assistant.answer.rescore import extend
from assistant.answer.roles import asked_role
from assistant.answer.spans import answer_span
from assistant.answer.standalone import Reading, as_meant, read_question
from assistant.answer.suggest import suggest
from assistant.retrieval import HybridRetriever, admits
from assistant.retrieval.passage import Passage
from assistant.services.answer_record import Answer, Delta, source_ref, timings
from assistant.services.deeper import DEEPER_MARGIN, deepen
from assistant.services.directory_answers import Directory, directory_of, from_directory
from assistant.services.named_entries import with_entries
from assistant.services.said_again import repeats
from assistant.services.town_answers import entry_number
from ingest.limits import Deadline, Limits
from ingest.settings import Settings
from ingest.store.text import detect_language
from ingest.store.unavailable import is_store_down, store_unavailable

EXPLAIN_POINTS = 3  # the points an explanation gathers (compose_explain quotes up to three)


class ChatService:
    """classify -> condense -> retrieve -> score evidence (the decline gate) -> compose (the
    ``composer``: the extractive compositions, or a generative backend) -> repair citations.
    ``organisations`` (optional) gives lists and comparisons the directory; ``partners``
    (optional; the Directory tab's ranking) answers partner and locate questions."""

    def __init__(
        self,
        retriever: HybridRetriever,
        composer: Composer,
        scorer: EvidenceScorer,
        settings: Settings,
        organisations: OrganisationSource | None = None,
        partners: PartnerFinder | None = None,
    ) -> None:
        self.retriever = retriever
        self.composer = composer
        self.scorer = scorer
        self.settings = settings
        self.limits = Limits.from_settings(settings)
        self.clock = time.monotonic  # the generation deadline's clock (a test may set its own)
        self.organisations = organisations
        self.gazetteers = Gazetteers()  # the directory's names and places, built once
        self.partners = partners

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
        """Text deltas while the answer is composed, then the final :class:`Answer`."""
        started = time.perf_counter()
        self.limits.check_question(question)
        self.limits.check_history(history)
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        # "cb d'hopitaux ds l'aphp ?", "the presdient of": as written out, as meant
        meant = as_meant(question, self.scorer.lexicon)
        language = detect_language(meant)
        kind = classify(meant)
        if kind in (QuestionKind.HELP, QuestionKind.OUT_OF_SCOPE, QuestionKind.ACTION):
            language = greeting_language(meant) or language
            yield replace(self._reply(meant, kind, language, started), question=question)
            return
        for event in self._answer(meant, history, kind, language, filters, k or self.settings.k):
            yield replace(event, question=question) if isinstance(event, Answer) else event

    def _answer(
        self,
        question: str,
        history: Sequence[Turn],
        kind: QuestionKind,
        language: str,
        filters: dict[str, str] | None,
        k: int,
    ) -> Iterator[Delta | Answer]:
        """condense -> retrieve -> evidence -> directory -> compose -> cite."""
        started = time.perf_counter()
        orgs = self._organisations()  # read once: the gazetteer, the directory, the declines
        # "and in Saclay?" restated; "wher is X?", "en quelle annee ?" read as meant
        gazetteer, lexicon = self.gazetteers.of(orgs), self.scorer.lexicon
        reading = read_question(question, history, gazetteer, lexicon, kind)
        standalone, asked, kind = reading.standalone, reading.asked, reading.kind
        passages, scored = self._retrieve(reading, k, filters, orgs)
        citable = [o for o in orgs if admits(filters, o.passage.metadata)]  # entries may join
        idf = self.scorer.idf  # what is asked of the value is looked for in the corpus's words
        found, composed = from_directory(
            reading, language, passages, citable, self.partners, idf, gazetteer, lexicon
        )
        evidence = self._evidence(reading, composed, passages, orgs, scored, citable)
        evidence.language = language
        directory = directory_of(asked, composed, evidence, passages, citable, standalone)
        retrieved = time.perf_counter()
        placed = any(m.place for m in directory.members)  # a place's: the directory names them
        declined = decline(
            reading, language, passages, evidence, orgs, idf, composed, placed, gazetteer, lexicon
        )
        if found or not declined:  # the directory's answer, then the passages' to a part it leaves
            text, cited = yield from self._compose(
                reading, language, composed, passages, evidence, directory, citable, found, declined
            )
        else:
            text, cited = declined, []  # cites what the sources say of the subject, yet declines
        grounded = bool(cited)
        if not grounded and passages:
            text = f"{text} {NEAREST[language]}"
        done = time.perf_counter()
        yield Answer(
            question=question,
            standalone=standalone,
            answer=text,
            grounded=grounded,
            sources=[
                source_ref(n, p, evidence, text if n in cited else "")
                for n, p in enumerate(passages, start=1)
            ],
            cited=cited,
            language=language,
            backend=self.composer.name,
            timings_ms=timings(started, retrieved, done),
            kind=kind.value,
            answer_span=answer_span(asked, text) if grounded and composed == "fact" else "",
            suggestions=suggest(
                asked, kind, language, text, grounded, self.gazetteers.of(orgs), history, citable
            ),
        )

    def passages(
        self, question: str, history: Sequence[Turn] = ()
    ) -> tuple[str, list[Passage], str]:
        """The standalone question, the passages it is answered from and the previous answer
        (what the sentence model is fitted on)."""
        orgs = self._organisations()
        known, lexicon = self.gazetteers.of(orgs), self.scorer.lexicon
        reading = read_question(as_meant(question, lexicon), history, known, lexicon)
        passages, _ = self._retrieve(reading, self.settings.k, None, orgs)
        return reading.standalone, passages, reading.previous

    def _retrieve(
        self,
        reading: Reading,
        k: int,
        filters: dict[str, str] | None,
        orgs: list[Organisation],
    ) -> tuple[list[Passage], EvidenceReport]:
        """The k passages shown and their evidence; facts and explanations are scored a little
        deeper, and a much better passage below the k joins them (``deepen``); an explanation
        gathers its points from a deeper passage as soon as it beats the shown ones."""
        kind, standalone = reading.kind, reading.standalone
        deep = kind in (QuestionKind.FACT, QuestionKind.EXPLAIN, QuestionKind.LOCATE)
        try:
            found = self.retriever.retrieve(merit_query(standalone), 2 * k if deep else k, filters)
        except Exception as exc:
            if is_store_down(exc):
                raise store_unavailable(exc) from exc
            raise
        self.scorer.set_idf(self.retriever.idf())
        self.scorer.set_gazetteer(self.gazetteers.of(orgs))
        margin = 0.0 if kind is QuestionKind.EXPLAIN else DEEPER_MARGIN
        return deepen(self.scorer, standalone, found[:k], found[k:], reading.previous, margin)

    def _compose(
        self,
        reading: Reading,
        language: str,
        kind: QuestionKind,
        passages: list[Passage],
        evidence: EvidenceReport,
        directory: Directory,
        citable: list[Organisation],
        found: str = "",
        declined: str = "",
    ) -> Generator[Delta, None, tuple[str, list[int]]]:
        """Compose (streaming the deltas), then repair the citations: the answer text and the
        passages it cites; the decline when the gate or the citations say no. ``found``: the
        directory's answer, alone when it answers all (a kind other than a fact) or when the
        part it leaves to the passages is ``declined``; else first. The organisations a quote
        names in its words are named as the directory (``citable``) names them."""
        standalone = reading.standalone
        text, cited = repair_citations(found, len(passages)) if found else (DECLINE[language], [])
        if found and (kind != QuestionKind.FACT or declined):
            return text, cited
        yield from [Delta(f"{text}\n\n")] if found else []
        if not (evidence.answerable or directory.members or directory.compared):
            return text, cited
        request = GenerationRequest(
            standalone,
            language,
            passages,
            evidence,
            kind=kind.value,
            members=directory.members,
            compared=directory.compared,
            directory_n=directory.directory_n,
        )
        generated: list[str] = []
        yield from self._generate(request, generated, self.limits.deadline(self.clock))
        composed, more = repair_citations("".join(generated), len(passages))
        if not more or NOT_FOUND in composed or (found and repeats(composed, text, more, cited)):
            return text, cited  # nothing the passages add: the entry's own line again
        if found:
            return f"{text}\n\n{composed}", sorted({*cited, *more})
        if directory.members:  # listed as the directory names them already
            return composed, more
        named, entries = with_entries(
            composed, reading.kind, reading.standalone, passages, citable, language
        )
        if named != composed and named.startswith(composed):  # the line after (no note)
            yield Delta(named[len(composed) :])
        return named, sorted({*more, *entries})

    def _evidence(
        self,
        reading: Reading,
        kind: QuestionKind,
        passages: list[Passage],
        orgs: list[Organisation],
        scored: EvidenceReport,
        citable: list[Organisation],
    ) -> EvidenceReport:
        """The scored sentences, refocused on the organisation the question names; a role the
        passages do not hold ("Who is the president of X?") is looked up in X's directory
        entry, appended to the passages when it passes the filters (``citable``)."""
        question, standalone, previous = reading.asked, reading.standalone, reading.previous
        evidence = extend(self.scorer, scored, standalone, passages, previous)  # appended since
        if kind == QuestionKind.EXPLAIN:  # an explanation gathers points: their evidence adds up
            evidence = self.scorer.gate(replace(evidence, points=EXPLAIN_POINTS))
        if kind not in (QuestionKind.FACT, QuestionKind.EXPLAIN) or not orgs:
            return evidence
        min_score = self.scorer.min_score
        focused = refocus(evidence, question, passages, orgs, min_score)
        named = named_in(question, orgs)
        if focused.answerable or not named or asked_role(question) is None:
            return focused
        for org in (o for o in named[:2] if o in citable):
            entry_number(org, passages)
        evidence = extend(self.scorer, evidence, standalone, passages, previous)
        return refocus(evidence, question, passages, orgs, min_score)

    def _organisations(self) -> list[Organisation]:
        if self.organisations is None:
            return []
        return from_passages(self.organisations.organisation_passages())

    def _reply(self, question: str, kind: QuestionKind, language: str, started: float) -> Answer:
        """The help reply, the out-of-scope decline, the reply to a request to act: no retrieval."""
        text = reply_text(question, kind.value, language)
        ms = (time.perf_counter() - started) * 1000
        reply = Answer.reply(question, text, language, self.composer.name, kind.value, ms)
        return replace(reply, suggestions=suggest(question, kind, language, text, False, None))

    def _generate(
        self, request: GenerationRequest, parts: list[str], deadline: Deadline
    ) -> Iterator[Delta]:
        """The composer's deltas, collected in ``parts``; a decline is never streamed. Composing
        stops at the deadline (the answer keeps what was generated by then)."""
        for delta in self.composer.compose(request):
            parts.append(delta)
            if NOT_FOUND not in "".join(parts) and not delta.startswith(NOT_FOUND[:3]):
                yield Delta(delta)
            if deadline.passed():
                break
