"""The eval: evidence hit@1/@5 and MRR, answer and decline accuracy, latency, per category.

Line format of a question set (JSON lines)::

    {"id", "question", "history", "expect": [["alt1", "alt2"], ...], "evidence": str,
     "answerable": bool, "category": str (optional), "lang": str (optional)}

An answer is correct when it is grounded (or, for a help question, the help reply), at most 800
characters long and every ``expect`` group has one alternative in it (case-insensitive). A
decline is correct when an unanswerable question gets ``grounded: false``.

``kind`` (optional: fact, list, compare, explain, locate, partner, help; by default a category of
one of these names is of that kind and the others are facts) says how an answer is judged: a
fact or an explanation is *answer-first* when every ``expect`` group has an alternative in its
first 150 characters; lists and comparisons are judged on completeness only. ``expect_names``
(optional, locate and partner questions): the answer must also name at least two of them (all
of them when fewer are listed).
Questions without ``evidence`` (help, small talk) count for answer accuracy, not for hit@k.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer import Turn
from assistant.answer.request import MAX_ANSWER_CHARS
from assistant.services import Answer, ChatService

if TYPE_CHECKING:
    from assistant.app.container import Container

ANSWER_FIRST_CHARS = 150
KINDS = ("fact", "list", "compare", "explain", "locate", "partner", "help")
MIN_NAMES = 2  # of ``expect_names`` an answer must name


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    history: list[Turn]
    expect: list[list[str]]
    evidence: str
    answerable: bool
    category: str = "other"
    lang: str = "en"
    kind: str = "fact"
    expect_names: list[str] = field(default_factory=list)

    @property
    def answer_first_counts(self) -> bool:
        return self.answerable and self.kind in ("fact", "explain")


@dataclass
class Result:
    question: Question
    answer: Answer
    rank: int | None  # 1-based rank of the first passage holding the evidence
    correct: bool  # right answer (answerable) or right decline (unanswerable)


def load_questions(path: Path) -> list[Question]:
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions.append(
                Question(
                    id=str(raw["id"]),
                    question=raw["question"],
                    history=[Turn(t["role"], t["content"]) for t in raw.get("history") or []],
                    expect=[list(group) for group in raw.get("expect") or []],
                    evidence=raw.get("evidence") or "",
                    answerable=bool(raw["answerable"]),
                    category=raw.get("category", "other"),
                    lang=raw.get("lang", "en"),
                    kind=question_kind(raw),
                    expect_names=[str(name) for name in raw.get("expect_names") or []],
                )
            )
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path.name} line {number}: not a valid question ({exc})") from exc
    return questions


def question_kind(raw: dict[str, Any]) -> str:
    kind = raw.get("kind") or raw.get("category", "")
    if kind not in KINDS:
        return "fact"
    return str(kind)


def squash(text: str) -> str:
    return " ".join(text.split()).lower()


def evidence_rank(question: Question, answer: Answer) -> int | None:
    needle = squash(question.evidence)
    for source in answer.sources:
        if needle and needle in squash(source.text):
            return source.n
    return None


def answer_ok(question: Question, answer: Answer) -> bool:
    if not question.answerable:
        return not answer.grounded
    replied = answer.grounded or (question.kind == "help" and answer.kind == "help")
    return replied and len(answer.answer) <= MAX_ANSWER_CHARS and holds(question, answer.answer)


def holds(question: Question, text: str) -> bool:
    text = text.lower()
    if question.expect_names:
        named = sum(1 for name in question.expect_names if name.lower() in text)
        if named < min(MIN_NAMES, len(question.expect_names)):
            return False
    return all(any(alt.lower() in text for alt in group) for group in question.expect)


def answer_first(question: Question, answer: Answer) -> bool:
    """The expected keywords all stand in the answer's first 150 characters."""
    return answer.grounded and holds(question, answer.answer[:ANSWER_FIRST_CHARS])


