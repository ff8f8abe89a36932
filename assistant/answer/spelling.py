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
from rapidfuzz.distance import OSA

from assistant.answer.lexicon import Lexicon
from assistant.answer.roles import ROLE_WORDS
from ingest.store.text import detect_language, fold, tokenize, words

CLOSE_ENOUGH = 80.0  # rapidfuzz ratio (0-100) of two words: about one typo in five letters
MIN_CHARS = 5  # shorter words are too easily close to another


def respell(
    text: str, lexicon: Lexicon, known: Callable[[str], bool], vocabulary: Collection[str]
) -> str:
    """``text``, folded, with each misspelt word replaced by the closest word of ``vocabulary``
    (folded words of the passages at hand); ``known`` says whether the corpus uses a term."""
    fixed = fold(text)
    # a name typed without its hyphen or dot: "aphp" is "ap-hp", "terresante" "terr-esante"
    # (not a compound of words, "startups", which the corpus's terms already read)
    joined = {
        re.sub(r"[^\w]", "", v): v
        for v in vocabulary
        if re.search(r"\w[-.]\w", v)
        and not any(len(p) > 2 and lexicon.is_word(p) for p in re.split(r"[-.]", v))
    }
    for word in dict.fromkeys(words(fixed)):
        if word in joined:  # (the joined form may be known: "aphp.fr")
            fixed = re.sub(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", joined[word], fixed)
            continue
        if len(word) < MIN_CHARS or word.isdigit() or any(known(t) for t in tokenize(word)):
            continue
        if lexicon.is_word(word):
            continue
        found = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH)
        if found is not None:
            fixed = re.sub(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", found[0], fixed)
    return fixed


def close_to(term: str, terms: Collection[str]) -> bool:
    """``term`` is one of ``terms`` or, long enough, one typo in five letters from one
    ("establishmnt" and "establish")."""
    if term in terms:
        return True
    if len(term) < MIN_CHARS:
        return False
    return process.extractOne(term, terms, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH) is not None


# the words that ask, whose typos change what kind of answer is wanted ("wher is doctolib?")
ASKING_WORDS = (
    "what which who whom whose where when why how quel quelle quels quelles qui quoi quand "
    "comment pourquoi combien"
).split()
# the verbs that ask the assistant to act, whose typos turn a request into a question
ACTING_WORDS = "register book schedule arrange introduce subscribe submit apply enrol".split()
# what an errand is about, wherever it stands ("get me an appoitment with ..."): its typos too
ERRAND_WORDS = "appointment meeting reservation introduction invitation registration".split()


def spell_asking(text: str, lexicon: Lexicon) -> str:
    """``text`` with each word that is in no dictionary and one typo (a letter missing, added,
    changed or two swapped) away from a word that asks, that names the role asked or an errand
    ("an appoitment") or, leading the message, that asks the assistant to act ("regster my
    startup"), read as that word:
    "wher is doctolib based" -> "where is doctolib based", "wich clusters" -> "which clusters",
    "the presdient of" -> "the president of"."""
    fixed = text
    for word in dict.fromkeys(re.findall(r"[^\W\d_]{2,}", text)):
        low = fold(word)
        first = re.match(rf"\W*{re.escape(word)}\b", text) is not None  # an imperative leads
        known = (*ASKING_WORDS, *ROLE_WORDS, *ERRAND_WORDS, *(ACTING_WORDS if first else ()))
        if low in known or lexicon.is_word(low):
            continue
        close = [w for w in known if OSA.distance(low, w) <= 1 and len(w) > 2]
        if len(close) > 1:  # "wher": "where" holds its letters, "when" does not
            close = [w for w in close if set(low) <= set(w)]
        if len(close) == 1:
            fixed = re.sub(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", close[0], fixed)
    return fixed


def restore_accents(text: str, lexicon: Lexicon) -> str:
    """A French ``text`` typed without accents read with them ("medclinik a ete creee en quelle
    annee ?" -> "... a été créée en quelle année ?"), so that the shapes of questions written
    with accents read it; a word that is a word as typed ("ou", "a") stays. Other text as is."""
    if detect_language(text) != "fr":
        return text

    def accent(match: re.Match[str]) -> str:
        word = match.group(0)
        return lexicon.accented(word) if word.islower() else word

    return re.sub(r"(?<![\w'’-])[a-z]+(?![\w'’-])", accent, text)


def read_as_meant(text: str, lexicon: Lexicon) -> str:
    """``text`` with its French accents restored and the typos of its asking words fixed."""
    return spell_asking(restore_accents(text, lexicon), lexicon)


def spellings(terms: Collection[str]) -> set[str]:
    """The stems and their other spelling, British or American: a stem that ends in a consonant
    and "r" ("centr", of "centre") also reads as "-er" ("center", of "centers")."""
    return {*terms, *(re.sub(r"([^aeiouy])r$", r"\1er", t) for t in terms)}


FAMILY = 7  # letters two long words share at their start to be of one family


def kin_in(term: str, present: Collection[str], starts: Collection[str]) -> bool:
    """``term`` is one of ``present`` or, long enough, of the same family as one: they share
    their first seven letters ("ultrasound" and "ultrasonography", "neuroimaging" and
    "neuroimagerie"); ``starts``: those of ``present``'s words (:func:`family_starts`)."""
    return term in present or (len(term) >= FAMILY and term[:FAMILY] in starts)


def family_starts(present: Collection[str]) -> set[str]:
    """The first seven letters of each long word of ``present``: a word's family."""
    return {p[:FAMILY] for p in present if len(p) >= FAMILY}
