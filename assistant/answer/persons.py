"""Follow-ups about a person: a name is a person's when the directory (its gazetteer) names
no organisation or place in it; "he", "his", "lui" stand for a person only, and a person's
company ("son entreprise", "his company") is the organisation the last answer ties them to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.ellipsis import NAMES
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import STOPWORDS, fold

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer


def is_person(name: str, known: Gazetteer | None = None) -> bool:
    """A person's name, as a question or an answer writes it: two to four capitalised words,
    none a common word ("Christian Lajoux"; not "The President of Medicen"), naming none of the
    directory's organisations or places (``known``): "Medicen Paris Region" is no person."""
    parts = name.split()
    return (
        2 <= len(parts) <= 4
        and NAMES.fullmatch(name) is not None
        and not re.search(r"['’]s\b", name)
        and not any(fold(w) in STOPWORDS for w in parts)
        and not (known is not None and known.named(name))
    )


def person_in(question: str, known: Gazetteer | None = None) -> str:
    """The last person a question names ("Who is Christian Lajoux?"), else ""."""
    people = [m.group(0) for m in NAMES.finditer(question) if is_person(m.group(0), known)]
    return people[-1] if people else ""


# pronouns that stand for a person only: "he", "his", "lui" ("comment il voit ça, lui ?")
PERSONAL = re.compile(r"\b(he|she|him|his|her|hers|lui)\b", re.IGNORECASE)
# "lui" after a preposition is the person: "et avant lui, c'était qui ?", "qui bosse avec lui ?"
# ("pour lui" is "in his view": "c'est quoi la priorité pour lui ?")
AFTER_LUI = re.compile(r"\b(?P<prep>avant|apr[èe]s|avec|sans|chez|contre) lui\b", re.I)


# "son entreprise", "his company": a possessive before a word that names a kind of organisation
OWNED_KIND = re.compile(r"\b(?:his|her|son|sa|ses)\s+(?P<noun>[\w\-]+)", re.IGNORECASE)


def employer(question: str, person: str, answer: str, known: Gazetteer | None) -> str:
    """ "et pourquoi son entreprise a choisi la France ?" after an answer that ties a person to
    Pharm-Olam -> "et pourquoi Pharm-Olam a choisi la France ?": a person's organisation is the
    first of the directory's organisations the last answer names; "" when the possessive
    names no kind of organisation, nobody owns it or the answer names no organisation."""
    match = OWNED_KIND.search(question)
    noun = fold(match.group("noun")).strip("-") if match else ""
    table = kinds_by_word()
    if not match or not person or known is None or not {noun, f"{noun}s"} & table.keys():
        return ""
    named = [o.name for o in known.organisations_in(answer) if fold(o.name) not in fold(person)]
    if not named:
        return ""
    return f"{question[: match.start()]}{named[0]}{question[match.end() :]}"
