"""What the compose stage is given: the question, the passages shown and their scored evidence,
the kind of question and the directory's organisations. Both compose strategies take it (the
extractive compositions and a generative backend, ``assistant.answer.compose``), and it is the
one thing a generative backend takes from answering."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Member, Organisation
from assistant.retrieval.passage import Passage

NOT_FOUND = "NOT_FOUND"  # what a composition says when the passages do not answer
MAX_ANSWER_CHARS = 800  # an answer read at a glance: what is added after composing keeps to it


@dataclass(frozen=True)
class GenerationRequest:
    question: str
    language: str  # 'en' or 'fr'
    passages: list[Passage]  # numbered from 1 in this order
    evidence: EvidenceReport
    kind: str = "fact"  # assistant.answer.question_kind.QuestionKind: fact, list, compare, explain
    members: tuple[Member, ...] = ()  # a list question's organisations from the directory
    compared: tuple[Organisation, ...] = ()  # a comparison's organisations
    # organisation name -> number of its directory entry among the passages
    directory_n: dict[str, int] = field(default_factory=dict)
