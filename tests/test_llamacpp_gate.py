"""`make test` builds llama-cpp-python (about 9 minutes on 2 cores: PyPI has no prebuilt wheel)
only through `make test-llamacpp`: without the cached wheel it skips the build, and the tests
that need llama.cpp are skipped with their reason in pytest's summary, never passed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LLAMA_FILES = ["tests/test_backends.py", "tests/test_remote_embedder.py"]
LLAMA_TESTS = 6
SUBPROCESS = pytest.mark.slow  # no model, but a pytest process start (imports) per run
# pytest run as if llama-cpp-python were not installed (find_spec gives None for a None module)
WITHOUT_LLAMACPP = (
    "import sys; sys.modules['llama_cpp'] = None; import pytest; "
    "sys.exit(pytest.main(sys.argv[1:]))"
)


def pytest_without_llamacpp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_LLAMACPP, *LLAMA_FILES, "-m", "llamacpp", "-ra", "-q",
         "-p", "no:cacheprovider", *args],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@SUBPROCESS
def test_without_llamacpp_its_tests_are_skipped_with_the_reason() -> None:
    run = pytest_without_llamacpp()
    assert run.returncode == 0, run.stdout + run.stderr
    reason = "llama-cpp-python is not installed: run `make test-llamacpp`"
    skipped = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED [1]")]
    assert len(skipped) == LLAMA_TESTS and all(reason in line for line in skipped), run.stdout
    assert f"{LLAMA_TESTS} skipped" in run.stdout and "passed" not in run.stdout


@SUBPROCESS
def test_with_require_llamacpp_they_fail_instead() -> None:
    run = pytest_without_llamacpp("--require-llamacpp")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "skipped" not in run.stdout and "passed" not in run.stdout
    assert "llama-cpp-python is not installed: run `make test-llamacpp`" in run.stdout


def make_n(target: str, wheels: Path) -> str:
    run = subprocess.run(
        ["make", "-n", target, f"WHEELS={wheels}"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
        env={k: v for k, v in os.environ.items() if not k.startswith("MAKE")},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_builds_llamacpp_only_when_its_wheel_is_cached(tmp_path: Path) -> None:
    empty = make_n("test", tmp_path)
    assert "pip wheel" not in empty and "llama" not in empty  # no build, no install
    assert [line for line in empty.splitlines() if "pytest" in line] == [".venv/bin/pytest "]
    (tmp_path / "llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl").write_bytes(b"")
    cached = make_n("test", tmp_path)  # installs the cached wheel (`make llamacpp`), then:
    assert ".venv/bin/pytest --require-llamacpp" in cached.splitlines()
    opt_in = make_n("test-llamacpp", tmp_path)
    assert ".venv/bin/pytest -m llamacpp --require-llamacpp" in opt_in.splitlines()
