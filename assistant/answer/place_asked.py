"""The places a question restricts the directory's organisations to, read from the directory's
own place fields: a town of the directory ("in Rueil-Malmaison", "in 92500"), a département of
the region by its name or its number ("the Essonne (91)", "dans le 93", "le département 92"), or
the region's outside ("outside Île-de-France", "hors de la région"), which the directory's region
field says.
The region itself ("Paris Region startups") is no town."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.directory.departements import DEPARTEMENTS
from ingest.store.text import fold

if TYPE_CHECKING:
    from assistant.answer.organisations import Organisation

# the region, however it is spelt ("Paris-region startups"), is not its capital city
REGION = re.compile(
    r"\b(paris[- ]region|region parisienne|paris[- ]ile[- ]de[- ]france|ile[- ]de[- ]france|"
    r"paris (ecosystem|area|metropolitan area)|ecosysteme parisien|greater paris|grand paris)\b"
)

# "outside Île-de-France", "beyond the Paris region", "hors de la région", "en dehors de l'IDF"
OUTSIDE = re.compile(
    r"\b(outside|beyond|out of|hors|en dehors|ailleurs qu['’]en)\s+((of|de|du|d['’])\s*)?"
    r"((the|la|l['’])\s*)?(paris[- ]region|region|région|ile[- ]de[- ]france|île[- ]de[- ]france"
    r"|idf|paris[- ]ile[- ]de[- ]france)\b",
    re.IGNORECASE,
)
OWN_DEPARTEMENTS = frozenset(fold(name) for name in DEPARTEMENTS.values())  # the region's, folded
# a département by its number: "(91)", "the 93", "dans le 94", "département 92"
NUMBERED = re.compile(
    r"\((?P<paren>\d{2})\)|\b(?:the|le|du|département|departement|department)\s+(?P<code>\d{2})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    """A place asked: a town (folded), a département's code, or the region's outside."""

    label: str  # as an answer writes it: "Rueil-Malmaison", "Essonne", "outside the region"
    town: str = ""
    departement: str = ""
    outside: bool = False
    postcode: str = ""  # "in 75013": that postcode's organisations, not all of Paris

    def holds(self, org: Organisation) -> bool:
        """Whether the directory places ``org`` there; never one of unknown place."""
        if self.outside:
            return org.region == "out"
        if self.postcode:
            return org.postcode == self.postcode
        if self.departement:
            return bool(org.city) and org.departement == self.departement
        return bool(org.city) and fold(org.city) == self.town


def places_asked(question: str, organisations: Sequence[Organisation]) -> list[Place]:
    """The places ``question`` names, in the order of its text: the directory's towns, the
    region's départements (by name or number), and the region's outside."""
    folded = REGION.sub(" ", fold(OUTSIDE.sub(" ", question)))
    found: list[tuple[int, Place]] = []
    if outside := OUTSIDE.search(question):
        found.append((outside.start(), Place(outside.group(0), outside=True)))
    towns = {fold(o.city): o.city for o in organisations if o.city}
    ends = set()  # where a town's name ends: "Rueil-Malmaison (92)" is that town's département
    firsts = Counter(town.split("-")[0] for town in towns)  # the first words towns share
    for town, name in towns.items():
        short = _short(town, firsts)  # "rueil" for Rueil-Malmaison, "levallois", "neuilly"
        spelt = f"(?:{_spelt(town)}|{re.escape(short)})" if short else _spelt(town)
        if match := re.search(rf"(?<![\w\-]){spelt}(?![\w\-])", folded):
            found.append((match.start(), Place(name, town=town)))
            ends.add(match.end())
    named = {place.town for _, place in found if place.town}
    for code, town in postcodes(organisations).items():  # "in 92500": its town
        if fold(town) not in named and (match := re.search(rf"(?<!\d){code}(?!\d)", folded)):
            found.append((match.start(), Place(f"{town} ({code})", fold(town), postcode=code)))
            named.add(fold(town))
    for code, name in DEPARTEMENTS.items():
        if fold(name) in towns:
            continue  # Paris is a town
        match = re.search(rf"(?<![\w\-]){_spelt(fold(name))}(?![\w\-])", folded)
        numbered = [
            m
            for m in NUMBERED.finditer(folded)
            if code in (m["paren"], m["code"])
            and not (m["paren"] and len(folded[: m.start()].rstrip()) in ends)
        ]
        if match or numbered:
            start = match.start() if match else numbered[0].start()
            found.append((start, Place(name, departement=code)))
    return [place for _, place in sorted(found, key=lambda item: item[0])]


def postcodes(organisations: Sequence[Organisation]) -> dict[str, str]:
    """The directory's postcodes and the town each stands for (its first organisation's)."""
    codes: dict[str, str] = {}
    for org in organisations:
        if org.postcode and org.city:
            codes.setdefault(org.postcode, org.city)
    return codes


# the words that put what is asked in a place: "in Essonne", "dans le 92", "à Orsay" (not "a
# start-up from Lyon", "near Paris", "outside Paris", "rather than in Lyon")
IN = re.compile(
    r"(?<!rather than )(?<!plutôt qu['’])\b(?:in|within|inside|en|dans|à|a|au)\s+"
    r"(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$",
    re.IGNORECASE,
)


def places_in(question: str, organisations: Sequence[Organisation]) -> list[Place]:
    """The places of ``places_asked`` that the question puts what it asks in ("where should
    we set up in Essonne?"), not those it only mentions ("a biotech from Marseille")."""
    folded = fold(question)
    kept = []
    for place in places_asked(question, organisations):
        names = [place.label, place.departement] if place.departement else [place.label]
        spelt = "|".join(_spelt(fold(n)) for n in names if n)
        starts = [m.start() for m in re.finditer(rf"(?<![\w\-])(?:{spelt})(?![\w\-])", folded)]
        if not place.outside and any(IN.search(folded[:start]) for start in starts):
            kept.append(place)
    return kept


SHORT_MIN = 5  # "rueil", not "gif" nor "saint"; a word of its own only
NOT_SHORT = frozenset("saint sainte paris".split())


def _short(town: str, firsts: Counter[str]) -> str:
    """The first part of a compound town's name, the way people shorten it ("rueil" for
    rueil-malmaison), when it is long enough and the first part of no other town (``firsts``:
    how many towns each first part begins); else ""."""
    first = town.split("-")[0]
    if first == town or len(first) < SHORT_MIN or first in NOT_SHORT or firsts[first] > 1:
        return ""
    return first


def _spelt(place: str) -> str:
    """A pattern of a place's name as typed, a hyphen or a space between its words ("rueil
    malmaison", "val de marne")."""
    return r"[\s\-]+".join(re.escape(part) for part in place.split("-"))


def in_places(org: Organisation, places: Sequence[Place]) -> bool:
    """Whether ``org`` is in one of ``places`` (any organisation when none is asked)."""
    return not places or any(place.holds(org) for place in places)
