"""Suggested next questions under an answer: two or three, in the answer's language, from general
signals only: the question's kind, the organisations of the directory that the question and the
answer name (each line of an answer is about the first one it names), their places and domains.

Each suggestion has a shape the directory answers, so that it is itself answerable: where an
organisation is, which organisations a place holds, two organisations side by side, who to work
with on a domain. Nothing the user asked already is suggested again. The help reply suggests
nothing (its own example questions are there); a decline suggests what can be asked about the
organisations its question names, else the help reply's example questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

from assistant.answer.condense import Turn
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.help import EXAMPLES
from assistant.answer.labels import domain_label
from assistant.answer.organisations import Organisation
from assistant.answer.places import placed, places_of
from assistant.answer.question_kind import QuestionKind
from assistant.answer.shapes import town_asked
from ingest.store.text import fold

T = TypeVar("T")
MAX_SUGGESTIONS = 3
MIN_SUGGESTIONS = 2  # fewer from the answer: the help reply's examples fill up

PHRASES = {
    "en": {
        "where": "Where is {org}?",
        "place": "Which organisations are in {place}?",
        "compare": "Compare {a} and {b}",
        "partner": "Who could we work with on {domain}?",
    },
    "fr": {
        "where": "Où se trouve {org} ?",
        "place": "Quelles organisations sont à {place} ?",
        "compare": "Comparez {a} et {b}",
        "partner": "Avec qui collaborer en {domain} ?",
    },
}
# the shapes suggested after each kind of answer, first to last (one of each in turn)
SHAPES = {
    QuestionKind.FACT: ("where", "partner", "place"),
    QuestionKind.EXPLAIN: ("where", "partner", "place"),
    QuestionKind.LIST: ("compare", "where", "place"),
    QuestionKind.PARTNER: ("where", "compare", "place"),
    QuestionKind.LOCATE: ("place", "where", "partner", "compare"),
    QuestionKind.COMPARE: ("where", "partner", "place"),
}
DECLINED = ("where", "partner", "place")  # of the organisations the declined question names


def suggest(
    question: str,
    kind: QuestionKind,
    language: str,
    answer: str,
    grounded: bool,
    directory: Gazetteer | None,
    history: Sequence[Turn] = (),
    allowed: Sequence[Organisation] | None = None,
) -> list[str]:
    """Up to :data:`MAX_SUGGESTIONS` questions to ask after ``answer`` (to ``question``, of
    ``kind``), about the organisations of ``directory`` (only the ``allowed`` ones, those that
    pass the filters, when given), none of them asked already in ``history``."""
    if kind == QuestionKind.HELP:
        return []
    lang = language if language in PHRASES else "en"
    asked = {_key(question)} | {_key(t.content) for t in history if t.role == "user"}
    named = _Named(directory, allowed)
    subjects = named.lead(question, every=True)
    orgs = _dedupe(subjects + (named.leads(answer) if grounded else []))
    shapes = SHAPES.get(kind, ()) if grounded else DECLINED if subjects else ()
    campus = directory.campus if directory is not None else {}
    candidates = _Candidates(question, kind, lang, orgs, campus, subjects)
    out: list[str] = []
    for suggestion in _round_robin([candidates.of(shape) for shape in shapes]):
        if _key(suggestion) not in asked and len(out) < MAX_SUGGESTIONS:
            asked.add(_key(suggestion))
            out.append(suggestion)
    for example in EXAMPLES[lang]:
        if len(out) < MIN_SUGGESTIONS and _key(example) not in asked:
            out.append(example)
    return out


class _Named:
    """The directory's organisations a text names (those allowed), by its gazetteer."""

    def __init__(self, directory: Gazetteer | None, allowed: Sequence[Organisation] | None):
        self.directory = directory
        self.allowed = None if allowed is None else {o.passage.id for o in allowed}

    def lead(self, text: str, every: bool = False) -> list[Organisation]:
        """The first organisation ``text`` names (``every``: all, in order)."""
        if self.directory is None or not text.strip():
            return []
        named = self.directory.organisations_in(text)
        named = [o for o in named if self.allowed is None or o.passage.id in self.allowed]
        return named if every else named[:1]

    def leads(self, answer: str) -> list[Organisation]:
        """The organisation each line of the answer is about: the first one it names."""
        return [org for line in answer.splitlines() for org in self.lead(line)]


class _Candidates:
    """The questions of each shape, best first, for one answer."""

    def __init__(
        self,
        question: str,
        kind: QuestionKind,
        lang: str,
        orgs: list[Organisation],
        campus: dict[str, list[Organisation]],
        subjects: list[Organisation],
    ) -> None:
        self.phrases = PHRASES[lang]
        self.lang = lang
        self.kind = kind
        self.orgs = orgs
        self.campus = campus
        self.town = fold(town_asked(question)) if kind == QuestionKind.LOCATE else ""
        self.located = subjects if kind == QuestionKind.LOCATE else []  # "where is X?" was asked

    def of(self, shape: str) -> Iterator[str]:
        makers = {
            "where": self._where,
            "place": self._place,
            "compare": self._compare,
            "partner": self._partner,
        }
        return makers[shape]()

    def _where(self) -> Iterator[str]:
        """Where an organisation is, for those whose place the directory knows."""
        for org in self.orgs:
            if org not in self.located and placed(org):
                yield self.phrases["where"].format(org=org.label)

    def _place(self) -> Iterator[str]:
        campus = self.campus
        for place in _dedupe(
            [p for org in self.orgs for p in (*places_of(org, campus), org.city) if p]
        ):
            if fold(place) != self.town:
                yield self.phrases["place"].format(place=place)

    def _compare(self) -> Iterator[str]:
        """The first organisation beside the next one of its kind (else the next one)."""
        if self.kind != QuestionKind.COMPARE and len(self.orgs) >= 2:
            a, *others = self.orgs
            b = next((o for o in others if o.kind == a.kind), others[0])
            yield self.phrases["compare"].format(a=a.label, b=b.label)

    def _partner(self) -> Iterator[str]:
        domains = _dedupe([d for org in self.orgs for d in org.domains if d.strip()])
        for domain in domains:
            yield self.phrases["partner"].format(domain=domain_label(domain, self.lang))


def _round_robin(groups: list[Iterator[str]]) -> Iterator[str]:
    """One of each group in turn, until all are spent."""
    while groups:
        for group in list(groups):
            item = next(group, None)
            if item is None:
                groups.remove(group)
            else:
                yield item


def _dedupe(items: Sequence[T]) -> list[T]:
    out: list[T] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _key(question: str) -> str:
    """A question as compared with another: folded, its words only."""
    return " ".join(re.findall(r"\w+", fold(question)))
