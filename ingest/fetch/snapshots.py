"""Snapshots: the last good copy of each fetched URL on disk, for conditional GET."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.atomic import write_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """The last good copy of one URL."""

    url: str
    final_url: str
    etag: str | None
    last_modified: str | None
    content_type: str
    charset: str | None
    fetched_at: str
    body: bytes

    def meta(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "final_url": self.final_url,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "content_type": self.content_type,
            "charset": self.charset,
            "fetched_at": self.fetched_at,
            "size": len(self.body),
            "sha256": hashlib.sha256(self.body).hexdigest(),
        }


def snapshot_dir(snapshots_dir: Path, url: str) -> Path:
    """Where the snapshot of ``url`` (as given to ``fetch``, normalised) lives."""
    return snapshots_dir / hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


class SnapshotStore:
    """Snapshots on disk: ``<root>/<sha256(url)[:32]>/body`` and ``meta.json``.

    ``body`` is written before ``meta.json``, and ``meta.json`` records the body's SHA-256, so a
    crash between the two renames is detected on load (the snapshot is then ignored).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def load(self, url: str) -> Snapshot | None:
        folder = snapshot_dir(self.root, url)
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            body = (folder / "body").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            log.warning("ignoring inconsistent snapshot %s", folder)
            return None
        return Snapshot(
            url=str(meta.get("url") or url),
            final_url=str(meta.get("final_url") or url),
            etag=meta.get("etag"),
            last_modified=meta.get("last_modified"),
            content_type=str(meta.get("content_type") or "text/html"),
            charset=meta.get("charset"),
            fetched_at=str(meta.get("fetched_at") or ""),
            body=body,
        )

    def save(self, snapshot: Snapshot, write_body: bool = True) -> None:
        folder = snapshot_dir(self.root, snapshot.url)
        folder.mkdir(parents=True, exist_ok=True)
        if write_body:
            write_atomic(folder / "body", snapshot.body)
        meta = json.dumps(snapshot.meta(), ensure_ascii=False, indent=2).encode("utf-8")
        write_atomic(folder / "meta.json", meta)

    def discard(self, url: str) -> None:
        """Remove the snapshot of ``url``, if any (one not worth keeping)."""
        shutil.rmtree(snapshot_dir(self.root, url), ignore_errors=True)

    def save_or_warn(self, snapshot: Snapshot, write_body: bool = True) -> None:
        """:meth:`save`, but a full disk or a read-only folder is logged, not fatal."""
        try:
            self.save(snapshot, write_body=write_body)
        except OSError as exc:
            log.warning("could not write the snapshot of %s: %s", snapshot.url, exc)
