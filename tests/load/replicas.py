"""Replicas behind one Chroma server: a real ``chroma run`` on 127.0.0.1, the corpus ingested into
it by ``paris-health ingest`` (its own data directory, as a cron job would), and N ``paris-health
serve`` processes, each with its own empty data directory. Used by the slow replica tests and as
a script: answers per second with one and with N replicas (the same 20 sessions spread over
them), p50/p95, and the time from an ingest on replica A to its first cited answer on replica B.

    python tests/load/replicas.py --replicas 2 --sessions 20 --duration 30 --out replicas.json

Only 127.0.0.1 is ever contacted; every wait is bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
import loadtest  # noqa: E402 - the script next to this file
from chromaserver import chroma_server  # noqa: E402 - tests/chromaserver.py

from ingest.manifest import source_id_for_file  # noqa: E402

STAFF_USER, STAFF_PASSWORD = loadtest.STAFF_USER, loadtest.STAFF_PASSWORD
NEW_FILE = (
    "# Cardiopolis\n\nCardiopolis is a cardiology cluster founded in Creteil in 2019. It gathers "
    "40 hospitals and start-ups working on heart monitoring.\n"
)
QUESTION = "When was Cardiopolis founded?"


@dataclass
class Cluster:
    chroma_url: str
    urls: list[str]
    data_dirs: list[Path]
    env: dict[str, str]  # what every process of the cluster shares (the server, the corpus)
    pids: dict[str, int]  # the chroma server's and each replica's process

    def rss_mib(self) -> dict[str, float]:
        """The resident memory of each process now (Linux: /proc)."""
        return {name: rss_mib(pid) for name, pid in self.pids.items()}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def cli(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*loadtest.cli_command(), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@contextlib.contextmanager
def cluster(
    root: Path, corpus_dir: Path, replicas: int = 2, shared: dict[str, str] | None = None
) -> Iterator[Cluster]:
    """A Chroma server holding the corpus and ``replicas`` serve processes on it; ``shared``:
    more settings every process of the cluster gets (a database URL, a files folder)."""
    port = loadtest.free_port()
    with chroma_server(root / "chroma-server", port) as chroma:
        url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "PARIS_HEALTH_CHROMA_URL": url,
            "PARIS_HEALTH_CORPUS_DIR": str(corpus_dir),
            **(shared or {}),
        }
        built = cli(
            {**env, "PARIS_HEALTH_DATA_DIR": str(root / "builder")}, "ingest", "--no-progress"
        )
        assert built.returncode == 0, built.stderr
        servers: list[subprocess.Popen[str]] = []
        urls, dirs = [], []
        try:
            for n in range(replicas):
                data_dir = root / f"replica-{n}"
                data_dir.mkdir(parents=True)
                serve_port = loadtest.free_port()
                servers.append(loadtest.start_server(data_dir, serve_port, env))
                urls.append(f"http://127.0.0.1:{serve_port}/")
                dirs.append(data_dir)
            for address, server in zip(urls, servers, strict=True):
                loadtest.wait_ready(address, server)
                loadtest.warm_up(address, 300)
            pids = {"chroma run": chroma.pid} | {
                f"serve {n}": server.pid for n, server in enumerate(servers)
            }
            yield Cluster(url, urls, dirs, env, pids)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()


def staff(url: str) -> Any:
    from gradio_client import Client

    client = Client(url, verbose=False)
    status = client.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")[0]
    assert "Signed in" in status, status
    return client


def cites(url: str, question: str, source_id: str) -> bool:
    """Whether replica ``url`` answers ``question`` citing a chunk of ``source_id``."""
    from gradio_client import Client

    record = Client(url, verbose=False).predict(question, [], "any", "any", api_name="/ask")[2]
    cited = set(record.get("cited") or [])
    return any(
        s["n"] in cited and s["metadata"].get("source_id") == source_id for s in record["sources"]
    )


def seconds_until(check: Any, limit_s: float, every_s: float = 0.1) -> float | None:
    """Seconds from now until the first ``check()`` that comes out true was started (a question
    asked then is answered with the change: how long the change took to be visible, not counting
    that answer's own latency, which the bench measures), None when none started within
    ``limit_s`` is true."""
    started = time.monotonic()
    while (asked := time.monotonic() - started) < limit_s:
        if check():
            return asked
        time.sleep(every_s)
    return None


def add_on_a_answer_on_b(
    a: str, b: str, folder: Path, limit_s: float = 10
) -> tuple[str, float | None]:
    """A file added through A's staff desk; the seconds from the end of the add until B's first
    answer citing it came back (None: not in time)."""
    from gradio_client import handle_file

    upload = folder / "cardiopolis.md"
    upload.write_text(NEW_FILE, encoding="utf-8")
    report = staff(a).predict(handle_file(str(upload)), api_name="/staff_add_file")[0]
    assert "added" in report, report
    source_id = source_id_for_file(upload)
    return source_id, seconds_until(lambda: cites(b, QUESTION, source_id), limit_s)


def load(urls: list[str], sessions: int, duration: float, timeout_s: float) -> dict[str, Any]:
    """``sessions`` chat sessions spread round-robin over ``urls`` for ``duration`` seconds."""
    results = loadtest.Results()
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=loadtest.session,
            args=(urls[n % len(urls)], n, started + duration, timeout_s, results),
        )
        for n in range(sessions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + timeout_s + 30)
    args = argparse.Namespace(sessions=sessions, duration=duration, concurrency=None)
    figures = loadtest.summary(args, results, time.monotonic() - started)
    figures.pop("staff_refresh")
    return figures


def run(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="paris-health-replicas-"))
    corpus = Path(args.corpus_dir)
    out: dict[str, Any] = {"replicas": args.replicas, "sessions": args.sessions}
    with cluster(root, corpus, args.replicas) as running:
        out["one_replica"] = load(running.urls[:1], args.sessions, args.duration, args.timeout)
        if args.replicas > 1:
            out[f"{args.replicas}_replicas"] = load(
                running.urls, args.sessions, args.duration, args.timeout
            )
            _, seconds = add_on_a_answer_on_b(running.urls[0], running.urls[1], root)
            out["ingest_on_a_to_answer_on_b_s"] = round(seconds, 2) if seconds else None
        out["rss_mib"] = running.rss_mib()
    return out


def main(argv: list[str] | None = None) -> int:
    from ingest.settings import REPO_ROOT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load, each run")
    parser.add_argument("--timeout", type=float, default=120.0, help="per request")
    parser.add_argument("--corpus-dir", default=str(REPO_ROOT / "corpus"))
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= 8 or not 1 <= args.sessions <= 200:
        parser.error("--replicas 1..8, --sessions 1..200")
    figures = run(args)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
