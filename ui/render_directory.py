"""HTML for the Directory tab: organisations ranked as partners, each with its passage.

Pure functions, no Gradio; every string is escaped with the primitives of ``ui/render.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ui.render import esc, host, link, safe_url


def partners_html(matches: Sequence[Any]) -> str:
    """Ranked partner matches (``PartnerMatch``), each with the passage that justifies it."""
    if not matches:
        return '<div class="ph-partners ph-empty">No organisation matches this description.</div>'
    items = []
    for rank, match in enumerate(matches, start=1):
        org = match.organisation
        facts = [f'<span class="ph-badge">{esc(org.kind)}</span>'] if org.kind else []
        if org.city:
            facts.append(f'<span class="ph-city">{esc(org.city)}</span>')
        if safe_url(org.website):
            facts.append(link(org.website, host(org.website) or org.website, cls="ph-site"))
        domains = ", ".join(d.strip() for d in org.domains.split(";") if d.strip())
        items.append(
            '<li class="ph-partner">'
            f'<div class="ph-partner-head"><span class="ph-num">{rank}</span>'
            f"<strong>{esc(org.name)}</strong>{''.join(facts)}</div>"
            + (f'<div class="ph-domains">{esc(domains)}</div>' if domains else "")
            + f'<blockquote class="ph-passage">{excerpt(match.passage, org.name)}</blockquote>'
            + (
                f'<div class="ph-from">From: {esc(match.source_title)}</div>'
                if match.source_title
                else ""
            )
            + "</li>"
        )
    return f'<ol class="ph-partners">{"".join(items)}</ol>'


def excerpt(text: str, term: str, width: int = 420) -> str:
    """HTML: the part of ``text`` around the first mention of ``term`` (marked), then the whole
    passage behind a "Full passage" toggle when it was cut."""
    flat = " ".join(text.split())
    found = flat.lower().find(term.lower()) if term else -1
    start, end = 0, len(flat)
    if len(flat) > width:
        start = max(0, (found if found >= 0 else 0) - width // 3)
        end = min(len(flat), start + width)
        start = max(0, end - width)
        if start > 0:
            start = flat.find(" ", start) + 1 or start
        if end < len(flat):
            end = flat.rfind(" ", start, end) if flat.rfind(" ", start, end) > start else end
    piece = flat[start:end]
    at = piece.lower().find(term.lower()) if term else -1
    if at >= 0:
        body = (
            f"{esc(piece[:at])}<mark>{esc(piece[at : at + len(term)])}</mark>"
            f"{esc(piece[at + len(term) :])}"
        )
    else:
        body = esc(piece)
    body = ("&hellip; " if start > 0 else "") + body + (" &hellip;" if end < len(flat) else "")
    if start == 0 and end == len(flat):
        return body
    return (
        f'{body}<details class="ph-full"><summary>Full passage</summary>'
        f'<div class="ph-passage">{esc(text)}</div></details>'
    )
