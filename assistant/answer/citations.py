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
