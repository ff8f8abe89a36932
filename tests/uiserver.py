"""A real running app for the UI and browser tests: temporary data dir, a copy of the corpus.

The repository's ``corpus/`` is copied, so tests that add or remove sources never touch it.
``extra_documents`` are written into the copy and listed in its manifest before ingesting.
"""

from __future__ import annotations

import shutil
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.settings import REPO_ROOT, Settings

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
    corpus_dir: Path
    data_dir: Path

    def close(self) -> None:
        self.blocks.close()


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

    from assistant.container import Container
    from ui.app import build_app

    corpus_dir = copy_corpus(root / "corpus", extra_documents)
    data_dir = root / "data"
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
    blocks = build_app(
        container.chat, container.directory, container.corpus, container.feedback, settings
    )
    port = free_port()
    blocks.queue()
    blocks.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    return RunningApp(container, blocks, f"http://127.0.0.1:{port}/", corpus_dir, data_dir)
