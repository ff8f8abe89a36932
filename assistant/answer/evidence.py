"""Score evidence: each sentence of the retrieved passages against the question, and the decline
gate (do the passages hold the answer at all?), the same for every backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.condense import split_context
from assistant.answer.questions import answer_type_fits, rank_bonus
from assistant.answer.structure import Candidate, Unit, to_score, units
from assistant.components.embedder import Embedder
from assistant.glossary import translate_terms
from assistant.passage import Passage
from assistant.safety import is_injection
from assistant.text import detect_language, tokenize

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

    def same_paragraph(self, a: Evidence, b: Evidence) -> bool:
        """Whether two sentences stand in one paragraph of one passage."""
        paragraphs = self.paragraphs.get(a.n, [])
        if a.n != b.n or max(a.position, b.position) >= len(paragraphs):
            return a.n == b.n and not paragraphs  # no structure known: same passage
        return paragraphs[a.position] == paragraphs[b.position]

    def highlight(self, n: int) -> str:
        return next((e.sentence for e in self.evidence if e.n == n), "")


def read_passages(
    passages: Sequence[Passage], report: EvidenceReport
) -> tuple[list[Candidate], dict[int, list[Unit]]]:
    """The sentences worth scoring and each passage's units; fills the report's ``sentences``
    and ``unquotable``."""
    candidates: list[Candidate] = []
    structure: dict[int, list[Unit]] = {}
    for n, passage in enumerate(passages, start=1):
        structure[n] = units(passage.text)
        report.sentences[n] = [u.sentence for u in structure[n]]
        report.paragraphs[n] = [u.paragraph for u in structure[n]]
        report.unquotable.update(
            (n, u.position) for u in structure[n] if u.prompt or is_injection(u.sentence)
        )
        candidates.extend(to_score(n, passage, structure[n]))
    return candidates, structure


class EvidenceScorer:
    """Scores the sentences of the passages; the decline gate is ``min_score``/``min_coverage``.

    A sentence's score mixes its embedding similarity to the question with the IDF-weighted
    share of the question's terms it holds. Passages keep their structure: a prompt paragraph
    (an interviewer's question, a heading) is not an answer, but the paragraph that follows it
    is, so its first sentences inherit the prompt's score. In a conversation, a sentence that
    only repeats the previous answer counts for less: a follow-up asks for something new.
    """

    def __init__(
        self,
        embedder: Embedder,
        idf: dict[str, float] | None = None,
        *,
        min_score: float = 0.51,
        min_coverage: float = 0.0,
        max_unknown: float = 0.5,
        dense_weight: float = 0.5,
        context_weight: float = 0.3,
        carry_decay: float = 0.02,
        repeat_penalty: float = 0.15,
        context_discount: float = 0.8,
    ) -> None:
        self.context_discount = context_discount
        self.max_unknown = max_unknown
        self.embedder = embedder
        self.idf = idf or {}
        self.min_score = min_score
        self.min_coverage = min_coverage
        self.dense_weight = dense_weight
        self.context_weight = context_weight
        self.carry_decay = carry_decay
        self.repeat_penalty = repeat_penalty
        self._cache: dict[str, np.ndarray] = {}

    def set_idf(self, idf: dict[str, float]) -> None:
        self.idf = idf

    def term_weights(self, question: str, language: str) -> dict[str, float]:
        """IDF weights of the question's terms; a term the corpus never uses weighs the most.

        Terms that only the context added by ``condense`` holds weigh ``context_weight`` as much.
        """
        asked, context = split_context(question)
        weights = self._weights(asked, language)
        for term, weight in self._weights(context, language).items():
            weights.setdefault(term, weight * self.context_weight)
        return weights

    def _weights(self, text: str, language: str) -> dict[str, float]:
        terms = tokenize(text)
        if language == "fr":
            terms = translate_terms(terms)
        if not self.idf:
            return dict.fromkeys(terms, 1.0)
        top = max(self.idf.values())
        weights: dict[str, float] = {}
        for term in terms:
            known = self.idf.get(term)
            if known is None:
                # an untranslated French word may simply be French: it counts for less
                weights[term] = top * (0.5 if language == "fr" else 1.0)
            else:
                weights[term] = max(known, 0.05)
        return weights

    def unknown_share(self, weights: dict[str, float]) -> float:
        """The share of the question's terms that the corpus never uses."""
        if not weights or not self.idf:
            return 0.0
        return sum(1 for t in weights if t not in self.idf) / len(weights)

    def coverage(self, weights: dict[str, float], text: str) -> float:
        if not weights:
            return 0.0
        present = set(tokenize(text))
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in present) / total

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
        language = detect_language(question)
        report = EvidenceReport(language)
        candidates, structure = read_passages(passages, report)
        if not candidates:
            return report
        weights = self.term_weights(question, language)
        own = self._own_scores(question, candidates, weights, previous_answer)
        scored = [self._carry(e, structure[e.n], own) for e in own.values()]
        asked, _ = split_context(question)
        preceding = {(c.n, c.unit.position): c.before for c in candidates}
        ranked = sorted(
            scored,
            key=lambda e: (
                e.prompt,
                -(e.score + rank_bonus(asked, e.sentence, preceding.get((e.n, e.position), ""))),
            ),
        )
        report.unknown = self.unknown_share(weights)
        report.weights = self._weights(asked, language)
        return self._gate(report, asked, ranked, weights)

    def _own_scores(
        self,
        question: str,
        candidates: list[Candidate],
        weights: dict[str, float],
        previous_answer: str,
    ) -> dict[Key, Evidence]:
        """Each sentence on its own: embedding similarity and coverage of the question's terms,
        less ``repeat_penalty`` when it repeats the previous answer."""
        query = np.asarray(self.embedder.embed_query(question), dtype="float32")
        dense = self._embed([c.unit.sentence for c in candidates]) @ query
        said = set(tokenize(previous_answer))
        own: dict[Key, Evidence] = {}
        for candidate, cos in zip(candidates, dense.tolist(), strict=True):
            n, unit = candidate.n, candidate.unit
            cov = self.coverage(weights, candidate.context)
            if candidate.before:  # "Come see them March 15..." is about what the one before names
                read_with = self.coverage(weights, f"{candidate.before} {candidate.context}")
                cov = max(cov, self.context_discount * read_with)
            score = self.dense_weight * cos + (1 - self.dense_weight) * cov
            terms = set(tokenize(unit.sentence))
            if said and terms and len(terms & said) / len(terms) >= 0.6:
                score -= self.repeat_penalty  # the previous answer already said it
            own[(n, unit.position)] = Evidence(
                n, unit.position, unit.sentence, score, cos, cov, prompt=unit.prompt
            )
        return own

    def _carry(self, ev: Evidence, structure: list[Unit], own: dict[Key, Evidence]) -> Evidence:
        """A statement in the paragraph after a question inherits the question's score."""
        if ev.prompt:
            return ev
        unit = structure[ev.position]
        before = [u for u in structure if u.paragraph == unit.paragraph - 1]
        if not before or not before[-1].asks:
            return ev
        index = sum(1 for u in structure[: ev.position] if u.paragraph == unit.paragraph)
        prompts = [own[(ev.n, u.position)] for u in before if (ev.n, u.position) in own]
        if not prompts:
            return ev
        source = max(prompts, key=lambda e: e.score)
        inherited = source.score - self.carry_decay * (index + 1)
        if inherited <= ev.score:
            return ev
        coverage = max(ev.coverage, source.coverage)
        return Evidence(ev.n, ev.position, ev.sentence, inherited, ev.dense, coverage)

    def _gate(
        self,
        report: EvidenceReport,
        asked: str,
        ranked: list[Evidence],
        weights: dict[str, float],
    ) -> EvidenceReport:
        """Puts first the sentences that can hold the kind of answer asked for (the others are
        not evidence), and opens the gate when the best of them scores well enough."""
        fitting = [e for e in ranked if not e.prompt and answer_type_fits(asked, e.sentence)]
        report.evidence = fitting + [e for e in ranked if e not in fitting]
        if not fitting:
            return report
        best = fitting[0]
        report.answerable = (
            best.score >= self.min_score
            and (best.coverage >= self.min_coverage or not weights)
            and report.unknown < self.max_unknown
        )
        return report
