"""The kinds of organisation a partner question seeks ("which incubators could host me?",
"big companies that I could partner with?", "who could put me in touch?")."""

from __future__ import annotations

import re

from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.partner_shapes import INTRODUCE, RELATIVE
from assistant.answer.places import kinds_named
from assistant.answer.seeking import SUPPORTS

GO_BETWEEN = ("network", "cluster", "incubator", "public-body")  # the kinds that introduce
BIG = re.compile(
    r"\b(big|large|major|established|grands?|grandes|gros)\s+(\w+\s+)?(compan(y|ies)|firms?|"
    r"groups?|entreprises?|groupes|industriels|sociétés|societes)\b",
    re.IGNORECASE,
)


def sought_kinds(question: str) -> tuple[str, ...]:
    """The kinds of organisation a partner question seeks: its head noun ("which incubators
    could host me?"), else the noun before a relative clause ("big companies ... that I could
    partner with?"); () for any kind."""
    if INTRODUCE.search(question) or SUPPORTS.search(question):
        return GO_BETWEEN  # "who could put me in touch?", "an organisation that supports..."
    kinds = asked_kinds(question)
    relative = RELATIVE.search(question)
    if not kinds and relative:
        kinds = kinds_named(question[: relative.start()])
    if BIG.search(question):  # "big companies": groups, not start-ups
        kinds = tuple(k for k in kinds if "startup" not in k)
    return () if "*" in kinds else kinds
