"""HTML and Markdown rendering for the app. Pure functions, no Gradio.

Nothing that comes from a source (scraped page, uploaded file, directory CSV) or from an answer may
run in the browser, so every string is escaped here before it goes into HTML or Markdown:

- text in HTML goes through :func:`esc` (``html.escape``);
- links only ever get ``http``/``https`` URLs (:func:`safe_url`), escaped as attributes;
- text shown in the Chatbot (which renders Markdown, then sanitizes HTML) goes through
  :func:`md_text`, which writes every character that Markdown or HTML reads as syntax as a numeric
  entity, so a passage can neither inject tags nor build Markdown links or images.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol
from urllib.parse import urlsplit

CITATION = re.compile(r"\[(\d{1,3})\]")
NOT_FOUND_LABEL = "Not found in the sources"
_NOTE = re.compile(r'<span class="ph-note"[^>]*>.*?</span>', re.S)
_TAG = re.compile(r"<[^>]*>")
# Markdown/HTML syntax characters, written as entities (the browser shows the character itself).
_MD_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\\`*_[]#|~$"})
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\"'<>`\\]")


class SourceLike(Protocol):
    """What is shown of a passage (``assistant.services.SourceRef``)."""

    @property
    def n(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def highlight(self) -> str: ...
    @property
    def metadata(self) -> dict[str, Any]: ...


def esc(value: object) -> str:
    """Text (or an attribute value) for HTML."""
    return html.escape(str(value), quote=True)


def md_text(text: str) -> str:
    """Text for the Chatbot: shown literally, whatever Markdown or HTML it contains."""
    return text.translate(_MD_ENTITIES)


def plain(content: str) -> str:
    """The plain text of a Chatbot message rendered by this module (for multi-turn history)."""
    text = _TAG.sub("", _NOTE.sub("", content))
    return " ".join(html.unescape(text).split())


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with nothing odd in it, else None."""
    url = (url or "").strip()
    if not url or _URL_FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link(url: str | None, label: str, *, cls: str = "") -> str:
    """An external link (new tab, no referrer) when ``url`` is safe, else the escaped label."""
    safe = safe_url(url)
    if safe is None:
        return esc(label)
    klass = f' class="{esc(cls)}"' if cls else ""
    return (
        f'<a href="{esc(safe)}"{klass} target="_blank" rel="noopener noreferrer nofollow">'
        f"{esc(label)}</a>"
    )


def host(url: str | None) -> str:
    safe = safe_url(url)
    return urlsplit(safe).netloc.removeprefix("www.") if safe else ""


def answer_key(question: str, answer: str) -> str:
    """A short id that keeps the source anchors of one answer apart from another's."""
    return hashlib.sha256(f"{question}\x00{answer}".encode()).hexdigest()[:8]


# --- chat -------------------------------------------------------------------------------------


def answer_markdown(text: str, sources: Sequence[SourceLike], grounded: bool, key: str = "") -> str:
    """The answer for the Chatbot: escaped text, citations ``[n]`` linked to their source.

    A citation links to the source's URL, or to its card in the sources panel when it has none.
    An answer that is not grounded in the sources gets a visible note.
    """
    by_n = {s.n: s for s in sources}
    out: list[str] = []
    pos = 0
    for match in CITATION.finditer(text):
        n = int(match.group(1))
        out.append(md_text(text[pos : match.start()]))
        out.append(citation_link(n, by_n.get(n), key))
        pos = match.end()
    out.append(md_text(text[pos:]))
    body = "".join(out).strip()
    if grounded:
        return body
    return f'<span class="ph-note">&#9888; {NOT_FOUND_LABEL}</span>\n\n<em>{body}</em>'


def citation_link(n: int, source: SourceLike | None, key: str = "") -> str:
    label = f"&#91;{n}&#93;"
    if source is None:
        return label
    title = esc(source.title or f"Source {n}")
    url = safe_url(source.url)
    if url:
        return (
            f'<a href="{esc(url)}" title="{title}" target="_blank" '
            f'rel="noopener noreferrer nofollow">{label}</a>'
        )
    return f'<a href="#{anchor(n, key)}" title="{title}">{label}</a>'


def anchor(n: int, key: str = "") -> str:
    return f"ph-src-{key}-{n}" if key else f"ph-src-{n}"


