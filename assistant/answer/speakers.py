"""Who speaks in a quoted first-person sentence: "Our common goal is to create a central point
of contact ... [1]" quoted from an interview is the interviewee's, and "we", "our" only read as
someone's once the answer says whose. The speaker is named after the quote, before its
citation, once per source ("... act on behalf of them (Stéphane Roques, CEO of Medicen Paris
Region) [1]"), from the source's title; the quote still comes first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.retrieval.passage import Passage

# "we", "our", "I", "nous", "notre", "je": the first person (a capital "I" only)
FIRST_PERSON = re.compile(
    r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y|[Nn]ous|[Nn]otre|[Nn]os|[Jj]e)\b|\b[Jj]['’]"
)
# "Interview: Stéphane Roques, CEO of Medicen Paris Region": the title names who answers
INTERVIEWEE = re.compile(
    r"^\s*(?:interview|entretien|q\s*&\s*a)(?:\s+(?:with|avec))?\s*[:\-–—]\s*(.+)$", re.I
)
QUOTED = re.compile(r"(?P<quote>[^\[\]\n]+?)(?P<space>\s*)\[(?P<n>\d+)\]")


def speaker(passage: Passage) -> str:
    """The interviewee an interview's title names, else ""."""
    if passage.metadata.get("type") != "interview":
        return ""
    named = INTERVIEWEE.match(str(passage.metadata.get("title", "")))
    return named.group(1).strip() if named else ""


def attribute(text: str, passages: Sequence[Passage]) -> str:
    """``text`` with the speaker of each first-person quote named once, before its ``[n]``."""
    named: set[int] = set()

    def add(match: re.Match[str]) -> str:
        quote, n = match.group("quote"), int(match.group("n"))
        if n in named or not 1 <= n <= len(passages) or not FIRST_PERSON.search(quote):
            return match.group(0)
        who = speaker(passages[n - 1])
        if not who or who.split(",")[0] in quote:
            return match.group(0)
        named.add(n)
        return f"{quote.rstrip()} ({who}){match.group('space') or ' '}[{n}]"

    return QUOTED.sub(add, text)
