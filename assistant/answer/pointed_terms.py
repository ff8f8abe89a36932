"""The terms a sentence names only by pointing back ("We are very close to achieving this
target": "target"): they say what the sentence is about, not that it says what it is, so they
do not count toward its coverage of a question ("what's their growth target?")."""

from __future__ import annotations

import re

from ingest.store.text import tokenize

# a noun named by pointing back ("this target", "ce projet"): what it is stands elsewhere ("that"
# is too often a conjunction: "so that investors ...")
POINTING = re.compile(r"\b(?:this|these|those|ce|cet|cette|ces)\s+([\w\-]+)", re.IGNORECASE)


def pointed_only(text: str, context: str = "") -> set[str]:
    """The terms ``text`` names only after "this", "these", "ce" ..., and nowhere else in it or
    in the ``context`` it stands in."""
    pointed = {t for m in POINTING.finditer(text) for t in tokenize(m.group(1))}
    rest = set(tokenize(f"{POINTING.sub(' ', text)} {context.replace(text, ' ')}"))
    return pointed - rest
