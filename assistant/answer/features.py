"""The general features of a (question, sentence) pair that the sentence model weighs: how
similar the embedder finds them, how much of the question's weight (IDF: rare words count most)
the sentence holds and whether it holds the question's rarest word, whether it holds the kind
of answer asked for (a place, a name, a number, a date, an amount), and where it stands (after
an interviewer's question, in a directory entry, repeating the previous answer).

No feature is about one question: each is a measurement any question has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.answer.gazetteer import Gazetteer
from assistant.answer.merits import asks_merits, holds_merit
from assistant.answer.numbers import figures_of_words
from assistant.answer.places import VENUE
from assistant.answer.questions import (
    CLAUSE_END,
    COUNT_QUESTION,
    DATE_ASKED,
    SHARE,
    SHARE_QUESTION,
    URL,
    WEBSITE_QUESTION,
    WHEN_QUESTION,
    YEAR_QUESTION,
    answer_type_fits,
    names_in,
)
from assistant.answer.spans import (
    DATE_PHRASE,
    NAMES_ASKED,
    NUMBER_PHRASE,
    WHERE,
    WHO,
    answer_span,
)
from ingest.store.text import fold, tokenize

# the features in the order of the model's weights (assistant/answer/sentence_model.json)
FEATURES = (
    "dense",  # cosine of the question and the sentence (the embedder)
    "coverage",  # IDF-weighted share of the question's terms the sentence (and context) holds
    "rarest",  # the share of the question's two rarest terms' weight the sentence holds
    "typed_fit",  # the question asks for a kind of answer and the sentence holds one
    "typed_miss",  # it asks for one and the sentence holds none
    "names",  # the names the question holds (Inserm, SUMIL) all stand in the sentence
    "prompted",  # it answers an interviewer's question (1 / its place in the reply), and its
    # dense and coverage are then at least the interviewer's question's
    "directory",  # the sentence is from a directory entry
    "repeat",  # half or more of its terms repeat the previous answer
)


# how much, or how big something is: a size is a number ("How big is Medicen?": its members)
HOW_MUCH = re.compile(  # "combien de temps" is "how long": a span, no number asked
    r"\b(how much|combien(?!\s+de\s+temps\b)|how (big|large)|what size|quelle taille|"
    r"(quelle|la) taille de)\b",
    re.IGNORECASE,
)
# "where" or "où" closing the question: "c'est où ?", "the summit was where?"; or the noun
# of a place closing a terse question after a name: "servier new r&d center location?" (not a
# statement: "... before we pick a location.", nor "is Saclay a good location?")
WHERE_LAST = re.compile(
    r"\b(where|o[uù])(\s+(exactly|exactement|donc))?\s*[?!.]*\s*$|"
    r"^(?!.*\b(how|why|what|which|is|are|was|good|best|great|ideal|attractive|right|your|my|our|"
    r"a|an|the)\b)\s*([\w'’&.\-]+\s+){1,5}(location|localisation|emplacement)\s*\?+\s*$",
    re.IGNORECASE,
)

# a place asked by its noun, wherever it stands: "at which location?", "dans quel lieu ?"; a
# venue ("quel lieu", "which building") is where something is held, not its town
PLACE_NOUN = re.compile(
    r"(\b(which|what|quel|quelle|quels|quelles)\s+|"
    # or the noun alone: "and the venue?", "et le lieu ?"
    r"^\W*((and|et|so|what about|how about)\s+)?(the|le|its|son)\s+)"
    r"(location|endroit|(?P<venue>venue|lieu|building|b[âa]timent|salle|hall))s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pair:
    """What the features are measured on."""

    question: str  # the question as asked (without the context condense added)
    sentence: str
    context: str  # the text the sentence is read with (a directory entry's name first)
    dense: float
    coverage: float
    prompt_coverage: float = 0.0  # 1 / its place in the reply to an interviewer's question
    directory: bool = False
    repeat: bool = False


def asked_types(question: str) -> tuple[str, ...]:
    """Each kind of answer the question asks for, in the order 'place', 'number', 'date',
    'name', 'merit', 'website' (English and French; the question words wherever they stand,
    and the nouns that name a date): a question in two parts may ask for two ("c quand
    medxperience et c où ?"); a question word may open any clause ("I'm writing on X - when
    and where was it held?")."""
    clauses = [question, *(c for c in CLAUSE_END.split(question) if c.strip())]

    def asks(*patterns: re.Pattern[str]) -> bool:
        return any(p.search(c) for p in patterns for c in clauses)

    kinds = {
        "place": asks(WHERE, WHERE_LAST, PLACE_NOUN),
        "number": asks(COUNT_QUESTION, SHARE_QUESTION, HOW_MUCH),
        "date": asks(YEAR_QUESTION, WHEN_QUESTION, DATE_ASKED),
        "name": asks(WHO, NAMES_ASKED),
        "merit": asks_merits(question),
        "website": asks(WEBSITE_QUESTION),
    }
    return tuple(kind for kind, asked in kinds.items() if asked)


def holds_type(question: str, kind: str, sentence: str, known: Gazetteer | None = None) -> bool:
    """The sentence holds the kind of answer the question asks for: a number (next to the
    counted thing), a date, a place or a name that the question does not already hold (the
    directory's organisations and places count as names and places)."""
    if not answer_type_fits(question, sentence):
        return False
    venue = PLACE_NOUN.search(question)
    if kind == "place" and venue and venue.group("venue"):  # "dans quel lieu ?": "at the
        return _new_venue(question, sentence)  # Palais Brongniart", not "in Paris"
    if known is not None and kind == "place" and known.place(question, sentence):
        return True
    if known is not None and kind == "name" and known.new_name(question, sentence):
        return True
    if kind == "number":
        return bool(NUMBER_PHRASE.search(sentence) or SHARE.search(sentence))
    if kind == "date":
        return bool(DATE_PHRASE.search(sentence))
    if kind == "merit":
        return holds_merit(sentence)
    if kind == "website":
        return bool(URL.search(sentence))
    span = answer_span(question, sentence)  # not what the question already says ("à Paris")
    return bool(span) and fold(span) not in fold(question)


def _new_venue(question: str, sentence: str) -> bool:
    """The sentence names where something is held ("at the X") with a word the question does
    not hold ("at the MedXperience summit" is no new venue)."""
    asked = set(tokenize(question))
    return any(set(tokenize(m.group(1))) - asked for m in VENUE.finditer(sentence))


def rarest_share(weights: Mapping[str, float], terms: set[str]) -> float:
    """The share of the weight of the question's two rarest terms that ``terms`` hold."""
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:2]
    total = sum(w for _, w in top)
    return sum(w for t, w in top if t in terms) / total if total else 0.0


