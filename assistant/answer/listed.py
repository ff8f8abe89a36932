"""The items an answer lists, read in its first sentence: "Lyonbiopole in Lyon and EuroBioMed in
Marseille" lists Lyonbiopole and EuroBioMed, "incubators such as A, B and C" lists A, B and C.
What "the second one", "which of those ...?" and "where are they?" point at."""

from __future__ import annotations

import re

from assistant.answer.citations import CITATION
from assistant.answer.ellipsis import NAMES
from ingest.store.text import STOPWORDS, fold, split_sentences, words

# "Yes, ...", "Non, ...": the answer to a yes-no question, no item of a list
ANSWERED = re.compile(r"^\s*(?:yes|no|oui|non|indeed|en effet)\b[.!,;:]?\s*", re.IGNORECASE)
# "incubators such as A, B and C", "des pôles comme A et B": the items follow the introducer
# where a sentence goes on to name what it counted: "three pillars (promoting, ...)", "such as"
NAMING = re.compile(
    r"[(:]|\b(?:including|such as|namely|e\.g\.|i\.e\.|like|notamment|dont|comme|"
    r"[àa] savoir)\b",
    re.IGNORECASE,
)
JOINED = re.compile(r"^.*\b(?:with|avec|between|entre)\s+(?=[A-ZÀ-ÖØ-Þ])")
INTRODUCED = re.compile(
    r"^.*?\b(?:such as|like|including|namely|comme|tels? que|telles? que|notamment|"
    r"(?:names|lists|cites|mentions|nomme|cite|mentionne)(?=[^,]*,))\s+",  # "it names A, B and C"
    re.IGNORECASE,
)


def listed(answer: str) -> list[str]:
    """The items the answer's first sentence lists, in order: the first name of each part
    joined by "and", "et", ";" and of each short part a comma separates ("Lyonbiopole in Lyon
    and EuroBioMed in Marseille" -> Lyonbiopole, EuroBioMed; "Incubators such as A, B and C" ->
    A, B, C (the items an introducer announces); "GE Healthcare set up its Paris
    R&D center, Digital Foundry, in 2016, and start-ups such as MedClinik call Paris Region
    home" -> General Electric Healthcare, MedClinik)."""
    # "Yes, with the Lyonbiopole and ... clusters", "Yes. GE and Philips take part in ..."
    first = split_sentences(ANSWERED.sub("", CITATION.sub("", answer).strip()))[:1]
    sentence = first[0].rsplit(":", 1)[-1] if first else ""  # "three pillars: a, b and c"
    sentence = re.sub(r"\s*\([^()]*\)", "", sentence)  # 'biotherapy ("covering ...")': asides
    split = re.split(r"(,?\s+(?:and|et|or|ou)\s+|;\s*)", sentence)
    parts = [INTRODUCED.sub("", p, count=1) for p in split[::2]]  # "incubators such as A": A
    # "the SUMIL project with GE and Philips": GE, the name joined to the next (no comma between)
    parts = [
        JOINED.sub("", p, count=1) if i + 1 < len(parts) and "," not in split[2 * i + 1] else p
        for i, p in enumerate(parts)
    ]
    short = all(len(words(s)) <= 4 or QUOTED.search(s) for p in parts for s in p.split(","))
    items: list[str] = []
    for part in parts:
        segments = [s for s in part.split(",") if s.strip()]
        listing = len(segments) > 1 and all(len(words(s)) <= 4 for s in segments)
        for segment in segments if listing else [part]:
            quoted = QUOTED.search(segment)  # 'a sector Medicen calls "Technotherapy"'
            name = quoted.group(1) if quoted else _first_name(segment)
            name = name or (_term(segment) if short else "")
            if name and name not in items:
                items.append(name)
    return items


# a term the answer quotes after a verb that names it ('a sector Medicen calls "Technotherapy"'):
# what the item is called (not a description: 'Doctolib, described as a "booking app"')
QUOTED = re.compile(
    r"\b(?:calls?|called|named|dubbed|known as|appelle|appelée?s?|nommée?s?|baptisée?s?)\s+"
    r"[\"“«]\s*([^\"“”«»]{2,40}?)\s*[\"”»]",
    re.IGNORECASE,
)


def _term(text: str) -> str:
    """The common words of a short item ("promoting", "the digital platform"): its words
    after the articles, when they are all words."""
    own = words(text)
    while own and fold(own[0]) in STOPWORDS:
        own = own[1:]
    return " ".join(own) if own and all(w.isalpha() for w in own) else ""


def _first_name(text: str) -> str:
    for match in NAMES.finditer(re.sub(r"\b[LlDd]['’](?=[A-ZÀ-ÖØ-Þ])", "", text)):
        named = match.group(0).split()
        while named and fold(named[0]) in STOPWORDS:
            named = named[1:]
        if named:
            return " ".join(named)
    return ""
