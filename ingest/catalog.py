"""The sources to ingest: the tracked seed manifest with the run-time layer on top.

``corpus/sources.yaml`` is the project's seed list and is never written at run time. Sources
added at run time (``ingest --url/--file``, the staff desk) and the ids of seed sources that
staff removed are kept in the shared database (:mod:`ingest.database`, tables
``catalog_sources`` and ``catalog_removed``), so every replica using it lists the same sources.
An older version kept them in ``DATA_DIR/sources.yaml``: that file is copied in once, the first
time the catalog is read, then renamed ``sources.yaml.imported``. Uploaded files are kept in the
files folder (``DATA_DIR/files/``, or ``PARIS_HEALTH_FILES_DIR``: one folder every replica
shares); their locations are kept as ``files/...``, relative to that folder wherever it is
mounted, so every replica reads the same copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete, insert, select

from ingest.clock import now_iso
from ingest.database import Database
from ingest.database.tables import catalog_removed, catalog_sources, legacy_imports
from ingest.manifest import ManifestError, entry, load_manifest, parse_entry, read_yaml
from ingest.models import Source

FILES = "files"  # added files' locations start with it: relative to the files folder


class SourceCatalog:
    def __init__(
        self, seed: Path, local: Path, database: Database, files_dir: Path | None = None
    ) -> None:
        """``local``: the older version's run-time manifest (``DATA_DIR/sources.yaml``), whose
        folder is the data directory; ``files_dir``: where added files are copied (default
        ``DATA_DIR/files``)."""
        self.seed_path = seed
        self.local_path = local
        self.database = database
        self.files_dir = files_dir or local.parent / FILES

    # --- reading ---------------------------------------------------------------------------
    def seed(self) -> list[Source]:
        return load_manifest(self.seed_path)

    def added(self) -> list[Source]:
        """The sources added at run time, as stored (a file's location relative to the data
        directory)."""
        return self._local()[0]

    def _local(self) -> tuple[list[Source], list[str]]:
        self._import_file()
        with self.database.engine.begin() as conn:
            order = catalog_sources.c.position
            entries = conn.execute(select(catalog_sources.c.entry).order_by(order)).scalars()
            local = [parse_entry(json.loads(e), n) for n, e in enumerate(entries, start=1)]
            removed = list(conn.execute(select(catalog_removed.c.source_id)).scalars())
        return local, removed

    def _save(self, local: list[Source], removed: list[str]) -> None:
        rows = [
            {"source_id": s.id, "position": n, "entry": json.dumps(entry(s), ensure_ascii=False)}
            for n, s in enumerate(local)
        ]
        with self.database.engine.begin() as conn:
            conn.execute(delete(catalog_sources))
            conn.execute(delete(catalog_removed))
            if rows:
                conn.execute(insert(catalog_sources), rows)
            if removed:
                conn.execute(
                    insert(catalog_removed), [{"source_id": r} for r in sorted(set(removed))]
                )

    def _import_file(self) -> None:
        """Copy an older version's ``sources.yaml`` into the database once (its entries not
        there yet are appended, its removed ids added), then rename it ``*.imported``."""
        path = self.local_path
        if not path.is_file():
            return
        key = f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        removed = [str(x) for x in read_yaml(path).get("removed") or []]
        sources = load_manifest(path)
        with self.database.engine.begin() as conn:
            seen = conn.execute(select(legacy_imports.c.key).where(legacy_imports.c.key == key))
            if seen.first() is None:
                known = set(conn.execute(select(catalog_sources.c.source_id)).scalars())
                gone = set(conn.execute(select(catalog_removed.c.source_id)).scalars())
                start = len(known)
                for n, source in enumerate(s for s in sources if s.id not in known):
                    body = json.dumps(entry(source), ensure_ascii=False)
                    conn.execute(
                        insert(catalog_sources).values(
                            source_id=source.id, position=start + n, entry=body
                        )
                    )
                for source_id in sorted(set(removed) - gone):
                    conn.execute(insert(catalog_removed).values(source_id=source_id))
                conn.execute(insert(legacy_imports).values(key=key, imported_at=now_iso()))
        with contextlib.suppress(OSError):  # a read-only directory: the digest says it is done
            path.rename(path.with_name(path.name + ".imported"))

    def sources(self) -> list[Source]:
        """Every source to ingest: seed sources not removed, then added ones."""
        local, removed = self._local()
        seed = [s for s in self.seed() if s.id not in removed]
        seed_ids = {s.id for s in seed}
        return seed + [self._resolve(s) for s in local if s.id not in seed_ids]

    def _resolve(self, source: Source) -> Source:
        """A local file's location made absolute: ``files/...`` in the files folder, another
        relative one in the data directory."""
        location = Path(source.location)
        if source.kind == "url" or location.is_absolute():
            return source
        if location.parts[0] == FILES:
            return replace(source, location=str(self.files_dir.joinpath(*location.parts[1:])))
        return replace(source, location=str(self.local_path.parent / location))

    def _relative(self, source: Source) -> Source:
        if source.kind == "url" or not Path(source.location).is_absolute():
            return source
        path = Path(source.location).resolve()
        files, root = self.files_dir.resolve(), self.local_path.parent.resolve()
        if files in path.parents:
            return replace(source, location=str(FILES / path.relative_to(files)))
        if root in path.parents:
            return replace(source, location=str(path.relative_to(root)))
        return source

    # --- writing ---------------------------------------------------------------------------
    def add(self, new: list[Source]) -> list[Source]:
        """Add sources, skipping those already listed (same id or location); returns them as
        they stand in the catalog (existing entries win). A removed seed source comes back."""
        local, removed = self._local()
        current = self.sources()
        by_location = {s.location: s for s in current}
        by_id = {s.id: s for s in current}
        seed_ids = {s.id for s in self.seed()}
        result = []
        for source in new:
            if source.id in removed and source.id in seed_ids:
                removed.remove(source.id)
                by_id[source.id] = source
            existing = by_location.get(source.location) or by_id.get(source.id)
            if existing is None:
                local.append(self._relative(source))
                by_location[source.location] = by_id[source.id] = source
                existing = source
            result.append(existing)
        self._save(local, removed)
        return result

    def remove(self, source_id: str, *, force: bool = False) -> Source:
        """Take a source out; a seed source only with ``force`` (it stays in the seed file)."""
        local, removed = self._local()
        added = next((s for s in local if s.id == source_id), None)
        if added is not None:
            self._save([s for s in local if s.id != source_id], removed)
            return self._resolve(added)
        seed = next((s for s in self.seed() if s.id == source_id and s.id not in removed), None)
        if seed is None:
            raise ManifestError(f"no source with id {source_id!r}")
        if not force:
            raise ManifestError(
                f"{source_id!r} is a seed source of {self.seed_path.name}; "
                "removing it needs force (`paris-health remove --force`)"
            )
        self._save(local, [*removed, source_id])
        return seed
