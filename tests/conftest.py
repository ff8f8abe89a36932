"""Shared fixtures. Every test runs offline: no model hub, no telemetry.

Two tiers: tests marked ``slow`` use real parts (a model, a server, a browser); the others form
the fast tier (``make test-fast``), where a guard fails any test that tries to load a model.
The fakes they use are in ``tests/fakes.py``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeBackend, FakeClock, FakeEmbedder
from llamaserver import llamacpp_missing

REPO = Path(__file__).resolve().parent.parent
OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "OMP_WAIT_POLICY": "PASSIVE",
    "TOKENIZERS_PARALLELISM": "false",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--require-llamacpp",
        action="store_true",
        help="fail (never skip) the llamacpp tests when llama-cpp-python or its model is missing",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without llama-cpp-python (a source build of about 9 minutes, not in `make test` unless
    its wheel is cached) the ``llamacpp`` tests are skipped, each with the reason in the summary;
    with ``--require-llamacpp`` (``make test-llamacpp``) they run, and fail if it is missing."""
    missing = llamacpp_missing()
    if not missing or config.getoption("--require-llamacpp"):
        return
    skip = pytest.mark.skip(reason=f"{missing}: run `make test-llamacpp` (builds it once)")
    for item in items:
        if item.get_closest_marker("llamacpp"):
            item.add_marker(skip)


def pytest_configure(config: pytest.Config) -> None:
    os.environ.update(OFFLINE)
    for key in [k for k in os.environ if k.startswith("PARIS_HEALTH_")]:
        del os.environ[key]  # tests build their settings explicitly


@pytest.fixture(autouse=True)
def _fast_tier_loads_no_model(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside the slow tier, building a real embedder is an error, not a slow pass."""
    if request.node.get_closest_marker("slow"):
        return

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a fast-tier test loaded a model: use tests/fakes.py or mark it slow")

    monkeypatch.setattr("ingest.store.embedder.build_embedder", refuse)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def fake_backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the repository's corpus, free to modify."""
    target = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", target)
    return target


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory with the index built once from the repository's corpus."""
    from assistant.app.container import Container
    from ingest.settings import Settings

    data_dir = tmp_path_factory.mktemp("index")
    report = Container(Settings(data_dir=data_dir)).corpus.refresh()
    assert report.ok, report.summary()
    yield data_dir
