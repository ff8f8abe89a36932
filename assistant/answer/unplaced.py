"""A place finer than the directory holds, asked of a named organisation: the town of one whose
entry gives none ("instacare - which town in IDF are they in?"), or the postcode of one whose
entry gives its town only ("et le code postal exact ?" of Sanofi, Paris). The sources do not
hold the answer, however well a sentence naming the organisation matches; the decline says what
the directory does give. Shapes and the directory's fields only, never one question's answer."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from assistant.answer.labels import text
from assistant.answer.messages import DECLINE
from assistant.answer.organisations import Organisation
from assistant.answer.places import placed, postcode
from assistant.answer.where import located_subject

# a town or an address asked, not a where ("where is X?" is answered by what the sources say)
TOWN = re.compile(
    r"\b(?:which|what|quelle|quel)\s+(?:town|city|commune|ville|municipality|suburb)\b|"
    r"\b(?:dans|en|in)\s+quelle\s+(?:ville|commune)\b|\b(?:street\s+)?address\b|\badresse\b",
    re.IGNORECASE,
)
POSTCODE = re.compile(
    r"\b(?:post ?codes?|postal codes?|zip ?codes?|codes? postaux|code postal)\b", re.IGNORECASE
)

# a street address asked: the directory holds a town and a postcode, no street
STREET = re.compile(
    r"\b(?:street(?:\s+address)?|(?:full|complete|exact|postal|mailing)\s+address|rue|"
    r"num[ée]ro de rue|adresse\s+(?:postale|compl[èe]te|exacte|pr[ée]cise))\b",
    re.IGNORECASE,
)


def unplaced_decline(
    asked: str, language: str, organisations: Sequence[Organisation], known: Container[str] = ()
) -> str | None:
    """The decline, when ``asked`` wants the town (or the postcode) of the organisations it
    names and the directory gives none of theirs, saying so; else None."""
    wants_postcode = POSTCODE.search(asked) is not None
    if not (wants_postcode or TOWN.search(asked)):
        return None
    named = located_subject(asked, organisations, known)
    if not named:
        return None
    if not any(placed(o) for o in named):
        lines = [text("unplaced", language).format(name=o.label) for o in named[:3]]
    elif wants_postcode and not any(postcode(o) for o in named):
        lines = [
            text("no_postcode", language).format(name=o.label, town=o.city)
            for o in named[:3]
            if placed(o)
        ]
    elif STREET.search(asked):  # "l'adresse postale complète (rue, numéro) du siège de X ?"
        lines = [
            text("no_street", language).format(name=o.label, town=o.city)
            for o in named[:3]
            if placed(o)
        ]
    else:
        return None
    return f"{DECLINE[language]} {'. '.join(lines)}."
