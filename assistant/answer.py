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


@dataclass(frozen=True)
class Evidence:
    n: int  # 1-based number of the passage it comes from
    sentence: str
    score: float
    dense: float
    coverage: float


@dataclass
class EvidenceReport:
    language: str
    evidence: list[Evidence] = field(default_factory=list)  # best first
    answerable: bool = False

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
        min_score: float = 0.45,
        min_coverage: float = 0.5,
        dense_weight: float = 0.5,
    ) -> None:
        self.embedder = embedder
        self.idf = idf or {}
        self.min_score = min_score
        self.min_coverage = min_coverage
        self.dense_weight = dense_weight
        self._cache: dict[str, np.ndarray] = {}

    def set_idf(self, idf: dict[str, float]) -> None:
        self.idf = idf

    def term_weights(self, question: str, language: str) -> dict[str, float]:
        terms = tokenize(question)
        if language == "fr":
            terms = translate_terms(terms)
        if not self.idf:
            return dict.fromkeys(terms, 1.0)
        top = max(self.idf.values())
        weights: dict[str, float] = {}
        for term in terms:
            known = self.idf.get(term)
            if known is None and language == "fr" and not any(ch.isdigit() for ch in term):
                continue  # an untranslated French word says nothing about the English corpus
            weights[term] = max(known if known is not None else top, 0.05)
        return weights

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
        candidates: list[tuple[int, str, str]] = []  # (n, sentence, text scored for coverage)
        for n, passage in enumerate(passages, start=1):
            title = str(passage.metadata.get("title", ""))
            sentences = split_sentences(passage.text)
            for i, sentence in enumerate(sentences):
                if len(sentence) < 12 or is_injection(sentence):
                    continue
                # a sentence is read with its predecessor and title ("It is ..." refers back)
                context = " ".join([title, sentences[i - 1] if i else "", sentence])
                candidates.append((n, sentence, context))
        if not candidates:
            return report
        query = np.asarray(self.embedder.embed_query(question), dtype="float32")
        dense = self._embed([c[1] for c in candidates]) @ query
        weights = self.term_weights(question, language)
        scored = []
        for (n, sentence, context), cos in zip(candidates, dense.tolist(), strict=True):
            cov = self.coverage(weights, context)
            score = self.dense_weight * cos + (1 - self.dense_weight) * cov
            scored.append(Evidence(n, sentence, score, cos, cov))
        scored.sort(key=lambda e: -e.score)
        report.evidence = scored
        best = scored[0]
        report.answerable = best.score >= self.min_score and (
            best.coverage >= self.min_coverage or not weights
        )
        return report


def select(report: EvidenceReport, max_chars: int = 700, max_sentences: int = 3) -> list[Evidence]:
    """The best sentences for an extractive answer: strong ones, distinct, within a length."""
    if not report.evidence:
        return []
    best = report.evidence[0]
    chosen: list[Evidence] = [best]
    length = len(best.sentence)
    for ev in report.evidence[1:]:
        if len(chosen) >= max_sentences:
            break
        if ev.score < best.score - 0.08 or ev.coverage < best.coverage * 0.6:
            continue
        if any(ev.sentence == c.sentence for c in chosen):
            continue
        if length + len(ev.sentence) > max_chars:
            continue
        chosen.append(ev)
        length += len(ev.sentence)
    return chosen


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
