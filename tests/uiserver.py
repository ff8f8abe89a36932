"""A real running app for the UI and browser tests: temporary data dir, a copy of the corpus.

The repository's ``corpus/`` is copied, so tests never touch it even if the app wrote its seed
manifest (it must not: sources added at run time go to ``data_dir/sources.yaml``).
``extra_documents`` are written into the copy and listed in its manifest before ingesting.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ingest.settings import REPO_ROOT, Settings

# The app's API: external tools call these through gradio_client, so they never change.
API_ENDPOINTS = (
    "/ask /new_conversation /feedback /directory_search /find_partners /staff_login "
    "/staff_logout /staff_sources /staff_add_url /staff_add_file /staff_refresh /staff_remove"
).split()
STAFF_USER = "staff"
STAFF_PASSWORD = "s3cret"  # noqa: S105 - a test credential

XSS_TITLE = "Zorblatt <script>alert(1)</script> biobank"
XSS_TEXT = (
    "# Zorblatt <script>alert(1)</script> biobank\n\n"
    "The Zorblatt biobank <img src=x onerror=alert(1)> stores tissue samples for Paris Region "
    "oncology research. [click](javascript:alert(1)) The Zorblatt biobank opened in 2021.\n"
)


@dataclass
class RunningApp:
    container: Any
    blocks: Any
    url: str
    corpus_dir: Path  # the copy of the corpus: its sources.yaml is the tracked seed manifest
    data_dir: Path  # sources added at run time: data_dir/sources.yaml and data_dir/files/
    seed_manifest: str  # the seed manifest as it was when the app started

    def close(self) -> None:
        self.blocks.close()

    def seed_manifest_unchanged(self) -> bool:
        """The app never writes the tracked manifest: run-time sources go to the data dir."""
        current = (self.corpus_dir / "sources.yaml").read_text(encoding="utf-8")
        return current == self.seed_manifest

    def added_manifest(self) -> str:
        """The sources added at run time, one JSON entry a line (empty while there is none),
        read from the app's database."""
        import json

        from ingest.catalog import SourceCatalog
        from ingest.database import open_database
        from ingest.manifest import entry

        database = open_database(None, self.data_dir)
        try:
            catalog = SourceCatalog(
                self.corpus_dir / "sources.yaml", self.data_dir / "sources.yaml", database
            )
            return "".join(json.dumps(entry(s)) + "\n" for s in catalog.added())
        finally:
            database.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_corpus(target: Path, extra_documents: dict[str, tuple[str, str]] | None = None) -> Path:
    """Copy the repository corpus to ``target``; ``extra_documents``: id -> (file name, text)."""
    shutil.copytree(REPO_ROOT / "corpus", target)
    if extra_documents:
        manifest = target / "sources.yaml"
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        for source_id, (name, text) in extra_documents.items():
            (target / "documents" / name).write_text(text, encoding="utf-8")
            data["sources"].append(
                {
                    "id": source_id,
                    "kind": "file",
                    "location": f"documents/{name}",
                    "type": "article",
                }
            )
        manifest.write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return target


def start_app(
    root: Path, extra_documents: dict[str, tuple[str, str]] | None = None, **overrides: Any
) -> RunningApp:
    """Ingest a copy of the corpus under ``root`` and serve the app on a free local port."""
    from pydantic import SecretStr

    from assistant.app.cli.serve import ui_services
    from assistant.app.container import Container
    from ui.app import build_app

    corpus_dir = copy_corpus(root / "corpus", extra_documents)
    data_dir = root / "data"
    overrides.setdefault("allow_private_urls", True)  # the test pages are served on 127.0.0.1
    settings = Settings(
        data_dir=data_dir,
        corpus_dir=corpus_dir,
        staff_user=STAFF_USER,
        staff_password=SecretStr(STAFF_PASSWORD),
        **overrides,
    )
    container = Container(settings)
    report = container.corpus.refresh()
    assert report.ok, report.summary()
    blocks = build_app(ui_services(container))
    port = free_port()
    blocks.queue()
    blocks.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    seed_manifest = (corpus_dir / "sources.yaml").read_text(encoding="utf-8")
    return RunningApp(
        container, blocks, f"http://127.0.0.1:{port}/", corpus_dir, data_dir, seed_manifest
    )


@contextmanager
def public_only(app: RunningApp) -> Iterator[None]:
    """The staff desk's real address guard, for a while: the test app allows private URLs (its
    test pages are served on 127.0.0.1), as ``allow_private_urls=False`` would not."""
    from dataclasses import replace

    from ingest.fetch.guard import AddressGuard

    container = app.container
    config = container.ingest_config
    guarded = replace(config, fetch=replace(config.fetch, guard=AddressGuard()))
    container.__dict__["public_ingestor"] = container._ingestor(guarded)
    try:
        yield
    finally:
        container.__dict__.pop("public_ingestor", None)


# --- driving the app through its API ----------------------------------------------------------


def ask(
    client: Any,
    question: str,
    history: list[Any] | None = None,
    doc_type: str = "any",
    kind: str = "any",
) -> tuple[list[Any], str, dict[str, Any]]:
    """``/ask`` through a gradio_client ``Client``: (history, sources_html, answer record)."""
    history, sources_html, answer, message = client.predict(
        question, history or [], doc_type, kind, api_name="/ask"
    )
    assert message == ""
    return history, sources_html, answer


def text_of(message: dict[str, Any]) -> str:
    """The text of a Chatbot message as ``/ask`` returns it."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content)
