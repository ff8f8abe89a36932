"""CLI sequences through click's runner on a real index (Chroma and the keyword index) with the
fake embedder of ``tests/fakes.py`` in place of the model: the fast tier."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import FakeEmbedder

from assistant.app.cli import cli

REPO = Path(__file__).resolve().parent.parent


def runner(data: Path, corpus: Path) -> Any:
    """``paris-health --data-dir DATA --corpus-dir CORPUS ARGS...``, each call a fresh container
    (its embedder the fake: see ``fake_model``)."""
    common = ["--data-dir", str(data), "--corpus-dir", str(corpus)]

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, [*common, *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.fixture(autouse=True)
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ingest.store.embedder.build_embedder", lambda *_: FakeEmbedder())


@pytest.fixture
def run(tmp_path: Path, corpus_copy: Path) -> Any:
    """The CLI on a data directory of its own."""
    return runner(tmp_path / "data", corpus_copy)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The CLI on the repository's corpus, ingested once for the module (asked only)."""
    data = tmp_path_factory.mktemp("ingested")
    invoke = runner(data, REPO / "corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("ingest.store.embedder.build_embedder", lambda *_: FakeEmbedder())
        code, _, err = invoke("ingest", "--no-progress")
    assert code == 0, err
    yield invoke


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


QUESTIONS = (
    "Who is the CEO of Medicen?",  # a fact whose role is in the directory entry
    "Which organisations work on oncology?",  # a list of the directory's members
    "Compare Medicen and Cap Digital",  # two directory entries side by side
)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize(
    "key,value", [("type", "article"), ("type", "interview"), ("kind", "cluster")]
)
def test_every_source_of_a_filtered_answer_passes_the_filter(
    ingested: Any, question: str, key: str, value: str
) -> None:
    """Issue 19: the directory entries that lists, comparisons and role questions add to the
    passages skipped the filters (``--filter type=article`` cited the organisations directory)."""
    code, out, err = ingested("ask", "--json", "--filter", f"{key}={value}", question)
    assert code == 0, err
    answer = json.loads(out)
    assert answer["sources"]
    assert {s["metadata"].get(key) for s in answer["sources"]} == {value}, answer["answer"]
    assert all(answer["sources"][n - 1]["metadata"].get(key) == value for n in answer["cited"])


def test_a_kind_filter_keeps_the_directory_for_its_kind(ingested: Any) -> None:
    code, out, err = ingested(
        "ask", "--json", "--filter", "kind=cluster", "Which organisations work on oncology?"
    )
    assert code == 0, err
    answer = json.loads(out)
    assert answer["grounded"] and "Medicen" in answer["answer"]
    assert {s["metadata"]["kind"] for s in answer["sources"]} == {"cluster"}
