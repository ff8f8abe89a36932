"""A place the question keeps to that none of the sentences answering it names: "any good
healthtech incubators in Barcelona?", "leur siège aux États-Unis, il est dans quelle ville ?",
"does Curie have a hospital in Saint-Cloud too?", "the biggest pharma company in the world". The
sources say nothing of what is there, however well those sentences match the rest: the question
is declined, saying which place they do not cover.

A place is what follows a word that places ("in", "at", "à", "aux", "dans") in the clauses that
ask, not in what the asker tells ("we run a lab in Tokyo. who ...?"): a country, a part of the
world, the world or one of its cities as the CLDR names them in English and French (Babel's
data), or a capitalised name that is no organisation, town or campus of the directory. The
region, France and the directory's towns are the sources' own scope. Shapes, the CLDR and the
directory only, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Sequence
from itertools import takewhile

from assistant.answer.asked_value import BEST, previous_sentence, refers
from assistant.answer.evidence import EvidenceReport
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE, UNSAID
from assistant.answer.names_said import spelt_alike
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.partners import told_of_asker
from assistant.answer.place_asked import OWN_DEPARTEMENTS, REGION
from assistant.answer.questions import asking
from assistant.answer.said_about import usable
from assistant.answer.value_kinds import asked_value
from assistant.answer.weights import SCOPE
from assistant.answer.world import CAPITALISED, world
from ingest.store.text import fold, tokenize

# a word that places, then the place: "in the United States", "aux états-unis", "à Londres"
PLACED = re.compile(
    r"\b(?:in|at|across|throughout|near|around|à|au|aux|en|dans|pr[èe]s de)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?"
    r"(?P<place>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})",
    re.IGNORECASE,
)
# a place no word places: the asked thing's ("which Israeli clusters ...?", "what US cities")
QUALIFIED = re.compile(
    r"\b(?:which|what|quels?|quelles?)\s+(?P<place>[^\W\d_][\w'’.-]*)(?=\s+[^\W\d_])",
    re.IGNORECASE,
)
# or a people's word or a country's letters that say whose the asked thing is: "the German
# medical device market", "its US headquarters" ("its us headquarters", "which us city": no "us"
# the pronoun follows "its" or "which")
PEOPLES = re.compile(
    r"\b(?:the|its|their)\s+(?P<place>(?-i:[A-Z])[a-z]+|(?-i:[A-Z]{2,3}))(?=\s+[a-z])|"
    r"\b(?:its|their|which|what)\s+(?P<letters>us|uk)(?=\s+[a-z])",
    re.IGNORECASE,
)
# or the asking clause's subject or owner: "how many start-ups does Munich have?", "Munich's"
SUBJECT = re.compile(
    r"\b(?:does|do|did|is|are|was|were|has|have|can|could|will|would)\s+"
    r"(?P<place>[^\W\d_][\w-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w-]*){0,2})|"
    r"\b(?P<owner>(?-i:[A-ZÀ-Þ])[\w-]*)['’]s\b",
    re.IGNORECASE,
)
NEAR = 0.9  # a sentence scoring this share of the best one's is as good an answer


def places_kept_to(
    question: str,
    organisations: Sequence[Organisation],
    gazetteer: Gazetteer,
    known: Container[str] = (),
    lexicon: Lexicon | None = None,
) -> list[tuple[str, frozenset[str]]]:
    """The places the asking clauses of ``question`` keep to, outside the sources' scope, each
    as the question writes it and all its names."""
    asked = told_of_asker(asking(question, told_first=True)[0])  # not "a biotech from Lyon"
    first = re.match(r"\W*[\w'’-]+", asked)
    found = []
    for match in PLACED.finditer(asked):
        words = match.group("place").split()
        start = match.start("place")
        written, place = _named(words, lexicon) or _capitalised(words, start, first, known)
        if place and not _at_home(place, organisations, gazetteer):
            found.append((written, place))
    for written, place in _unplaced(asked, lexicon):
        if not _at_home(place, organisations, gazetteer) and written not in dict(found):
            found.append((written, place))
    return found


def _unplaced(asked: str, lexicon: Lexicon | None) -> list[tuple[str, frozenset[str]]]:
    """The places of the world the asking clauses name without a word that places them: the
    asked thing's, by its name or its people's ("which Israeli clusters", "what US cities", "the
    German market"), or the subject's or owner's ("does Munich have ...?", "Munich's start-ups")."""
    found = []
    for match in (*QUALIFIED.finditer(asked), *PEOPLES.finditer(asked)):
        word = match.group("place") or (match.groupdict().get("letters") or "").upper()
        if place := world().place(word, lexicon):
            found.append((word, place))
        elif (country := world().people(word))[0] and not _ordinary(word, lexicon):
            found.append(country)  # "Israeli": of Israel; "quel pôle" names no Pole
    for match in SUBJECT.finditer(asked):
        if named := _named((match.group("place") or match.group("owner")).split(), lexicon):
            found.append(named)
    return found


def _ordinary(word: str, lexicon: Lexicon | None) -> bool:
    """A French word in lower case that is not also a frequent English one ("quel pôle": no
    Pole; "german", "allemand" still name their people)."""
    if CAPITALISED.fullmatch(word) or lexicon is None:
        return False
    return lexicon.french(word.lower()) and not lexicon.common(word.lower())


def _named(words: list[str], lexicon: Lexicon | None) -> tuple[str, frozenset[str]] | None:
    """The place of the world the words start with (the longest name first), as written."""
    places = world()
    for n in range(len(words), 0, -1):
        written = " ".join(words[:n]).strip("'’")
        if spelt := places.place(written, lexicon):
            return written, spelt
    return None


def _capitalised(
    words: list[str], start: int, first: re.Match[str] | None, known: Container[str]
) -> tuple[str, frozenset[str]]:
    """A capitalised name the corpus never uses (not the message's first word, which any
    question capitalises; a name the sources use is theirs, a person's or a thing's)."""
    if (first and start < first.end()) or not CAPITALISED.fullmatch(words[0]):
        return "", frozenset()
    if fold(words[0]) in world().others or any(t in known for t in tokenize(words[0])):
        return "", frozenset()  # "in March", "in English"; "à Stéphane Roques"
    run = list(takewhile(CAPITALISED.fullmatch, words))  # "Greater Paris": the region
    return " ".join(run), frozenset({" ".join(run)})


def _at_home(
    place: frozenset[str], organisations: Sequence[Organisation], gazetteer: Gazetteer
) -> bool:
    """The sources' scope: the region, its départements, France, the directory's towns,
    campuses, organisations."""
    for name in place:
        folded = fold(name)
        terms = set(tokenize(name))
        if REGION.search(folded) or (terms and terms <= SCOPE) or folded in gazetteer.campus:
            return True
        if folded in OWN_DEPARTEMENTS:  # "en Seine-Saint-Denis", "in the Essonne"
            return True
        if any(o.region != "out" and o.city and fold(o.city) == folded for o in organisations):
            return True
        if named_in(name, organisations):
            return True
    return False


def unsaid_place(
    question: str,
    report: EvidenceReport,
    organisations: Sequence[Organisation],
    gazetteer: Gazetteer,
    known: Collection[str] = (),
    lexicon: Lexicon | None = None,
) -> str:
    """The first place the question keeps to that none of the sentences answering it (the best
    one and those nearly as good, with the one before when it takes that one up) names in any
    of its names, else ""."""
    places = places_kept_to(question, organisations, gazetteer, known, lexicon)
    if not places:
        return ""
    ranked = usable(report)[:BEST]
    best = [e for e in ranked if e.score >= NEAR * ranked[0].score] if ranked else []
    before = [previous_sentence(report, e) for e in best if refers(e.sentence)]
    present = set(tokenize(" ".join([*before, *(e.sentence for e in best)])))
    # where it is, asked in any of its questions ("X is American right? where's its US office?")
    asked = re.findall(r"[^?]+\?|[^?]+$", asking(question, told_first=True)[0])
    where = any(asked_value(part.strip()) == "place" for part in asked)
    return next((written for written, place in places if not _said(place, present, where)), "")


def _said(place: frozenset[str], present: set[str], named: bool = False) -> bool:
    """Every word of one of the place's names, or its adjective ("German" for "Germany"),
    stands in the text; its name itself when where in it is asked (``named``: "an American
    company" says not where in the US it is)."""
    return any(
        (terms := tokenize(name))
        and all(t in present if named else spelt_alike(t, present) for t in terms)
        for name in place
    )


def elsewhere_decline(
    question: str,
    language: str,
    report: EvidenceReport,
    organisations: Sequence[Organisation],
    gazetteer: Gazetteer | None = None,
    known: Collection[str] = (),
    lexicon: Lexicon | None = None,
) -> str | None:
    """The decline of a question kept to a place the best sentences never name, saying so;
    None when the answer may go on."""
    if not report.answerable:
        return None
    gazetteer = gazetteer or Gazetteer.of(organisations)
    place = unsaid_place(question, report, organisations, gazetteer, known, lexicon)
    return f"{DECLINE[language]} {UNSAID[language].format(what=place)}" if place else None
