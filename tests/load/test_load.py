"""The 10-second version of the load test (``make load`` runs 60 s): 20 chat sessions against a
real ``paris-health serve`` on 127.0.0.1, a staff refresh in the middle, no error."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import loadtest  # noqa: E402 - the script next to this file

pytestmark = pytest.mark.slow  # a real server, the real embedder


def test_twenty_sessions_for_ten_seconds(built_index: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(built_index, data)
    out = tmp_path / "load.json"
    args = ["--sessions", "20", "--duration", "10", "--data-dir", str(data), "--out", str(out)]
    status = loadtest.main(args)
    figures = loadtest.json.loads(out.read_text(encoding="utf-8"))
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["staff_refresh"] == "ok"
    assert figures["requests"] >= 20  # every session got at least one answer
    assert status == 0
