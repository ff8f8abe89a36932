"""Language-light text helpers shared by ingestion, retrieval and answering (English and French):
keys (URL-safe slugs, accent and case folding), printable text, tokens, stems, sentences."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

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


@lru_cache(maxsize=8192)  # the same names and sentences are folded again for every question
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


STOPWORDS_EN = set(
    """
    a about above after again all also am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom whose why will with would you your yours yourself yourselves tell give
    list name named please know many much one ones get got
    """.split()
)
STOPWORDS_FR = set(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en est et eux il ils je la le les
    leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que quel
    quelle quelles quels qui sa sans se ses son sont sur ta te tes toi ton tu un une vos votre
    vous y l d s n c j m t est-ce combien comment quand pourquoi quoi dont ete etre avoir ont
    fait faire peut peuvent y-a-t-il il-y-a donne donnez citez dites liste
    peux pouvez pourrais pourriez pourrait lister listez citer cite nommer nommez nomme enumerer
    enumerez
    """.split()
)
STOPWORDS = STOPWORDS_EN | STOPWORDS_FR
FR_MARKERS = {
    "le",
    "la",
    "les",
    "des",
    "du",
    "une",
    "est",
    "sont",
    "qui",
    "que",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "combien",
    "pourquoi",
    "comment",
    "dans",
    "pour",
    "avec",
    "sur",
    "au",
    "aux",
    "ou",
    "où",
    "et",
    "en",
    "l",
    "d",
    "qu",
    "ce",
    "cette",
    "il",
    "elle",
    "ils",
    "nous",
    "vous",
    "leur",
    "y",
    "a-t-il",
    "sont-ils",
    "est-ce",
    # short questions typed without accents: "medxperience c'etait quand deja ?"
    "de",
    "je",
    "tu",
    "un",
    "c",
    "j",
    "quand",
    "quoi",
    "deja",
    "déjà",
    "etait",
    "était",
    "ça",
    "ca",
    "peux",
    "pouvez",
    "veux",
    # a follow-up that asks which, in French only: "lesquels exactement ?"
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "exactement",
}
EN_MARKERS = {
    "the",
    "is",
    "are",
    "what",
    "which",
    "who",
    "how",
    "why",
    "when",
    "where",
    "of",
    "in",
    "and",
    "for",
    "with",
    "does",
    "do",
    "did",
    "was",
    "were",
    "there",
    "their",
    "a",
    "an",
    "to",
    "it",
    "he",
    "she",
    "they",
}

_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
# a sentence glued to the next by a lost line break: "in 2016.Another way"
_GLUED = re.compile(r"(?<=[a-z0-9][.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2})")
# a stray second period: "synergies. .", "synergies.." (an ellipsis "..." is kept)
_DOUBLE_PERIOD = re.compile(r"(?<![.])\.(\s*\.)(?![.])")
_PARAGRAPH = re.compile(r"\n\s*\n")


TOKENIZER_VERSION = "2"  # part of the key of anything cached from tokens (the BM25 index)


# The snowball stemmer and the pysbd segmenter keep the word or text they are working on in an
# attribute: one shared by the app's answering threads mixes their inputs up (a wrong stem, a
# dropped sentence, an IndexError). Each thread gets its own.
_PER_THREAD = threading.local()


def _english_stemmer() -> Any:
    stemmer = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Snowball's English stemmer ('establishments' and 'established' -> 'establish').

    The corpus is mostly English; French words go through the same function on both sides
    (queries and passages), so they still match each other, and the glossary maps them to the
    English stems.
    """
    if token.isdigit() or len(token) <= 3:
        return token
    return str(_english_stemmer().stemWord(token))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def tokenize(text: str) -> list[str]:
    """Folded, stemmed content words (for BM25 and term overlap)."""
    tokens = []
    for raw in words(fold(text)):
        for part in re.split(r"['’]", raw):
            part = part.strip("-")
            if not part or part in STOPWORDS or (len(part) < 2 and not part.isdigit()):
                continue
            tokens.append(stem(part))
            if "-" in part:  # 'ile-de-france' also counts as 'ile', 'france'
                tokens.extend(stem(p) for p in part.split("-") if p and p not in STOPWORDS)
    return tokens


def _segment(line: str) -> list[str]:
    """pysbd's sentences for one line (with this thread's segmenter)."""
    segmenter = getattr(_PER_THREAD, "segmenter", None)
    if segmenter is None:
        import pysbd

        segmenter = _PER_THREAD.segmenter = pysbd.Segmenter(language="en", clean=False)
    return [str(segment) for segment in segmenter.segment(line)]


def clean_sentence(text: str) -> str:
    """One line, without a doubled final period."""
    return _DOUBLE_PERIOD.sub(".", " ".join(text.split()))


@lru_cache(maxsize=8192)
def _split_line(line: str) -> tuple[str, ...]:
    out: list[str] = []
    for segment in _segment(line):
        piece = " ".join(segment.split())
        # a closing quote pysbd left at the start of the next sentence belongs to this one
        while out and piece and piece[0] in '"”’»)':
            out[-1] += piece[0]
            piece = piece[1:].strip()
        if piece:
            out.append(piece)
    return tuple(out)


def split_sentences(text: str) -> list[str]:
    """Sentences, by pysbd's rules (abbreviations such as Dr., St., e.g., Inc.; decimal
    numbers), after repairing what the seed text lost: a line break between two sentences
    ("2016.Another") and doubled periods ("synergies. .")."""
    sentences: list[str] = []
    for line in re.split(r"\n+", text):
        line = clean_sentence(_GLUED.sub(" ", line))
        if not line:
            continue
        sentences.extend(s for s in _split_line(line) if len(s) >= 3)
    return sentences


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH.split(text) if p.strip()]


def is_heading(paragraph: str) -> bool:
    """A paragraph that announces rather than states: a heading ("About MedXperience"), a tag
    line, a byline; short and without a sentence's final punctuation."""
    text = " ".join(paragraph.split())
    return len(text.split()) <= 8 and not text.endswith(
        ("?", ".", "!", "…", ":", ";", '"', "”", "»")
    )


def detect_language(text: str) -> str:
    """'fr' or 'en' from function words and accents; English when unsure."""
    tokens = [t.lower() for t in re.findall(r"[\w'’\-&]+", text)]  # "r&d" is no French "d"
    expanded: list[str] = []
    for token in tokens:
        expanded.extend(p for p in re.split(r"['’]", token) if p)
    fr = sum(1 for t in expanded if t in FR_MARKERS)
    en = sum(1 for t in expanded if t in EN_MARKERS)
    fr += sum(1 for ch in text if ch in "éèêàùçôîû") // 2
    if re.search(r"\b(qu|l|d)['’]", text.lower()):
        fr += 1
    return "fr" if fr > en else "en"
