"""Follow-ups whose frame keeps the previous subject: a noun phrase put first ("et
l'objectif, c'est ...", "et le directeur général ? il ...") that names nothing is the previous
question's subject's, and a name the previous question wrote in lowercase is the directory's
("what is the lab santé île-de-france?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.store.text import detect_language, words

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer


def directory_name(text: str, known: Gazetteer | None) -> str:
    """The last of the directory's organisations a text names, as the directory writes it
    ("what is the lab santé île-de-france?" -> "Lab Santé Île-de-France"), else ""."""
    named = known.organisations_in(text) if known is not None else []
    return named[-1].name if named else ""


# "et le directeur général ? il a été nommé quand ?": a noun phrase asked about, then a
# question whose pronoun takes it up
ASKED_THEN = re.compile(
    r"^\s*(?:and|et|but|mais)\s+(?P<phrase>(?:the|le|la|les|l['’])\s*[^?!.,;]+?)\s*\?\s*"
    r"(?P<rest>\w.*)$",
    re.IGNORECASE,
)
TAKING_UP = re.compile(r"\b(?:it|he|she|they|il|elle|ils|elles)\b", re.IGNORECASE)


def taken_up(question: str, subject: str) -> str:
    """ "et le directeur général ? il a été nommé quand ?" after "Qui préside Medicen ?" -> "le
    directeur général de Medicen a été nommé quand ?": the pronoun stands for the noun phrase
    asked just before it, which keeps the previous question's subject when it names none; ""
    when the question is not of that shape."""
    match = ASKED_THEN.match(question)
    pronoun = TAKING_UP.search(match.group("rest")) if match else None
    if not match or not pronoun:
        return ""
    phrase, rest = match.group("phrase"), match.group("rest")
    phrase = of_subject(phrase, subject, question) or phrase
    return f"{rest[: pronoun.start()]}{phrase}{rest[pronoun.end() :]}"


# "et l'objectif, c'est d'arriver à combien ?": a noun phrase put first frames the question
FRAMED = re.compile(
    r"^\s*(?P<opening>(?:and|et|but|mais)\s+)(?P<phrase>(?:the|le|la|les|l['’])\s*[^?!.,;]+?)"
    r"\s*,\s*(?P<rest>\w.*)$",
    re.IGNORECASE,
)


def framed(question: str, subject: str) -> str:
    """ "et l'objectif, c'est d'arriver à combien ?" after "Combien de membres compte Medicen
    ?" -> "et l'objectif de Medicen, c'est d'arriver à combien ?": a noun phrase put first
    that names nothing keeps the previous question's subject; "" when the question is not of
    that shape or its phrase names something ("et la Région, elle ...")."""
    match = FRAMED.match(question)
    owned = of_subject(match.group("phrase"), subject, question) if match else ""
    if not match or not owned:
        return ""
    return f"{question[: match.start('phrase')]}{owned}{question[match.end('phrase') :]}"


def of_subject(phrase: str, subject: str, question: str) -> str:
    """The noun phrase of the previous question's subject ("le directeur général de Medicen",
    "the goal of Medicen"), in the question's language; "" when there is no subject or the
    phrase names something itself (a capitalised word)."""
    if not subject or any(w[:1].isupper() for w in words(phrase)):
        return ""
    return f"{phrase} {'de' if detect_language(question) == 'fr' else 'of'} {subject}"
