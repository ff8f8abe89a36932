"""The whole extraction of one page (decode, metadata, clean, content, write) and of one
local text file."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ingest.decode import decode_html, decode_text
from ingest.extract.clean import clean
from ingest.extract.content import MIN_TEXT_CHARS, main_blocks
from ingest.extract.dates import time_date
from ingest.extract.dom import normalize_space
from ingest.extract.metadata import first_heading, head_info, page_title
from ingest.extract.writer import to_text
from ingest.models import IngestError, Page
from ingest.store.text import printable

PARSER = "html.parser"


def extract(content: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
    """The main text and metadata of an HTML page (pure: no I/O).

    ``charset`` is the one the HTTP header declared, if any. Raises IngestError("page has no
    main text") when fewer than 20 characters of content remain.
    """
    html = content if isinstance(content, str) else decode_html(content, charset)
    soup = BeautifulSoup(html, PARSER)
    info = head_info(soup)
    clean(soup)
    blocks = main_blocks(soup)
    text = printable(to_text(*blocks))  # no control character reaches a terminal
    if len(text) < MIN_TEXT_CHARS:
        raise IngestError("page has no main text")
    page = soup.body or soup
    return Page(
        text=text,
        title=page_title(info, first_heading(*blocks, page)) or None,
        date=info.date or time_date(blocks, page),
        author=info.author,
        language=info.language,
        url=url,
    )


_MD_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def extract_text_file(content: bytes | str, name: str) -> Page:
    """A Page from a local ``.txt`` / ``.md`` file: whitespace and NBSP normalised within lines,
    blank-line paragraphs kept (runs of blank lines collapsed); title from the first Markdown
    ``# `` heading, else None. Raises IngestError when the file has no text."""
    text = printable(content if isinstance(content, str) else decode_text(content))
    lines = [normalize_space(line) for line in text.splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not body:
        raise IngestError(f"{name} has no text")
    title = next((m.group(1) for line in lines if (m := _MD_TITLE.match(line))), None)
    return Page(text=body, title=title)
