"""A comparison with a side the sources never name: "how does the Paris Region compare with
Basel for pharma?", "is Doctolib bigger than Qare?". Whatever they say of the other side, they
say nothing of that one, so nothing compares the two: the question is declined, saying which
side the sources do not cover.

A side is what follows the words that compare ("compare with", "stack up against", "versus",
"than", "par rapport à", "plus ... que"), up to what the two are compared on ("for", "on", "in
terms of"); it is uncovered when it holds a name (a capitalised word, not the message's first)
that no passage of the corpus uses; a lower-case word may be a typo. Shapes and the corpus's
words only, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.answer.messages import DECLINE, UNCOVERED
from ingest.store.text import tokenize

# the other side of a comparison, up to what the two are compared on
SIDE = re.compile(
    r"\b(?:compar\w*\b|stacks? up\b|measures? up\b|versus\b|vs\b\.?|par rapport\b|"
    r"(?<!rather )than\b|(?:plus|moins|mieux|meilleure?s?|pire)\b[^?.;!,]{0,40}?\bque\b)\s*"
    r"(?:with|to|against|avec|à|a|au|aux|in|at|en|dans)?\s+"
    r"(?P<side>[^?.;!,]*?)(?=\s+(?:for|on|in terms of|regarding|when it comes to|pour|sur|"
    r"en termes de|en mati[èe]re de|concernant)\b|[?.;!,]|$)",
    re.IGNORECASE,
)
NAME = re.compile(r"[^\W\d_][\w'’&-]*")


def uncovered_side(question: str, known: Collection[str]) -> str:
    """The name on the other side of a comparison that the corpus never uses ("Basel"), else
    ""."""
    first = NAME.search(question)
    for match in SIDE.finditer(question):
        for word in NAME.finditer(match.group("side")):
            start = match.start("side") + word.start()
            text = word.group(0)
            if not text[0].isupper() or (first and start == first.start()):
                continue
            terms = tokenize(text)
            if terms and not any(t in known for t in terms):
                return text
    return ""


def compared_decline(question: str, language: str, known: Collection[str]) -> str | None:
    """The decline of a comparison with a side the sources never name, saying so; None when
    the answer may go on (or when no corpus vocabulary is at hand)."""
    side = uncovered_side(question, known) if known else ""
    if not side:
        return None
    return f"{DECLINE[language]} {UNCOVERED[language].format(side=side)}"
