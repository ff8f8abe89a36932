"""A question in two parts ("how many clusters does France have, and how many are strong in
health?", "qui dirige Medicen et depuis quand ?"): the sentence that answers the part the best
sentence leaves, as the fact's second sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.evidence import Evidence
from assistant.answer.spans import answer_span
from assistant.answer.spelling import close_to
from ingest.store.text import tokenize

# a second asking clause joined by "and" / "et": "..., and how many are strong in health?"
SECOND_PART = re.compile(
    r",?\s+(?:and|et)\s+(?=(?:how|what|which|who|when|where|combien|quel\w*|quand|o[uù]|qui)\b)",
    re.IGNORECASE,
)
LOOK = 5  # the sentences after the best that may answer the other part


def parts(question: str) -> tuple[str, str] | None:
    """The question's two asking clauses, or None when it has one (or more than two)."""
    split = SECOND_PART.split(question)
    return (split[0], split[1]) if len(split) == 2 and all(s.strip() for s in split) else None


def _share(terms: set[str], sentence: str) -> float:
    """The share of ``terms`` the sentence holds, one typo off counting ("competitivness")."""
    held = set(tokenize(sentence))
    return sum(1 for t in terms if close_to(t, held)) / len(terms) if terms else 0.0


def other_part(
    question: str, best: Evidence, fits: Sequence[Evidence], near: float
) -> Evidence | None:
    """The sentence, scoring within ``near`` of the best, that holds an answer to the part of a
    two-part question the best sentence answers less (its own terms, those the other part does
    not hold, counted), and as much of that part as the best does; None otherwise."""
    split = parts(question)
    if split is None:
        return None
    own = [set(tokenize(p)) - set(tokenize(q)) for p, q in (split, split[::-1])]
    shares = [_share(terms, best.sentence) for terms in own]
    # the part the best holds less of; either, when it holds as much of both ("5 to 6 very strong
    # competitive clusters in France" of "how many clusters in France, and how many strong ones?")
    left = 0 if shares[0] < shares[1] else 1
    order = [left, 1 - left] if shares[0] == shares[1] else [left]
    for side in order:
        part, terms = split[side], own[side]
        for ev in fits[1 : 1 + LOOK]:
            if ev.score < best.score - near or ev.sentence == best.sentence:
                continue
            if answer_span(part, ev.sentence) and _share(terms, ev.sentence) >= shares[side]:
                return ev
    return None
