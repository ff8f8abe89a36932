"""Load test: N concurrent chat sessions against ``paris-health serve`` on 127.0.0.1 for a fixed
time, with mixed questions (short, follow-ups, long ones just under the question limit) and a
staff refresh in the middle. Prints the figures (and writes them as JSON with ``--out``).

    python tests/load/loadtest.py --sessions 20 --duration 60      # make load

Bounded in count and time: each session stops asking at the deadline, each request waits at
most ``--request-timeout`` seconds, and only 127.0.0.1 is ever contacted. Errors are counted,
never retried.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STAFF_USER, STAFF_PASSWORD = "loadtest", "loadtest-password"
QUESTIONS = [
    "How many hospitals are part of AP-HP?",
    "Who is the CEO of Medicen?",
    "Who runs high-field neuroimaging?",
    "Which pharma groups are already in the Paris Region?",
    "Qui dirige Medicen ?",
    "How do I cook ratatouille?",  # declined
]
FOLLOW_UP = "And how many professionals?"
LONG = " ".join(["How many hospitals are part of AP-HP?"] * 52)[:1990]  # under the 2,000 limit


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    refresh: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(" ".join(message.split())[:300])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_command() -> list[str]:
    return [sys.executable, "-c", "from assistant.app.cli import main; main()"]


def start_server(data_dir: Path, port: int, env_extra: dict[str, str]) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PARIS_HEALTH_DATA_DIR": str(data_dir),
        "PARIS_HEALTH_HOST": "127.0.0.1",
        "PARIS_HEALTH_PORT": str(port),
        "PARIS_HEALTH_STAFF_USER": STAFF_USER,
        "PARIS_HEALTH_STAFF_PASSWORD": STAFF_PASSWORD,
        **env_extra,
    }
    log = open(data_dir / "serve.log", "w")  # noqa: SIM115 - the server's, closed with it
    return subprocess.Popen(
        [*cli_command(), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, text=True
    )


def wait_ready(url: str, server: subprocess.Popen[str], timeout_s: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"paris-health serve exited with status {server.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"paris-health serve did not answer on {url} in {timeout_s:.0f} s")


def warm_up(url: str, timeout_s: float) -> None:
    """One question first: the embedding model loads on the first query, not under load."""
    from gradio_client import Client

    Client(url, verbose=False).submit(QUESTIONS[0], [], "any", "any", api_name="/ask").result(
        timeout=timeout_s
    )


def session(url: str, n: int, until: float, timeout_s: float, results: Results) -> None:
    """One user: a mix of questions, a follow-up on the conversation, now and then a long one."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    history: list[Any] = []
    turn = n  # sessions start at different places in the mix
    while time.monotonic() < until:
        turn += 1
        if turn % 5 == 0:
            kind, question, previous = "long", LONG, []
        elif turn % 3 == 0 and history:
            kind, question, previous = "follow-up", FOLLOW_UP, history
        else:
            kind, question, previous = "short", QUESTIONS[turn % len(QUESTIONS)], []
        started = time.monotonic()
        try:
            job = client.submit(question, previous, "any", "any", api_name="/ask")
            out = job.result(timeout=timeout_s)
            if not isinstance(out[2], dict) or not out[2].get("answer"):
                raise RuntimeError(f"no answer record for {question[:40]!r}")
            history = out[0][-4:]  # keep the conversation short, well under the history limit
            results.add(kind, time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - every failure is counted
            results.error(f"session {n} {kind}: {type(exc).__name__}: {exc}")
            history = []


def staff_refresh(url: str, at: float, timeout_s: float, results: Results) -> None:
    from gradio_client import Client

    time.sleep(max(0.0, at - time.monotonic()))
    try:
        staff = Client(url, verbose=False)
        staff.predict(STAFF_USER, STAFF_PASSWORD, api_name="/staff_login")
        started = time.monotonic()
        report = staff.submit(api_name="/staff_refresh").result(timeout=timeout_s)[0]
        results.add("staff-refresh", time.monotonic() - started)
        results.refresh = "ok" if "unchanged" in report or "updated" in report else report[:200]
    except Exception as exc:  # noqa: BLE001
        results.error(f"staff refresh: {type(exc).__name__}: {exc}")


def run(args: argparse.Namespace) -> dict[str, Any]:
    own = args.data_dir is None
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="paris-health-load-"))
    if own or not (data_dir / "chroma").exists():
        env = {**os.environ, "PARIS_HEALTH_DATA_DIR": str(data_dir)}
        subprocess.run([*cli_command(), "ingest", "--no-progress"], env=env, check=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env_extra = (
        {"PARIS_HEALTH_CONCURRENCY_LIMIT": str(args.concurrency)} if args.concurrency else {}
    )
    server = start_server(data_dir, port, env_extra)
    results = Results()
    try:
        wait_ready(url, server)
        warm_up(url, args.request_timeout)
        started = time.monotonic()
        until = started + args.duration
        threads = [
            threading.Thread(target=session, args=(url, n, until, args.request_timeout, results))
            for n in range(args.sessions)
        ]
        threads.append(
            threading.Thread(
                target=staff_refresh,
                args=(url, started + args.duration / 2, args.request_timeout, results),
            )
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.duration + args.request_timeout + 30)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return summary(args, results, elapsed)


def summary(args: argparse.Namespace, results: Results, elapsed: float) -> dict[str, Any]:
    chat = [s for k, v in results.latencies.items() if k != "staff-refresh" for s in v]
    by_kind = {
        kind: {
            "n": len(values),
            "p50_s": round(statistics.median(values), 2),
            "p95_s": round(percentile(values, 95), 2),
        }
        for kind, values in sorted(results.latencies.items())
    }
    return {
        "sessions": args.sessions,
        "duration_s": args.duration,
        "elapsed_s": round(elapsed, 1),
        "concurrency_limit": args.concurrency or "default",
        "requests": len(chat),
        "errors": len(results.errors),
        "error_samples": results.errors[:5],
        "throughput_per_s": round(len(chat) / elapsed, 2) if elapsed else 0.0,
        "p50_s": round(statistics.median(chat), 2) if chat else None,
        "p95_s": round(percentile(chat, 95), 2) if chat else None,
        "max_s": round(max(chat), 2) if chat else None,
        "by_kind": by_kind,
        "staff_refresh": results.refresh or "not run",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--request-timeout", type=float, default=120.0)
    parser.add_argument("--data-dir", help="an existing data directory (default: a fresh one)")
    parser.add_argument("--concurrency", type=int, help="PARIS_HEALTH_CONCURRENCY_LIMIT")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 1 <= args.duration <= 3600:
        parser.error("--sessions 1..200, --duration 1..3600")
    figures = run(args)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0 if figures["errors"] == 0 and figures["staff_refresh"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
