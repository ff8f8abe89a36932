"""Score evidence: each sentence of the retrieved passages against the question, and the decline
gate (do the passages hold the answer at all?), the same for every backend."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.answer.condense import split_context
from assistant.answer.features import Pair, asked_types, measure
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.numbers import figures_of_words
from assistant.answer.questions import asking
from assistant.answer.sentence_model import SentenceModel, combined
from assistant.answer.spelling import family_starts, kin_in
from assistant.answer.structure import Candidate, Unit, to_score, units
from assistant.answer.weights import TermWeigher
from assistant.retrieval.passage import Passage
from ingest.store.embedder import Embedder
from ingest.store.safety import is_injection
from ingest.store.text import detect_language, fold, tokenize, words

Key = tuple[int, int]  # (n of the passage, position of the sentence in it)


@dataclass(frozen=True)
class Evidence:
    n: int  # 1-based number of the passage it comes from
    position: int  # index of the sentence in its passage
    sentence: str
    score: float
    dense: float
    coverage: float
    prompt: bool = False  # part of a question or a heading: it leads to the answer, is not one


@dataclass
class EvidenceReport:
    language: str
    evidence: list[Evidence] = field(default_factory=list)  # best first
    sentences: dict[int, list[str]] = field(default_factory=dict)  # passage n -> its sentences
    paragraphs: dict[int, list[int]] = field(default_factory=dict)  # n -> each one's paragraph
    # (n, position) of sentences never quoted, not even as context: questions, headings, and
    # sentences that try to instruct the assistant
    unquotable: set[Key] = field(default_factory=set)
    answerable: bool = False
    unknown: float = 0.0  # share of question terms the corpus never uses
    weights: dict[str, float] = field(default_factory=dict)  # the question's terms, IDF-weighted
    everyday: set[str] = field(default_factory=set)  # its untranslated everyday French terms
    # how many sentences the answer gathers: an explanation's points add up their evidence
    points: int = 1

    def same_paragraph(self, a: Evidence, b: Evidence) -> bool:
        """Whether two sentences stand in one paragraph of one passage."""
        paragraphs = self.paragraphs.get(a.n, [])
        if a.n != b.n or max(a.position, b.position) >= len(paragraphs):
            return a.n == b.n and not paragraphs  # no structure known: same passage
        return paragraphs[a.position] == paragraphs[b.position]

    def highlight(self, n: int) -> str:
        return next((e.sentence for e in self.evidence if e.n == n), "")


def read_passages(
    passages: Sequence[Passage], report: EvidenceReport, start: int = 1
) -> tuple[list[Candidate], dict[int, list[Unit]]]:
    """The sentences worth scoring and each passage's units (numbered from ``start``); fills
    the report's ``sentences`` and ``unquotable``."""
    candidates: list[Candidate] = []
    structure: dict[int, list[Unit]] = {}
    for n, passage in enumerate(passages, start=start):
        structure[n] = units(passage.text)
        report.sentences[n] = [u.sentence for u in structure[n]]
        report.paragraphs[n] = [u.paragraph for u in structure[n]]
        report.unquotable.update(
            (n, u.position) for u in structure[n] if u.prompt or is_injection(u.sentence)
        )
        candidates.extend(to_score(n, passage, structure[n]))
    return candidates, structure


