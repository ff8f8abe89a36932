"""Compose an explanation: two to four distinct points, one cited sentence each, strongest
first."""

from __future__ import annotations

import re

from assistant.answer.choose import focus_share, focus_weights
from assistant.answer.compose_fact import overlap, quotable, shorten
from assistant.answer.condense import split_context
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.labels import with_note
from assistant.answer.questions import names_in
from assistant.answer.structure import REFERS_BACK
from assistant.answer.subjects import SPEAKER
from ingest.store.text import fold

MAX_POINTS = 4
MAX_CHARS = 640
WHY = re.compile(r"^\s*(why|pourquoi)\b", re.IGNORECASE)
BECAUSE = re.compile(
    r"\b(because|due to|thanks to|as a result|parce que|grâce à|en raison de)\b", re.IGNORECASE
)
ASKED_WORDS = 5  # an interviewer's question, not a rhetorical "The goal?"
RESTATES = 0.35  # a point holding this share of the question's focus says the question back


def leads_up(report: EvidenceReport, ev: Evidence) -> bool:
    """The sentence leads up to an interviewer's question ("Right in the month of your
    appointment, the CSIS ... . Do you think ...?", in one paragraph): it asks, the reply answers.
    A rhetorical "The goal?" is no interviewer's question: it goes on with the answer."""
    sentences = report.sentences.get(ev.n, [])
    after = ev.position + 1
    asked = sentences[after].rstrip() if after < len(sentences) else ""
    # in its paragraph: a reply's last sentence is followed by the next question, a new one
    here = report.same_paragraph(ev, Evidence(ev.n, after, asked, 0.0, 0.0, 0.0))
    return asked.endswith("?") and len(asked.split()) >= ASKED_WORDS and here


def carried_on(report: EvidenceReport, ev: Evidence) -> str:
    """The next sentence of the passage when it carries this one on ("This includes ...")."""
    sentences = report.sentences.get(ev.n, [])
    after = ev.position + 1
    if after >= len(sentences) or (ev.n, after) in report.unquotable:
        return ""
    following = sentences[after]
    return following if REFERS_BACK.match(following) and not following.endswith("?") else ""


def compose_explain(report: EvidenceReport, question: str, margin: float = 0.12) -> str:
    asked, _ = split_context(question)
    fits = quotable(report)
    if not fits:
        return ""
    best = fits[0]
    points: list[str] = []
    sentences: list[str] = []
    chosen: list[str] = []
    leading: list[bool] = []  # the interviewer's words before a question, no reply
    length = 0
    for ev in fits[:12]:
        if len(points) >= MAX_POINTS:
            break
        # a second point may score a little lower: an explanation has more than one reason
        if ev.score < best.score - (margin if len(points) >= 2 else 2 * margin):
            break
        if any(overlap(ev.sentence, c) >= 0.5 for c in chosen):
            continue
        point = f"{shorten(ev.sentence, asked, 200, said=True)} [{ev.n}]"
        carried = carried_on(report, ev)
        if carried and len(point) + len(carried) < 260:  # "This includes ..." completes it
            point = f"{shorten(ev.sentence, asked, 200, said=True)} {carried} [{ev.n}]"
            chosen.append(carried)
        if length + len(point) > MAX_CHARS and points:
            break
        points.append(point)
        leading.append(leads_up(report, ev))
        sentences.append(ev.sentence)
        chosen.append(ev.sentence)
        length += len(point) + 3
    why = bool(WHY.search(SPEAKER.sub("", asked)))  # "D'après X, pourquoi ...?"
    if len(points) == 1 and why and not BECAUSE.search(sentences[0]):
        # the reason beside what it says, after it: the point the question drew stays first
        around = [
            f"{shorten(e.sentence, asked, 200, said=True)} [{e.n}]"
            for e in neighbours(report, fits[0])
        ]
        return with_note("\n".join(f"- {p}" for p in [*points, *around]), report.language)
    if len(points) > 1:
        first = reason_first(report, asked, sentences) if why else subject_first(asked, sentences)
        if leading[first] and not all(leading):  # "How does X see it?": X's reply first
            first = leading.index(False)
        points = [points[first], *[p for i, p in enumerate(points) if i != first]]
    if len(points) == 1:
        return with_note(points[0], report.language)
    return with_note("\n".join(f"- {p}" for p in points), report.language)


def names_held(names: set[str], sentence: str) -> int:
    folded = fold(sentence)
    return sum(bool(re.search(rf"\b{re.escape(name)}\b", folded)) for name in names)


def subject_first(asked: str, sentences: list[str]) -> int:
    """Which point leads an explanation or a list of things: the strongest, unless it names
    nothing the question names and another does ("the SUMIL project" for "What is SUMIL and
    ...")."""
    names = names_in(asked)
    held = [names_held(names, s) for s in sentences]
    return 0 if held[0] else next((i for i, h in enumerate(held) if h), 0)


def reason_first(report: EvidenceReport, asked: str, sentences: list[str]) -> int:
    """Which point answers a why-question first: one that gives a cause ("because ..."), else
    the strongest unless it only says the question back ("It's no coincidence that the summit
    takes place in Paris"), then the point that repeats the question the least."""
    causes = [i for i, s in enumerate(sentences) if BECAUSE.search(s)]
    if causes:
        return causes[0]
    weights = focus_weights(report, asked)
    shares = [focus_share(weights, s) for s in sentences]
    if shares[0] < RESTATES:
        return 0
    return min(range(len(shares)), key=lambda i: shares[i])


def neighbours(report: EvidenceReport, ev: Evidence) -> list[Evidence]:
    """The sentences just before and after ``ev`` in its paragraph that can be quoted (no
    question): where the reason for what a why-question's one point says stands, when it gives
    no cause ("However, it is essential to find an equilibrium ... . We do not aim to have the
    Chinese position ...")."""
    sentences = report.sentences.get(ev.n, [])
    out = []
    for position in (ev.position - 1, ev.position + 1):
        if not 0 <= position < len(sentences) or (ev.n, position) in report.unquotable:
            continue
        beside = Evidence(ev.n, position, sentences[position], 0.0, 0.0, 0.0)
        text = beside.sentence.rstrip()
        if text and not text.endswith("?") and report.same_paragraph(ev, beside):
            out.append(beside)
    return out
