"""The directory's organisations as the answers use them: who a question names, which ones a
list question asks for (kind, domains, city, matched in both languages), who a sentence names.

The organisations come as directory passages (one per organisation, with ``kind``, ``city``,
``domains`` and ``acronym`` in the metadata) from an :class:`OrganisationSource`; the container
wires one that reads the index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.place_asked import Place, in_places, places_asked
from assistant.retrieval.glossary import translate_terms
from assistant.retrieval.passage import Passage
from ingest import directory
from ingest.directory import organisation_from_metadata
from ingest.directory.region import Where, where
from ingest.store.text import STOPWORDS, detect_language, fold, stem, tokenize


class OrganisationSource(Protocol):
    def organisation_passages(self) -> list[Passage]:
        """One passage per organisation of the directory."""
        ...


@dataclass(frozen=True)
class Organisation:
    """A directory organisation (:class:`ingest.directory.Organisation`, read back from the
    index, its description being its passage) with that passage, which the answers cite, and
    the id of its document."""

    record: directory.Organisation
    passage: Passage

    @property
    def doc_id(self) -> str:
        return str(self.passage.metadata.get("doc_id", self.passage.id))

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def acronym(self) -> str:
        return self.record.acronym

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def city(self) -> str:
        return self.record.city

    @property
    def postcode(self) -> str:
        return self.record.postcode

    @property
    def domains(self) -> tuple[str, ...]:
        return self.record.domains

    @property
    def website(self) -> str:
        return self.record.website

    @property
    def description(self) -> str:
        return self.record.description

    def own_text(self, description: bool = True) -> str:
        """The words it is known by: its name, kind and fields, and its description."""
        known_by = (self.name, self.kind, *self.domains)
        return " ".join((*known_by, self.description) if description else known_by)

    @property
    def departement(self) -> str:
        """75, 77, 78, 91, 92, 93, 94 or 95 in the Paris Region, else ""."""
        return self.record.departement

    @property
    def region(self) -> Where:
        """The directory's "in" / "out" (its region metadata), else from its city and postcode."""
        if self.record.region in ("in", "out"):
            return "in" if self.record.region == "in" else "out"
        return where(self.city, self.postcode)

    @property
    def commune(self) -> str:
        """Its commune in the Paris Region, else "" (outside, or not known)."""
        return self.city if self.city and self.region == "in" else ""

    @property
    def label(self) -> str:
        """The short name a reader knows: "CEA", "Inserm", "Medicen Paris Region"."""
        return self.acronym if self.acronym and len(self.name) > 30 else self.name

    def aliases(self) -> set[str]:
        """Squashed forms (letters and digits) the organisation is named by in a text."""
        return set(self._aliases)

    @cached_property
    def _aliases(self) -> frozenset[str]:  # read for every text a question checks: once
        names = {squash(self.name)}
        if self.acronym and len(self.acronym) >= 3:
            names.add(squash(self.acronym))
        short = PLACE_SUFFIX.sub("", self.name).strip()
        if short != self.name and fold(short) not in COMMON_WORDS:
            names.add(squash(short))  # "Medicen" for "Medicen Paris Region"
        first, _, rest = self.name.partition(" ")
        if first.isupper() and rest:  # "Paris Île-de-France CCI" for "CCI Paris Île-de-France"
            names.add(squash(f"{rest} {first}"))
        if self.name.lower().startswith("institut "):
            names.add(squash(self.name.split(" ", 1)[1]))  # "Curie" for "Institut Curie"
        return frozenset(n for n in names if len(n) >= 3)


PLACE_SUFFIX = re.compile(
    r"\s+(paris region|paris [iî]le-de-france|[iî]le-de-france|paris|france)$", re.IGNORECASE
)
COMMON_WORDS = {"region", "lab", "cci", "centre", "center", "groupe", "group", "network"}


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def from_passage(passage: Passage) -> Organisation:
    """The organisation a directory passage describes."""
    return Organisation(organisation_from_metadata(passage.metadata, passage.text or ""), passage)


