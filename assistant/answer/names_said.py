"""Whether the names a question asks about stand in a text, in any of their forms: "does AP-HP
have a hospital in Lyon?" needs Lyon; "the US" is said by "the USA", "Germany" by "German"."""

from __future__ import annotations

import re

from assistant.answer.spelling import spellings
from assistant.answer.weights import SCOPE
from assistant.retrieval.glossary import english_kin
from ingest.store.text import tokenize

STEM = 5  # letters a name and its other form share: "Germany", "German"; "Europe", "European"

# a name after a preposition, where or with whom: "in Lyon", "by the EU", "avec l'Inserm" (not
# who says it: "according to X")
NAME_WORD = re.compile(
    r"\b(?<!according )(?:in|at|to|from|by|with|en|à|au|aux|dans|par|avec)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?(?P<name>(?-i:[A-ZÀ-Þ])[\w'’-]*)",
    re.IGNORECASE,
)


def names_said(question: str, subject: str, window: str) -> bool:
    """Every name a yes/no question puts after a preposition, besides its subject and the
    region's, stands in the window: "does AP-HP have a hospital in Lyon?" is not answered by
    AP-HP's 39 hospitals, nor "is Medicen funded by the EU?" by Medicen's funding."""
    names = " ".join(m.group("name") for m in NAME_WORD.finditer(question))
    asked = set(tokenize(names)) - set(tokenize(subject)) - SCOPE
    present = set(tokenize(window))
    return all(english_kin(spellings({t})) & present or spelt_alike(t, present) for t in asked)


def spelt_alike(term: str, present: set[str]) -> bool:
    """The name, or another form of it, stands in ``present``: "US" and "USA", "Canada" and
    "Canadian", "Germany" and "German" (a shared start; not "GE" for "Germany")."""
    return term in present or any(
        w.startswith(term[:STEM]) or (len(w) >= 2 and term.startswith(w) and len(term) - len(w) < 2)
        for w in present
    )
