""" "where?" alone after something named ("where?", "where tho", "et où ça ?"): where the one
organisation the conversation is about is, from its entry; unless the last answer already
names a place or a thing of that organisation (a lab, a centre, a presence), whose place the
passages tell: "where?" after "Sanofi has just opened an open innovation lab ... in Gentilly"
asks where the lab is, not Sanofi's head office. Shapes, the directory's towns and the world's
places only."""

from __future__ import annotations

import re

from assistant.answer.gazetteer import Gazetteer
from assistant.answer.world import world

WHERE_ALONE = re.compile(
    r"^\s*(and |et |so |alors |ok )?(where|o[uù])( (exactly|exactement|then|tho|though|donc|ça|"
    r"ca|precisely|précisément))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# a thing of an organisation, or where it is going: its own place, told by the passages
THING = re.compile(
    r"\b(labs?|laborator\w+|cent(re|er)s?|offices?|sites?|platforms?|hubs?|presence|branch|"
    r"facilit(y|ies)|plant|competitors?|clusters?|project|programme|program)\b",
    re.IGNORECASE,
)
CAPITALISED_RUN = re.compile(r"\b[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)*")


def asks_where_alone(question: str) -> bool:
    return bool(WHERE_ALONE.match(question))


def placed_before(answer: str, gazetteer: Gazetteer | None) -> bool:
    """The last answer names a place (a town of the directory, a place of the world) or a
    thing of an organisation, whose place "where?" asks."""
    if THING.search(answer) or (gazetteer is not None and gazetteer.places_in(answer)):
        return True
    return any(world().place(run, None) for run in CAPITALISED_RUN.findall(answer))
