"""Names a locate question joins to the directory's organisations it names: "where do Sanofi
and Bayer have their sites?" names Bayer, which the directory does not hold; answering for
Sanofi alone would pass over it, so the question goes to the passages (and their decline). The
region, France and the directory's towns are no such names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.ellipsis import NAMES
from assistant.answer.organisations import Organisation, squash
from assistant.answer.questions import asking
from assistant.answer.weights import SCOPE
from ingest.store.text import STOPWORDS, fold, tokenize

JOINED = re.compile(r"\s*(?:,|and|et|or|ou|&)?\s*(?:(?:and|et|or|ou)\s+)?", re.IGNORECASE)


def others_named(
    question: str, named: Sequence[Organisation], organisations: Sequence[Organisation]
) -> bool:
    """The asking clauses join to one of ``named`` ("A and B", "A, B et C") a capitalised name
    that is none of them (nor a part of one's name), no town of the directory, not the region."""
    asked = asking(question, told_first=True)[0]
    runs = list(NAMES.finditer(asked))
    joined = [
        (a, b)
        for a, b in zip(runs, runs[1:], strict=False)
        if JOINED.fullmatch(asked[a.end() : b.start()])
    ]
    if not joined:
        return False
    aliases = {alias for org in named for alias in org.aliases()}
    towns = {squash(org.city) for org in organisations if org.city}

    def held(match: re.Match[str]) -> bool:
        words = [w for w in match.group(0).split() if fold(w) not in STOPWORDS]
        run = squash(" ".join(words))
        if not run or set(tokenize(" ".join(words))) <= SCOPE or run in towns:
            return True
        return any(run in alias or alias in run for alias in aliases)

    return any(held(a) != held(b) for a, b in joined)
