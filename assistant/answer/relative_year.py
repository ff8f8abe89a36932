"""A follow-up that asks of a year by the one before ("et l'année d'après ?", "and the year
before?", "a year later?"): the year it means, from the first year the previous answer (else
question) names, put in its place ("et en 2017 ?"), so the follow-up reads as one that names
it; "the year after Roques was appointed" tells its own year and is left as it is. Shapes
only, never the answer to one question."""

from __future__ import annotations

import re

# a year told by the one before or after it, with the word that places it in time ("in the
# following year"); the sign of its step
RELATIVE = re.compile(
    r"(?:\b(?:in|during|en|pour|dans)\s+)?(?:"
    r"\bthe\s+(?P<after_en>following|next|subsequent)\s+year\b|"
    r"\bthe\s+(?P<before_en>previous|preceding|prior)\s+year\b|"
    r"\bthe\s+year\s+(?:(?P<after_y>after)|(?P<before_y>before))|"
    r"\ba\s+year\s+(?:(?P<after_a>later|after)|(?P<before_a>earlier|before))\b|"
    r"\bl['’]\s*ann[ée]e\s+(?:(?P<after_fr>d['’]\s*apr[èe]s|suivante)|"
    r"(?P<before_fr>d['’]\s*avant|pr[ée]c[ée]dente))\b|"
    r"\bun\s+an\s+(?:(?P<after_un>plus\s+tard|apr[èe]s)|(?P<before_un>plus\s+t[ôo]t|avant))\b"
    r")(?=\s*(?:[?.!,;]|$|and\b|et\b|then\b|alors\b))",  # "the year after Roques was named": his
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CITED = re.compile(r"\[[^\]]*\]")  # "[medxperience-2018]", "[1]": no year of the answer's


def dated(question: str, answer: str, previous: str) -> str:
    """The follow-up with the year its relative phrase means ("en 2017" for "l'année d'après"
    after an answer about 2016: the first year it names), unchanged when it has none or
    nothing before names a year."""
    match = RELATIVE.search(question)
    years = YEAR.findall(CITED.sub(" ", answer)) or YEAR.findall(previous)
    if not match or not years:
        return question
    step = next(k for k, v in match.groupdict().items() if v)  # "after_fr": a year after
    year = int(years[0]) + (1 if step.startswith("after") else -1)
    said = f"en {year}" if step.endswith(("_fr", "_un")) else f"in {year}"
    return f"{question[: match.start()]}{said}{question[match.end() :]}"
