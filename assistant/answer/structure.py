"""The sentences of a passage worth scoring, each with the text it is read with (the units, a
passage's sentences with their paragraphs, are the store's: ``ingest/store/sentences.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.passage import Passage
from ingest.store.sentences import Unit, units, worth_scoring

__all__ = ["REFERS_BACK", "Candidate", "Unit", "sentence_before", "to_score", "units"]

# A sentence that refers back to the one before ("In all, ...", "It ...", "Additionally, ...")
# reads only with it: composing quotes the two together.
REFERS_BACK = re.compile(
    r"^(in particular|it|its|this|these|they|their|that|those|he|she|his|her|hence|therefore|"
    r"additionally|also|then|as a consequence|in all|another)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A sentence to score, with the text it is read with."""

    n: int  # 1-based number of its passage
    unit: Unit
    context: str  # the sentence, after the organisation's name for a directory entry
    before: str  # the sentence before it in its paragraph, unless that one is a prompt


def to_score(n: int, passage: Passage, structure: list[Unit]) -> list[Candidate]:
    """The sentences of passage ``n`` worth scoring: not too short, not an injection."""
    # directory entries name their organisation in the title, documents do not
    directory = passage.metadata.get("source_kind") == "directory"
    title = str(passage.metadata.get("title", "")) if directory else ""
    candidates: list[Candidate] = []
    for unit in structure:
        if not worth_scoring(unit.sentence):
            continue
        before = sentence_before(structure, unit)
        # a directory entry's sentences are read with the organisation's name
        candidates.append(Candidate(n, unit, f"{title} {unit.sentence}", before))
    return candidates


def sentence_before(structure: list[Unit], unit: Unit) -> str:
    """The sentence before ``unit`` in the same paragraph; a question the paragraph asks
    itself ("... mediating structure. The goal? Supporting entrepreneurs ...") with the
    sentence before it: the reply is read as what that question asks of it."""
    previous = structure[unit.position - 1] if unit.position else None
    if not previous or previous.paragraph != unit.paragraph:
        return ""
    if not previous.prompt:
        return previous.sentence
    if previous.sentence.endswith("?") and not unit.prompt:
        return f"{sentence_before(structure, previous)} {previous.sentence}".strip()
    return ""
