"""An organisation a question describes rather than names: "where is the high-field
neuroimaging centre?" is about the one organisation of the directory whose own words (its name,
kind, fields and description) hold every word the question describes it with."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.organisations import Organisation
from assistant.answer.questions import asking
from assistant.answer.where import UNITS, WORD, frames
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import detect_language, fold, tokenize

MIN_WORDS = 2  # one word ("the cancer institute") describes too many to pick one


def described_subject(question: str, organisations: Sequence[Organisation]) -> list[Organisation]:
    """The one organisation whose own words hold every content word of the clause that asks
    (a French word read in English too: "neuroimagerie"), when the question describes it with
    at least two; [] when it describes none or several."""
    asked = asking(question)[0]
    words = [fold(w) for w in WORD.findall(asked)]
    content = [w for w in words if not frames(w) and w not in UNITS]
    terms = [t for w in content for t in tokenize(w)]
    if len(set(terms)) < MIN_WORDS:
        return []
    french = detect_language(question) == "fr"
    fits = [o for o in organisations if _held(o, terms, french, described=True) == len(terms)]
    if len(fits) < 2:
        return fits
    # a parent's description may name its unit's field ("the CEA's high-field neuroimaging
    # center"): the one whose own fields hold the most of them, when only one does
    by_fields = [_held(o, terms, french) for o in fits]
    best = max(by_fields)
    return [fits[by_fields.index(best)]] if by_fields.count(best) == 1 else []


def _held(org: Organisation, terms: list[str], french: bool, described: bool = False) -> int:
    """How many of the terms the organisation's name, kind and fields (and, when
    ``described``, its description) hold, a French term also by its English."""
    own = set(tokenize(org.own_text(described)))
    return sum(1 for t in terms if t in own or (french and set(translate_terms([t])) & own))
