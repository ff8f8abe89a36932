"""Media types: which ones each kind of fetch accepts, and reading a Content-Type header."""

from __future__ import annotations

from email.message import Message

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_TYPES = HTML_TYPES | {"text/plain"}
SITEMAP_TYPES = frozenset(
    {
        "application/xml",
        "text/xml",
        "text/plain",
        "application/gzip",
        "application/x-gzip",
        "application/octet-stream",
    }
)


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """(lower-case media type, charset or None) of a Content-Type header value."""
    if not content_type:
        return "", None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset).strip() if charset else None


def accept_header(accepted: frozenset[str]) -> str:
    """The Accept header asking for pages or for sitemaps."""
    if accepted & HTML_TYPES:
        return "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
    return "application/xml,text/xml;q=0.9,*/*;q=0.5"
