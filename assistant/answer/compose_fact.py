"""Compose a fact: the sentence that holds the answer first, cut to the clause that holds it
when it is long, then at most one supporting sentence, never the same sentence twice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.condense import split_context
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.labels import with_note
from assistant.answer.questions import answer_type_fits
from assistant.answer.spans import answer_span
from assistant.text import tokenize

MAX_SENTENCE = 220  # longer sentences are cut to the clause that holds the answer
CLAUSE_BREAK = re.compile(
    r"\s*;\s+|\s+[–—]\s+|:\s+(?=[“\"A-Z])|,\s+(?=(?:while|whereas|but|so that)\b)"
)


@dataclass(frozen=True)
class Composed:
    text: str
    span: str = ""  # the words that answer (bold in the app)


def quotable(report: EvidenceReport) -> list[Evidence]:
    return [
        e for e in report.evidence if not e.prompt and (e.n, e.position) not in report.unquotable
    ]


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's terms the other holds (1.0: one repeats the other)."""
    ta, tb = set(tokenize(a)), set(tokenize(b))
    if not ta or not tb:
        return 1.0 if a.strip() == b.strip() else 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def shorten(sentence: str, question: str, limit: int = MAX_SENTENCE) -> str:
    """The clause of a long sentence that holds the answer (with its neighbour while it fits),
    marked with "…" where it was cut."""
    if len(sentence) <= limit:
        return sentence
    clauses = [c for c in CLAUSE_BREAK.split(sentence) if c and c.strip()]
    if len(clauses) < 2:
        cut = sentence.rfind(", ", 0, limit)
        return sentence[:cut] + "…" if cut > limit // 2 else sentence
    terms = set(tokenize(question))

    def value(clause: str) -> float:
        present = set(tokenize(clause))
        fits = 1.0 if answer_type_fits(question, clause) else 0.0
        return len(terms & present) + fits

    best = max(range(len(clauses)), key=lambda i: value(clauses[i]))
    lo = hi = best
    while True:  # grow towards the richer neighbour while it fits
        options = [i for i in (lo - 1, hi + 1) if 0 <= i < len(clauses)]
        options.sort(key=lambda i: -value(clauses[i]))
        grown = False
        for i in options:
            text = " ".join(clauses[min(lo, i) : max(hi, i) + 1])
            if len(text) <= limit:
                lo, hi = min(lo, i), max(hi, i)
                grown = True
                break
        if not grown:
            break
    text = ", ".join(c.strip().rstrip(",") for c in clauses[lo : hi + 1])
    if lo > 0:
        text = "…" + text
    if hi < len(clauses) - 1:
        text = text.rstrip(".,;: ") + "…"
    return text


def compose_fact(
    report: EvidenceReport, question: str, margin: float = 0.08, near: float = 0.15
) -> Composed:
    """The answering sentence first (with ``[n]``), then one supporting sentence that says
    something else: its neighbour in the passage if it scores within ``near`` (it sets the
    scene or carries on), else another that scores within ``margin``."""
    asked, _ = split_context(question)
    fits = quotable(report)
    if not fits:
        return Composed("")
    best = fits[0]
    first = shorten(best.sentence, asked)
    parts = [f"{first} [{best.n}]"]
    support = supporting(fits, best, margin, near)
    if support is not None:
        parts.append(f"{shorten(support.sentence, asked)} [{support.n}]")
    return Composed(with_note(" ".join(parts), report.language), answer_span(asked, first))


def supporting(fits: list[Evidence], best: Evidence, margin: float, near: float) -> Evidence | None:
    distinct = [e for e in fits[1:] if overlap(e.sentence, best.sentence) < 0.6]
    for ev in distinct:
        adjacent = ev.n == best.n and abs(ev.position - best.position) == 1
        if adjacent and ev.score >= best.score - near:
            return ev
    for ev in distinct[:5]:
        if ev.score >= best.score - margin:
            return ev
    return None
