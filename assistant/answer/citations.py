"""Cite: the one pattern of a citation ``[n]``, and repairing the citations of an answer."""

from __future__ import annotations

import re

CITATION = re.compile(r"\[(\d{1,3})\]")


def repair_citations(text: str, shown: int) -> tuple[str, list[int]]:
    """Drop citations of passages that were not shown; returns the text and the cited numbers."""
    cited: list[int] = []

    def keep(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 1 <= n <= shown:
            if n not in cited:
                cited.append(n)
            return match.group(0)
        return ""

    repaired = CITATION.sub(keep, text)
    return re.sub(r"[ \t]+([.,])", r"\1", re.sub(r"[ \t]{2,}", " ", repaired)).strip(), cited


def cited_text(answer: str, n: int) -> str:
    """What the answer says with citation ``[n]``: the text before each ``[n]``, back to the
    previous citation or line."""
    parts = []
    start = 0
    for match in CITATION.finditer(answer):
        if int(match.group(1)) == n:
            segment = answer[start : match.start()].rsplit("\n", 1)[-1]
            parts.append(segment)
        start = match.end()
    return " ".join(parts)


def cited_sentence(answer: str, n: int, sentences: list[str]) -> str:
    """The sentence of passage ``n`` that the answer used: the one sharing the most words with
    what the answer says with ``[n]``; "" when none shares at least half of its words."""
    said = set(_WORDS.findall(cited_text(answer, n).lower()))
    best, best_share = "", 0.5
    for sentence in sentences:
        words = set(_WORDS.findall(sentence.lower()))
        if not words:
            continue
        share = len(words & said) / len(words)
        if share > best_share:
            best, best_share = sentence, share
    return best


_WORDS = re.compile(r"\w{3,}")
