"""The places of the world by their names, English and French, any case: the CLDR's countries,
parts of the world and cities (its time zones'), from Babel's data ("etats-unis" -> United States,
États-Unis), and GeoNames' cities of 15,000 people and more and its peoples ("israeli": Israel),
from geotext's. Loaded once, on first use (a tenth of a second). A city written in lower case
must be no common word and no French word ("in reading", "le palmarès", "tours" read words;
"boston", "lyon" name cities).
The parts of the world the region is in (Europe, the EU, France) are none: they are the
sources' own scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.lexicon import Lexicon
from ingest.store.text import fold

CAPITALISED = re.compile(r"(?-i:[A-ZÀ-Þ])[\w'’-]*[a-zà-ÿ][\w'’-]*")  # "Barcelona", not "MRI"
# the parts of the world the region is in: the sources' own scope ("where in Europe ...?")
AROUND = {"150", "155", "EU", "EZ", "FR"}  # Europe, Western Europe, the EU, the eurozone, France
# geotext's peoples filed under another country's code: the Swiss under Swaziland's
PEOPLE_CODES = {"swiss": "CH"}
# the short names the CLDR does not give: "the USA", "the UK"
ALIASES = {"US": ("USA", "U.S.", "America"), "GB": ("UK", "U.K.", "Britain"), "AE": ("UAE",)}


@dataclass(frozen=True)
class World:
    """Places of the world by their folded names, English and French."""

    names: dict[str, frozenset[str]]  # the CLDR's: a name -> every name of that place
    cities: frozenset[str]  # geotext's (GeoNames' cities of 15,000 people and more)
    others: frozenset[str]  # the months, days and languages the CLDR names: no places
    # GeoNames' peoples (geotext's): "israeli" -> the English name of Israel, with all its names
    peoples: dict[str, tuple[str, frozenset[str]]]

    def people(self, word: str) -> tuple[str, frozenset[str]]:
        """The country whose people or things ``word`` names ("Israeli", "german"), as its
        English name is written ("Israel"), with all its names; ("", none) else. "French" names
        none: France is the sources' own scope."""
        return self.peoples.get(fold(word), ("", frozenset()))

    def place(self, written: str, lexicon: Lexicon | None) -> frozenset[str]:
        """Every name of the place ``written`` names, else none. A city written in lower case
        must be no ordinary word ("in reading", "le palmarès", "tours" read words)."""
        written = "USA" if written.strip("'’") == "US" else written  # not "us", the pronoun
        folded = fold(written.strip("'’"))
        if folded in self.others:
            return frozenset()
        if folded in self.names:
            return self.names[folded]
        capitalised = bool(CAPITALISED.fullmatch(written.split()[0]))
        if folded in self.cities and (capitalised or not (lexicon and lexicon.ordinary(folded))):
            return frozenset({written})
        return frozenset()


@lru_cache(maxsize=1)
def world() -> World:
    """The CLDR's countries, parts of the world and cities (its time zones'), English and French
    (Babel's data: "etats-unis" -> United States, États-Unis); GeoNames' cities (geotext's)."""
    from babel import Locale
    from babel.core import get_global
    from geotext.geotext import build_index

    locales = [Locale("en"), Locale("fr")]
    codes = [str(code) for code in locales[0].territories if str(code) not in AROUND]
    places: list[set[str]] = [
        {loc.territories[code] for loc in locales if code in loc.territories}
        | set(ALIASES.get(code, ()))
        for code in codes
    ]
    index = build_index()
    named = dict(zip(codes, places, strict=True))
    coded = {**index.nationalities, **PEOPLE_CODES}
    peoples = {
        fold(people): (locales[0].territories[code], frozenset(named[code]))
        for people, code in coded.items()
        if code in named
    }
    for zone in get_global("zone_territories"):
        default = zone.split("/")[-1].replace("_", " ")
        places.append({loc.time_zones.get(zone, {}).get("city") or default for loc in locales})
    others = frozenset(
        fold(word)
        for loc in locales
        for word in [
            *loc.languages.values(),
            *loc.months["format"]["wide"].values(),
            *loc.days["format"]["wide"].values(),
        ]
    )
    names: dict[str, frozenset[str]] = {}
    for spellings in places:
        for name in spellings:
            names.setdefault(fold(name), frozenset(spellings))
    cities = frozenset(fold(city) for city in index.cities)
    return World(names, cities, others, peoples)
