"""Compose a comparison: one short block per organisation (kind, city, domains, one cited
sentence each)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.compose_fact import clip, quotable, shorten
from assistant.answer.evidence import EvidenceReport
from assistant.answer.labels import domain_label, text, with_note
from assistant.answer.organisations import Organisation, named_in
from ingest.directory.org_kinds import kind_label
from ingest.store.text import split_sentences

STRUCTURED = ("Domains:", "Parent bodies:", "Website:")


def entry_sentence(org: Organisation) -> str:
    """The first descriptive sentence of a directory entry (after its structured fields)."""
    sentences = split_sentences(org.passage.text)
    free = [s for s in sentences[1:] if not s.startswith(STRUCTURED)]
    return free[0] if free else (sentences[0] if sentences else "")


def block(
    org: Organisation,
    report: EvidenceReport,
    directory_n: dict[str, int],
    question: str,
    used: set[str],
) -> str:
    language = report.language
    facts = [kind_label(org.kind, language)] if org.kind else []
    if org.city:
        facts.append(org.city)
    if org.domains:
        labels = ", ".join(domain_label(d, language) for d in org.domains[:4])
        facts.append(f"{text('domains', language)}: {labels}")
    head = org.label + (f" ({'; '.join(facts)})" if facts else "")
    sentence, n = "", 0
    for ev in quotable(report)[:15]:
        if ev.sentence in used or ev.n in directory_n.values():
            continue
        if named_in(ev.sentence, [org]):
            sentence, n = ev.sentence, ev.n
            break
    if not sentence and org.name in directory_n:
        sentence, n = entry_sentence(org), directory_n[org.name]
    if not sentence:
        return head
    used.add(sentence)
    return f"{head}\n{clip(shorten(sentence, question, 200), 200)} [{n}]"


def compose_compare(
    report: EvidenceReport,
    organisations: Sequence[Organisation],
    directory_n: dict[str, int],
    question: str,
) -> str:
    used: set[str] = set()
    blocks = [block(o, report, directory_n, question, used) for o in organisations[:3]]
    body = "\n\n".join([text("compare_heading", report.language), *blocks])
    return with_note(body, report.language)