def highlight(text: str, sentence: str) -> str:
    """The escaped passage with ``sentence`` (the one that answers) in a ``<mark>``."""
    sentence = (sentence or "").strip()
    if sentence:
        start = text.find(sentence)
        end = start + len(sentence)
        if start < 0:  # the same words, whatever the whitespace between them
            pattern = r"\s+".join(re.escape(word) for word in sentence.split())
            found = re.search(pattern, text)
            start, end = (found.start(), found.end()) if found else (-1, -1)
        if start >= 0:
            return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"
    return esc(text)


SOURCES_PLACEHOLDER = (
    '<div class="ph-sources ph-empty"><div class="ph-sources-head">Sources</div>'
    "<p>Each answer lists the passages it was drawn from here: title, date, link, and the "
    "sentence that answers <mark>highlighted</mark>.</p></div>"
)
SOURCES_SEARCHING = (
    '<div class="ph-sources ph-empty"><div class="ph-sources-head">Sources</div>'
    "<p>Searching the sources&hellip;</p></div>"
)


def sources_html(
    sources: Sequence[SourceLike], cited: Iterable[int], grounded: bool, key: str = ""
) -> str:
    """The sources panel: one card per passage, cited ones first in full."""
    cited_set = set(cited)
    if not sources:
        return (
            '<div class="ph-sources ph-empty"><div class="ph-sources-head">Sources</div>'
            "<p>No passage of the corpus matches this question.</p></div>"
        )
    if grounded:
        head = f'Sources <span class="ph-count">{len(cited_set)} cited of {len(sources)}</span>'
    else:
        head = (
            'Nearest passages <span class="ph-count ph-count-warn">'
            "the answer was not found in them</span>"
        )
    cards = "".join(
        source_card(s, s.n in cited_set, open_=not grounded or s.n in cited_set, key=key)
        for s in sources
    )
    return f'<div class="ph-sources"><div class="ph-sources-head">{head}</div>{cards}</div>'


def source_card(source: SourceLike, cited: bool, *, open_: bool = True, key: str = "") -> str:
    title = source.title or "Untitled source"
    title_html = link(source.url, title) if safe_url(source.url) else esc(title)
    meta: list[str] = []
    if source.date:
        meta.append(f'<span class="ph-date">{esc(source.date)}</span>')
    kind = source.metadata.get("kind") or source.metadata.get("type")
    if kind:
        meta.append(f'<span class="ph-badge">{esc(kind)}</span>')
    where = host(source.url)
    if where:
        meta.append(f'<span class="ph-host">{esc(where)}</span>')
    if cited:
        meta.append('<span class="ph-badge ph-badge-cited">cited</span>')
    passage = highlight(source.text, source.highlight)
    if open_:
        body = f'<div class="ph-passage">{passage}</div>'
    else:
        body = (
            '<details class="ph-more"><summary>Show passage</summary>'
            f'<div class="ph-passage">{passage}</div></details>'
        )
    klass = "ph-source ph-cited" if cited else "ph-source"
    return (
        f'<div class="{klass}" id="{anchor(source.n, key)}">'
        f'<div class="ph-source-head"><span class="ph-num">{source.n}</span>'
        f'<span class="ph-title">{title_html}</span></div>'
        f'<div class="ph-meta">{"".join(meta)}</div>{body}</div>'
    )


# --- directory --------------------------------------------------------------------------------


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


# --- staff ------------------------------------------------------------------------------------


def report_html(report: Any, action: str = "Refresh") -> str:
    """An ingest report (``IngestReport``): the summary line and one row per source."""
    rows = []
    for item in report.items:
        if item.status == "failed":
            detail = item.reason or "failed"
        elif item.status == "removed":
            detail = f"{item.deleted} chunks deleted"
        else:
            detail = (
                f"{item.chunks} chunks"
                + (f", {item.embedded} embedded" if item.embedded else "")
                + (f", {item.deleted} deleted" if item.deleted else "")
            )
        rows.append(
            f'<tr><td><span class="ph-status ph-status-{esc(item.status)}">{esc(item.status)}'
            f"</span></td><td><code>{esc(item.source_id)}</code></td>"
            f"<td>{esc(item.location)}</td><td>{esc(detail)}</td></tr>"
        )
    table = (
        '<table class="ph-report-table"><thead><tr><th>Status</th><th>Source</th>'
        f"<th>Location</th><th>Details</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No source to process.</p>"
    )
    return (
        f'<div class="ph-report"><div class="ph-report-head">{esc(action)}: '
        f"{esc(report.summary())}</div>{table}</div>"
    )
