"""The source catalog: the tracked seed manifest with the data directory's own on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.catalog import SourceCatalog
from ingest.database import Database
from ingest.manifest import ManifestError, load_manifest, save_manifest
from ingest.models import Source

SEED = [
    Source(id="a", kind="file", location="documents/a.txt"),
    Source(id="b", kind="directory", location="directory/b.csv"),
]


@pytest.fixture
def catalog(tmp_path: Path) -> SourceCatalog:
    seed = tmp_path / "corpus" / "sources.yaml"
    save_manifest(seed, SEED)
    database = Database.at(tmp_path / "data" / "database.sqlite")
    return SourceCatalog(seed, tmp_path / "data" / "sources.yaml", database)


def test_added_sources_go_to_the_database(catalog: SourceCatalog) -> None:
    before = catalog.seed_path.read_bytes()
    web = Source(id="web", kind="url", location="https://example.org/")
    catalog.add([web])
    assert catalog.seed_path.read_bytes() == before
    assert [s.id for s in catalog.added()] == ["web"] and not catalog.local_path.exists()
    assert [s.id for s in catalog.sources()] == ["a", "b", "web"]


def test_adding_twice_keeps_one_entry(catalog: SourceCatalog) -> None:
    web = Source(id="web", kind="url", location="https://example.org/")
    catalog.add([web])
    again = catalog.add([Source(id="other-id", kind="url", location="https://example.org/")])
    assert again == [web]
    assert [s.id for s in catalog.sources()] == ["a", "b", "web"]


def test_local_files_are_relative_to_the_data_directory(catalog: SourceCatalog) -> None:
    copy = catalog.files_dir / "documents" / "c.md"
    copy.parent.mkdir(parents=True)
    copy.write_text("# C\n\ntext", encoding="utf-8")
    catalog.add([Source(id="c", kind="file", location=str(copy))])
    assert catalog.added()[0].location == "files/documents/c.md"
    assert Path(catalog.sources()[-1].location) == copy.resolve()


def test_seed_sources_need_force(catalog: SourceCatalog) -> None:
    with pytest.raises(ManifestError, match="seed source"):
        catalog.remove("a")
    assert [s.id for s in catalog.sources()] == ["a", "b"]
    removed = catalog.remove("a", force=True)
    assert removed.id == "a"
    assert [s.id for s in catalog.sources()] == ["b"]
    assert [s.id for s in load_manifest(catalog.seed_path)] == ["a", "b"]  # the seed is kept
    catalog.add([SEED[0]])  # adding it again brings it back
    assert [s.id for s in catalog.sources()] == ["a", "b"]


def test_remove_added_and_unknown(catalog: SourceCatalog) -> None:
    catalog.add([Source(id="web", kind="url", location="https://example.org/")])
    assert catalog.remove("web").id == "web"
    assert [s.id for s in catalog.sources()] == ["a", "b"]
    with pytest.raises(ManifestError, match="no source with id 'nope'"):
        catalog.remove("nope")


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("sources:\n- id: x\n  kind: page\n  location: y\n", "entry 1 (x): kind"),
        ("sources:\n- id: x\n  kind: url\n  location: y\n  colour: red\n", "unknown key 'colour'"),
        ("sources:\n- kind: url\n  location: y\n", "entry 1: missing 'id'"),
        ("sources:\n- just a string\n", "expected a mapping"),
        ("sources: [\n", "not valid YAML"),
        ("- a\n- b\n", "expected a top-level 'sources:' list"),
    ],
)
def test_malformed_manifest_is_one_line(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
