"""Numbers written as words, English and French: the one list that counted follow-ups ("those
two"), the rest of a group ("the other three"), groups asked by their count ("the 52 projects",
"les trois priorités") and exact counts ("exactly how many?" wants a number) read.

"one" and "un" are not counted: they are far more often an article or a pronoun; nor are
"hundred" and "cent" ("pour cent" is a share)."""

from __future__ import annotations

import re

NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50,
}  # fmt: skip
# "six" is English and French alike
FRENCH = {"deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze",
          "quinze", "vingt", "trente", "quarante", "cinquante"}  # fmt: skip
# a number in words, for a regular expression (whole words: callers add \b); in English only
WORD = "|".join(sorted(NUMBERS, key=len, reverse=True))
ENGLISH = "|".join(sorted((w for w in NUMBERS if w not in FRENCH), key=len, reverse=True))


def value(word: str) -> int:
    """The number a word says: "trois" -> 3."""
    return NUMBERS[word.lower()]


def stated(text: str) -> set[int]:
    """The numbers a text states, in figures ("3,100": 3100) or words ("four": 4); a year is
    none ("In 2016, ...")."""
    found = re.findall(r"(?<![\d,])(?!(?:19|20)\d\d\b)\d+(?:[,\s]\d{3})*", text)
    figures = {int(re.sub(r"[,\s]", "", m)) for m in found}
    return figures | in_words(text)


def in_words(text: str) -> set[int]:
    """The numbers a text writes in words ("four": 4)."""
    return {value(w) for w in re.findall(rf"\b({WORD})\b", text, re.IGNORECASE)}


def figures_of_words(text: str) -> set[str]:
    """The numbers a text writes in words, as figures: "three pillars" -> {"3"} (a question's
    "3 pillars" is held by it)."""
    return {str(n) for n in in_words(text)}
