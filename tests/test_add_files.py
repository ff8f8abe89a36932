"""Files entering the corpus (``ingest --file``, the staff desk's upload): ids that never collide,
the same limits for both, binary content refused, crash-safe copies, symbolic links out of their
folder refused. Real Chroma, the real keyword index and real HTTP on 127.0.0.1; the embedder is
the fake one (fast tier)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from fakes import FakeBackend, FakeEmbedder
from webserver import Reply, web_server

from assistant.app.container import Container
from ingest.limits import LimitError
from ingest.settings import Settings
from ingest.sniff import binary_reason
from ui.render_staff import report_html

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent


def make(tmp_path: Path, corpus: Path, **extra: object) -> Container:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, **extra)  # type: ignore[arg-type]
    return Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())


@pytest.fixture
def app(tmp_path: Path, corpus_copy: Path) -> Container:
    return make(tmp_path, corpus_copy)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def org(name: str) -> str:
    """A row of a directory file (our columns)."""
    return f"{name},,start-up,Pantin,93500,,,medical devices,{name} builds insulin pumps.,\n"


def listed(app: Container) -> dict[str, str]:
    return {row.source.id: row.source.location for row in app.corpus.sources()}


def indexed(app: Container, source_id: str) -> str:
    """The text the keyword index holds for ``source_id``."""
    app.keyword.reload()
    return " ".join(text for text, source in app.keyword.snapshot().values() if source == source_id)


NOTES_TXT = "Zorblatt Institute runs a biobank in Evry with forty freezers.\n"
ORGS = "name,acronym,kind,city,postcode,website,parents,domains,description,source\n"
NOTES_MD = "# Notes\n\nQuuxmed is a start-up in Pantin that builds insulin pumps.\n"


# --- item 2: one source per file, whatever the names ------------------------------------------


def test_two_files_with_one_stem_are_two_sources(app: Container, tmp_path: Path) -> None:
    first = app.corpus.add_files([write(tmp_path / "in" / "notes.txt", NOTES_TXT)])
    assert [(i.source_id, i.status) for i in first.items] == [("notes", "added")]
    second = app.corpus.add_files([write(tmp_path / "in" / "notes.md", NOTES_MD)])
    (item,) = second.items
    assert (item.source_id, item.status) == ("notes-2", "added")
    assert "'notes' is another source" in item.reason
    sources = listed(app)
    assert sources["notes"].endswith("notes.txt") and sources["notes-2"].endswith("notes-2.md")
    assert Path(sources["notes"]).read_text(encoding="utf-8") == NOTES_TXT
    assert "Zorblatt" in indexed(app, "notes") and "Quuxmed" in indexed(app, "notes-2")
    states = {row.source.id: row.status for row in app.corpus.sources()}
    assert states["notes"] == states["notes-2"] == "added"


def test_the_same_file_again_is_an_update_or_unchanged(app: Container, tmp_path: Path) -> None:
    notes = write(tmp_path / "in" / "notes.txt", NOTES_TXT)
    assert app.corpus.add_files([notes]).items[0].status == "added"
    write(notes, NOTES_TXT + "It opened a second site in Massy in 2021.\n")  # edited in place
    again = app.corpus.add_files([notes])
    assert [(i.source_id, i.status) for i in again.items] == [("notes", "updated")]
    assert "Massy" in indexed(app, "notes")
    assert app.corpus.add_files([notes]).items[0].status == "unchanged"
    elsewhere = write(tmp_path / "other" / "copy-of-notes.txt", notes.read_text(encoding="utf-8"))
    same = app.corpus.add_files([elsewhere])  # the same content under another name
    assert [(i.source_id, i.status) for i in same.items] == [("notes", "unchanged")]
    assert sorted(s for s in listed(app) if s.startswith(("notes", "copy"))) == ["notes"]


def test_an_upload_named_like_a_seed_source_does_not_replace_it(
    app: Container, tmp_path: Path
) -> None:
    assert app.corpus.refresh().ok
    seed = listed(app)["organisations"]
    seed_chunks = app.keyword.ids_by_source({"organisations"})["organisations"]
    upload = write(tmp_path / "tmp" / "gradio-3f9a", ORGS + org("Quuxmed"))
    report = app.corpus.add_upload(upload, "organisations.csv")
    assert [(i.source_id, i.status) for i in report.items] == [("organisations-2", "added")]
    assert "organisations-2" in report_html(report) and "is another source" in report_html(report)
    assert listed(app)["organisations"] == seed
    assert app.keyword.ids_by_source({"organisations"})["organisations"] == seed_chunks
    write(upload, ORGS + org("Quuxmed") + org("Zorblatt"))
    again = app.corpus.add_upload(upload, "organisations.csv")  # a new version of that upload
    assert [(i.source_id, i.status) for i in again.items] == [("organisations-2", "updated")]
    assert "organisations-3" not in listed(app)


# --- item 8: the same limits for the command line and the staff desk -------------------------


def test_binary_content_is_refused_before_anything_is_copied(
    app: Container, tmp_path: Path
) -> None:
    elf = tmp_path / "in" / "notes.txt"
    elf.parent.mkdir()
    elf.write_bytes(Path(sys.executable).resolve().read_bytes()[:100_000])
    noise = tmp_path / "in" / "page.html"
    noise.write_bytes(random.Random(7).randbytes(200_000))
    good = write(tmp_path / "in" / "good.md", NOTES_MD)
    report = app.corpus.add_files([elf, noise, good])
    status = {i.source_id: (i.status, i.reason) for i in report.items}
    assert status["notes"] == (
        "failed",
        "notes.txt looks like a binary file, not text (an ELF executable): not added",
    )
    assert (
        status["page"][0] == "failed" and "page.html looks like a binary file" in status["page"][1]
    )
    assert status["good"][0] == "added"  # the other file of the command still goes through
    assert set(listed(app)) & {"notes", "page"} == set()
    copies = sorted(p.name for p in (tmp_path / "data" / "files").rglob("*") if p.is_file())
    assert copies == ["good.md"]


def test_the_upload_refuses_binary_like_the_command_line(app: Container, tmp_path: Path) -> None:
    noise = tmp_path / "upload"
    noise.write_bytes(random.Random(8).randbytes(50_000))
    (item,) = app.corpus.add_upload(noise, "page.html").items
    assert item.status == "failed" and item.reason.startswith("page.html looks like a binary")


def test_size_and_row_limits_hold_for_ingest_file(tmp_path: Path, corpus_copy: Path) -> None:
    app = make(tmp_path, corpus_copy, max_upload_bytes=2048, max_directory_rows=3)
    big = write(tmp_path / "in" / "big.txt", "Genopole is a biocluster in Evry. " * 100)
    rows = ORGS + "".join(org(f"Org {n}") for n in range(4))
    many = write(tmp_path / "in" / "many.csv", rows)
    fits = write(tmp_path / "in" / "fits.csv", ORGS + "".join(org(f"Org {n}") for n in range(3)))
    report = app.corpus.add_files([big, many, fits])
    status = {i.source_id: (i.status, i.reason) for i in report.items}
    assert status["big"] == ("failed", "big.txt is too large (3,400 bytes, at most 2,048)")
    assert status["many"] == (
        "failed",
        "many.csv has too many rows (more than 3): split it into smaller files",
    )
    assert status["fits"][0] == "added", status["fits"]
    with pytest.raises(LimitError, match="too large"):  # the staff desk: the same limit
        app.corpus.add_upload(big, "big.txt")


def test_random_bytes_served_as_html_are_not_indexed(app: Container) -> None:
    noise = random.Random(9).randbytes(200_000)
    page = "<html><body><article><p>" + "Quuxmed builds insulin pumps in Pantin. " * 5
    routes = {
        "/noise.html": Reply(body=noise),
        "/page.html": Reply(body=page + "</p></article></body></html>"),
    }
    with web_server(routes) as server:
        report = app.corpus.add_urls([server.url("/noise.html"), server.url("/page.html")])
    noisy, fine = report.items
    assert noisy.status == "failed" and fine.status == "added"
    assert noisy.reason == (
        f"{server.url('/noise.html')} looks like a binary file, not text (NUL bytes): not indexed"
    )
    assert "\n" not in noisy.reason and not indexed(app, noisy.source_id)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x7fELF\x02\x01\x01" + bytes(100), "an ELF executable"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or .docx, .xlsx, .odt)"),
        (b"text\x00with a NUL", "NUL bytes"),
        (bytes(range(1, 9)) * 100 + b"words", "99% control bytes"),
        (bytes(b | 0x80 for b in random.Random(1).randbytes(4000)), None),  # checked below
    ],
)
def test_binary_reason(content: bytes, reason: str | None) -> None:
    if reason is None:
        assert (binary_reason(content) or "").endswith("bytes that are not text")
    else:
        assert binary_reason(content) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Le café de l'hôpital à Évry. ".encode("cp1252") * 100,  # a Windows French file
        "Le café de l'hôpital à Évry. ".encode() * 100,
        "Bonjour l'hôpital".encode("utf-16"),  # NUL bytes, but a BOM says UTF-16
        b"MZ is not always an executable.\n",
        b"name;city\r\nGenopole;Evry\r\n\x0c",
        b"",
    ],
)
def test_text_is_text(text: bytes) -> None:
    assert binary_reason(text) is None


# --- item 9: a killed add leaves nothing in the way ------------------------------------------

KILLED_ADD = """
import os, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from fakes import FakeBackend, FakeEmbedder
from assistant.app.container import Container
from ingest.settings import Settings
from ingest.catalog import SourceCatalog
from ingest.pipeline import Ingestor
def die(*args, **kwargs):
    os._exit(9)
