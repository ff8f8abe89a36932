"""HTML for the Directory tab: organisations ranked as partners, each with its passage.

Pure functions, no Gradio; every string is escaped with the primitives of ``ui/render.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ingest.directory.org_kinds import kind_label
from ui.render import esc, host, link, safe_url, strip_markdown

NO_MATCH = (
    '<div class="ph-partners ph-empty ph-no-match"><strong>No good match.</strong> No organisation '
    "of the directory works on what this description names. Name the field (e.g. oncology, "
    "medical imaging, e-health) or the kind of partner (hospital, research institute).</div>"
)
# The partner list scrolls into view when it is filled (gr.HTML js_on_load).
SCROLL_JS = """
watch('value', () => {
  if (element.querySelector('.ph-partners, .ph-no-match')) {
    element.scrollIntoView({block: 'start', behavior: 'smooth'});
  }
});
"""


def search_summary(count: int, filters: list[str]) -> str:
    """The line above the directory table."""
    if count == 0:
        said = ", ".join(f"\u201c{f}\u201d" for f in filters) or "these filters"
        return (
            f'<div class="ph-dir-summary ph-no-match">No organisation matches {esc(said)}. '
            "Try another word (English or French) or clear the filters.</div>"
        )
    noun = "organisation" if count == 1 else "organisations"
    return f'<div class="ph-dir-summary">{count} {noun}</div>'


CARD_LABELS = {"kind": "Kind", "city": "Place", "domains": "Domains", "website": "Website"}


def directory_cards(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The directory table as cards, one per organisation (what a phone shows instead of the
    table): its name, then each other column labelled on its own line, wrapping within the
    card; a kind in words, a missing town said. The table's rows, in the table's order."""
    cards = []
    for row in rows:
        cells = {h: "" if v is None else str(v).strip() for h, v in zip(headers, row, strict=False)}
        if any(cells.values()):
            cards.append(_card(cells))
    return f'<ul class="ph-dir-cards">{"".join(cards)}</ul>' if cards else ""


def _card(cells: dict[str, str]) -> str:
    fields = []
    for column, label in CARD_LABELS.items():
        value = cells.get(column, "")
        if column == "website":
            shown = link(value, host(value)) if safe_url(value) else ""  # http(s) only
        elif column == "kind":
            shown = esc(kind_label(value)) if value else ""
        else:
            shown = esc(value) or ("no town given" if column == "city" else "")
        if shown:
            fields.append(
                f'<div class="ph-card-field" data-col="{column}"><span class="ph-card-label">'
                f'{label}</span> <span class="ph-card-value">{shown}</span></div>'
            )
    name = f'<div class="ph-card-name" data-col="name">{esc(cells.get("name", ""))}</div>'
    return f'<li class="ph-dir-card">{name}{"".join(fields)}</li>'


def partners_html(matches: Sequence[Any]) -> str:
    """Ranked partner matches (``PartnerMatch``): why each fits (its matching domains, its
    kind), the passage that justifies it, and a mark when it is outside the Paris Region."""
    if not matches:
        return NO_MATCH
    items = []
    for rank, match in enumerate(matches, start=1):
        org = match.organisation
        kind = kind_label(org.kind)
        facts = [f'<span class="ph-badge">{esc(kind)}</span>'] if org.kind else []
        facts.append(f'<span class="ph-city">{esc(org.city or "city unknown")}</span>')
        if getattr(match, "out_of_region", False):
            facts.append('<span class="ph-badge ph-badge-out">outside the Paris Region</span>')
        if safe_url(org.website):
            facts.append(link(org.website, host(org.website) or org.website, cls="ph-site"))
        reasons = "; ".join(getattr(match, "reasons", []) or [])
        passage = excerpt(strip_markdown(match.passage), org.name)
        items.append(
            '<li class="ph-partner">'
            f'<div class="ph-partner-head"><span class="ph-num">{rank}</span>'
            f"<strong>{esc(org.name)}</strong>{''.join(facts)}</div>"
            + (f'<div class="ph-why">Why: {esc(reasons)}</div>' if reasons else "")
            + f'<blockquote class="ph-passage">{passage}</blockquote>'
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