def names_present(question: str, text: str) -> float:
    focus = names_in(question)
    if not focus:
        return 0.0
    folded = fold(text)
    return float(all(re.search(rf"\b{re.escape(name)}\b", folded) for name in focus))


def measure(
    pair: Pair,
    weights: Mapping[str, float],
    kinds: tuple[str, ...],
    known: Gazetteer | None = None,
) -> list[float]:
    """The feature vector of ``pair``, in the order of ``FEATURES``; ``kinds``: the kinds of
    answer asked for (:func:`asked_types`). Asked for two, a sentence that holds one misses
    half: "when and where" is answered by the sentence that holds the date and place."""
    typed = bool(kinds)
    held = [holds_type(pair.question, k, pair.context, known) for k in kinds]
    fits = typed and all(held)
    terms = set(tokenize(pair.context)) | figures_of_words(pair.context)
    values = {
        "dense": pair.dense,
        "coverage": pair.coverage,
        "rarest": rarest_share(weights, terms),
        "typed_fit": float(fits),
        "typed_miss": held.count(False) / len(held) if typed else 0.0,
        "names": names_present(pair.question, pair.context),
        "prompted": pair.prompt_coverage,
        "directory": float(pair.directory),
        "repeat": float(pair.repeat),
    }
    return [values[name] for name in FEATURES]
