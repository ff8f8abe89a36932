"""Is it text? A look at the bytes of a file or a fetched page before they are indexed.

Every format we index is text (``.txt .md .html .csv``, HTML pages): an executable renamed
``.txt``, a PDF, an archive or random bytes served as ``text/html`` would be indexed as junk
chunks and quoted as a source. :func:`binary_reason` says why bytes are not text, or None.
"""

from __future__ import annotations

import codecs

from ingest.models import IngestError

SAMPLE_BYTES = 65_536  # the share of odd bytes is measured on the first 64 KiB
MAX_CONTROL_SHARE = 0.05  # control characters (other than whitespace) in text: about none
MAX_UNDECODABLE_SHARE = 0.3  # bytes that are not UTF-8: a few percent in cp1252 French text

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx, .xlsx, .odt)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"MZ", "a Windows executable"),
)
_UNICODE_BOMS = (
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"


def binary_reason(content: bytes) -> str | None:
    """Why ``content`` is not text (``"an ELF executable"``, ``"NUL bytes"``, ...), or None."""
    head = content[:SAMPLE_BYTES]
    for magic, what in MAGIC:
        if not head.startswith(magic):
            continue
        if magic == b"BZh" and not head[3:4].isdigit():
            continue  # a text that starts with "BZh"
        if magic == b"MZ" and b"\x00" not in head[:512]:
            continue  # a text that starts with "MZ"
        return what
    if head.startswith(_UNICODE_BOMS):
        return None  # UTF-16/32 text has NUL bytes by nature
    if b"\x00" in content:
        return "NUL bytes"
    if not head:
        return None
    control = len(head) - len(head.translate(None, _CONTROL))
    if control / len(head) > MAX_CONTROL_SHARE:
        return f"{control / len(head):.0%} control bytes"
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - head.decode("utf-8", errors="ignore").count("\ufffd")
    if bad / len(head) > MAX_UNDECODABLE_SHARE:
        return f"{bad / len(head):.0%} bytes that are not text"
    return None


def refuse_binary(content: bytes, what: str, outcome: str = "not added") -> None:
    """Raise a one-line :class:`IngestError` when ``content`` is not text:
    ``notes.txt looks like a binary file, not text (NUL bytes): not added``."""
    reason = binary_reason(content)
    if reason is not None:
        raise IngestError(f"{what} looks like a binary file, not text ({reason}): {outcome}")
