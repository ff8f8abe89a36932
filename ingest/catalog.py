"""The sources to ingest: the tracked seed manifest with the data directory's own on top.

``corpus/sources.yaml`` is the project's seed list and is never written at run time. Sources
added at run time (``ingest --url/--file``, the staff desk) go to ``DATA_DIR/sources.yaml``,
together with the ids of seed sources that staff removed (``removed:``). Uploaded files are
kept under ``DATA_DIR/files/``; their manifest locations are relative to the data directory.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ingest.manifest import ManifestError, load_manifest, read_yaml, save_manifest
from ingest.models import Source

LOCAL_HEADER = (
    "# paris-health: sources added at run time, layered over corpus/sources.yaml.\n"
    "# Written by `paris-health ingest --url/--file` and the staff desk; 'removed' lists seed\n"
    "# sources taken out of this index.\n"
)


class SourceCatalog:
    def __init__(self, seed: Path, local: Path) -> None:
        self.seed_path = seed
        self.local_path = local

    @property
    def files_dir(self) -> Path:
        """Where added files are copied (inside the data directory)."""
        return self.local_path.parent / "files"

    # --- reading ---------------------------------------------------------------------------
    def seed(self) -> list[Source]:
        return load_manifest(self.seed_path)

    def _local(self) -> tuple[list[Source], list[str]]:
        removed = [str(x) for x in read_yaml(self.local_path).get("removed") or []]
        return load_manifest(self.local_path), removed

    def sources(self) -> list[Source]:
        """Every source to ingest: seed sources not removed, then added ones."""
        local, removed = self._local()
        seed = [s for s in self.seed() if s.id not in removed]
        seed_ids = {s.id for s in seed}
        return seed + [self._resolve(s) for s in local if s.id not in seed_ids]

    def _resolve(self, source: Source) -> Source:
        """A local file's location, relative to the data directory, made absolute."""
        if source.kind == "url" or Path(source.location).is_absolute():
            return source
        return replace(source, location=str(self.local_path.parent / source.location))

    def _relative(self, source: Source) -> Source:
        root = self.local_path.parent.resolve()
        if source.kind == "url" or not Path(source.location).is_absolute():
            return source
        path = Path(source.location).resolve()
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
        save_manifest(self.local_path, local, removed, LOCAL_HEADER)
        return result

    def remove(self, source_id: str, *, force: bool = False) -> Source:
        """Take a source out; a seed source only with ``force`` (it stays in the seed file)."""
        local, removed = self._local()
        added = next((s for s in local if s.id == source_id), None)
        if added is not None:
            save_manifest(
                self.local_path, [s for s in local if s.id != source_id], removed, LOCAL_HEADER
            )
            return self._resolve(added)
        seed = next((s for s in self.seed() if s.id == source_id and s.id not in removed), None)
        if seed is None:
            raise ManifestError(f"no source with id {source_id!r}")
        if not force:
            raise ManifestError(
                f"{source_id!r} is a seed source of {self.seed_path.name}; "
                "removing it needs force (`paris-health remove --force`)"
            )
        save_manifest(self.local_path, local, [*removed, source_id], LOCAL_HEADER)
        return seed
