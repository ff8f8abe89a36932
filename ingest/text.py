"""Text keys shared by the ingestion stages: URL-safe slugs and accent/case folding."""

from __future__ import annotations

import re
import unicodedata

# Control characters a terminal acts on (escape sequences, bells, 8-bit CSI): the spacing ones
# become a space, the others go; tab and newline stay.
_SPACING_CONTROLS = re.compile("[\r\x0b\x0c\x1c-\x1f\x85]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

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


def printable(text: str) -> str:
    """``text`` without C0 (but tab and newline), DEL and C1 control characters: a page whose
    title holds ``"\\x1b]0;pwned\\x07"`` never drives the terminal that shows it."""
    return _CONTROLS.sub("", _SPACING_CONTROLS.sub(" ", text.replace("\r\n", "\n")))
