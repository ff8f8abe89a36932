"""CLI sequences through click's runner on a real index (Chroma and the keyword index) with the
fake embedder of ``tests/fakes.py`` in place of the model: the fast tier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import FakeEmbedder

from assistant.cli import cli


@pytest.fixture
def run(tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``paris-health --data-dir D --corpus-dir C ARGS...``, each call a fresh container."""
    monkeypatch.setattr(
        "assistant.components.embedder.build_embedder", lambda *_, **__: FakeEmbedder()
    )
    common = ["--data-dir", str(tmp_path / "data"), "--corpus-dir", str(corpus_copy)]

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, [*common, *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_ask_after_removing_the_largest_source(run: Any) -> None:
    """Issue 19: the keyword index counted removed chunks in its term frequencies but not in its
    total, and every question failed with 'math domain error' until a rebuild."""
    assert run("ingest", "--no-progress")[0] == 0
    code, out, err = run("remove", "organisations", "--force")
    assert code == 0, err
    for question in ("Who is the CEO of Medicen?", "Which organisations work on oncology?"):
        code, out, err = run("ask", "--json", question)
        assert code == 0, err
        answer = json.loads(out)
        assert all(s["metadata"]["source_id"] != "organisations" for s in answer["sources"])
    code, out, err = run("ask", "Who is the CEO of Medicen?")
    assert code == 0 and "Error" not in err and "Roques" in out
