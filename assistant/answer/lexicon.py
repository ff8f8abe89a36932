"""General English and French: which words exist (pyspellchecker's word lists, accents folded
since users often leave them out), loaded on first use (under a second). A word in neither
that the corpus does not use either is probably misspelt (``spelling.py``)."""

from __future__ import annotations


class Lexicon:
    def __init__(self) -> None:
        self._words: frozenset[str] | None = None

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (folded) is an English or a French word."""
        if self._words is None:
            self._words = frozenset(self._load())
        return word in self._words

    @staticmethod
    def _load() -> set[str]:
        from spellchecker import SpellChecker

        from ingest.store.text import fold

        known: set[str] = set()
        for language in ("en", "fr"):
            for word in SpellChecker(language=language, distance=1).word_frequency:
                known.add(word if word.isascii() else fold(word))
        return known
