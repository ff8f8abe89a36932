"""HTML and Markdown rendering for the app. Pure functions, no Gradio.

Nothing that comes from a source (scraped page, uploaded file, directory CSV) or from an answer may
run in the browser, so every string is escaped here before it goes into HTML or Markdown:

- text in HTML goes through :func:`esc` (``html.escape``);
- links only ever get ``http``/``https`` URLs (:func:`safe_url`), escaped as attributes;
- text shown in the Chatbot (which renders Markdown, then sanitizes HTML) goes through
  :func:`md_text`, which writes every character that Markdown or HTML reads as syntax as a numeric
  entity, so a passage can neither inject tags nor build Markdown links or images.

This module holds those primitives and the chat's answer and sources panel; the directory's
partner list is in ``render_directory.py`` and the staff desk's ingest report in
``render_staff.py``, both built on the primitives here.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol
from urllib.parse import urlsplit

from assistant.answer.citations import CITATION

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


def answer_markdown(
    text: str, sources: Sequence[SourceLike], grounded: bool, key: str = "", span: str = ""
) -> str:
    """The answer for the Chatbot: escaped text, citations ``[n]`` linked to their source.

    A citation always links to its card in the sources panel (the page scrolls to it and marks
    the cited sentence); the source's own web address is a link inside the card.
    An answer that is not grounded in the sources gets a visible note.
    ``span``, the words that answer a fact, is bold where it first stands, before the first
    citation.
    """
    by_n = {s.n: s for s in sources}
    out: list[str] = []
    pos = 0
    for match in CITATION.finditer(text):
        n = int(match.group(1))
        segment = md_text(text[pos : match.start()])
        if span and not pos:
            segment = segment.replace(md_text(span), f"<strong>{md_text(span)}</strong>", 1)
        out.append(segment)
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
    return f'<a href="#{anchor(n, key)}" title="{title}">{label}</a>'


def anchor(n: int, key: str = "") -> str:
    return f"ph-src-{key}-{n}" if key else f"ph-src-{n}"


_MD_TARGET = r"\((?:[^()\s]|\([^()]*\))*\)"  # (url), one level of parentheses inside
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\]]+)\]" + _MD_TARGET)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(\S.*?\S|\S)\1")


def strip_markdown(text: str) -> str:
    """The text of a passage written in Markdown: links and images as their words, no heading
    marks or bold markers (``[France](#)`` reads ``France``)."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def highlight(text: str, sentence: str) -> str:
    """The escaped passage with ``sentence`` (the one that answers) in a ``<mark>``; Markdown
    syntax from the page is taken out of both first."""
    text = strip_markdown(text)
    sentence = strip_markdown(sentence or "").strip()
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


def source_documents(sources: Sequence[SourceLike]) -> list[list[SourceLike]]:
    """The passages grouped by document (metadata ``doc_id``, else the title), each document
    where its first passage stands, its passages in their order."""
    docs: dict[str, list[SourceLike]] = {}
    for s in sources:
        key = str(s.metadata.get("doc_id") or s.title or s.url or f"#{s.n}")
        docs.setdefault(key, []).append(s)
    return list(docs.values())


def sources_html(
    sources: Sequence[SourceLike], cited: Iterable[int], grounded: bool, key: str = ""
) -> str:
    """The sources panel: one card per document holding its passages, the cited documents
    first; the others folded under "also retrieved" (all shown when none is cited)."""
    cited_set = set(cited)
    if not sources:
        return (
            '<div class="ph-sources ph-empty"><div class="ph-sources-head">Sources</div>'
            "<p>No passage of the corpus matches this question.</p></div>"
        )
    docs = source_documents(sources)
    if grounded:
        head = f'Sources <span class="ph-count">{len(cited_set)} cited of {len(sources)}</span>'
    else:
        head = (
            'Nearest passages <span class="ph-count ph-count-warn">'
            "the answer was not found in them</span>"
        )
    first = [d for d in docs if any(s.n in cited_set for s in d)] or docs
    rest = [d for d in docs if d not in first]
    cards = "".join(document_card(d, cited_set, key, open_all=not grounded) for d in first)
    if rest:
        cards += (
            f'<details class="ph-also"><summary>Also retrieved: {len(rest)} more '
            f"document{'s' if len(rest) > 1 else ''}</summary>"
            + "".join(document_card(d, cited_set, key, open_all=True) for d in rest)
            + "</details>"
        )
    return f'<div class="ph-sources"><div class="ph-sources-head">{head}</div>{cards}</div>'


def document_card(
    passages: Sequence[SourceLike], cited: set[int], key: str = "", *, open_all: bool = False
) -> str:
    """A document's card: its title (a link to the page), date, kind and site, then its
    passages, each with its number [n] and anchor; a passage not cited folded unless
    ``open_all``."""
    source = passages[0]
    meta: list[str] = []
    if source.date:
        meta.append(f'<span class="ph-date">{esc(source.date)}</span>')
    kind = source.metadata.get("kind") or source.metadata.get("type")
    if kind:
        meta.append(f'<span class="ph-badge">{esc(kind)}</span>')
    where = host(source.url)
    if where:
        meta.append(f'<span class="ph-host">{esc(where)}</span>')
    is_cited = any(s.n in cited for s in passages)
    if is_cited:
        meta.append('<span class="ph-badge ph-badge-cited">cited</span>')
    body = "".join(
        passage_html(s, s.n in cited, open_=open_all or s.n in cited, key=key) for s in passages
    )
    return (
        f'<div class="ph-doc{" ph-doc-cited" if is_cited else ""}">'
        f'<div class="ph-card-head"><span class="ph-title">'
        f"{link(source.url, source.title or 'Untitled source')}</span></div>"
        f'<div class="ph-meta">{"".join(meta)}</div>{body}</div>'
    )


def passage_html(source: SourceLike, cited: bool, *, open_: bool = True, key: str = "") -> str:
    """A passage of a document's card, the target of its citations [n]: the sentence that
    answers highlighted."""
    num = f'<span class="ph-num">{source.n}</span>'
    passage = f'<div class="ph-passage">{highlight(source.text, source.highlight)}</div>'
    if not open_:
        passage = f'<details class="ph-more"><summary>Show passage</summary>{passage}</details>'
    klass = "ph-source ph-cited" if cited else "ph-source"
    return f'<div class="{klass}" id="{anchor(source.n, key)}">{num}{passage}</div>'
