"""Compose an extractive answer by the question's kind (one module per composition)."""

from __future__ import annotations

from assistant.answer.compose_compare import compose_compare
from assistant.answer.compose_explain import compose_explain
from assistant.answer.compose_fact import compose_fact
from assistant.answer.compose_list import compose_list
from assistant.answer.evidence import EvidenceReport
from assistant.answer.kinds import Kind
from assistant.answer.organisations import Member, Organisation


def compose(
    kind: str,
    report: EvidenceReport,
    question: str,
    members: tuple[Member, ...] = (),
    compared: tuple[Organisation, ...] = (),
    directory_n: dict[str, int] | None = None,
) -> str:
    """The answer text with its ``[n]``, or "" when the evidence holds no answer."""
    directory_n = directory_n or {}
    if kind == Kind.LIST and members:
        listed = compose_list(report, members, directory_n)
        if listed:
            return listed
    if kind == Kind.COMPARE and len(compared) >= 2:
        return compose_compare(report, compared, directory_n, question)
    if not report.answerable:
        return ""
    if kind in (Kind.EXPLAIN, Kind.COMPARE, Kind.LIST):  # a list of things, not organisations
        return compose_explain(report, question)
    return compose_fact(report, question).text
