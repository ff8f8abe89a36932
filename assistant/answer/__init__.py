"""Answering, in stages: condense -> retrieve (``assistant.retrieval``) -> score evidence ->
compose (``compose``: the extractive compositions, or a generative backend) -> cite.

- ``condense``: a follow-up borrows the subject of the previous exchange;
- ``questions``: what the question asks for (a year, a date, an amount, a count, names);
- ``structure`` and ``evidence``: each sentence of the passages scored, and the decline gate;
- ``request`` and ``compose``: what the compose stage is given, and its two strategies;
- the ``compose*`` modules: the sentences an extractive answer quotes, by kind of question;
- ``citations``: the ``[n]`` pattern, and dropping citations of passages not shown;
- ``messages``: what the assistant says when the sources do not hold the answer.
"""

from __future__ import annotations

from assistant.answer.citations import CITATION, repair_citations
from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.evidence import Evidence, EvidenceReport, EvidenceScorer
from assistant.answer.messages import DECLINE
from assistant.answer.questions import answer_type_fits, asks_for_list
from assistant.answer.structure import Unit, units

__all__ = [
    "CITATION",
    "DECLINE",
    "Evidence",
    "EvidenceReport",
    "EvidenceScorer",
    "Turn",
    "Unit",
    "answer_type_fits",
    "asks_for_list",
    "condense",
    "repair_citations",
    "split_context",
    "units",
]
