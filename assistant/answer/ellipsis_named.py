"""An elliptic follow-up that names an organisation or a place of the directory takes the place
of the previous question's own organisation or place, never a term of the other sort: "and
lilly?" after "Where is AstraZeneca based in France?" asks where Lilly is based, not "Lilly of
France". An organisation named after a question about a place ("What about Roche?" after "Which
pharma groups are in Rueil-Malmaison?") asks where that organisation is."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.answer.organisations import squash
from ingest.store.text import fold

if TYPE_CHECKING:  # the gazetteer reads places, which read partners: no import at run time
    from assistant.answer.gazetteer import Gazetteer

WORD = re.compile(r"[\w&\-]+")
MAX_WORDS = 5  # the longest name looked up, in words (as the gazetteer does)


def restate_named(name: str, question: str, previous: str, known: Gazetteer | None) -> str | None:
    """The previous question with ``name`` (what the elliptic ``question`` names) in the place
    of its own organisation or place of the same sort; where the organisation is, when the
    previous question names a place only; None when ``name`` is neither (or both) or the
    previous question has no slot for it."""
    if known is None:
        return None
    french = bool(re.match(r"\s*(et|quid|qu)\b", question, re.IGNORECASE))
    organisation = squash(name) in known.names
    place = fold(name) in known.places
    if organisation == place:
        return None
    if organisation:
        own = known.by_alias[squash(name)][0].name
        span = _last_run(previous, lambda run: squash(run) in known.names)
        if span:
            return f"{previous[: span[0]]}{own}{previous[span[1] :]}"
        if known.places_in(previous):
            return f"Où se trouve {own} ?" if french else f"Where is {own}?"
        return None
    span = _last_run(previous, lambda run: fold(run) in known.places)
    if not span:
        return None
    typed = name if not name.islower() else " ".join(w[:1].upper() + w[1:] for w in name.split())
    return f"{previous[: span[0]]}{typed}{previous[span[1] :]}"


def _last_run(text: str, fits: Callable[[str], bool]) -> tuple[int, int] | None:
    """The span of the last run of up to five words of ``text`` that ``fits`` (the longest
    at a word first)."""
    words = list(WORD.finditer(text))
    found = None
    i = 0
    while i < len(words):
        for j in range(min(i + MAX_WORDS, len(words)), i, -1):
            if fits(text[words[i].start() : words[j - 1].end()]):
                found = (words[i].start(), words[j - 1].end())
                i = j - 1
                break
        i += 1
    return found