def from_passages(passages: Sequence[Passage]) -> list[Organisation]:
    out = [from_passage(p) for p in passages]
    return [o for o in out if o.name]


def named_in(text: str, organisations: Sequence[Organisation]) -> list[Organisation]:
    """The organisations a text names, in the order it names them (the longest name wins)."""
    words = re.findall(r"[\w&\-]+", text)
    found: list[tuple[int, Organisation]] = []
    squashed_words = [squash(w) for w in words]
    blank = [i for i, w in enumerate(squashed_words) if not w]  # separators: any name's start
    starts: dict[str, list[int]] = {}  # where a name may start: by the word's first letter
    for i, word in enumerate(squashed_words):
        if word:
            starts.setdefault(word[0], []).append(i)
    if blank:  # merged once, not for every name
        starts = {letter: sorted(at + blank) for letter, at in starts.items()}
    for org in organisations:
        for alias in org.aliases():
            position = _find(squashed_words, alias, starts.get(alias[:1], blank))
            if position is not None:
                found.append((position, org))
                break
    found.sort(key=lambda item: (item[0], -len(item[1].name)))
    out: list[Organisation] = []
    for _, org in found:
        if org not in out:
            out.append(org)
    return out


def _find(words: list[str], alias: str, starts: Sequence[int]) -> int | None:
    """Where consecutive words spell ``alias`` (case, accents and separators aside), from the
    first of ``starts`` (the words it may start at, in order) that does."""
    for i in starts:
        joined = ""
        for j in range(i, min(i + 6, len(words))):
            joined += words[j]
            if joined == alias:
                return i
            if not alias.startswith(joined):
                break
    return None


def question_terms(question: str) -> list[str]:
    terms = tokenize(question)
    return translate_terms(terms) + terms if detect_language(question) == "fr" else terms


@dataclass(frozen=True)
class Member:
    organisation: Organisation
    domains: tuple[str, ...]  # the domains the question asked for that it works on
    place: str = ""  # the place the question asked for that holds it ("Essonne", "Lyon")


def members(
    question: str,
    organisations: Sequence[Organisation],
    mentioned: Sequence[str] = (),
    context: str = "",
) -> list[Member]:
    """The organisations a list question asks for: of the kind it names (its head noun),
    working in the domain it names, in the city it names, and those of that kind the best
    sentences name (``mentioned``). Empty when its head noun is not an organisation, or when
    it names an organisation (a question about that one, answered from the passages).
    ``context`` (what a follow-up borrowed from the conversation) adds domain terms."""
    kinds = asked_kinds(question)
    if not kinds or named_in(question, organisations):
        return []
    terms = set(question_terms(f"{question} {context}"))

    def domains_of(org: Organisation) -> tuple[str, ...]:
        return tuple(d for d in org.domains if (t := phrase_terms(d)) and t <= terms)

    by_domain = {o.name: domains_of(o) for o in organisations}
    places = places_asked(question, organisations)  # a town, a département, outside the region
    pool = [o for o in organisations if in_places(o, places)]
    if "*" not in kinds:
        pool = [o for o in pool if o.kind in kinds]
    # within a named kind, those the best sentences name count too ("clusters like A, B and C")
    matched = [o for o in pool if by_domain[o.name] or ("*" not in kinds and o.name in mentioned)]
    if "*" in kinds and not places and not any(by_domain[o.name] for o in pool):
        return []  # "which organisations ...?" asks for a domain or a place
    if any(by_domain[o.name] for o in pool):
        pool = matched
    return [Member(o, by_domain[o.name], _place(o, places)) for o in pool]


def _place(org: Organisation, places: Sequence[Place]) -> str:
    return next((place.label for place in places if place.holds(org)), "")


def phrase_terms(domain: str) -> set[str]:
    """The terms of a domain, a hyphenated word kept whole ("e-health" is not "health")."""
    return {stem(w) for w in re.findall(r"[\w\-]+", fold(domain)) if w not in STOPWORDS}
