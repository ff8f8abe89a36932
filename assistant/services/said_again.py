"""Whether the fact composed after the directory's line says more than it: "where is X held,
and when?" gets the entry's where line, then "held ... on 15-16 March 2018" from the same entry;
"where is X?" does not get "X is an event in Paris 75002" said again."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.citations import CITATION
from ingest.store.text import tokenize

REPEATS = 0.6  # the share of the fact's terms the line already holds when it says the line again


def repeats(composed: str, line: str, more: Sequence[int], cited: Sequence[int]) -> bool:
    """The fact composed after the directory's line cites only what the line cites (``more``
    within ``cited``) and says it again, not another part the question asks."""
    said, told = set(tokenize(CITATION.sub("", composed))), set(tokenize(line))
    return set(more) <= set(cited) and len(said & told) >= REPEATS * len(said)
