"""A part of a group the last answer counted, asked of it ("how many of those were in
Île-de-France?" after "52 projects"): a sentence that gives back only the numbers already said
does not answer it, nor one that counts something else ("four of the world's 15 research bodies
are in Île-de-France"). Shapes only, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.condense import split_context
from assistant.answer.counted_thing import PARTITIVE_COUNT
from assistant.answer.evidence import EvidenceReport
from assistant.answer.messages import DECLINE
from assistant.answer.numbers import stated
from assistant.answer.questions import COUNT_QUESTION
from assistant.answer.said_about import usable
from assistant.answer.value_kinds import holds_value
from ingest.store.text import tokenize

BEST = 5  # the sentences that answer the question best
GROUP_WORDS = set(tokenize("region paris"))  # "the Paris region": the whole, no part of it
# the group taken up whole, then where its part is: "how many of those were in the Paris
# Region?", "combien d'entre eux concernaient l'Île-de-France ?" (not "how many of them are
# pharma groups?": a part it names)
PLACED_PART = re.compile(
    r"\b(?:of|among|d['’]entre|parmi)\s+(?:those|them|these|eux|elles|ceux|celles)\s+"
    r"(?:\w+\s+){0,2}?(?:in|at|to|from|into|based|located|dans|en|à|situ\w*|install\w*|"
    r"implant\w*|concern\w*)\b",
    re.IGNORECASE,
)


def retold_decline(
    asked: str, standalone: str, previous: str, language: str, report: EvidenceReport
) -> str | None:
    """The decline of a count of part of a group (``asked``: "how many of those ...?") when the
    last answer (``previous``) stated numbers and none of the best sentences counts, with
    another number, what the question before counted (in ``standalone``'s context:
    "projects") or, for a part it names, that part; None when the answer may go on."""
    given = stated(previous)
    if not given or not PARTITIVE_COUNT.search(asked):
        return None
    context = split_context(standalone)[1]
    counted = [context] if COUNT_QUESTION.search(context) else []
    if not (counted and PLACED_PART.search(asked)):
        counted.append(asked)
    known, part = given | stated(asked), _part(asked)
    for e in usable(report)[:BEST]:
        new = stated(e.sentence) - known
        if new and any(holds_value("count", e.sentence, c) for c in counted):
            return None
        if part and part <= set(tokenize(e.sentence)) and stated(e.sentence) & given:
            return None  # "how many of those were in France?": all 52 "in France" are
    return DECLINE[language]


def _part(asked: str) -> set[str]:
    """The terms of the part a placed-part question asks ("in France" of "how many of those were
    in France?"); none for another question."""
    found = PLACED_PART.search(asked)
    return set(tokenize(asked[found.end() :])) - GROUP_WORDS if found else set()
