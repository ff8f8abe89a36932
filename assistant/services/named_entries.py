"""The organisations a partner, locate or list answer composed from the passages names in their
words ("the Curie Institute", "the Paris Île-de-France CCI", "Medicen"), named as the directory
names them, with their kind and town, each cited by its entry: the organisations a reader
looks up next, spelt as they will find them. A fact that asks who does the same."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.citations import CITATION
from assistant.answer.condense import split_context
from assistant.answer.features import asked_types
from assistant.answer.labels import text, with_note
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.question_kind import QuestionKind
from assistant.answer.request import MAX_ANSWER_CHARS
from assistant.retrieval.passage import Passage
from assistant.services.town_answers import entry_number
from ingest.directory.org_kinds import kind_label
from ingest.store.text import fold

NAMING = (QuestionKind.PARTNER, QuestionKind.LOCATE, QuestionKind.LIST)
MOST = 4  # organisations named at most


def with_entries(
    answer: str,
    kind: QuestionKind,
    asked: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    language: str,
) -> tuple[str, list[int]]:
    """``answer`` with "In the directory: Institut Curie (research institute, Paris) [7]." for
    the organisations its first quote names in other words than the directory's and the question
    ``asked`` (restated, with its context) does not name, as many as keep it within
    ``MAX_ANSWER_CHARS`` (their entries appended to ``passages``), and the numbers the line
    cites; ``answer`` and [] for another kind (a fact that asks for no name) or when it names
    none so."""
    asks_who = "name" in asked_types(split_context(asked)[0])
    if kind not in NAMING and not (kind == QuestionKind.FACT and asks_who):
        return answer, []
    said = CITATION.sub("", answer)
    first = CITATION.split(answer, maxsplit=1)[0]  # what answers: the first quote, not a filler
    folded, known = fold(said), named_in(asked, orgs)  # what the question names, the asker knows
    named = [o for o in named_in(first, orgs) if fold(o.label) not in folded and o not in known]
    note = with_note("", language).strip()  # a French answer's note stays last
    body = answer[: -len(note)].rstrip() if note and answer.endswith(note) else answer
    for count in range(min(len(named), MOST), 0, -1):
        shown = list(passages)  # numbered on a copy: kept only when the line fits
        numbers = [entry_number(o, shown) for o in named[:count]]
        items = [_item(o, n, language) for o, n in zip(named, numbers, strict=False)]
        line = f"{text('in_directory', language)} {'; '.join(items)}."
        whole = f"{body}\n\n{line}" + (f"\n\n{note}" if body != answer else "")
        if len(whole) <= MAX_ANSWER_CHARS:
            passages.extend(shown[len(passages) :])
            return whole, numbers
    return answer, []


def _item(org: Organisation, number: int, language: str) -> str:
    about = ", ".join(p for p in (kind_label(org.kind, language), org.commune) if p)
    return f"{org.label} ({about}) [{number}]" if about else f"{org.label} [{number}]"
