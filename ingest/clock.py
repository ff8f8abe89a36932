"""Timestamps for what the ingestion stages record (snapshots, the manifest)."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """The current UTC time to the second, ISO 8601: ``2024-02-21T07:28:00+00:00``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
