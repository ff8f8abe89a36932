"""The ``extract`` stage: the main text and the metadata of one web page.

:func:`extract` is a pure function of the page (no I/O, no clock): the same bytes always give the
same :class:`~ingest.models.Page`. It decodes the bytes (:mod:`ingest.decode`), parses with
beautifulsoup4 (``html.parser``), then

1. reads the metadata (title, date, author, language) from meta tags, JSON-LD and the markup
   (:mod:`~ingest.extract.metadata`, :mod:`~ingest.extract.dates`,
   :mod:`~ingest.extract.sources`);
2. drops what is never content (scripts, styles, forms, iframes, SVG, comments, hidden
   elements) and the site furniture (nav, header, footer, aside, and anything whose tag, id,
   class, role or aria-label says menu, cookie/consent banner, breadcrumb, sidebar, share
   buttons, related / read-more / see-also lists, comments, newsletter sign-up, ads)
   (:mod:`~ingest.extract.clean`);
3. picks the content block: the ``<article>``, else ``<main>`` / ``[role=main]``, else the block
   that a paragraph-score and link-density heuristic prefers (:mod:`~ingest.extract.content`);
4. writes it out as text: headings and paragraphs separated by a blank line, list items one per
   line, table rows one per line with cells joined by `` | ``; whitespace (including
   non-breaking and zero-width spaces) normalised; the text of links kept
   (:mod:`~ingest.extract.writer`).

:func:`extract_text_file` does the same job for local ``.txt`` / ``.md`` files. Both live in
:mod:`~ingest.extract.page`; shared DOM helpers are in :mod:`~ingest.extract.dom`.
"""

from __future__ import annotations

from ingest.decode import decode_html, decode_text
from ingest.extract.dates import normalize_date
from ingest.extract.dom import normalize_space
from ingest.extract.metadata import clean_title, normalize_language
from ingest.extract.page import extract, extract_text_file
from ingest.extract.writer import to_text

__all__ = [
    "clean_title",
    "decode_html",
    "decode_text",
    "extract",
    "extract_text_file",
    "normalize_date",
    "normalize_language",
    "normalize_space",
    "to_text",
]
