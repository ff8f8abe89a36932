"""General English and French: which words exist (pyspellchecker's word lists, accents folded
since users often leave them out), loaded on first use (under a second). A word in neither
that the corpus does not use either is probably misspelt (``spelling.py``). The most frequent
French words are everyday language: an English corpus not using one of them ("tête", "savoir")
says nothing of whether it covers the question (``weights.py``)."""

from __future__ import annotations

EVERYDAY_FRENCH = 3000  # the most frequent words of pyspellchecker's French list
COMMON = 8000  # the most frequent words of either list: "nice", "reading", not "boston"


class Lexicon:
    def __init__(self) -> None:
        self._words: frozenset[str] | None = None
        self._everyday: frozenset[str] | None = None
        self._common: frozenset[str] | None = None
        self._french: frozenset[str] | None = None
        self._accented: dict[str, str] | None = None
        self._counts: dict[str, dict[str, int]] = {}  # language -> word -> frequency
        self._rankings: dict[str, list[str]] = {}  # language -> words, most frequent first

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (folded) is an English or a French word."""
        if self._words is None:
            from ingest.store.text import fold

            self._words = frozenset(
                word if word.isascii() else fold(word)
                for language in ("en", "fr")
                for word in self._frequencies(language)
            )
        return word in self._words

    def everyday_french(self) -> frozenset[str]:
        """The ``EVERYDAY_FRENCH`` most frequent French words, accents folded."""
        if self._everyday is None:
            from ingest.store.text import fold

            self._everyday = frozenset(fold(w) for w in self._ranked("fr")[:EVERYDAY_FRENCH])
        return self._everyday

    def french(self, word: str) -> bool:
        """Whether ``word`` (lower case, accents folded or not) is a French word: "palmarès",
        "tours", "porto" are; the cities "lyon", "boston" are not."""
        from ingest.store.text import fold

        if self._french is None:
            self._french = frozenset(fold(w) for w in self._frequencies("fr"))
        return fold(word) in self._french

    def common(self, word: str) -> bool:
        """Whether ``word`` (lower case) is one of the ``COMMON`` most frequent English or
        French words: "in reading" reads a word, "in boston" names a city."""
        if self._common is None:
            from ingest.store.text import fold

            self._common = frozenset(
                fold(w) for language in ("en", "fr") for w in self._ranked(language)[:COMMON]
            )
        return word in self._common

    def ordinary(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a word rather than a name: one of the most frequent
        English or French words, or any French word ("reading", "palmarès", "pôles"; not
        "boston", "medicon")."""
        return self.common(word) or self.french(word)

    def accented(self, word: str) -> str:
        """The French spelling of ``word`` (lower case) typed without its accents ("annee" ->
        "année", "creee" -> "créée"), the most frequent one; ``word`` itself when it is already
        a word as typed ("ou", "a", "the") or no accented word folds to it."""
        if self._accented is None:
            from ingest.store.text import fold

            exact = set(self._frequencies("fr")) | set(self._frequencies("en"))
            accented: dict[str, str] = {}
            for spelt in self._ranked("fr"):
                plain = fold(spelt)
                if plain != spelt and plain not in exact:
                    accented.setdefault(plain, spelt)
            self._accented = accented
        return self._accented.get(word, word)

    def _ranked(self, language: str) -> list[str]:
        """The words of ``language``, most frequent first, sorted once."""
        if language not in self._rankings:
            counts = self._frequencies(language)
            self._rankings[language] = sorted(counts, key=lambda w: -counts[w])
        return self._rankings[language]

    def _frequencies(self, language: str) -> dict[str, int]:
        """pyspellchecker's word list for ``language`` and each word's frequency, read once."""
        if language not in self._counts:
            from spellchecker import SpellChecker

            checker = SpellChecker(language=language, distance=1)
            self._counts[language] = dict(checker.word_frequency.dictionary)
        return self._counts[language]
