"""Compose a list of organisations: members from the directory's structured fields and from
the enumerations of the passages ("incubators such as A, B and C"), one bullet each (name,
kind, city, a short reason, a citation), capped with "and N more in the directory"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.compose_fact import quotable
from assistant.answer.evidence import EvidenceReport
from assistant.answer.labels import domain_label, text, with_note
from assistant.answer.organisations import Member, Organisation, named_in
from ingest.directory.org_kinds import kind_label

MAX_BULLETS = 8
ENUMERATION = re.compile(r"\b(such as|like|including|include|namely|e\.g\.|notamment|comme)\b")


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
    for m in members:
        rank_n = cited.get(m.organisation.name)
        n = rank_n[1] if rank_n else directory_n.get(m.organisation.name, 0)
        listed.append(ListedMember(m, n, rank_n is not None))
    listed = [item for item in listed if item.n]
    return sorted(
        listed,
        key=lambda item: (
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
    lines = [text("list_heading", language)]
    lines += [bullet(item, language) for item in listed[:MAX_BULLETS]]
    if len(listed) > MAX_BULLETS:
        lines.append(text("more", language).format(n=len(listed) - MAX_BULLETS))
    return with_note("\n".join(lines), language) if language != "en" else "\n".join(lines)
