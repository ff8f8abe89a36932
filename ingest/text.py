"""Text keys shared by the ingestion stages: URL-safe slugs and accent/case folding."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into ASCII ones.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def slugify(text: str, sep: str = "-") -> str:
    """ASCII, lowercase slug: ``"Lab Santé Île-de-France"`` -> ``"lab-sante-ile-de-france"``."""
    folded = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", sep, ascii_text).strip(sep)


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Île-de-France' -> 'ile-de-france'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def ascii_fold(text: str) -> str:
    """:func:`fold` down to plain ASCII words, for matching values from registers:
    ligatures spelled out, ’ as ', other non-ASCII letters dropped, whitespace collapsed:
    ``"Sciences de la Terre et de l’Univers"`` -> ``"sciences de la terre et de l'univers"``."""
    folded = fold(text.translate(_LIGATURES).replace("’", "'"))
    return " ".join(folded.encode("ascii", "ignore").decode("ascii").lower().split())
