"""Misspelt question words read as the passages spell them: a word that is in no English or
French dictionary (``lexicon.py``) and that the corpus never uses ("sumit", "platfrom",
"helath") is read as the word of the retrieved passages it comes close to ("summit", ...), when
one does.

A real word is never corrected ("submit" stays "submit", even beside "summit"), nor a word the
corpus uses (names: "Doctolib"), nor a word close to nothing at hand: it stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from rapidfuzz import fuzz, process

from assistant.answer.lexicon import Lexicon
from ingest.store.text import fold, tokenize, words

CLOSE_ENOUGH = 80.0  # rapidfuzz ratio (0-100) of two words: about one typo in five letters
MIN_CHARS = 5  # shorter words are too easily close to another


def respell(
    text: str, lexicon: Lexicon, known: Callable[[str], bool], vocabulary: Collection[str]
) -> str:
    """``text``, folded, with each misspelt word replaced by the closest word of ``vocabulary``
    (folded words of the passages at hand); ``known`` says whether the corpus uses a term."""
    fixed = fold(text)
    for word in dict.fromkeys(words(fixed)):
        if len(word) < MIN_CHARS or word.isdigit() or any(known(t) for t in tokenize(word)):
            continue
        if lexicon.is_word(word):
            continue
        found = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH)
        if found is not None:
            fixed = re.sub(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", found[0], fixed)
    return fixed
