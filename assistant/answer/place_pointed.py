"""A place a follow-up points at, read in the last answer: "anything else in that département?"
after "INRIA is in Le Chesnay-Rocquencourt (78150), in the Yvelines (78)" asks of the Yvelines;
"any other pharma groups in that same town?" after "Novartis is in Rueil-Malmaison" asks of
Rueil-Malmaison. A town is the directory's; a département, the region's by its name or number.
Shapes and the directory's places only, never the answer to one question."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.place_asked import OWN_DEPARTEMENTS, REGION
from ingest.directory.departements import DEPARTEMENTS, departement_of
from ingest.store.text import fold, tokenize

if TYPE_CHECKING:  # the gazetteer's modules read question shapes, which read this one
    from assistant.answer.gazetteer import Gazetteer

# "that département", "the same town", "ce département", "la même ville", "cette commune" (not
# "the city", which may be Paris: "is it in the city or the suburbs?")
POINTED = re.compile(
    r"\b(?:(?:that|this)(?:\s+same)?|the\s+same|ce|cette|le\s+m[êe]me|la\s+m[êe]me)\s+"
    r"(?P<unit>d[ée]partement|department|town|city|commune|ville)\b"
    r"(?!\s+(?:as|que|qu['’]|of|de|du)\b)",  # "the same département as Guerbet": Guerbet's
    re.IGNORECASE,
)
# "anyone else from the health ecosystem listed in the Yvelines?", "anything health-related in
# Buc?", "organisations in Essonne?", "orgs in the 91 (essonne)?", "qui d'autre est installé à
# Rueil-Malmaison ?": anyone or anything in a place
LOCATE_ANY_IN = re.compile(
    r"(?i:(?:\b(?:anything|anyone|anybody|something|someone|quelqu['’]un|quelque chose)"
    r"(?:\s+else)?\b|\b(?:who|qui)\s+(?:else|d['’]autre)\b|"
    r"^\s*(?:organi[sz]ations?|companies|players|acteurs|entreprises|structures))[^?]{0,50}?\s(?:in|at|à|a|dans|en)\s+(?:(?:the|le|la|les)\s+|l['’])?)"
    r"(?!(?i:paris region|region|île-de-france|ile-de-france|idf|france|europe)\b)"
    r"((?i:[a-zàâéèêîôûç\d][\w’'\-]+))(?=\s*(?:\(\w+\)\s*)?(?:[?.!,;]|$))"  # it ends the clause
)
# the words between "anyone" and the place that only frame it ("anyone else from the health
# ecosystem listed in")
FRAME = set(
    """anything anyone anybody something someone quelqu un quelque chose else other autre from
    the le la les l de du des in at a dans en health health-related healthcare medical research
    life sciences science sante ecosystem ecosysteme listed based located there sector related
    organisations organizations organisation organization companies players acteurs entreprises
    structures
    registered installed recense recenses installe installes implante implantes
    who qui is are est sont d""".split()
)
TOWN_UNITS = {"town", "city", "commune", "ville"}
NUMBERED = re.compile(r"\((?P<code>\d{2})\)|\b(?P<post>\d{5})\b")


# the département of what the last answer placed, asked with nothing else: "c'est quel
# département ça ?", "which département is that in?"
WHICH_DEPARTEMENT = re.compile(
    r"\b(?:which|what|quel|in which|dans quel)\s+(?:d[ée]partement|department)\b", re.IGNORECASE
)
UNNAMING = {"depart", "ca", "cela", "it", "that", "this", "there", "la"}


def place_pointed(question: str, answer: str, gazetteer: Gazetteer | None) -> str:
    """The question with the place it points at ("that département") named as the last answer
    names it ("Yvelines"), or the town whose département it asks ("c'est quel département ça ?"
    after "Guerbet est à Villepinte"); as it is when it points at none or the answer names none."""
    found = POINTED.search(question)
    if not found and answer and gazetteer and WHICH_DEPARTEMENT.search(question):
        unregioned = re.sub(REGION.pattern, " ", answer, flags=re.IGNORECASE)
        towns = gazetteer.places_in(unregioned)  # not "Paris" of "the Paris Region"
        if towns and not set(tokenize(question)) - UNNAMING:
            return f"{question.rstrip(' ?')} : {towns[0]} ?"  # "... ça : Villepinte ?"
    if not found or not answer:
        return question
    if found.group("unit").lower() in TOWN_UNITS:
        towns = gazetteer.places_in(answer) if gazetteer else []
        place = towns[0] if towns else ""
    else:
        place = departement_in(answer)
    if not place:
        return question
    return f"{question[: found.start()]}{place}{question[found.end() :]}"


def departement_in(answer: str) -> str:
    """The first of the region's départements the answer names, by name or by its number in
    brackets or a postcode ("the Yvelines (78)", "Buc (78530)"); "" when none."""
    named = [
        (match.start(), name)
        for name in DEPARTEMENTS.values()
        if name != "Paris"
        for match in [re.search(rf"\b{re.escape(name)}\b", answer, re.IGNORECASE)]
        if match
    ]
    for match in NUMBERED.finditer(answer):
        code = match.group("code") or departement_of(match.group("post"))
        if code in DEPARTEMENTS:
            named.append((match.start(), DEPARTEMENTS[code]))
    return min(named)[1] if named else ""


def held_there(question: str, gazetteer: Gazetteer | None) -> bool:
    """The question asks for anyone or anything in a place of the directory ("anyone else ...
    listed in Yvelines?", "anything health-related in Buc?"): what that place holds."""
    found = LOCATE_ANY_IN.search(question)
    if not found or gazetteer is None:
        return False
    place = fold(found.group(1))
    between = re.findall(r"[\w\-]+", fold(question[found.start() : found.start(1)]))
    if any(w not in FRAME for w in between):
        return False  # "anything on oncology in Paris?": a topic, asked of the passages
    return place in gazetteer.places or place in OWN_DEPARTEMENTS or place in DEPARTEMENTS