setattr({target}, {method!r}, die)
settings = Settings(data_dir=sys.argv[1], corpus_dir=sys.argv[2])
app = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
app.corpus.add_files([Path(sys.argv[3])])
"""


@pytest.mark.parametrize(
    ("target", "method"),
    [("SourceCatalog", "add"), ("Ingestor", "run")],  # after the copy; after registering it
)
def test_a_killed_add_can_be_redone_and_removed(
    app: Container, tmp_path: Path, corpus_copy: Path, target: str, method: str
) -> None:
    notes = write(tmp_path / "in" / "notes.txt", "A first draft with a typo.\n")
    script = KILLED_ADD.format(tests=str(TESTS), target=target, method=method)
    args = [sys.executable, "-c", script, str(tmp_path / "data"), str(corpus_copy), str(notes)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    assert subprocess.run(args, env=env, timeout=120).returncode == 9  # killed
    copy = tmp_path / "data" / "files" / "documents" / "notes.txt"
    assert copy.exists()  # what the killed add left
    write(notes, NOTES_TXT)  # the corrected file
    report = app.corpus.add_files([notes])
    assert [(i.source_id, i.status) for i in report.items] == [("notes", "added")]
    assert copy.read_text(encoding="utf-8") == NOTES_TXT and "Zorblatt" in indexed(app, "notes")
    assert app.corpus.remove("notes").items[0].status == "removed"
    assert "notes" not in listed(app) and not copy.exists()


def test_the_next_ingest_deletes_stray_copies_and_temporary_files(
    app: Container, tmp_path: Path
) -> None:
    kept = write(tmp_path / "in" / "kept.md", NOTES_MD)
    assert app.corpus.add_files([kept]).ok
    documents = tmp_path / "data" / "files" / "documents"
    stray = write(documents / "orphan.txt", "nobody lists me")
    temporary = write(documents / ".kept.md.x1y2.tmp", "half a write")
    assert app.corpus.refresh().ok
    assert not stray.exists() and not temporary.exists()
    assert (documents / "kept.md").read_text(encoding="utf-8") == NOTES_MD


# --- item 10: symbolic links ----------------------------------------------------------------


def test_a_symlink_out_of_its_folder_is_refused(app: Container, tmp_path: Path) -> None:
    secret = write(tmp_path / "private" / "secret.txt", "password: hunter2\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(secret)
    (folder / "notes.md").write_text(NOTES_MD, encoding="utf-8")
    (folder / "latest.md").symlink_to(folder / "notes.md")  # within the folder: fine
    report = app.corpus.add_files([folder / "link.txt", folder / "latest.md"])
    status = {i.source_id: (i.status, i.reason) for i in report.items}
    assert status["link"] == (
        "failed",
        f"link.txt is a symbolic link to {secret}, outside its folder: not added "
        "(copy the file into the folder to add it)",
    )
    assert status["latest"][0] == "added"
    assert "hunter2" not in indexed(app, "link") and "link" not in listed(app)


def test_a_copy_made_before_origins_were_kept_is_updated_by_name(
    app: Container, tmp_path: Path
) -> None:
    """A data directory from before: its copies have no ``origin``; a file of the same name
    is that source again (as it was then), not a new one."""
    copy = write(tmp_path / "data" / "files" / "documents" / "notes.txt", NOTES_TXT)
    write(
        tmp_path / "data" / "sources.yaml",
        "sources:\n- id: notes\n  kind: file\n  location: files/documents/notes.txt\n",
    )
    assert app.corpus.refresh().ok
    edited = write(tmp_path / "in" / "notes.txt", NOTES_TXT + "A second site opened in Massy.\n")
    report = app.corpus.add_files([edited])
    assert [(i.source_id, i.status) for i in report.items] == [("notes", "updated")]
    assert "Massy" in copy.read_text(encoding="utf-8") and "notes-2" not in listed(app)


def test_a_full_disk_during_the_copy_leaves_nothing(
    app: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def no_space(_: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    notes = write(tmp_path / "in" / "notes.txt", NOTES_TXT)
    monkeypatch.setattr("ingest.atomic.os.fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        app.corpus.add_files([notes])
    assert not [p for p in (tmp_path / "data" / "files").rglob("*") if p.is_file()]
    assert "notes" not in listed(app)
    monkeypatch.undo()
    assert [(i.source_id, i.status) for i in app.corpus.add_files([notes]).items] == [
        ("notes", "added")
    ]
