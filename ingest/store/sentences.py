"""The sentences of a passage as units that keep its structure: paragraphs, and the questions
and headings that lead to an answer without being one. The answer stage scores them
(``assistant/answer/structure.py``); the sentence cache can embed them at ingest."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.store.safety import is_injection
from ingest.store.text import is_heading, split_paragraphs, split_sentences

MIN_SCORED = 12  # a shorter sentence is never scored (nor embedded for it)


@dataclass(frozen=True)
class Unit:
    """A sentence of a passage, with its paragraph.

    ``prompt``: the sentence asks or announces (a question, a heading), it is not an answer;
    ``asks``: its paragraph ends with a question, so the next paragraph answers it.
    """

    position: int
    sentence: str
    paragraph: int
    prompt: bool
    asks: bool


def units(text: str) -> list[Unit]:
    out: list[Unit] = []
    for p, paragraph in enumerate(split_paragraphs(text)):
        heading = is_heading(paragraph)
        asks = paragraph.rstrip().endswith("?")
        for sentence in split_sentences(paragraph):
            prompt = heading or sentence.endswith("?")
            out.append(Unit(len(out), sentence, p, prompt, asks))
    return out


def worth_scoring(sentence: str) -> bool:
    """Not too short, not an injection: the sentences the evidence scorer embeds."""
    return len(sentence) >= MIN_SCORED and not is_injection(sentence)


def scored_sentences(texts: list[str]) -> list[str]:
    """The distinct sentences of ``texts`` the evidence scorer would embed, in order."""
    found: dict[str, None] = {}
    for text in texts:
        for unit in units(text):
            if worth_scoring(unit.sentence):
                found[unit.sentence] = None
    return list(found)
