"""Shared fixtures. Every test runs offline: no model hub, no telemetry."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def pytest_configure(config: pytest.Config) -> None:
    os.environ.update(OFFLINE)
    for key in [k for k in os.environ if k.startswith("PARIS_HEALTH_")]:
        del os.environ[key]  # tests build their settings explicitly


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the repository's corpus, free to modify."""
    target = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", target)
    return target


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory with the index built once from the repository's corpus."""
    from assistant.container import Container
    from assistant.settings import Settings

    data_dir = tmp_path_factory.mktemp("index")
    report = Container(Settings(data_dir=data_dir)).corpus.refresh()
    assert report.ok, report.summary()
    yield data_dir
