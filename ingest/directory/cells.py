"""Cell values of directory files: whitespace, lists, required names, French communes."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ingest.models import IngestError


def clean(value: str | None) -> str:
    """Strip a cell and collapse its whitespace (non-breaking spaces included)."""
    return " ".join((value or "").split())


def split(value: str, separators: str = ";|") -> tuple[str, ...]:
    """A list cell as its cleaned, non-empty, de-duplicated items."""
    parts = re.split("[" + re.escape(separators) + "]", value)
    return tuple(dict.fromkeys(p for p in (clean(x) for x in parts) if p))


def first(record: Mapping[str, str], *keys: str) -> str:
    """The first non-empty value among ``keys`` (exports name the same column differently)."""
    return next((record[k] for k in keys if record.get(k)), "")


def require_name(label: str, line: int, name: str) -> str:
    if not name:
        raise IngestError(f"{label} line {line}: missing name")
    return name


def strip_cedex(city: str) -> str:
    """``"GIF SUR YVETTE CEDEX"`` -> ``"GIF SUR YVETTE"`` (CEDEX is a postal routing suffix)."""
    return re.sub(r"\s+cedex\b.*$", "", city, flags=re.IGNORECASE).strip()


def city_case(city: str) -> str:
    """FINESS writes communes in capitals; ``"PARIS"`` -> ``"Paris"``."""
    if not city.isupper():
        return city
    return re.sub(r"[A-Za-zÀ-ÿ]+", lambda m: m.group(0).capitalize(), city.lower())
