"""The labelled pairs the sentence model is fitted on: for each question of the dev sets, the
candidate sentences of the passages the chat retrieves for it, labelled by whether they hold
the question's evidence; plus questions generated from the directory (where each organisation
is, what it works on), answered by its own entry. The frozen test set is never used here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.answer.condense import Turn
from assistant.app.evaluate import Question, squash
from assistant.app.fit import Labelled
from assistant.retrieval.passage import Passage
from assistant.services import ChatService

EDGE = 40  # a sentence holding the first or last 40 characters of the evidence holds it
FITTED_KINDS = ("fact", "explain")  # lists and comparisons are composed from the directory


def holds_evidence(sentence: str, evidence: str) -> bool:
    sentence, evidence = squash(sentence), squash(evidence)
    if not evidence:
        return False
    return evidence in sentence or evidence[:EDGE] in sentence or evidence[-EDGE:] in sentence


def label(
    chat: ChatService,
    question: str,
    history: Sequence[Turn],
    evidence: str,
    answerable: bool,
    extra: Iterable[Passage] = (),
    generated: bool = False,
) -> Labelled:
    standalone, passages, previous = chat.passages(question, history)
    for passage in extra:
        if all(p.id != passage.id for p in passages):
            passages.append(passage)
    _, measured = chat.scorer.measure(standalone, passages, previous)
    quotable = [(ev, row) for ev, row in measured if not ev.prompt]
    labels = [int(answerable and holds_evidence(ev.sentence, evidence)) for ev, _ in quotable]
    return Labelled(question, answerable, [row for _, row in quotable], labels, generated)


def from_questions(chat: ChatService, questions: Sequence[Question]) -> list[Labelled]:
    """The dev questions' pairs (facts, explanations and unanswerable ones) whose evidence the
    passages hold. An unanswerable question that the chat declines whatever the gate (a value
    of the kind asked is missing, ...) is marked: the gate's threshold is not chosen on it."""
    out = []
    for q in questions:
        if q.answerable and (q.kind not in FITTED_KINDS or not q.evidence):
            continue
        item = label(chat, q.question, q.history, q.evidence, q.answerable)
        if not q.answerable and declined_without_gate(chat, q):
            item = replace(item, gated=False)
        if not q.answerable or any(item.labels):
            out.append(item)
    return out


def declined_without_gate(chat: ChatService, question: Question) -> bool:
    """Whether the chat declines the question with the gate wide open."""
    model = chat.scorer.model
    chat.scorer.model = replace(model, threshold=0.0)
    try:
        return not chat.ask(question.question, question.history).grounded
    finally:
        chat.scorer.model = model


def from_directory(chat: ChatService) -> list[Labelled]:
    """Generated pairs: "Where is X?" answered by the sentence of X's entry that names its
    place."""
    out = []
    organisations = chat.organisations.organisation_passages() if chat.organisations else []
    for passage in organisations:
        meta = passage.metadata
        name = str(meta.get("acronym") or meta.get("title") or "")
        sentences = [s.strip() for s in passage.text.split(". ") if s.strip()]
        if not name or not sentences:
            continue
        if meta.get("city"):
            question = f"Where is {name}?"
            out.append(label(chat, question, (), sentences[0], True, [passage], generated=True))
    return [item for item in out if any(item.labels)]
