"""The one charset decoder of the project: bytes (a fetched page, a local file) to text.

:func:`decode` never raises; :func:`decode_html` and :func:`decode_text` are its two usual calls.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode", "decode_html", "decode_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.I)
_SINGLE_BYTE = re.compile(r"^(ascii|latin|iso8859|cp125|cp850|mac-|koi8)")


def decode(content: bytes, declared: str | None = None, *, markup: bool = False) -> str:
    """Decode ``content`` to text; never raises.

    Order: a byte-order mark (it always wins, as in browsers), the ``declared`` charset (e.g.
    the HTTP header), then, when ``markup`` is true, the ``<meta charset>`` / http-equiv / XML
    declaration found in the bytes, then UTF-8, then cp1252. A declared charset that fails to
    decode is skipped. Latin-1 and ASCII are read as cp1252 (as browsers do), and bytes
    declared in a single-byte charset that are valid UTF-8 with non-ASCII characters are read
    as UTF-8 (a common misdeclaration). UTF-16/32 declarations without a BOM are ignored.
    Last resort: the likelier of UTF-8 / cp1252 with ``errors="replace"``.
    """
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    candidates = (declared, _declared_charset(content)) if markup else (declared,)
    for charset in candidates:
        codec = _codec(charset)
        if codec is None:
            continue
        if _SINGLE_BYTE.match(codec) and _is_utf8_text(content):
            return content.decode("utf-8")
        try:
            return content.decode(codec)
        except (UnicodeError, LookupError):  # LookupError: "base64 is not a text encoding"
            continue
    return _decode_undeclared(content)


def decode_html(content: bytes, charset: str | None = None) -> str:
    """Decode an HTML page (``charset``: the HTTP header's); see :func:`decode`."""
    return decode(content, charset, markup=True)


def decode_text(content: bytes) -> str:
    """Decode a local text file: a BOM, else UTF-8, else cp1252 (never raises)."""
    return decode(content)


def _decode_undeclared(content: bytes) -> str:
    """UTF-8, else cp1252, else the likelier of the two with ``errors="replace"``."""
    for codec in ("utf-8", "cp1252"):
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            continue
    as_utf8 = content.decode("utf-8", errors="replace")
    non_ascii = sum(1 for char in as_utf8 if ord(char) > 127 and char != "\ufffd")
    if non_ascii > as_utf8.count("\ufffd"):
        return as_utf8
    return content.decode("cp1252", errors="replace")


def _declared_charset(content: bytes) -> str | None:
    head = content[:16384]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    """The Python codec name for a declared charset, None if unknown or not usable."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # without a BOM such a declaration is wrong (HTML spec: read as UTF-8)
    if codec in ("ascii", "latin-1", "iso8859-1"):
        return "cp1252"
    return codec


def _is_utf8_text(content: bytes) -> bool:
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
