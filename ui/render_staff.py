"""HTML and words for the Staff desk: the sources table, the report of an ingest (add, refresh,
remove) and the sentence a refused address shows beside its field.

What a person reads, not what the machinery says: sources by their title, where each comes from
as a web address or a file name (never a path on the server), what the last run did to each, and
why a source failed in a plain sentence (:func:`plain_reason`). Pure functions, no Gradio; every
string is escaped with ``ui/render.py``'s :func:`esc`.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.report import detail as report_detail
from ui.render import esc

# an absolute path (POSIX or Windows) in a message: shown by its file name only
PATH = re.compile(r"(?<![\w:/.~-])(?:[A-Za-z]:)?(?:[\\/][\w.@+~-]+){2,}[\\/]?")
QUOTED_URL = re.compile(r"""['"]?(?:[a-z][a-z0-9+.-]*://|javascript:|data:)[^\s'"]*['"]?""")
PUBLIC_ONLY = (
    "It leads to a computer on a private or local network, not to a public web site, so the "
    "staff desk does not fetch it. Give the address of a page anyone can open on the web."
)
# (pattern in the machine's reason, the sentence a person reads): the first that matches
REASONS: tuple[tuple[str, str], ...] = (
    (r"resolves to a .* address|fetches only public|only public addresses", PUBLIC_ONLY),
    (
        r"user name or password",
        "The address holds a user name or password: give it without them (pages behind a "
        "sign-in cannot be added).",
    ),
    (
        r"only http and https|invalid url scheme",
        "Only web addresses that start with http:// or https:// can be added.",
    ),
    (
        r"no host|invalid url",
        "This is not a complete web address: write it like https://example.org/page.",
    ),
    (
        r"cannot resolve|name or service not known|nodename nor servname",
        "No web site answers to this name: check the spelling of the address.",
    ),
    (r"\bhttp 404\b", "The site answered that this page does not exist (error 404)."),
    (r"\bhttp 40[13]\b", "The site refuses to show this page without a sign-in."),
    (r"\bhttp (\d{3})\b", "The site answered with an error (HTTP {0}): try again later."),
    (
        r"robots\.txt",
        "The site asks robots not to read this page (its robots.txt), so the "
        "staff desk leaves it out.",
    ),
    (r"timed out|cannot connect", "The site did not answer in time: try again later."),
    (r"unsupported content type", "This address is not a web page or a text file."),
    (r"binary file", "This file is not text (it looks like a binary file)."),
    (r"no main text|has no text|no text to index|no pages found", "No readable text was found."),
    (
        r"unsupported file type",
        "This type of file cannot be added: use .html, .htm, .txt, .md or a directory .csv.",
    ),
    (r"file not found", "The file is no longer where it was: add it again."),
)


def scrub(text: str) -> str:
    """A message without server paths: each shown by its file name."""
    return PATH.sub(lambda m: m.group(0).rstrip("\\/").replace("\\", "/").rsplit("/", 1)[-1], text)


def plain_reason(reason: str) -> str:
    """Why a source failed, in a sentence a person understands (no internal id, no network
    jargon, no server path)."""
    low = (reason or "").lower()
    for pattern, sentence in REASONS:
        found = re.search(pattern, low)
        if found:
            return sentence.format(*found.groups())
    text = QUOTED_URL.sub("", scrub(reason or "")).strip(" :;,-") or "unknown reason"
    return f"It could not be read: {text[0].lower() + text[1:]}."


def refusal_sentence(report: Any) -> str:
    """The sentence beside the URL field when the address was not added ("" when it was)."""
    failed = getattr(report, "failed", [])
    if not failed:
        return ""
    return f"This address was not added. {plain_reason(failed[0].reason)}"


def place_text(source: Any) -> str:
    """Where a source comes from, for a person: its web address, or its file's name."""
    location = str(getattr(source, "location", "") or "")
    if getattr(source, "kind", "") == "url" or location.startswith(("http://", "https://")):
        return location
    origin = str(getattr(source, "origin", "") or "")
    name = (origin.removeprefix("upload:") if origin else location).replace("\\", "/")
    name = name.rsplit("/", 1)[-1]
    return f"uploaded file {name}" if origin.startswith("upload:") else f"file {name}"


