"""The app's ``/ask`` with a history of the wrong shape: one short error for the caller, nothing
of the request in the log (before: Gradio's traceback quoted every message, 3.85 MB of log for a
1.1 MB request)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from fakes import FakeBackend, FakeEmbedder
from uiserver import free_port

from assistant.app.container import Container
from assistant.services.contract import HISTORY_SHAPE
from ingest.settings import REPO_ROOT, Settings
from ui.history import CheckedMessages

QUESTION = "How many hospitals does AP-HP have?"


def test_a_history_of_strings_is_one_short_error() -> None:
    with pytest.raises(gr.Error) as refused:
        CheckedMessages.model_validate(["x" * 10_000] * 50)
    assert refused.value.message == f"{HISTORY_SHAPE} (item 0 is a str)"
    assert not refused.value.print_exception  # Gradio prints no traceback
    text = [{"type": "text", "text": "hi"}]
    good = [{"role": "user", "content": text}, {"role": "assistant", "content": text}]
    assert len(CheckedMessages.model_validate(good).root) == 2
    with pytest.raises(gr.Error, match=r"\(item 1 content: Input should be a valid list\)"):
        CheckedMessages.model_validate([good[0], {"role": "user", "content": "x" * 10_000}])


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    from assistant.app.cli.serve import ui_services
    from ui.app import build_app

    shutil.copytree(REPO_ROOT / "corpus", tmp_path / "corpus")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    container = Container(settings, embedder=FakeEmbedder(), backend=FakeBackend())
    assert container.corpus.refresh().ok
    blocks = build_app(ui_services(container))
    port = free_port()
    blocks.queue()
    blocks.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    blocks.close()


@pytest.mark.slow  # a server
def test_ask_api_with_a_history_of_strings(app_url: str, capfd: Any) -> None:
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    capfd.readouterr()
    big = ["x" * 1000] * 1100  # 1.1 MB of history
    with pytest.raises(Exception, match="history must be a list of") as refused:
        client.predict(QUESTION, big, "any", "any", api_name="/ask")
    assert str(refused.value).endswith(f"{HISTORY_SHAPE} (item 0 is a str)")
    logged = capfd.readouterr()
    assert len(logged.out) + len(logged.err) < 1000, logged.err[:500]
    history, _, answer, _ = client.predict(  # a right history is still answered
        QUESTION,
        [{"role": "user", "content": [{"type": "text", "text": "AP-HP"}]}],
        "any",
        "any",
        api_name="/ask",
    )
    assert answer["grounded"] and len(history) == 3