class EvidenceScorer:
    """Scores the sentences of the passages with the sentence model; its threshold is the
    decline gate.

    Each sentence is measured on general features (``features.py``: the embedder's similarity,
    the IDF-weighted share of the question's terms it holds, whether it holds the rarest ones
    and the kind of answer asked for, ...) and the fitted model (``sentence_model.py``) turns
    them into the probability that it answers. Passages keep their structure: a prompt
    paragraph (an interviewer's question, a heading) is not an answer, but the paragraph after
    it is, so its first sentences are measured with the prompt's coverage too. In a
    conversation, a sentence that only repeats the previous answer is marked: a follow-up asks
    for something new.
    """

    def __init__(
        self,
        embedder: Embedder,
        idf: dict[str, float] | None = None,
        *,
        model: SentenceModel | None = None,
        max_unknown: float = 0.5,
        context_weight: float = 0.3,
        context_discount: float = 0.8,
    ) -> None:
        self.context_discount = context_discount
        self.max_unknown = max_unknown
        self.embedder = embedder
        self.weigher = TermWeigher()  # the question's terms and their weights (and the IDF)
        self.weigher.idf = idf or {}
        self.model = model or SentenceModel.load()
        self.known: Gazetteer | None = None  # the directory's names and places
        self.context_weight = context_weight
        self._cache: dict[str, np.ndarray] = {}

    @property
    def min_score(self) -> float:
        """The probability the best sentence must reach for the question to be answered."""
        return self.model.threshold

    @property
    def idf(self) -> Mapping[str, float]:
        return self.weigher.idf

    @property
    def lexicon(self) -> Lexicon:
        """The English and French word lists the question's words are checked against."""
        return self.weigher.lexicon

    def set_idf(self, idf: Mapping[str, float]) -> None:
        self.weigher.idf = idf

    def set_gazetteer(self, known: Gazetteer | None) -> None:
        self.known = known

    def term_weights(
        self, question: str, language: str, vocabulary: Collection[str] = ()
    ) -> dict[str, float]:
        """The weights of the question's terms (``weights.py``); ``vocabulary``: the folded
        words of the passages at hand, which a misspelt word is read as.

        Terms that only the context added by ``condense`` holds weigh ``context_weight`` as much.
        """
        asked, context = split_context(question)
        own = self._weights(asked, language, vocabulary)
        return self._with_context(own, context, language, vocabulary)

    def _with_context(
        self, own: dict[str, float], context: str, language: str, vocabulary: Collection[str]
    ) -> dict[str, float]:
        """The asked terms' weights, and the context's terms at ``context_weight``."""
        weights = dict(own)
        for term, weight in self._weights(context, language, vocabulary).items():
            weights.setdefault(term, weight * self.context_weight)
        return weights

    def _weights(
        self, text: str, language: str, vocabulary: Collection[str] = (), told_first: bool = False
    ) -> dict[str, float]:
        """The terms of the clauses that ask, and those of what the asker tells about
        themselves ("Our board keeps asking why ... What are the two arguments ...?") that the
        corpus uses: the rest of their story says nothing of whether the sources answer."""
        asked, told = asking(text, told_first)
        weights = self.weigher.weights(asked, language, vocabulary)
        said = self.weigher.weights(told, language, vocabulary) if told else {}
        for term in (t for t in said if t in self.weigher.idf):
            weights.setdefault(term, said[term])
        return weights

    def unknown_share(
        self, weights: dict[str, float], question: str, language: str, vocabulary: Collection[str]
    ) -> float:
        """The share of the question's terms (``weights``) the corpus never uses (``weights.py``),
        those of what the asker tells first left out ("my mum is starting chemo, is there ...?")."""
        asked, context = split_context(question)
        if asking(asked, told_first=True) != asking(asked):
            own = self._weights(asked, language, vocabulary, told_first=True)
            weights = self._with_context(own, context, language, vocabulary)
        return self.weigher.unknown_share(weights, language, question)

    def coverage(self, weights: dict[str, float], text: str) -> float:
        if not weights:
            return 0.0
        present = set(tokenize(text)) | figures_of_words(text)  # "three" holds "3"
        starts, total = family_starts(present), sum(weights.values())
        return sum(w for t, w in weights.items() if kin_in(t, present, starts)) / total

    def _embed(self, sentences: list[str]) -> np.ndarray:
        missing = [s for s in sentences if s not in self._cache]
        if missing:
            vectors = self.embedder.embed_documents(missing)
            for sentence, vector in zip(missing, vectors, strict=True):
                self._cache[sentence] = np.asarray(vector, dtype="float32")
        return np.stack([self._cache[s] for s in sentences])

    def score(
        self, question: str, passages: Sequence[Passage], previous_answer: str = ""
    ) -> EvidenceReport:
        """The sentences of the passages, best first, and whether the best one answers."""
        return self.scored(question, passages, previous_answer)

    def scored(
        self,
        question: str,
        passages: Sequence[Passage],
        previous_answer: str = "",
        start: int = 1,
    ) -> EvidenceReport:
        """:meth:`score` of passages numbered from ``start``."""
        report, measured = self.measure(question, passages, previous_answer, start)
        report.evidence = [replace(ev, score=self.model.probability(row)) for ev, row in measured]
        return self.gate(report)

    def gate(self, report: EvidenceReport) -> EvidenceReport:
        """Ranks the evidence (prompts last) and opens the gate when the best sentence's
        probability (of the best ``points`` for an answer that gathers several) reaches the
        model's threshold."""
        report.evidence = sorted(report.evidence, key=lambda e: (e.prompt, -e.score))
        quotable = [e for e in report.evidence if not e.prompt]
        report.answerable = (
            combined([e.score for e in quotable], report.points) >= self.model.threshold
            and report.unknown < self.max_unknown
        )
        return report

    def measure(
        self,
        question: str,
        passages: Sequence[Passage],
        previous_answer: str = "",
        start: int = 1,
    ) -> tuple[EvidenceReport, list[tuple[Evidence, list[float]]]]:
        """The report (without evidence yet) and each candidate sentence with its features."""
        language = detect_language(question)
        report = EvidenceReport(language)
        candidates, structure = read_passages(passages, report, start)
        if not candidates:
            return report, []
        vocabulary = {w for c in candidates for w in words(fold(c.context))}
        asked, context = split_context(question)
        report.weights = self._weights(asked, language, vocabulary)  # the asked terms, once
        weights = self._with_context(report.weights, context, language, vocabulary)
        report.unknown = self.unknown_share(weights, question, language, vocabulary)
        report.everyday = self.weigher.everyday_terms(weights, language)
        query = np.asarray(self.embedder.embed_query(question), dtype="float32")
        dense = self._embed([c.unit.sentence for c in candidates]) @ query
        said = set(tokenize(previous_answer))
        kinds = asked_types(asked)
        own = {
            (c.n, c.unit.position): (cos, self._coverage(weights, c))
            for c, cos in zip(candidates, dense.tolist(), strict=True)
        }
        out = []
        for candidate in candidates:
            unit = candidate.unit
            cos, cov = own[(candidate.n, unit.position)]
            answered, step = self._answers(own, candidate, structure[candidate.n])
            terms = set(tokenize(unit.sentence))
            pair = Pair(
                asked,
                unit.sentence,
                candidate.context,
                max(cos, answered[0] * step),
                max(cov, answered[1] * step),
                prompt_coverage=step,
                directory=passages[candidate.n - start].metadata.get("source_kind") == "directory",
                repeat=bool(said and terms and len(terms & said) / len(terms) >= 0.5),
            )
            ev = Evidence(candidate.n, unit.position, unit.sentence, 0.0, cos, cov, unit.prompt)
            out.append((ev, measure(pair, report.weights, kinds, self.known)))
        return report, out

    def _coverage(self, weights: dict[str, float], candidate: Candidate) -> float:
        cov = self.coverage(weights, candidate.context)
        if candidate.before:  # "Come see them March 15..." is about what the one before names
            read_with = self.coverage(weights, f"{candidate.before} {candidate.context}")
            cov = max(cov, self.context_discount * read_with)
        return cov

    @staticmethod
    def _answers(
        own: dict[Key, tuple[float, float]], candidate: Candidate, structure: list[Unit]
    ) -> tuple[tuple[float, float], float]:
        """The similarity and coverage of the interviewer's question this sentence answers (the
        paragraph before its own ends with a question), and 1/(its place in its paragraph):
        the reply is read as the question it answers, less the further it stands."""
        unit = candidate.unit
        before = [u for u in structure if u.paragraph == unit.paragraph - 1]
        if unit.prompt or not before or not before[-1].asks:
            return (0.0, 0.0), 0.0
        asked = [own[(candidate.n, u.position)] for u in before if (candidate.n, u.position) in own]
        if not asked:
            return (0.0, 0.0), 0.0
        index = sum(1 for u in structure[: unit.position] if u.paragraph == unit.paragraph)
        best = max(asked, key=lambda pair: pair[0] + pair[1])
        return best, 1.0 / (index + 1)
