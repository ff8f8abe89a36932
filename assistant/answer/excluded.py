"""The names a question leaves out ("Quels instituts ..., à part l'Inserm et le CEA ?"): what is
not asked, taken off before the question retrieves or weighs anything."""

from __future__ import annotations

import re

_NAME = r"[A-ZÀ-Ý][\w\-&’']*(?:\s+[A-ZÀ-Ý][\w\-&’']*)*"
_ARTICLE = r"(?:l['’]|le |la |les |the |du |des |de |d['’])?"
# "à part l'Inserm et le CEA", "besides Medicen and Cap Digital": the names a list leaves out
EXCLUDED = re.compile(
    r"\s*,?\s*(?i:\b(?:à part|a part|hormis|sauf|excepté|excepte|en dehors d['’]?e?|"
    r"autres? que|besides|apart from|other than|except(?: for)?))\s+"
    rf"{_ARTICLE}{_NAME}(?:\s*(?:,|(?i:et|and|ou|or))\s*{_ARTICLE}{_NAME})*"
)


def without_excluded(question: str) -> str:
    """The question without the names it leaves out ("Quels instituts ..., à part l'Inserm et
    le CEA ?" -> "Quels instituts ... ?"): they say what is not asked, so they neither retrieve
    nor weigh."""
    left = EXCLUDED.sub("", question)
    return question if left == question else left.strip(" ,;")
