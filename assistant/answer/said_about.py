"""What the sources say about a subject when they do not hold what was asked of it: the
decline, with the best-scored quotable sentence that names the subject, else the first one of a
passage about it ("I could not find that in the sources. They say about X: ...")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import ABOUT, DECLINE
from assistant.answer.organisations import Organisation
from assistant.answer.subjects import mentions
from assistant.retrieval.passage import Passage
from ingest.store.text import split_sentences


def declined_about(
    subject: str,
    language: str,
    passages: Sequence[Passage],
    report: EvidenceReport,
    organisations: Sequence[Organisation],
) -> str:
    """The decline, with the nearest sentence about the subject when there is one."""
    if not subject:
        return DECLINE[language]

    def sentences(n: int) -> list[str]:
        return report.sentences.get(n) or split_sentences(passages[n - 1].text)

    about = [
        n
        for n, p in enumerate(passages, start=1)
        if mentions(f"{p.metadata.get('title', '')} {p.text}", subject, organisations)
    ]
    said = nearest(subject, report, about, sentences, organisations)
    if said is None:
        return DECLINE[language]
    n, sentence = said
    return f"{DECLINE[language]} {ABOUT[language].format(subject=subject)} {sentence} [{n}]"


def nearest(
    subject: str,
    report: EvidenceReport,
    about: list[int],
    sentences: Callable[[int], list[str]],
    organisations: Sequence[Organisation],
) -> tuple[int, str] | None:
    """The best-scored sentence that names the subject, else the first one of a passage about
    it."""
    for e in usable(report):
        if mentions(e.sentence, subject, organisations):
            return e.n, e.sentence
    for n in about:
        for position, sentence in enumerate(sentences(n)):
            quotable = (n, position) not in report.unquotable
            if quotable and mentions(sentence, subject, organisations):
                return n, sentence
    return None


def usable(report: EvidenceReport) -> list[Evidence]:
    """The evidence that may be quoted, best first."""
    return [
        e for e in report.evidence if not e.prompt and (e.n, e.position) not in report.unquotable
    ]
