"""Which sentence leads a fact's answer: the best one, unless a reply to an interviewer's
question scores almost as well, or a near one holds the kind of answer asked for (or, for a
where-question, a place within the best one's)."""

from __future__ import annotations

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.spans import WHERE, answer_span


def typed_first(asked: str, best: Evidence, fits: list[Evidence], near: float) -> Evidence:
    """The best sentence, unless it holds none of the kind of answer asked for (a date for
    "when", a place for "where", a number for "how many") and one of the next few, scoring
    within ``near``, does: the answer comes first. A place within the best one's ("the Palais
    Brongniart in Paris" beside "in Paris") answers a where-question better."""
    span = answer_span(asked, best.sentence)
    if span and not WHERE.search(asked):
        return best
    if span:
        within = [
            ev
            for ev in fits[1:4]
            if ev.score >= best.score - near
            and answer_span(asked, ev.sentence).endswith(f" {span}")
        ]
        return within[0] if within else best
    for ev in fits[1:4]:
        if ev is not best and ev.score >= best.score - near and answer_span(asked, ev.sentence):
            return ev
    return best


def reply_first(report: EvidenceReport, fits: list[Evidence], margin: float) -> Evidence:
    """The best sentence, unless it leads up to an interviewer's question ("Right in the month
    of your appointment, the CSIS... Do you think...?") and a reply scores almost as well."""
    best = fits[0]
    sentences = report.sentences.get(best.n, [])
    after = best.position + 1
    if after < len(sentences) and sentences[after].endswith("?"):
        for ev in fits[1:4]:
            if ev.score >= best.score - margin and ev.n == best.n and ev.position > after:
                return ev
    return best
