"""URLs: normalising, same-site tests, and the links of an HTML page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from ingest.decode import decode_html
from ingest.models import IngestError

DEFAULT_PORTS = {"http": 80, "https": 443}
# links to these are not pages: the crawl does not even ask for them
# fmt: off
SKIPPED_EXTENSIONS = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff",
    ".mp3", ".mp4", ".avi", ".mov", ".webm", ".zip", ".gz", ".tgz", ".rar", ".7z", ".doc",
    ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".css", ".js", ".json", ".xml",
    ".rss", ".woff", ".woff2", ".ttf", ".eot", ".exe", ".dmg", ".apk",
})
# fmt: on
_NOT_PAGE_LINKS = ("#", "mailto:", "tel:", "javascript:", "data:")
_USERINFO = re.compile(r"^(\s*[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*@")
CREDENTIALS_REFUSED = (
    "refused {url}: a user name or password in a URL is never kept; give the address without "
    "it (pages behind a sign-in cannot be added)"
)


def without_userinfo(url: str) -> str:
    """``url`` without its ``user:password@`` part (the same string when it has none). Found
    without parsing, so that even a URL too broken to parse never shows its password."""
    match = _USERINFO.match(url)
    if not match:
        return url
    return f"{match.group(1) or ''}//{url[match.end() :]}"


def normalize_url(url: str) -> str:
    """Validate an absolute http(s) URL; lower-case scheme and host, drop the fragment, any
    user:password@ and the default port, and give an empty path ``/``. Raises IngestError for
    anything else."""
    try:  # the fragment first: "http://x/\x85#" would keep a space the next reading strips
        parts = urlsplit(url.split("#", 1)[0].strip())
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"invalid URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = scheme or "none"
        raise IngestError(f"invalid URL scheme {shown!r} in {url!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise IngestError(f"invalid URL {url!r}: no host")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a normalised URL (the unit of same-site and of robots.txt)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def host(url: str) -> str:
    """``host[:port]`` of a URL (for messages)."""
    return urlsplit(url).netloc


def looks_like_page(url: str) -> bool:
    """False for links to files that are not pages (PDF, images, archives...)."""
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return dot <= path.rfind("/") or path[dot:] not in SKIPPED_EXTENSIONS


def extract_links(content: bytes, base_url: str, charset: str | None = None) -> list[str]:
    """Absolute, normalised http(s) links of an HTML page, in document order, de-duplicated."""
    soup = BeautifulSoup(decode_html(content, charset), "html.parser")
    base_tag = soup.find("base", href=True)
    base = urljoin(base_url, str(base_tag["href"])) if base_tag else base_url
    links: dict[str, None] = {}
    for anchor in soup.find_all(["a", "area"], href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith(_NOT_PAGE_LINKS):
            continue
        try:
            links.setdefault(normalize_url(urljoin(base, href)), None)
        except IngestError:
            continue
    return list(links)
