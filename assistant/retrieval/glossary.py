"""Query translation for French questions over an English corpus: a small domain glossary.

Tokens are folded and stemmed as :func:`ingest.store.text.tokenize` makes them (no accents, no
plural ``s``). Each French term maps to the English terms a passage would use. Used for BM25
query expansion and for the term coverage of the decline gate; the multilingual embedder does the
rest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.store.text import fold, tokenize

GLOSSARY_PATH = Path(__file__).with_name("glossary.txt")


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """The glossary's lines "french words: english words" (its comments left out)."""
    text = GLOSSARY_PATH.read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def french_words() -> frozenset[str]:
    """The glossary's French words, folded: what a misspelt French word ("filliale") is read
    as."""
    return frozenset(fold(w) for line in _lines() for w in line.partition(":")[0].split())


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    """French token -> English tokens. A part of a hyphenated term ("sante" of "e-sante") is a
    key only where no term of its own defines it: "sante" means health, never "digital"."""
    table: dict[str, list[str]] = {}
    parts: dict[str, list[str]] = {}
    for line in _lines():
        french, _, english = line.partition(":")
        targets = tokenize(english)
        for word in french.split():
            keys = tokenize(word) or [word]
            for key, into in [(keys[0], table), *((k, parts) for k in keys[1:])]:
                into.setdefault(key, [])
                into[key].extend(t for t in targets if t not in into[key])
    return {**parts, **table}


# French phrases whose words mean something else one by one: a "directeur général" is the CEO,
# no president nor general
PHRASES = re.compile(
    r"\b(?:pr[ée]sident[- ])?(?:directeur|directrice)\s+g[ée]n[ée]rale?\b|\bp-?dg\b", re.IGNORECASE
)


def translate_phrases(text: str) -> str:
    """French text with its phrases read as their English word ("directeur général": CEO)."""
    return PHRASES.sub("CEO", text)


def translate_terms(terms: list[str]) -> list[str]:
    """French tokens -> English tokens (unknown tokens, e.g. names, pass through)."""
    table = _table()
    out: list[str] = []
    for term in terms:
        for target in table.get(term, [term]):
            if target not in out:
                out.append(target)
    return out


@lru_cache(maxsize=1)
def _english_kin() -> dict[str, set[str]]:
    """English token -> the English tokens one French term of the glossary also stands for
    ("objectif": goal aim target ambition)."""
    kin: dict[str, set[str]] = {}
    for line in _lines():
        group = set(tokenize(line.partition(":")[2]))
        for term in group:
            kin.setdefault(term, set()).update(group)
    return kin


def english_kin(terms: set[str]) -> set[str]:
    """The terms with the English words the glossary gives for the same French term: "target"
    reads as "ambition" or "goal" too."""
    kin = _english_kin()
    return {*terms, *(k for t in terms for k in kin.get(t, ()))}
