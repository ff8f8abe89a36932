"""Compose a list of organisations: members from the directory's structured fields and from
the enumerations of the passages ("incubators such as A, B and C"), one bullet each (name,
kind, city, a short reason, a citation), capped with "and N more in the directory"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.compose_explain import carried_on
from assistant.answer.compose_fact import clip, overlap, quotable
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.labels import domain_label, text, with_note
from assistant.answer.organisations import Member, Organisation, named_in
from ingest.directory.org_kinds import kind_label

MAX_BULLETS = 8
ENUMERATION = re.compile(r"\b(such as|like|including|include|namely|e\.g\.|notamment|comme)\b")
# "A, B and C", "Doctolib, Instacare, DoudouCare, Epiderm, and others", "...; as well as nine
# universities, two teacher-training colleges, and multiple schools": items of at most three
# words between the commas (or semicolons), the last joined by "and" / "or" / "et" / "ou"; an
# item that opens with a preposition or a relative word is a clause ("Cap Digital, a cluster in
# the digital space, with numerous companies and ..."), not an item
WORD = r"[\w\-’'&.]+"
CLAUSE = (
    r"with|in|of|for|to|by|from|on|at|as|which|who|that|whose|where|when|while|and|or|but|"
    r"avec|dans|de|du|des|pour|par|sur|qui|que|dont|où|et|ou|mais"
)
ITEM = rf"(?!(?:{CLAUSE})\b){WORD}(?: {WORD}){{0,2}}"
LISTED = re.compile(
    rf"{WORD}(?:\s*[,;]\s*{ITEM})+\s*[,;]?\s+(?:and|or|et|ou)\s+{WORD}", re.IGNORECASE
)
MARGIN = 0.15  # an enumeration answers when it scores within this of the best sentence
MAX_ENUMERATIONS = 2
ENUMERATION_CHARS = 420


@dataclass(frozen=True)
class ListedMember:
    """A member to list, with the number of the passage that cites it."""

    member: Member
    n: int  # the passage citing it: a document that names it, else its directory entry
    named_by_source: bool  # a retrieved document names it in a sentence that answers


def rank_members(
    report: EvidenceReport, members: Sequence[Member], directory_n: dict[str, int]
) -> list[ListedMember]:
    """The members, those the best sentences name (enumerations first) before the others."""
    orgs = [m.organisation for m in members]
    cited: dict[str, tuple[int, int]] = {}  # name -> (rank of the sentence, n)
    for rank, ev in enumerate(quotable(report)[:12]):
        bonus = 0 if ENUMERATION.search(ev.sentence) else 1
        for org in named_in(ev.sentence, orgs):
            cited.setdefault(org.name, (rank * 2 + bonus, ev.n))
    listed = []
    for m in members:  # one in the place asked: its directory entry says it is there
        rank_n = None if m.place else cited.get(m.organisation.name)
        n = rank_n[1] if rank_n else directory_n.get(m.organisation.name, 0)
        listed.append(ListedMember(m, n, rank_n is not None))
    listed = [item for item in listed if item.n]
    fielded = any(m.domains for m in members)  # the field asked leads, then who is named
    return sorted(
        listed,
        key=lambda item: (
            fielded and not item.member.domains,
            cited.get(item.member.organisation.name, (999, 0))[0],
            -len(item.member.domains),
            -len(item.member.organisation.domains),
            item.member.organisation.name.lower(),
        ),
    )


def bullet(item: ListedMember, language: str) -> str:
    org: Organisation = item.member.organisation
    facts = [kind_label(org.kind, language)] if org.kind else []
    if org.city:
        facts.append(org.city)
    domains = item.member.domains or org.domains[:2]
    reason = ", ".join(domain_label(d, language) for d in domains[:3])
    head = f"- {org.label}" + (f" ({', '.join(facts)})" if facts else "")
    return f"{head}{': ' + reason if reason else ''} [{item.n}]"


def compose_list(
    report: EvidenceReport, members: Sequence[Member], directory_n: dict[str, int]
) -> str:
    """The bullets, or "" when no member can be cited."""
    listed = rank_members(report, members, directory_n)
    if not listed:
        return ""
    language = report.language
    orgs = [m.organisation for m in members]
    # an enumeration of the best sentences that names members leads ("The CNRS; the Pasteur
    # Institute, ...; the Curie Institute ..."): its peers are not all in the directory's kind
    placed = any(m.place for m in members)  # a place asked: the directory's places answer
    # beside a place's members, an enumeration of passages that answer, or one that names two
    # of them (one named in passing, "a project launched by A, B and Servier", is no list)
    least = 2 if placed and not report.answerable else 1
    lead = [(ev, t) for ev, t in enumerations(report) if len(named_in(t, orgs)) >= least][:1]
    if lead and not placed:  # the members it names are cited there; the directory the others
        named = {o.name for o in named_in(lead[0][1], orgs)}
        listed = [i for i in listed if i.member.organisation.name not in named]
    lines = [text("list_heading", language)] if listed else []
    lines += [bullet(item, language) for item in listed[:MAX_BULLETS]]
    if len(listed) > MAX_BULLETS:
        lines.append(text("more", language).format(n=len(listed) - MAX_BULLETS))
    enumerated = [f"{t} [{ev.n}]" for ev, t in lead]  # those of the place first, then the list
    lines = [*lines, *enumerated] if placed else [*enumerated, *lines]
    return with_note("\n".join(lines), language) if language != "en" else "\n".join(lines)


def enumerations(report: EvidenceReport) -> list[tuple[Evidence, str]]:
    """The best sentences that enumerate (alone, or led in by the sentence before: "Start-ups
    ... have developed applications ... They include A, B, C, and others."), best first."""
    fits = quotable(report)[:8]
    found: list[tuple[Evidence, str]] = []
    for ev in fits:
        if ev.score < fits[0].score - MARGIN or len(found) >= MAX_ENUMERATIONS:
            break
        text = enumerated(report, ev)
        if text and not any(overlap(text, t) >= 0.5 for _, t in found):
            found.append((ev, text))
    return found


def enumerated(report: EvidenceReport, ev: Evidence) -> str:
    """The sentence when it enumerates, else the one that carries it on and enumerates (with
    this one before it when both fit), else ""."""
    if LISTED.search(ev.sentence):
        return clip(ev.sentence, ENUMERATION_CHARS)
    carried = carried_on(report, ev)
    if not carried or not LISTED.search(carried):
        return ""
    both = f"{ev.sentence} {carried}"
    return both if len(both) <= ENUMERATION_CHARS else clip(carried, ENUMERATION_CHARS)


def enumerates(listed: str, matched: Sequence[Member]) -> bool:
    """Whether the best sentences' enumerations name two of the members: the passages list
    what the question asks for ("Start-ups ... have developed applications ... They include
    Doctolib, Instacare, ..."), whatever the gate made of the single best sentence."""
    return len(named_in(listed, [m.organisation for m in matched])) >= 2
