"""Compose: the sentences to quote from the scored evidence, as spans of consecutive sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.evidence import Evidence, EvidenceReport

REFERS_BACK = re.compile(
    r"^(in particular|it|its|this|these|they|their|that|those|he|she|his|her|hence|therefore|"
    r"additionally|also|then|as a consequence|in all|another)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """Consecutive sentences of one passage quoted in an answer."""

    n: int
    text: str


def continues(report: EvidenceReport, ev: Evidence) -> bool:
    """Whether the sentence after ``ev`` carries on from it ("Additionally, ...", "It ...")."""
    sentences = report.sentences.get(ev.n, [])
    after = ev.position + 1
    return after < len(sentences) and REFERS_BACK.match(sentences[after]) is not None


def select(
    report: EvidenceReport, max_chars: int = 760, max_spans: int = 3, margin: float = 0.1
) -> list[Span]:
    """The sentences to quote, as spans of consecutive sentences, best first.

    First the answers: the best sentence and up to ``max_spans - 1`` others that score almost as
    well (within ``margin``) elsewhere. Then, while there is room, their context: the sentence
    before one that refers back ("In all, there are..."), the sentence after one that is carried
    on ("Additionally, ..."), then the sentence after each, then the one before each.
    """
    fits = [e for e in report.evidence if not e.prompt]
    if not fits:
        return []
    quote = Quote(report, max_chars)
    chosen = quote.answers(fits, max_spans, margin)
    quote.add_context(chosen)
    return quote.spans()


class Quote:
    """The sentences picked so far, each with the rank of the answer it serves, within
    ``max_chars`` (a sentence counts its length and one space)."""

    def __init__(self, report: EvidenceReport, max_chars: int) -> None:
        self.report = report
        self.max_chars = max_chars
        self.picked: dict[tuple[int, int], int] = {}  # (n, position) -> rank of its answer
        self.length = 0

    def take(self, n: int, position: int, rank: int) -> bool:
        """Picks the sentence if it is quotable, not picked yet and fits; says whether it did."""
        sentences = self.report.sentences.get(n, [])
        if (n, position) in self.picked or (n, position) in self.report.unquotable:
            return False
        if not 0 <= position < len(sentences):
            return False
        if self.length + len(sentences[position]) + 1 > self.max_chars:
            return False
        self.picked[(n, position)] = rank
        self.length += len(sentences[position]) + 1
        return True

    def answers(self, fits: list[Evidence], max_spans: int, margin: float) -> list[Evidence]:
        """The best sentence and the others close to it, as many as fit, at most ``max_spans``."""
        best = fits[0]
        chosen: list[Evidence] = []
        for ev in fits:
            if len(chosen) >= max_spans:
                break
            close = ev.score >= best.score - margin and ev.coverage >= best.coverage * 0.5
            if (ev is best or close) and self.take(ev.n, ev.position, len(chosen)):
                chosen.append(ev)
        return chosen

    def add_context(self, chosen: list[Evidence]) -> None:
        """The sentences around the answers, those they refer to or that carry them on first."""
        for rank, ev in enumerate(chosen):
            if REFERS_BACK.match(ev.sentence):
                self.take(ev.n, ev.position - 1, rank)
            if continues(self.report, ev):
                self.take(ev.n, ev.position + 1, rank)
        for step in (1, -1):  # the sentence after each, then the one before, which sets the scene
            for rank, ev in enumerate(chosen):
                self.take(ev.n, ev.position + step, rank)

    def spans(self) -> list[Span]:
        """The picked sentences joined into runs of consecutive ones, by rank of their answer."""
        runs: list[tuple[int, int, list[int]]] = []  # (rank, n, positions)
        for (n, position), rank in sorted(self.picked.items()):
            if runs and runs[-1][1] == n and runs[-1][2][-1] == position - 1:
                runs[-1] = (min(runs[-1][0], rank), n, [*runs[-1][2], position])
            else:
                runs.append((rank, n, [position]))
        runs.sort(key=lambda run: run[0])
        return [Span(n, " ".join(self.report.sentences[n][p] for p in ps)) for _, n, ps in runs]
