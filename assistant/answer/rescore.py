"""Evidence scored once per question: the report made for the passages retrieved (shown and a
little deeper) is narrowed to the passages kept, and passages appended later (directory
entries) are scored on their own and merged in; no sentence is scored twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.evidence import EvidenceReport, EvidenceScorer
from assistant.retrieval.passage import Passage


def restrict(scorer: EvidenceScorer, report: EvidenceReport, keep: Sequence[int]) -> EvidenceReport:
    """The report of the passages numbered ``keep`` (old numbers, in their new order), numbered
    1, 2, ... as kept; the gate is opened again on what remains."""
    number = {old: new for new, old in enumerate(keep, start=1)}
    narrowed = EvidenceReport(
        report.language,
        evidence=[replace(e, n=number[e.n]) for e in report.evidence if e.n in number],
        sentences={number[n]: s for n, s in report.sentences.items() if n in number},
        paragraphs={number[n]: p for n, p in report.paragraphs.items() if n in number},
        unquotable={(number[n], i) for n, i in report.unquotable if n in number},
        unknown=report.unknown,
        weights=report.weights,
        everyday=report.everyday,
        points=report.points,
    )
    return scorer.gate(narrowed)


def extend(
    scorer: EvidenceScorer,
    report: EvidenceReport,
    question: str,
    passages: Sequence[Passage],
    previous_answer: str = "",
) -> EvidenceReport:
    """The report of ``passages`` whose first ones it already scored: the passages after them
    (appended since) are scored and merged in."""
    known = max(report.sentences, default=0)
    if len(passages) <= known:
        return report
    added = scorer.scored(question, passages[known:], previous_answer, start=known + 1)
    merged = replace(
        report,
        evidence=[*report.evidence, *added.evidence],
        sentences={**report.sentences, **added.sentences},
        paragraphs={**report.paragraphs, **added.paragraphs},
        unquotable=report.unquotable | added.unquotable,
    )
    if not report.sentences:
        merged.unknown, merged.weights = added.unknown, added.weights
        merged.everyday = added.everyday
    return scorer.gate(merged)
