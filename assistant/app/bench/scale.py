"""``paris-health bench --scale 1000,10000,100000``: latency, memory and cold start by index size.

A pool of real chunks (the seed corpus, embedded with the configured embedder: its ingest is
timed against embedding the same chunks alone) seeds a synthetic index of each size
(``synthetic``). At each size, every latency is read against its floor, one query embedding:

- ``embed_query_p50_ms`` (the floor), ``dense_p50_ms`` (embedding + Chroma), ``keyword_p50_ms``
  (the keyword index) beside ``keyword_rank_bm25_p50_ms`` (the rank-bm25 baseline it replaced),
  ``retrieve_p50_ms``/``retrieve_p95_ms`` (hybrid), ``retrieve_filtered_p50_ms`` (city=Paris);
- ``answer_first_time_p50_ms`` (passages never scored before) and ``answer_p50_ms`` (again);
- ``add_one_file_then_ask_s``: ingest one new file, then answer a question about it;
- ``rss_mib`` and ``cold_start_s``: a fresh serve-like process (the app's imports, the model)
  from its start to its first answer, and its resident memory after it.

The query-embedding cache is emptied before every timed call. With ``--chroma-url`` the indexes
of each size live on that server (the keyword index stays in the temporary data directory).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.app.bench.corpus import BENCH_QUESTIONS, timed
from assistant.app.bench.synthetic import build, read_pool
from assistant.app.container import Container
from ingest.settings import Settings

FILTER = {"city": "Paris"}
KEYS = (
    "embed_query_p50_ms",
    "dense_p50_ms",
    "keyword_p50_ms",
    "keyword_rank_bm25_p50_ms",
    "retrieve_p50_ms",
    "retrieve_p95_ms",
    "retrieve_filtered_p50_ms",
    "answer_p50_ms",
    "answer_first_time_p50_ms",
    "add_one_file_then_ask_s",
    "rss_mib",
    "cold_start_s",
)
NEW_FILE = (
    "Cardiopolis {n} is a cardiology cluster founded in Creteil in 2019. It gathers 40 "
    "hospitals and start-ups working on heart monitoring.\n"
)


def run_scale(
    settings: Settings, sizes: list[int], say: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """Measure at each size in a temporary data directory; returns ``{"sizes", "ingest"}``."""
    with tempfile.TemporaryDirectory(prefix="paris-health-scale-") as tmp:
        root = Path(tmp)
        pool_settings = settings.model_copy(
            update={"data_dir": root / "pool", "chroma_url": None, "collection": "pool"}
        )
        pool_app = Container(pool_settings)
        ingest = _bench_ingest(pool_app, say)
        pool = read_pool(pool_app.store)
        rows = []
        for size in sizes:
            say(f"scale: {size} chunks")
            local = settings.model_copy(
                update={"data_dir": root / f"n{size}", "collection": f"bench_{size}_{os.getpid()}"}
            )
            app = Container(local, embedder=pool_app.embedder)
            try:
                app.store.reset()  # a server may hold an older one
                started = time.perf_counter()
                build(app.store, app.keyword, pool, size, say)
                build_s = time.perf_counter() - started
                rows.append({"chunks": app.store.count(), "build_s": build_s, **_measure(app, say)})
            finally:
                if settings.chroma_url:
                    app.store.client.delete_collection(local.collection)
            gc.collect()
        return {
            "settings": {"embedder": settings.embedder, "chroma_url": settings.chroma_url or ""},
            "sizes": rows,
            "ingest": ingest,
        }


def _bench_ingest(app: Container, say: Callable[[str], None]) -> dict[str, Any]:
    """The seed corpus: a full ingest against embedding its chunks alone (model loaded first)."""
    from ingest.chunk import embedding_text

    say("scale: the pool (seed corpus): ingest vs embedding alone")
    app.embedder.embed_query("warm up")
    ingest_s, report = timed(app.corpus.refresh)
    # the same texts the ingest embedded (a stored chunk has the text and metadata it needs)
    texts = [embedding_text(c) for c in app.store.chunks()]  # type: ignore[arg-type]
    embed_s, _ = timed(lambda: app.embedder.embed_documents(texts))
    chunks = report.embedded
    return {
        "chunks": chunks,
        "ingest_s": ingest_s,
        "ingest_chunks_per_s": chunks / ingest_s,
        "embed_only_chunks": len(texts),
        "embed_only_chunks_per_s": len(texts) / embed_s,
        "ingest_vs_embed_only": (chunks / ingest_s) / (len(texts) / embed_s),
    }


def _p50(fn: Callable[[str], Any], questions: list[str], forget: Callable[[], None]) -> list[float]:
    times = []
    for question in questions:
        forget()
        started = time.perf_counter()
        fn(question)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _measure(app: Container, say: Callable[[str], None]) -> dict[str, float]:
    from assistant.app.bench.baseline import RankBM25
    from assistant.retrieval import keyword_query

    questions, k, fetch_k = list(BENCH_QUESTIONS), app.settings.k, app.settings.fetch_k
    embedder = app.embedder
    raw = getattr(embedder, "loaded", embedder)
    forget = getattr(embedder, "forget_queries", lambda: None)
    retriever, keyword = app.retriever, app.retriever.fresh_keyword()
    out: dict[str, float] = {}

    def median(fn: Callable[[str], Any]) -> float:
        return statistics.median(_p50(fn, questions, forget))

    out["embed_query_p50_ms"] = median(raw.embed_query)
    out["dense_p50_ms"] = median(lambda q: app.store.search(q, fetch_k))
    out["keyword_p50_ms"] = median(lambda q: keyword.search(keyword_query(q), fetch_k))
    retrieve = _p50(lambda q: retriever.retrieve(q, k), questions, forget)
    out["retrieve_p50_ms"] = statistics.median(retrieve)
    out["retrieve_p95_ms"] = statistics.quantiles(retrieve, n=20)[-1]
    out["retrieve_filtered_p50_ms"] = median(lambda q: retriever.retrieve(q, k, dict(FILTER)))
    out["answer_first_time_p50_ms"] = median(app.chat.ask)
    out["answer_p50_ms"] = median(app.chat.ask)
    out["add_one_file_then_ask_s"] = _add_then_ask(app)
    out.update(_fresh_process(app.settings))
    say("scale: the rank-bm25 baseline")
    baseline = RankBM25(list(app.store.chunks()))
    out["keyword_rank_bm25_p50_ms"] = median(lambda q: baseline.search(keyword_query(q), fetch_k))
    return out


def _add_then_ask(app: Container) -> float:
    path = app.settings.data_dir / "cardiopolis.txt"
    path.write_text(NEW_FILE.format(n=app.store.count()), encoding="utf-8")
    started = time.perf_counter()
    report = app.corpus.add_files([path])
    answer = app.chat.ask("When was Cardiopolis founded?")
    seconds = time.perf_counter() - started
    if not report.ok or not any("Cardiopolis" in s.text for s in answer.sources):
        raise RuntimeError(f"the added file was not found: {report.summary()}")
    return seconds


PROBE = """
import json, os, sys, time
import gradio  # noqa: F401 - what `paris-health serve` imports too
from assistant.app.container import Container
from ingest.settings import Settings
app = Container(Settings())
answer = app.chat.ask(sys.argv[1])
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
print(json.dumps({"rss_mib": rss / 1024, "sources": len(answer.sources)}))
"""


def _fresh_process(settings: Settings) -> dict[str, float]:
    """A new process from start to its first answer, and its resident memory after it."""
    env = {
        **os.environ,
        "PARIS_HEALTH_DATA_DIR": str(settings.data_dir),
        "PARIS_HEALTH_CORPUS_DIR": str(settings.corpus_dir),
        "PARIS_HEALTH_COLLECTION": settings.collection,
        "PARIS_HEALTH_EMBEDDER": settings.embedder,
        "PARIS_HEALTH_BACKEND": settings.backend,
    }
    if settings.chroma_url:
        env["PARIS_HEALTH_CHROMA_URL"] = settings.chroma_url
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, BENCH_QUESTIONS[0]],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"the fresh process failed: {done.stderr.strip()[-500:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"rss_mib": float(result["rss_mib"]), "cold_start_s": seconds}


def table(result: dict[str, Any]) -> str:
    """The sizes side by side, one measure a line."""
    sizes = result["sizes"]
    lines = [f"{'measure':<28}" + "".join(f"{row['chunks']:>12,}" for row in sizes)]
    lines.append("-" * len(lines[0]))
    for key in ("build_s", *KEYS):
        lines.append(f"{key:<28}" + "".join(f"{row[key]:>12.1f}" for row in sizes))
    ingest = result["ingest"]
    lines.append("")
    lines.append(
        f"ingest {ingest['ingest_chunks_per_s']:.1f} chunks/s vs embedding alone "
        f"{ingest['embed_only_chunks_per_s']:.1f} chunks/s "
        f"({ingest['ingest_vs_embed_only']:.0%}, {ingest['chunks']} chunks)"
    )
    return "\n".join(lines)
