"""What in a follow-up points back at what was named before: the pronouns that stand for
someone or something ("it", "ils"), the words that point ("there", "dedans"), and whether a
question needs the conversation to be read at all."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.descriptions import PARTITIVE
from assistant.answer.ellipsis import FOLLOW_UP_OPENINGS, more_of
from assistant.answer.referents import ORDINAL
from ingest.store.text import STOPWORDS, fold, tokenize, words

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer

# pronouns that stand for someone or something named before
STRONG_PRONOUNS = set(
    """
    he she it they him her his its their them ones il elle ils elles lui leur leurs son sa ses
    """.split()
)
# words that may point back, or not ("this project", "en Île-de-France")
WEAK_PRONOUNS = set(
    "this that these those there one ce cette ces celui celle y en same also là-bas la-bas "
    "dedans là-dedans la-dedans".split()
)
PRONOUNS = STRONG_PRONOUNS | WEAK_PRONOUNS
IMPERSONAL = re.compile(r"\bil (?=y a\b|y avait\b|faut\b)", re.IGNORECASE)  # "il y a", "il faut"


def points_back(question: str) -> bool:
    """The question holds a pronoun that stands for someone or something named before ("il y a"
    is impersonal: "et il y a quelles boîtes dedans ?" points back by "dedans" only)."""
    personal = IMPERSONAL.sub("", question)
    return any(t in STRONG_PRONOUNS for t in map(str.lower, words(personal)))


def needs_context(question: str) -> bool:
    """A question that does not name its own subject: a pronoun standing for someone named
    before ("When was he appointed?"), a follow-up opening ("And ...", "What about ..."), very
    few terms, or a pointing word ("there", "these") without a name or enough terms of its own.
    "Who runs high-field neuroimaging?" names its subject and stays as it is."""
    tokens = [w.lower() for w in words(question)]
    content = set(tokenize(question))
    names = [w for w in words(question)[1:] if w[:1].isupper() and fold(w) not in STOPWORDS]
    own_subject = bool(names) or len(content) >= 4
    return (
        question.strip().lower().startswith(FOLLOW_UP_OPENINGS)
        or bool(more_of(question) or ORDINAL.search(question))
        or any(t in STRONG_PRONOUNS for t in tokens)
        or re.search(r"\b(the|that|this|these|those)\s+(\w+\s+)?ones?\b", question, re.I)
        is not None
        or (len(content) <= 2 and not names)
        or PARTITIVE.search(question) is not None
        or (any(t in WEAK_PRONOUNS for t in tokens) and not own_subject)
    )


# "who else is in that town?", "et dans cette ville ?": the place the last answer named
PLACE_POINTER = re.compile(
    r"\b(that|this|the same|same|cette|cet|ce|la m[eê]me|le m[eê]me)\s+(town|city|commune|place|"
    r"ville|d[eé]partement|department)\b",
    re.IGNORECASE,
)


def place_pointed(question: str, answer: str, known: Gazetteer | None) -> str:
    """ "who else is in that town?" after "Philips est à Suresnes (92150)" -> "who else is in
    Suresnes?": the town of the directory the last answer names first; "" when the question
    points at no place or the answer names none."""
    match = PLACE_POINTER.search(question)
    places = known.places_in(answer) if match and known is not None else []
    if not match or not places:
        return ""
    return f"{question[: match.start()]}{places[0]}{question[match.end() :]}"
