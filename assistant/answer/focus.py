"""The decline gate's last check: a who-question's answer must be about what it asks about.

"Who is the CEO of Sanofi?" is not answered by "Stéphane Roques, CEO of Medicen": a sentence
that names another organisation than the one asked about, and none of it, is not evidence; a
question about a role (CEO, president, founder) needs a sentence that holds that role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.roles import asked_role, holds_role
from assistant.answer.sentence_model import combined
from assistant.answer.subjects import in_scope
from assistant.retrieval.passage import Passage


def about_other(
    sentence: str,
    passage: Passage,
    asked: Sequence[Organisation],
    organisations: Sequence[Organisation],
) -> bool:
    """The sentence names none of the asked organisations but names another one (or it is the
    directory entry of another one). A source whose title names an asked organisation speaks
    for it (an interview of its CEO: "we have a hub program ... It is a project with Cap
    Digital" is the cluster's own hub): none of its sentences is about another; nor when the
    title names a parent of an asked one (Medicen's CEO on Medicen's precision medicine hub)."""
    if not asked:
        return False
    named = named_in(sentence, organisations)
    if any(o in named for o in asked):
        return False
    title = str(passage.metadata.get("title", ""))
    if passage.metadata.get("source_kind") == "directory":
        return all(o.name != title for o in asked)
    titled = {o.name for o in named_in(title, organisations)}
    speaks_for = any(o.name in titled or titled & set(o.record.parents) for o in asked)
    return bool(named) and not speaks_for


def refocus(
    report: EvidenceReport,
    question: str,
    passages: Sequence[Passage],
    organisations: Sequence[Organisation],
    min_score: float,
) -> EvidenceReport:
    """Drops the sentences about another organisation than the asked one, and those without
    the asked role; the gate stays open only if a remaining sentence still scores enough."""
    named = named_in(question, organisations)
    role = asked_role(question) if named else None  # "who runs X" without a name: not a role
    if not named:
        return report
    # the region named as an organisation ("la région Île-de-France accueille ...") is where
    # every organisation of the directory is: a sentence on one of them is not about another
    asked = [o for o in named if not in_scope(o)]

    def relevant(e: Evidence) -> bool:
        passage = passages[e.n - 1]
        if about_other(e.sentence, passage, asked, organisations):
            return False
        return role is None or holds_role(role, e.sentence)

    kept = [e for e in report.evidence if e.prompt or relevant(e)]
    answers = [e for e in kept if not e.prompt]
    answerable = (
        report.answerable and combined([e.score for e in answers], report.points) >= min_score
    )
    # a sentence on another organisation may still carry the answer on ("It is a project with
    # Cap Digital"), so it stays, after the others; never for a role ("CEO of Medicen")
    others = [] if role else [e for e in report.evidence if e not in kept]
    return replace(report, evidence=kept + others, answerable=answerable)
