"""Getting about, which the assistant does not guide: "comment aller à Villejuif ?", "how do I
get to Gustave Roussy?", "what's the best way to get to Saclay from Paris?". A journey goes to a
place: a place of the world (``world.py``), a name, a building ("the hospital", "la gare"), or
says where from or how ("from CDG", "by metro"). Getting to know people, to market or to the
international stage is no journey. A part of ``question_kind.OUT_OF_SCOPE``'s reading; shapes
and the world's places only, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.world import CAPITALISED, world

# a way asked to somewhere: "comment aller à", "how do I get to", "best way to reach"
GOING = re.compile(
    r"\b(?:comment|how to|how do i|how can i|how do we|how can we|way to) (?:(?:aller|venir|get|"
    r"go)(?!\s+(?:to\s+)?(?:know|market|march[ée])\b)(?: to| à| a| au| aux| jusqu['’]?(?:à|a)?)|"
    r"reach|rejoindre)\s+(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?(?P<to>[^?]{1,60})",
    re.IGNORECASE,
)
# where from or how: "from CDG", "depuis la gare", "by metro", "en RER", "à pied"
HOW = re.compile(
    r"\b(from|depuis|by (metro|train|bus|car|rer|taxi|tram)|en (m[ée]tro|train|bus|voiture|rer|"
    r"taxi|tram)|[àa] pied|on foot)\b",
    re.IGNORECASE,
)
# a building one goes to
BUILDING = re.compile(
    r"^(hospital|h[ôo]pital|clinic|clinique|airport|a[ée]roport|station|gare|campus|office|"
    r"bureaux?|headquarters|si[èe]ge|institute|institut)\b",
    re.IGNORECASE,
)


def asks_the_way(question: str) -> bool:
    """Whether the question asks how to get somewhere."""
    going = GOING.search(question)
    if not going:
        return False
    to = going.group("to")
    words = re.findall(r"[\w'’-]+", to)
    if not words:
        return False
    places = world()
    return bool(
        HOW.search(to)
        or BUILDING.match(to)
        or CAPITALISED.fullmatch(words[0])
        or any(places.place(" ".join(words[:n]), None) for n in (3, 2, 1))
    )
