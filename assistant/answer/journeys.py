"""Getting about, which the assistant does not guide: "comment aller à Villejuif ?", "how do I
get to Gustave Roussy?", "what's the best way to get to Saclay from Paris?". A journey goes to a
place: a place of the world (``world.py``), a name or a building ("the hospital", "la gare"),
where the destination ends the clause or is followed by where from or how ("from CDG", "by
metro"). Getting to know people, to a market, to a level or a goal ("get to the European
market", "get to Medicen's 800 members goal") is no journey; reaching or joining an
organisation ("how can we reach Medicen?", "comment rejoindre Medicen ?") is a journey only by
a way of travel. A part of ``out_of_scope.OUT_OF_SCOPE``'s reading; shapes and the world's
places only, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.world import CAPITALISED, world

# a way asked to somewhere: "comment aller à", "how do I get to", "comment on va à", "reach"
GOING = re.compile(
    r"\b(?:comment|how to|how do i|how can i|how do we|how can we|way to) (?:(?P<go>aller|venir|"
    r"get|go|on va|on y va)(?: to| à| a| au| aux| jusqu['’]?(?:à|a)?)|(?P<reach>reach|rejoindre))"
    r"\s+(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?(?P<to>[^?]{1,60})",
    re.IGNORECASE,
)
# a way of travel: "by metro", "en RER", "à pied"
TRAVEL = (
    r"by (metro|train|bus|car|rer|taxi|tram)|en (m[ée]tro|train|bus|voiture|rer|taxi|tram)|"
    r"[àa] pied|on foot"
)
MEANS = re.compile(rf"\b({TRAVEL})\b", re.IGNORECASE)  # wherever it stands
HOW = re.compile(rf"^(from|depuis|{TRAVEL})\b", re.IGNORECASE)  # where from or how, next
# a building one goes to
BUILDING = re.compile(
    r"^(hospital|h[ôo]pital|clinic|clinique|airport|a[ée]roport|station|gare|campus|office|"
    r"bureaux?|headquarters|si[èe]ge|institute|institut)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’-]+")


def asks_the_way(question: str) -> bool:
    """Whether the question asks how to get somewhere."""
    going = GOING.search(question)
    if not going:
        return False
    to = going.group("to")
    if MEANS.search(to):
        return True  # "how do i reach gustave roussy by metro?": a way of travel says it
    length = _destination(to)
    if not length:
        return False
    rest = to[length:].lstrip(" ,")
    if HOW.match(rest):
        return True
    return not going.group("reach") and re.match(r"\s*(?:[?!.;]|$)", rest) is not None


def _destination(to: str) -> int:
    """How long the destination ``to`` starts with is (a place of the world, a name, a
    building and the name after it), else 0."""
    words = list(WORD.finditer(to))
    if not words:
        return 0
    if BUILDING.match(to):
        named = [w for w in words[1:4] if CAPITALISED.fullmatch(w.group(0))]
        return (named[-1] if named and named[0] is words[1] else words[0]).end()
    places = world()
    for n in (3, 2, 1):
        if len(words) >= n and places.place(to[: words[n - 1].end()], None):
            return words[n - 1].end()
    end = 0
    for word in words[:4]:  # a name: "Gustave Roussy", not "Gustave Roussy's level"
        if not CAPITALISED.fullmatch(word.group(0)):
            break
        end = word.end()
    return 0 if to[:end].endswith(("'s", "’s")) else end
