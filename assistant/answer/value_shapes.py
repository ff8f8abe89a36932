"""The shapes of the sentences that hold a value of a kind asked (``value_kinds.py``): a
phone number, an email, a street address, a rate, an amount, hours, a reason, the steps of a
procedure, a comparison, a rank. Shapes of values, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.questions import YEAR

IC = re.IGNORECASE
COMPARES = re.compile(
    r"\b(more|less|fewer|better|worse|bigger|larger|smaller|greater|largest|biggest|leading|"
    r"first|than|plus|moins|premi[eè]re?)\b",
    IC,
)
RANKS = re.compile(
    r"\b(best|top|leading|leaders?|largest|biggest|greatest|foremost|most|first|number one|"
    r"meilleure?s?|premi[eè]re?|leaders?|plus grande?s?)\b",
    IC,
)
HOURS = re.compile(r"\b\d{1,2}\s*(?::|h)\s*\d{0,2}\b|\b\d{1,2}\s*(am|pm)\b", IC)
PHONE = re.compile(r"(\+\d{1,3}[\s.]?(\(0\)\s?)?|\b0)\d([\s.-]?\d{2}){4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
STREET = re.compile(
    r"\b\d{1,4}(bis|ter)?,?\s+(rue|avenue|av\.|boulevard|bd|place|quai|allée|chemin|route|"
    r"impasse|cours|street|road|square)\b|\b(75|77|78|91|92|93|94|95)\d{3}\b",
    IC,
)
RATE = re.compile(r"%|\bper ?cent|\bpour ?cent|\b(rate|taux) of \d", IC)
AMOUNT = re.compile(r"\d[\d,.\s]*\s*(million|billion|bn|milliards?|millions?|m€|k€)\b", IC)
# a sentence that gives a reason: "We chose France for the skills of its doctors"
REASON = re.compile(
    r"\b(because|since|due to|thanks to|owing to|the reasons?|so that|in order to|"
    r"no coincidence|not by chance|that is why|this is why|hence|therefore|thus|attract\w*|"
    r"pas un hasard|c['’]est pourquoi|d['’]où|"
    r"(chose|chosen|picked|selected|preferred|opted for) [^.;]{0,40}\b(for|because|as)|"
    r"parce que|car|grâce à|grace a|en raison|afin|pour (sa|son|ses|la|le|les) \w+)\b",
    IC,
)
# a sentence that describes steps to take: "apply before June", "register online"
PROCEDURE = re.compile(
    r"\b(apply|applying|register|registration|sign(ing)? up|submit\w*|candidat(ure|er)s?|"
    r"inscri(re|ption|vez)\w*|formulaire|application form|steps?|procedure|procédure|démarches?)\b",
    IC,
)
FREE = re.compile(r"\b(free of charge|free|gratuit\w*|no charge|no fee)\b", IC)
# a sentence that says who may have something: "open to start-ups under five years old"
ELIGIBLE = re.compile(
    r"\b(eligib\w*|éligib\w*|criteria|critères?|conditions?|open to|reserved for|"
    r"réservée?s? (aux?|à)|must|doivent|doit|qualif\w*|requirements?|requis|exigences?)\b",
    IC,
)
# a sentence that tells a past: "founded in 1849", "since its creation", "dates back to"
SINCE = re.compile(
    r"\b(founded|created|established|since|dates? back|origins?|history|set up|opened|launched|"
    r"began|started|fond[ée]e?s?|ouvert|lanc[ée]|install[ée]e?|"
    r"cr[ée]{2}e?s?|depuis|histoire)\b",
    IC,
)
# a sentence that names who won: "the winners are ...", "three projects were selected"
WON = re.compile(
    r"\b(won|wins|winners?|awarded|laureates?|laur[ée]ats?|selected|s[ée]lectionn\w*|retenu\w*|"
    r"prizes?|gagn\w*|remport\w*)\b",
    IC,
)
# a day of a month: "March 15", "15 mars", "the 15th of March", "15/03/2018"
MONTHS = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    r"décembre|decembre)"
)
DAY = re.compile(
    rf"\b{MONTHS}\s+\d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th|er)?\s+(of\s+)?{MONTHS}\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    IC,
)
JOINED = r"(?:and|to|et|au|-|&)"  # two days of a month: "March 15 and 16", "3 et 4 juillet"
# a date's numbers, which count nothing: "March 15 and 16, 2018", "le 3 juillet"
DATED = re.compile(
    rf"(?:\b\d{{1,2}}\s*{JOINED}\s*)?(?:{DAY.pattern})(?:\s*{JOINED}\s*\d{{1,2}}\b)?|"
    rf"{YEAR.pattern}",
    re.IGNORECASE,
)


def undated(sentence: str) -> str:
    """The sentence without its dates' numbers."""
    return DATED.sub(" ", sentence)
