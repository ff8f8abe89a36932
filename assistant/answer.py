"""The answering stages shared by every backend: ``condense``, ``score_evidence``, ``cite``.

- ``condense`` rewrites a follow-up into a standalone question from the history;
- ``EvidenceScorer`` scores each sentence of the retrieved passages against the question
  (embedding similarity and coverage of the question's terms): it decides whether the passages
  hold the answer at all (the decline gate, the same for all backends) and which sentence to
  highlight;
- ``repair_citations`` keeps only citations of passages that were shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.components.embedder import Embedder
from assistant.glossary import translate_terms
from assistant.passage import Passage
from assistant.safety import is_injection
from assistant.text import (
    STOPWORDS,
    detect_language,
    fold,
    is_heading,
    split_paragraphs,
    split_sentences,
    tokenize,
    words,
)

PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "his",
    "its",
    "their",
    "them",
    "this",
    "that",
    "these",
    "those",
    "there",
    "one",
    "ones",
    "il",
    "elle",
    "ils",
    "elles",
    "lui",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "ce",
    "cette",
    "ces",
    "celui",
    "celle",
    "y",
    "en",
    "same",
    "also",
}
DECLINE = {
    "en": "I could not find that in the sources.",
    "fr": "Je n'ai pas trouvé la réponse dans les sources.",
}
FOLLOW_UP_OPENINGS = ("and ", "et ", "what about", "et pour", "how about")
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
        or question.strip().lower().startswith(FOLLOW_UP_OPENINGS)
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
WHEN_QUESTION = re.compile(
    r"^\s*(when|quand|à quelle date|what date|on what date)\b", re.IGNORECASE
)
COST_QUESTION = re.compile(
    r"\bhow much\b.*\b(cost|pay|price|charge|fee|rent)|\b(price|cost|fee|salary|rent)s? of\b"
    r"|\bcombien (coût|co[uû]te|pa[yi]e)|\b(prix|tarif|coût) d",
    re.IGNORECASE,
)
COUNT_QUESTION = re.compile(
    r"\b(?:how many|combien d[e'’]\s?)\s*([\w\-]+(?:\s+[\w\-]+)?)", re.IGNORECASE
)
# questions whose answer is a name: "Who runs...", "Qui dirige...", "Which institutes..."
NAME_QUESTION = re.compile(
    r"^\s*(who|whom|qui|which|quel|quelle|quels|quelles)\b|\b(what|which) (\w+ )?"
    r"(companies|groups|institutes|institutions|organisations|organizations|hospitals|clusters|"
    r"start-ups|startups|firms|partners|industrials|laboratories|labs)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DATE = re.compile(
    r"\b(1[5-9]\d\d|20\d\d)\b|\b(january|february|march|april|may|june|july|august|"
    r"september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|tomorrow|yesterday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\bago\b|\bil y a\b|\b(since|depuis)\b",
    re.IGNORECASE,
)
MONEY = re.compile(r"[€$£]|\b(euros?|dollars?|EUR|USD|k€|M€)\b", re.IGNORECASE)
NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|third|quarter|"
    r"double|twice)\b",
    re.IGNORECASE,
)
NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w\-’'&]*[A-Za-zÀ-ÿ]|\b[A-Z]{2,}\b")


def answer_type_fits(question: str, sentence: str) -> bool:
    """Can the sentence hold the kind of answer the question asks for?

    A year for 'In what year...', a date for 'When...', an amount of money for 'How much does ...
    cost', a number next to the counted thing for 'How many beds...' (the thing must be named in
    the sentence). Other questions are not typed.
    """
    if YEAR_QUESTION.search(question):
        return bool(YEAR.search(sentence))
    if WHEN_QUESTION.search(question):
        return bool(DATE.search(sentence))
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


def new_names(question: str, sentence: str) -> int:
    """How many names the sentence brings that the question does not already hold.

    The first word of a sentence counts only when it is not a common word ("Medicen enjoys..."
    counts Medicen; "The Paris region..." does not count "The").
    """
    asked = {fold(w) for w in words(question)}
    found: set[str] = set()
    for i, match in enumerate(NAME.finditer(sentence)):
        name = fold(match.group(0))
        if i == 0 and match.start() == 0 and name in STOPWORDS:
            continue
        if name not in asked and name not in STOPWORDS:
            found.add(name)
    return len(found)


def names_in(text: str) -> set[str]:
    """The folded names of a text, without a common word that opens a sentence."""
    found = set()
    for match in NAME.finditer(text):
        name = fold(match.group(0))
        if name not in STOPWORDS and name not in PRONOUNS:
            found.add(name)
    return found


def rank_bonus(question: str, sentence: str, context: str = "") -> float:
    """Ranks answers, never opens the gate: a sentence that names what the question names
    ("Inserm", "SUMIL") is about it; a question asking for names ("Which institutes...")
    prefers sentences that bring new ones, the more the better for a list."""
    bonus = 0.0
    focus = names_in(question)
    if focus:
        present = fold(f"{context} {sentence}")
        if all(re.search(rf"\b{re.escape(name)}\b", present) for name in focus):
            bonus += 0.04
    if NAME_QUESTION.search(question):
        most = 4 if asks_for_list(question) else 1
        bonus += min(new_names(question, sentence), most) * 0.02
    return bonus


def asks_for_list(question: str) -> bool:
    """'Which institutes...', 'Quels groupes...': a plural noun within three words of the
    interrogative."""
    match = re.search(r"\b(which|what|quels|quelles)\b((?:\s+[\w\-]+){1,3})", question, re.I)
    if not match:
        return False
    if match.group(1).lower() in ("quels", "quelles"):
        return True
    return any(
        w.lower().endswith("s")
        and not w.lower().endswith(("ss", "is", "us"))
        and fold(w) not in STOPWORDS
        for w in match.group(2).split()
    )


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
    # (n, position) of sentences never quoted, not even as context: questions, headings, and
    # sentences that try to instruct the assistant
    unquotable: set[tuple[int, int]] = field(default_factory=set)
    answerable: bool = False
    unknown: float = 0.0  # share of question terms the corpus never uses

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None

    def highlight(self, n: int) -> str:
        return next((e.sentence for e in self.evidence if e.n == n), "")


@dataclass(frozen=True)
class Unit:
    """A sentence of a passage, with its paragraph.

    ``prompt``: the sentence asks or announces (a question, a heading), it is not an answer;
    ``asks``: its paragraph ends with a question, so the next paragraph answers it.
    """

    position: int
    sentence: str
    paragraph: int
    prompt: bool
    asks: bool


def units(text: str) -> list[Unit]:
    out: list[Unit] = []
    for p, paragraph in enumerate(split_paragraphs(text)):
        heading = is_heading(paragraph)
        asks = paragraph.rstrip().endswith("?")
        for sentence in split_sentences(paragraph):
            prompt = heading or sentence.endswith("?")
            out.append(Unit(len(out), sentence, p, prompt, asks))
    return out


def split_context(standalone: str) -> tuple[str, str]:
    """The question as asked and the context ``condense`` appended in parentheses."""
    match = re.match(r"^(.*\?)\s*\((.*)\)$", standalone, re.DOTALL)
    if match:
        return match.group(1), match.group(2)
    return standalone, ""


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
        language = detect_language(question)
        report = EvidenceReport(language)
        candidates: list[tuple[int, Unit, str, str]] = []  # (n, unit, context, previous)
        structure: dict[int, list[Unit]] = {}
        for n, passage in enumerate(passages, start=1):
            # directory entries name their organisation in the title, documents do not
            directory = passage.metadata.get("source_kind") == "directory"
            title = str(passage.metadata.get("title", "")) if directory else ""
            structure[n] = units(passage.text)
            report.sentences[n] = [u.sentence for u in structure[n]]
            report.unquotable.update(
                (n, u.position) for u in structure[n] if u.prompt or is_injection(u.sentence)
            )
            for unit in structure[n]:
                if len(unit.sentence) < 12 or is_injection(unit.sentence):
                    continue
                previous = structure[n][unit.position - 1] if unit.position else None
                before = (
                    previous.sentence
                    if previous and previous.paragraph == unit.paragraph and not previous.prompt
                    else ""
                )
                # a directory entry's sentences are read with the organisation's name
                candidates.append((n, unit, f"{title} {unit.sentence}", before))
        if not candidates:
            return report
        query = np.asarray(self.embedder.embed_query(question), dtype="float32")
        dense = self._embed([c[1].sentence for c in candidates]) @ query
        weights = self.term_weights(question, language)
        asked, _ = split_context(question)
        said = set(tokenize(previous_answer))
        own: dict[tuple[int, int], Evidence] = {}
        for (n, unit, context, before), cos in zip(candidates, dense.tolist(), strict=True):
            cov = self.coverage(weights, context)
            if before:  # "Come see them March 15..." is about what the sentence before names
                read_with = self.coverage(weights, f"{before} {context}")
                cov = max(cov, self.context_discount * read_with)
            score = self.dense_weight * cos + (1 - self.dense_weight) * cov
            terms = set(tokenize(unit.sentence))
            if said and terms and len(terms & said) / len(terms) >= 0.6:
                score -= self.repeat_penalty  # the previous answer already said it
            own[(n, unit.position)] = Evidence(
                n, unit.position, unit.sentence, score, cos, cov, prompt=unit.prompt
            )
        scored = [self._carry(e, structure[e.n], own) for e in own.values()]
        preceding = {(n, u.position): b for n, u, _, b in candidates}
        ranked = sorted(
            scored,
            key=lambda e: (
                e.prompt,
                -(e.score + rank_bonus(asked, e.sentence, preceding.get((e.n, e.position), ""))),
            ),
        )
        report.evidence = ranked
        report.unknown = self.unknown_share(weights)
        fitting = [e for e in ranked if not e.prompt and answer_type_fits(asked, e.sentence)]
        # sentences that cannot hold the kind of answer asked for are not evidence
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

    def _carry(
        self, ev: Evidence, structure: list[Unit], own: dict[tuple[int, int], Evidence]
    ) -> Evidence:
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


def continues(report: EvidenceReport, ev: Evidence) -> bool:
    """Whether the sentence after ``ev`` carries on from it ("Additionally, ...", "It ...")."""
    sentences = report.sentences.get(ev.n, [])
    after = ev.position + 1
    return after < len(sentences) and REFERS_BACK.match(sentences[after]) is not None


def select(
    report: EvidenceReport, max_chars: int = 760, max_spans: int = 3, margin: float = 0.1
) -> list[Span]:
    """The sentences to quote, as spans of consecutive sentences, best first.

    First the answers: the best sentence and up to ``max_spans - 1`` others that score almost as
    well (within ``margin``) elsewhere. Then, while there is room, their context: the sentence
    before one that refers back ("In all, there are..."), the sentence after one that is carried
    on ("Additionally, ..."), then the sentence after each, then the one before each.
    """
    fits = [e for e in report.evidence if not e.prompt]
    if not fits:
        return []
    best = fits[0]
    chosen: list[Evidence] = []
    picked: dict[tuple[int, int], int] = {}  # (n, position) -> rank of the span it serves
    length = 0

    def take(n: int, position: int, rank: int) -> bool:
        nonlocal length
        sentences = report.sentences.get(n, [])
        if (n, position) in picked or (n, position) in report.unquotable:
            return False
        if not 0 <= position < len(sentences):
            return False
        if length + len(sentences[position]) + 1 > max_chars:
            return False
        picked[(n, position)] = rank
        length += len(sentences[position]) + 1
        return True

    for ev in fits:
        if len(chosen) >= max_spans:
            break
        close = ev.score >= best.score - margin and ev.coverage >= best.coverage * 0.5
        if (ev is best or close) and take(ev.n, ev.position, len(chosen)):
            chosen.append(ev)
    for rank, ev in enumerate(chosen):
        if REFERS_BACK.match(ev.sentence):
            take(ev.n, ev.position - 1, rank)
        if continues(report, ev):
            take(ev.n, ev.position + 1, rank)
    for step in (1, -1):  # the sentence after each, then the one before, which sets the scene
        for rank, ev in enumerate(chosen):
            take(ev.n, ev.position + step, rank)
    spans: list[tuple[int, int, list[int]]] = []  # (rank, n, positions)
    for (n, position), rank in sorted(picked.items()):
        if spans and spans[-1][1] == n and spans[-1][2][-1] == position - 1:
            spans[-1] = (min(spans[-1][0], rank), n, [*spans[-1][2], position])
        else:
            spans.append((rank, n, [position]))
    spans.sort(key=lambda span: span[0])
    return [Span(n, " ".join(report.sentences[n][p] for p in ps)) for _, n, ps in spans]


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
