"""The answering stages shared by every backend: ``condense``, ``score_evidence``, ``cite``.

- ``condense`` rewrites a follow-up into a standalone question from the history;
- ``EvidenceScorer`` scores each sentence of the retrieved passages against the question
  (embedding similarity and coverage of the question's terms): it decides whether the passages
  hold the answer at all (the decline gate, the same for all backends) and which sentence to
  highlight;
- ``repair_citations`` keeps only citations of passages that were shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.components.embedder import Embedder
from assistant.glossary import translate_terms
from assistant.retrieval import Passage
from assistant.safety import is_injection
from assistant.text import STOPWORDS, detect_language, fold, split_sentences, tokenize, words

PRONOUNS = {
    "he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "this", "that",
    "these", "those", "there", "one", "ones", "il", "elle", "ils", "elles", "lui", "leur", "leurs",
    "son", "sa", "ses", "ce", "cette", "ces", "celui", "celle", "y", "en", "same", "also",
}
DECLINE = {
    "en": "I could not find that in the sources.",
    "fr": "Je n'ai pas trouvé la réponse dans les sources.",
}
CITATION = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class Turn:
    role: str
    content: str


def condense(question: str, history: Sequence[Turn]) -> str:
    """A standalone question: a follow-up borrows the subject of the previous exchange.

    "When was he appointed?" after "Who is the CEO of Medicen?" becomes
    "When was he appointed? (Who is the CEO of Medicen? Stéphane Roques)".
    """
    users = [t.content for t in history if t.role == "user" and t.content.strip()]
    if not users:
        return question.strip()
    tokens = [w.lower() for w in words(question)]
    content = [t for t in tokenize(question)]
    names = [w for w in words(question)[1:] if w[:1].isupper()]
    needs_context = (
        any(t in PRONOUNS for t in tokens)
        or len(content) <= 3
        or (not names and len(content) <= 5)
        or question.strip().lower().startswith(("and ", "et ", "what about", "et pour", "how about"))
    )
    if not needs_context:
        return question.strip()
    answers = [t.content for t in history if t.role == "assistant" and t.content.strip()]
    entities: list[str] = []
    if answers:
        first = split_sentences(CITATION.sub("", answers[-1]))[:1]
        for word in words(first[0]) if first else []:
            if word[:1].isupper() and fold(word) not in STOPWORDS and word not in entities:
                entities.append(word)
    context = " ".join([users[-1], *entities[:6]])
    return f"{question.strip()} ({context})"


YEAR_QUESTION = re.compile(
    r"\b(what|which|in what|in which) year\b|\bwhen was\b.*\b(founded|created|established|born)\b"
    r"|\ben quelle année\b|\bquelle année\b|\bquand\b.*\b(fondé|créé)e?s?\b",
    re.IGNORECASE,
)
COST_QUESTION = re.compile(
    r"\bhow much\b.*\b(cost|pay|price|charge|fee|rent)|\b(price|cost|fee|salary|rent)s? of\b"
    r"|\bcombien (coût|co[uû]te|pa[yi]e)|\b(prix|tarif|coût) d",
    re.IGNORECASE,
)
COUNT_QUESTION = re.compile(r"\b(?:how many|combien d[e'’]\s?)\s*([\w\-]+)", re.IGNORECASE)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
MONEY = re.compile(r"[€$£]|\b(euros?|dollars?|EUR|USD|k€|M€)\b", re.IGNORECASE)
NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|third|quarter|"
    r"double|twice)\b",
    re.IGNORECASE,
)


def answer_type_fits(question: str, sentence: str) -> bool:
    """Can the sentence hold the kind of answer the question asks for?

    A year for 'In what year...', an amount of money for 'How much does ... cost', a number
    next to the counted thing for 'How many beds...' (the thing must be named in the sentence).
    Other questions are not typed.
    """
    if YEAR_QUESTION.search(question):
        return bool(YEAR.search(sentence))
    if COST_QUESTION.search(question):
        return bool(MONEY.search(sentence))
    count = COUNT_QUESTION.search(question)
    if count:
        noun = tokenize(count.group(1))
        if detect_language(question) == "fr":
            noun = translate_terms(noun)
        present = set(tokenize(sentence))
        return bool(NUMBER.search(sentence)) and (not noun or any(t in present for t in noun))
    return True


@dataclass(frozen=True)
class Evidence:
    n: int  # 1-based number of the passage it comes from
    position: int  # index of the sentence in its passage
    sentence: str
    score: float
    dense: float
    coverage: float


@dataclass
class EvidenceReport:
    language: str
    evidence: list[Evidence] = field(default_factory=list)  # best first
    sentences: dict[int, list[str]] = field(default_factory=dict)  # passage n -> its sentences
    answerable: bool = False
    unknown: float = 0.0  # share of question terms the corpus never uses

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None

    def highlight(self, n: int) -> str:
        return next((e.sentence for e in self.evidence if e.n == n), "")


class EvidenceScorer:
    """Scores the sentences of the passages; the decline gate is ``min_score``/``min_coverage``."""

    def __init__(
        self,
        embedder: Embedder,
        idf: dict[str, float] | None = None,
        *,
        min_score: float = 0.52,
        min_coverage: float = 0.0,
        max_unknown: float = 0.5,
        dense_weight: float = 0.5,
    ) -> None:
        self.max_unknown = max_unknown
        self.embedder = embedder
        self.idf = idf or {}
        self.min_score = min_score
        self.min_coverage = min_coverage
        self.dense_weight = dense_weight
        self._cache: dict[str, np.ndarray] = {}

    def set_idf(self, idf: dict[str, float]) -> None:
        self.idf = idf

    def term_weights(self, question: str, language: str) -> dict[str, float]:
        """IDF weights of the question's terms; a term the corpus never uses weighs the most."""
        terms = tokenize(question)
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

    def score(self, question: str, passages: Sequence[Passage]) -> EvidenceReport:
        language = detect_language(question)
        report = EvidenceReport(language)
        candidates: list[tuple[int, int, str, str]] = []  # (n, position, sentence, context)
        for n, passage in enumerate(passages, start=1):
            # directory entries name their organisation in the title, documents do not
            directory = passage.metadata.get("source_kind") == "directory"
            title = str(passage.metadata.get("title", "")) if directory else ""
            sentences = split_sentences(passage.text)
            report.sentences[n] = sentences
            for i, sentence in enumerate(sentences):
                if len(sentence) < 12 or is_injection(sentence):
                    continue
                # a directory entry's sentences are read with the organisation's name
                context = f"{title} {sentence}"
                candidates.append((n, i, sentence, context))
        if not candidates:
            return report
        query = np.asarray(self.embedder.embed_query(question), dtype="float32")
        dense = self._embed([c[2] for c in candidates]) @ query
        weights = self.term_weights(question, language)
        scored = []
        for (n, i, sentence, context), cos in zip(candidates, dense.tolist(), strict=True):
            cov = self.coverage(weights, context)
            score = self.dense_weight * cos + (1 - self.dense_weight) * cov
            scored.append(Evidence(n, i, sentence, score, cos, cov))
        scored.sort(key=lambda e: -e.score)
        report.evidence = scored
        best = scored[0]
        report.unknown = self.unknown_share(weights)
        asked = question.split(" (")[0]  # without the context condense added
        fitting = [e for e in scored if answer_type_fits(asked, e.sentence)]
        if len(fitting) < len(scored):
            # sentences that cannot hold the kind of answer asked for are not evidence
            report.evidence = fitting + [e for e in scored if e not in fitting]
            if not fitting:
                return report
            best = fitting[0]
        report.answerable = (
            best.score >= self.min_score
            and (best.coverage >= self.min_coverage or not weights)
            and report.unknown < self.max_unknown
        )
        return report