def run_eval(
    chat: ChatService,
    questions: list[Question],
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    results = []
    for question in questions:
        answer = chat.ask(question.question, question.history)
        rank = evidence_rank(question, answer)
        result = Result(question, answer, rank, answer_ok(question, answer))
        results.append(result)
        if on_result:
            on_result(result)
    return results


@dataclass
class Scores:
    n: int = 0
    answerable: int = 0
    unanswerable: int = 0
    hit1: float = 0.0
    hit5: float = 0.0
    mrr: float = 0.0
    accuracy: float = 0.0  # answer accuracy over answerable questions
    decline: float = 0.0  # decline accuracy over unanswerable questions
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    retrieved_n: int = 0  # answerable questions with evidence to find (hit@k counts them)
    first_n: int = 0  # questions counted for answer-first
    first: float = 0.0  # answer-first over them
    median_chars: float = 0.0  # median answer length of the answerable questions
    failures: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "hit@1": self.hit1,
            "hit@5": self.hit5,
            "mrr": self.mrr,
            "accuracy": self.accuracy,
            "decline": self.decline,
            "answer_first": self.first if self.first_n else None,
            "median_chars": self.median_chars,
            "p50_ms": self.p50_ms,
            "p95_ms": self.p95_ms,
        }


def score(results: list[Result]) -> Scores:
    s = Scores(n=len(results))
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    s.answerable, s.unanswerable = len(answerable), len(unanswerable)
    retrieved = [r for r in answerable if r.question.evidence]
    s.retrieved_n = len(retrieved)
    if retrieved:
        s.hit1 = sum(1 for r in retrieved if r.rank == 1) / len(retrieved)
        s.hit5 = sum(1 for r in retrieved if r.rank is not None and r.rank <= 5) / len(retrieved)
        s.mrr = sum(1 / r.rank for r in retrieved if r.rank) / len(retrieved)
    if answerable:
        s.accuracy = sum(1 for r in answerable if r.correct) / len(answerable)
        s.median_chars = statistics.median(len(r.answer.answer) for r in answerable)
    first = [r for r in answerable if r.question.answer_first_counts]
    s.first_n = len(first)
    if first:
        s.first = sum(1 for r in first if answer_first(r.question, r.answer)) / len(first)
    if unanswerable:
        s.decline = sum(1 for r in unanswerable if r.correct) / len(unanswerable)
    latencies = sorted(r.answer.timings_ms.get("total", 0.0) for r in results)
    if latencies:
        s.p50_ms = statistics.median(latencies)
        s.p95_ms = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    s.failures = [r.question.id for r in results if not r.correct]
    return s


def by_category(results: list[Result]) -> dict[str, Scores]:
    return _grouped(results, lambda r: r.question.category)


def by_kind(results: list[Result]) -> dict[str, Scores]:
    """Scores per kind of question (how it is judged), unanswerable questions apart."""
    return _grouped(results, lambda r: r.question.kind if r.question.answerable else "decline")


def _grouped(results: list[Result], key: Callable[[Result], str]) -> dict[str, Scores]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        groups[key(result)].append(result)
    return {name: score(items) for name, items in sorted(groups.items())}


@dataclass
class BackendReport:
    """One backend's results on a question set."""

    results: list[Result]

    @property
    def overall(self) -> Scores:
        return score(self.results)

    def to_json(self) -> dict[str, Any]:
        overall = self.overall
        return {
            "overall": overall.row(),
            "failures": overall.failures,
            "categories": {k: v.row() for k, v in by_category(self.results).items()},
        }


def evaluate_backends(
    app: Container, questions: list[Question], backends: Sequence[str]
) -> dict[str, BackendReport]:
    """Each backend (compose strategy) on the same questions, retriever and evidence scorer."""
    from assistant.answer.compose import build_composer
    from assistant.services import ChatService

    report: dict[str, BackendReport] = {}
    for name in backends:
        chat = app.chat
        if name != chat.composer.name:
            composer = build_composer(app.settings, name)
            chat = ChatService(
                chat.retriever, composer, chat.scorer, chat.settings, chat.organisations
            )
        report[name] = BackendReport(run_eval(chat, questions))
    return report
