"""The question's terms and their weights, which the evidence's coverage features add up.

A term weighs its IDF in the corpus (rare words count most). A term the corpus never uses weighs
the most, unless it is a misspelling of a word of the passages at hand (``spelling.py``); an
untranslated French word counts half (it may simply be French). French questions go through the
glossary first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from rapidfuzz import fuzz, process

from assistant.answer.lexicon import Lexicon
from assistant.answer.spelling import respell
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import fold, tokenize

MIN_WEIGHT = 0.05
# words that frame a question's time or precision, not what it asks about ("Roughly how many
# members ... today?", "... at the moment?", "Qui est à la tête de X aujourd'hui ?", "c'est où
# exactement ?"): they weigh nothing, as stopwords do
FRAMING = frozenset(
    tokenize(
        "today now nowadays currently moment exactly roughly approximately aujourd'hui "
        "actuellement maintenant exactement approximativement"
    )
)


# a capitalised word ("Genopole", "Évry"), not an acronym ("MRI", "CRO": common nouns too)
NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*(?![\w'’-])")
CLOSE_ENOUGH = 80.0  # rapidfuzz ratio of a misspelt name to a word of the passages


class TermWeigher:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.idf: Mapping[str, float] = {}
        self.lexicon = lexicon or Lexicon()
        self._everyday_stems: frozenset[str] | None = None

    def weights(
        self, text: str, language: str, vocabulary: Collection[str] = ()
    ) -> dict[str, float]:
        """Each term of ``text`` (stemmed) and its weight; ``vocabulary``: the folded words of
        the passages at hand, which a misspelt word is read as."""
        if vocabulary and self.idf:
            text = respell(text, self.lexicon, self.idf.__contains__, vocabulary)
        terms = [t for t in tokenize(text) if t not in FRAMING]
        if language == "fr":
            terms = [self.cognate(t) for t in translate_terms(terms)]
        if not self.idf:
            return dict.fromkeys(terms, 1.0)
        top = max(self.idf.values())
        out: dict[str, float] = {}
        for term in terms:
            known = self.idf.get(term)
            if known is None:
                known = top * (0.5 if language == "fr" else 1.0)
            out[term] = max(known, MIN_WEIGHT)
        return out

    def cognate(self, term: str) -> str:
        """A French term the corpus does not use read as the English word it shares a stem
        with, once its agreement ending is off ("internationales" -> "international"); else
        as is."""
        if not self.idf or term in self.idf:
            return term
        for form in (term, re.sub(r"(?:es|e|s)$", "", term)):
            found = next((t for t in tokenize(form) if t in self.idf), None)
            if found is not None:
                return found
        return term

    def unknown_share(
        self, weights: Mapping[str, float], language: str = "en", names: Collection[str] = ()
    ) -> float:
        """The share of the question's terms that the corpus never uses; in French, untranslated
        everyday words ("à la tête de", "j'aimerais savoir") are left out: that the English
        corpus does not use them says nothing. A name the sources never mention (``names``:
        :meth:`unknown_names`) makes the question wholly unknown: they cannot answer about it."""
        if names:
            return 1.0
        if not weights or not self.idf:
            return 0.0
        everyday = self.everyday_terms(weights, language)
        terms = [t for t in weights if t not in everyday]
        return sum(1 for t in terms if t not in self.idf) / len(terms) if terms else 0.0

    def unknown_names(self, asked: str, vocabulary: Collection[str] = ()) -> list[str]:
        """The names a question asks about that the sources know nothing of ("Which companies
        are at the Genopole in Évry?"): a capitalised word past the start of a sentence that
        the corpus never uses, that no dictionary holds and that is not a misspelling of a
        word of the passages at hand (``vocabulary``)."""
        out = []
        for match in NAME.finditer(asked) if self.idf else ():
            name, before = match.group(0), asked[: match.start()].rstrip()
            if not before or before[-1] in ".?!:;" or self.lexicon.is_word(fold(name)):
                continue
            if any(t in self.idf for t in tokenize(name)):
                continue
            close = process.extractOne(fold(name), vocabulary, scorer=fuzz.ratio)
            if close is None or close[1] < CLOSE_ENOUGH:
                out.append(name)
        return out

    def everyday_terms(self, weights: Mapping[str, float], language: str) -> set[str]:
        """The terms of a French question that the corpus does not use and that are everyday
        French ("tête", "c'était", "déjà"): untranslated, they say nothing of what is asked."""
        if language != "fr" or not self.idf:
            return set()
        everyday = self._everyday()
        return {t for t in weights if t not in self.idf and t in everyday}

    def _everyday(self) -> frozenset[str]:
        """The stems of the lexicon's everyday French words."""
        if self._everyday_stems is None:
            words = " ".join(self.lexicon.everyday_french())
            self._everyday_stems = frozenset(tokenize(words))
        return self._everyday_stems