def source_label(source: Any, title: str = "") -> str:
    """How a source is named to staff: its title (the manifest's, else its document's), else
    its web address or file name."""
    if getattr(source, "title", None):
        return str(source.title)
    if title:
        return title
    location = str(getattr(source, "location", "") or "")
    if location.startswith(("http://", "https://")):
        return location.split("://", 1)[1].removeprefix("www.").rstrip("/")
    return location.replace("\\", "/").rsplit("/", 1)[-1] or str(getattr(source, "id", ""))


def row_label(row: Any) -> str:
    """A listed source (``SourceRow``) by its title."""
    state = getattr(row, "state", None)
    return source_label(row.source, str(getattr(state, "title", "") or ""))


def item_label(item: Any, names: dict[str, str] | None = None) -> str:
    """A source of a report (``SourceReport``) by its title (``names``: id -> title), else
    its document's, else its web address or file name."""
    known = (names or {}).get(item.source_id) or getattr(item, "title", "")
    if known:
        return str(known)
    location = str(item.location or "")
    if location.startswith(("http://", "https://")):
        return location
    return location.replace("\\", "/").rsplit("/", 1)[-1] or str(item.source_id)


def status_text(status: str, reason: str = "") -> str:
    """What the last run said beside its status (shown as a badge): why a source failed, in
    plain words; what a source that did not fail left out; "" when nothing."""
    if status == "failed":
        return plain_reason(reason)
    if status == "never ingested":
        return "Refresh to read it."
    return scrub(reason)


def when_text(iso: str) -> str:
    """``2026-12-04T16:11:46+00:00`` -> ``2026-12-04 16:11 UTC``."""
    if len(iso) < 16 or "T" not in iso:
        return iso
    return iso[:10] + " " + iso[11:16] + (" UTC" if iso.endswith(("+00:00", "Z")) else "")


def _status_badge(status: str) -> str:
    word = "not read" if status == "never ingested" else status
    return f'<span class="ph-status ph-status-{esc(word.replace(" ", "-"))}">{esc(word)}</span>'


def _name_cell(label: str, source_id: str) -> str:
    """A source's title, with its id below (what the command line names it by), if it has one."""
    below = f"<br><small>{esc(source_id)}</small>" if source_id else ""
    return f'<td class="ph-src-name">{esc(label)}{below}</td>'


def sources_table_html(rows: list[Any]) -> str:
    """The sources (``SourceRow``): title, where from, what the last run did (and why it
    failed), when; a table that wraps within the page's width."""
    body = []
    for row in rows:
        state = row.state
        reason = state.reason if state else ""
        words = status_text(row.status, reason)
        body.append(
            f"<tr>{_name_cell(row_label(row), row.source.id)}"
            f"<td>{esc(row.source.kind)}</td><td>{esc(place_text(row.source))}</td>"
            f"<td>{_status_badge(row.status)} {esc(words)}</td>"
            f"<td>{esc(when_text(row.last_fetch))}</td></tr>"
        )
    if not body:
        return '<p class="ph-staff-empty">No source yet.</p>'
    return (
        '<table class="ph-staff-table"><colgroup><col class="ph-c-name"><col class="ph-c-kind">'
        '<col class="ph-c-where"><col class="ph-c-status"><col class="ph-c-when"></colgroup>'
        "<thead><tr><th>Source</th><th>Kind</th><th>From</th><th>Last run</th>"
        f"<th>Last read</th></tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def report_html(report: Any, action: str = "Refresh", names: dict[str, str] | None = None) -> str:
    """An ingest report (``IngestReport``): the summary line and one row per source, by its
    title (``names``: source id -> title) and id, with the command line's words for what
    happened (:func:`ingest.report.detail`), a failure's reason in plain words, no path."""
    names = names or {}
    rows = []
    for item in report.items:
        failed = item.status == "failed"
        detail = plain_reason(item.reason) if failed else scrub(report_detail(item))
        label = item_label(item, names)
        in_corpus = item.source_id in names or not failed  # a failed address was not added
        listed = item.source_id if in_corpus else ""
        rows.append(
            f'<tr><td><span class="ph-status ph-status-{esc(item.status)}">{esc(item.status)}'
            f"</span></td>{_name_cell(label, listed)}<td>{esc(detail)}</td></tr>"
        )
    table = (
        '<table class="ph-report-table"><thead><tr><th>Status</th><th>Source</th>'
        f"<th>Details</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No source to process.</p>"
    )
    return (
        f'<div class="ph-report"><div class="ph-report-head">{esc(action)}: '
        f"{esc(report.summary())}</div>{table}</div>"
    )
