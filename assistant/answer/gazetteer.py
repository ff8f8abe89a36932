"""The directory as a gazetteer: the organisations (names, acronyms, short forms) and places
(its towns and the campuses its descriptions share) a sentence names. It types answers: a
sentence that names an organisation the question does not answers "who" or "which
organisation"; one that names a town or campus answers "where"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer.organisations import Organisation, squash
from assistant.answer.places import campuses
from ingest.store.text import fold

MAX_WORDS = 5  # the longest name looked up, in words
WORD = re.compile(r"[\w&\-’']+")
NAME_WORD = re.compile(r"[\w&\-]+")  # as named_in reads a text: "Delta Care's" names Delta Care


@dataclass(frozen=True)
class Gazetteer:
    names: frozenset[str] = frozenset()  # squashed organisation names and aliases
    places: frozenset[str] = frozenset()  # folded towns and campuses
    _runs: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    by_alias: dict[str, list[Organisation]] = field(default_factory=dict, compare=False, repr=False)
    campus: dict[str, list[Organisation]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, organisations: Sequence[Organisation]) -> Gazetteer:
        by_alias: dict[str, list[Organisation]] = {}
        for org in organisations:
            for alias in org.aliases():
                by_alias.setdefault(alias, []).append(org)
        campus = campuses(organisations)
        places = {fold(org.city) for org in organisations if org.city}
        places |= {fold(name) for name in campus}
        names = frozenset(by_alias)
        return cls(names, frozenset(p for p in places if p), by_alias=by_alias, campus=campus)

    def organisations_in(self, text: str) -> list[Organisation]:
        """The organisations ``text`` names, in the order it names them (the longest name at a
        word first): :func:`~assistant.answer.organisations.named_in` by one lookup a run."""
        words = NAME_WORD.findall(text)
        out: list[Organisation] = []
        for i in range(len(words)):
            for j in range(min(i + MAX_WORDS, len(words)), i, -1):
                named = self.by_alias.get(squash("".join(words[i:j])))
                if named:
                    out += [org for org in named if org not in out]
                    break
        return out

    def places_in(self, text: str) -> list[str]:
        """The towns and campuses ``text`` names, as it writes them, in the order it names them
        (the longest run at a word first: "Le Chesnay-Rocquencourt" before "Le")."""
        words = WORD.findall(text)
        out: list[str] = []
        i = 0
        while i < len(words):
            for j in range(min(i + MAX_WORDS, len(words)), i, -1):
                run = " ".join(words[i:j])
                if fold(run) in self.places:
                    out += [run] if run not in out else []
                    i = j - 1
                    break
            i += 1
        return out

    def _found(self, text: str) -> frozenset[str]:
        """The squashed names and folded places ``text`` holds (runs of up to 5 words)."""
        cached = self._runs.get(text)  # a lookup, then a local: another thread may clear it
        if cached is not None:
            return cached
        words = WORD.findall(text)
        found = set()
        for i in range(len(words)):
            for j in range(i + 1, min(i + MAX_WORDS, len(words)) + 1):
                run = " ".join(words[i:j])
                if squash(run) in self.names:
                    found.add(squash(run))
                if fold(run) in self.places:
                    found.add(fold(run))
        if len(self._runs) > 4096:
            self._runs.clear()
        self._runs[text] = result = frozenset(found)
        return result

    def named(self, text: str) -> bool:
        """The text names an organisation, a town or a campus of the directory."""
        return bool(self._found(text))

    def new_name(self, question: str, sentence: str) -> bool:
        """The sentence names an organisation the question does not."""
        asked = self._found(question)
        return any(n in self.names and n not in asked for n in self._found(sentence))

    def place(self, question: str, sentence: str) -> bool:
        """The sentence names a town or campus the question does not."""
        asked = self._found(question)
        return any(p in self.places and p not in asked for p in self._found(sentence))


class Gazetteers:
    """The gazetteer of the directory as it is now: built again only when its entries change."""

    def __init__(self) -> None:
        self._last: tuple[tuple[str, ...], Gazetteer | None] = ((), None)

    def of(self, organisations: Sequence[Organisation]) -> Gazetteer | None:
        key = tuple(o.passage.id for o in organisations)
        if key != self._last[0]:
            self._last = (key, Gazetteer.of(organisations) if organisations else None)
        return self._last[1]