REFERS_BACK = re.compile(
    r"^(in particular|it|its|this|these|they|their|that|those|he|she|his|her|hence|therefore|"
    r"additionally|also|then|as a consequence|in all|another)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """Consecutive sentences of one passage quoted in an answer."""

    n: int
    text: str


def window(report: EvidenceReport, ev: Evidence) -> tuple[int, list[int]]:
    """The evidence sentence with the next one, and the previous one when it refers back."""
    sentences = report.sentences.get(ev.n, [ev.sentence])
    positions = [ev.position]
    if ev.position > 0 and REFERS_BACK.match(ev.sentence):
        positions.insert(0, ev.position - 1)
    if ev.position + 1 < len(sentences):
        positions.append(ev.position + 1)
    return ev.n, positions


def select(report: EvidenceReport, max_chars: int = 700, max_spans: int = 2) -> list[Span]:
    """Passages to quote: the best sentence in its context, and a second strong one elsewhere."""
    if not report.evidence:
        return []
    best = report.evidence[0]
    used: set[tuple[int, int]] = set()
    spans: list[Span] = []
    length = 0
    for ev in report.evidence:
        if len(spans) >= max_spans:
            break
        if ev is not best and (ev.score < best.score - 0.05 or ev.coverage < best.coverage * 0.8):
            continue
        if (ev.n, ev.position) in used:
            continue
        n, positions = window(report, ev)
        sentences = report.sentences.get(n, [ev.sentence])
        while positions and sum(len(sentences[p]) + 1 for p in positions) + length > max_chars:
            positions.pop()  # drop trailing context first
            if ev.position not in positions:
                break
        if ev.position not in positions:
            continue
        positions = [p for p in positions if (n, p) not in used]
        used.update((n, p) for p in positions)
        text = " ".join(sentences[p] for p in positions)
        spans.append(Span(n, text))
        length += len(text) + 6
    return spans


def repair_citations(text: str, shown: int) -> tuple[str, list[int]]:
    """Drop citations of passages that were not shown; returns the text and the cited numbers."""
    cited: list[int] = []

    def keep(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 1 <= n <= shown:
            if n not in cited:
                cited.append(n)
            return match.group(0)
        return ""

    repaired = CITATION.sub(keep, text)
    return re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", repaired)).strip(), cited


def idf_of(bm25: Any) -> dict[str, float]:
    return dict(getattr(bm25, "idf", {}) or {})


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))
