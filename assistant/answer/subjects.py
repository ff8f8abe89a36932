"""What a question is about: the names of its subject (the directory's organisations, its
capitalised words, or words the passages write as names), and whether a text names one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.questions import asking
from assistant.answer.roles import PERSON_ROLE
from assistant.answer.spans import NAME_RUN
from assistant.answer.spelling import CLOSE_ENOUGH, MIN_CHARS
from assistant.retrieval.glossary import translate_terms
from assistant.retrieval.passage import Passage
from ingest.store.text import STOPWORDS, detect_language, fold, tokenize, words

IC = re.IGNORECASE
# the corpus's own scope is no subject: "France's", "the Paris Region", "la région
# Île-de-France" (the regional council's directory entry is named as the region is)
SCOPE = re.compile(
    r"(the |la |l['’]|d['’])?(france|french|paris( region)?|(paris )?r[ée]gion|"
    r"(r[ée]gion |paris )?([îi]le[- ]de[- ]france|idf)( region)?|europe(an)?)",
    IC,
)


def in_scope(org: Organisation) -> bool:
    """The organisation is named as the region is ("Région Île-de-France"): where every
    organisation of the corpus is, named as the scope more often than as a subject."""
    return bool(SCOPE.fullmatch(org.name))


# a possessive or an elided verb after a word: "Sanofi's", "I'd", "we're"
ELIDED = re.compile(r"['’](s|d|m|ll|ve|re)$", IC)
# who says it, first or last ("D'après Stéphane Roques, combien ...?", "..., according to X?"):
# whose words the answer quotes, no subject of the question
SPEAKER = re.compile(
    r"^\s*(?:selon|d['’]apr[eè]s|according to)\s+[^,?]{1,60},|"
    r",\s*(?:selon|d['’]apr[eè]s|according to)\s+[^,?]{1,60}(?=\s*\?*\s*$)",
    IC,
)


def subject_names(
    question: str,
    organisations: Sequence[Organisation],
    passages: Sequence[Passage] = (),
    lexicon: Lexicon | None = None,
) -> list[str]:
    """The names the question is about: its directory organisations, else its capitalised
    words (not its first word, unless an acronym; not the region or the country), else, in a
    question typed in lower case, its words that the passages write as names
    ("medxperience": "MedXperience", or misspelt: ``names_as_written``); read in the clauses
    that ask (``questions.asking``)."""
    question = asking(question)[0]  # what the asker tells of themselves is not asked about
    question = SPEAKER.sub(" ", question)  # "D'après Stéphane Roques, combien ...": who says it
    named = [o for o in named_in(question, organisations) if not in_scope(o)]
    if named:
        return [o.label for o in named[:2]]
    runs = [
        ELIDED.sub("", m.group(0))
        for m in NAME_RUN.finditer(question)
        if m.start() > 0 or re.search(r"[A-Z].*[A-Z]", m.group(0))  # not "Roughly ..."
    ]
    runs = [r for r in runs if fold(r.split()[0]) not in STOPWORDS and not SCOPE.fullmatch(r)]
    return runs[:2] or names_as_written(question, passages, lexicon)[:2]


def persons_asked(
    question: str, organisations: Sequence[Organisation], passages: Sequence[Passage]
) -> list[str]:
    """The people the asking clauses name ("When did Christian Lajoux become president of
    X?"), whose value is asked even beside an organisation: names of two words or more, no
    organisation's, that a passage writes beside a role ("Christian Lajoux, President of ...",
    "its CEO Stéphane Roques")."""
    question = asking(question)[0]
    runs = [ELIDED.sub("", m.group(0)) for m in NAME_RUN.finditer(question) if m.start() > 0]
    text = " ".join(p.text for p in passages)
    return [
        r
        for r in runs
        if len(r.split()) >= 2
        and not any(fold(w) in STOPWORDS for w in r.split())
        and not named_in(r, organisations)
        and re.search(
            rf"\b{re.escape(r)},\s+(?:\w+\s+){{0,3}}?{PERSON_ROLE}\b|\b{PERSON_ROLE}\s+{re.escape(r)}\b",
            text,
            IC,
        )
        is not None
    ]


def translated(word: str) -> bool:
    """A French word the glossary reads in English ("santé": health): a word of the question,
    not a name, though the English sources write it only in names ("Lab Santé")."""
    terms = tokenize(word)
    return bool(terms) and translate_terms(terms) != terms


def names_as_written(
    question: str, passages: Sequence[Passage], lexicon: Lexicon | None = None
) -> list[str]:
    """The words of ``question`` that the passages only ever write as a name (capitalised,
    never in lower case), spelt as the passages spell them; with the ``lexicon``, a word in no
    dictionary one typo from such a name too ("medclinic": "MedClinik"), and no word of the
    dictionaries ("healthcare", though the passages write it only in "GE Healthcare")."""
    french = detect_language(question) == "fr"  # the glossary reads French words only
    asked = [
        fold(w)
        for w in words(question)
        if len(w) >= 3 and fold(w) not in STOPWORDS and not (french and translated(fold(w)))
    ]
    text = " ".join(p.text for p in passages)
    lower = {fold(w) for w in words(text) if w[:1].islower()}
    spelt: dict[str, str] = {}
    for word in words(text):
        key = fold(word)
        if key not in lower and word[:1].isupper() and len(key) >= 3:
            spelt.setdefault(key, word)
    names = [k for k in spelt if not lexicon.is_word(k)] if lexicon else []
    found = [
        "" if lexicon and lexicon.is_word(k) else spelt.get(k) or _misspelt(k, spelt, names, lower)
        for k in asked
    ]
    return [name for name in dict.fromkeys(found) if name and not SCOPE.fullmatch(name)]


def _misspelt(word: str, spelt: dict[str, str], names: list[str], lower: set[str]) -> str:
    """The name ``word`` (in no dictionary) is a typo of, among ``names``, the passages' names
    in no dictionary ("instituts" is no typo of the "Institute" of a name), when no word the
    passages write in lower case is as close ("medicin" is "medicine", not "Medicen"), else
    ""."""
    if len(word) < MIN_CHARS or not names:
        return ""
    close = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH)
    if close is None:
        return ""
    nearer = process.extractOne(word, lower, scorer=fuzz.ratio, score_cutoff=close[1])
    return "" if nearer else spelt[close[0]]


def mentions(text: str, name: str, organisations: Sequence[Organisation]) -> bool:
    """The text names ``name``: as the directory spells it, or with its acronym spelt out
    ("General Electric Healthcare" for "GE Healthcare")."""
    org = next((o for o in organisations if o.label == name), None)
    if org is not None and named_in(text, [org]):
        return True
    if re.search(rf"\b{re.escape(fold(name))}\b", fold(text)):
        return True
    own = own_name(org) if org else ""  # "Digital Foundry" of "GE Healthcare Digital Foundry"
    if own and re.search(rf"\b{re.escape(fold(own))}\b", fold(text)):
        return True
    return bool(re.search(spelt_out(org.name if org else name), text))


def own_name(org: Organisation) -> str:
    """The words of an organisation's name after its parent's, when it is named after its parent
    and two or more words of its own follow ("Digital Foundry"); else ""."""
    for parent in org.record.parents:
        if org.name.startswith(f"{parent} ") and len(org.name[len(parent) :].split()) >= 2:
            return org.name[len(parent) :].strip()
    return ""


ACRONYM = re.compile(r"[A-Z]{2,5}")


def spelt_out(name: str) -> str:
    """A pattern of ``name`` with each acronym ("GE") as words of those initials."""
    space = r"\s+"
    parts = [
        space.join(rf"{c}\w+" for c in word) if ACRONYM.fullmatch(word) else re.escape(word)
        for word in name.split()
    ]
    return rf"\b{space.join(parts)}\b"
