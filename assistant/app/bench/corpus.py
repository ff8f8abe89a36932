"""``paris-health bench``: speed and memory, each against a baseline measured in the same run.

Every number comes with the baseline it should be read against, so a slower or faster machine
changes the numbers but not the ratios that matter:

- ingest: a full build of the index from the corpus, then a run with nothing changed (baseline:
  the full build; the no-change run must cost a small fraction of it, nothing re-embedded);
- embedding: passages per second with the configured embedder (baseline: MiniLM-L6, the small
  English model);
- keyword index: a BM25 query in the keyword index (baseline: rank-bm25 over the same chunks);
- retrieval: hybrid dense + BM25 with fusion (baseline: dense search alone);
- answering: a whole answer with the configured backend (baseline: retrieval alone);
- memory: the peak resident size of the process.

It runs in a temporary data directory, so the user's index is never touched.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.app.container import Container
from ingest.settings import Settings

# The questions timed by default: a spread of kinds and both languages over the seed corpus
# (``--questions FILE`` times a question set instead).
BENCH_QUESTIONS = (
    "How many hospitals are part of AP-HP?",
    "What proportion of Inserm's units are in the Paris Region?",
    "What is TERR-eSANTE and who funded its deployment?",
    "Which business clusters encourage cooperation between medtech players in Ile-de-France?",
    "Why should we put our European R&D centre in the Paris Region?",
    "Has any foreign company already set up an R&D centre in Paris for digital health?",
    "What is SUMIL?",
    "Who runs high-field neuroimaging?",
    "Combien d'hôpitaux compte l'AP-HP ?",
    "Combien d'établissements pharmaceutiques la région parisienne accueille-t-elle ?",
    "What is Medicen's budget for 2024?",
    "In what year was the Institut Pasteur founded?",
)


@dataclass(frozen=True)
class Measure:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.value / self.baseline


@dataclass
class BenchReport:
    settings: dict[str, Any]
    measures: list[Measure] = field(default_factory=list)

    def add(self, *args: Any, **kwargs: Any) -> Measure:
        measure = Measure(*args, **kwargs)
        self.measures.append(measure)
        return measure

    def to_json(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "measures": [{**asdict(m), "ratio": m.ratio} for m in self.measures],
        }

    def table(self) -> str:
        lines = [f"{'measure':<34} {'value':>10} {'unit':<10} {'baseline':>10}  ratio  (vs)"]
        lines.append("-" * 96)
        for m in self.measures:
            base = f"{m.baseline:>10.2f}" if m.baseline is not None else f"{'':>10}"
            ratio = f"{m.ratio:6.3f}" if m.ratio is not None else f"{'':>6}"
            vs = f"  ({m.baseline_name})" if m.baseline_name else ""
            lines.append(f"{m.name:<34} {m.value:>10.2f} {m.unit:<10} {base}  {ratio}{vs}")
        return "\n".join(lines)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def p50_ms(
    fn: Callable[[str], Any], items: list[str], forget: Callable[[], None] = lambda: None
) -> float:
    """The median time of ``fn`` over ``items``; ``forget`` runs before each (untimed)."""
    times = []
    for item in items:
        forget()
        started = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_bench(
    settings: Settings,
    questions: list[str],
    say: Callable[[str], None] = lambda _: None,
    compare_embedder: bool = True,
) -> BenchReport:
    """Measure in a fresh temporary data directory built from ``settings.corpus_dir``."""
    with tempfile.TemporaryDirectory(prefix="paris-health-bench-") as tmp:
        local = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": None})
        return _run(local, questions, say, compare_embedder)


def _run(
    settings: Settings,
    questions: list[str],
    say: Callable[[str], None],
    compare_embedder: bool,
) -> BenchReport:
    report = BenchReport(
        {"embedder": settings.embedder, "backend": settings.backend, "k": settings.k}
    )
    app = Container(settings)
    _bench_ingest(app, report, say)
    _bench_embedding(app, report, say, compare_embedder)
    _bench_keyword_index(app, report, say)
    _bench_answers(app, report, say, questions)
    report.add("peak memory (RSS)", peak_rss_mb(), "MiB")
    return report


def _bench_ingest(app: Container, report: BenchReport, say: Callable[[str], None]) -> None:
    say("ingest: full build, then nothing changed")
    app.embedder.embed_query("warm up")  # model loading is not ingestion
    full_s, full = timed(app.corpus.refresh)
    again_s, again = timed(app.corpus.refresh)
    report.add("ingest full", full_s, "s")
    report.add("ingest nothing changed", again_s, "s", full_s, "ingest full")
    report.add(
        "chunks embedded (nothing changed)", again.embedded, "chunks", full.embedded, "ingest full"
    )


def _bench_embedding(
    app: Container, report: BenchReport, say: Callable[[str], None], compare_embedder: bool
) -> None:
    from ingest.store.embedder import build_embedder

    settings = app.settings
    texts = [chunk.text for chunk in app.store.chunks()][:64]
    say(f"embedding: {len(texts)} passages")
    e_s, _ = timed(lambda: app.embedder.embed_documents(texts))
    own = report.add(f"embed passages ({settings.embedder})", len(texts) / e_s, "passages/s")
    if compare_embedder and settings.embedder != "minilm":
        minilm = build_embedder(settings.model_copy(update={"embedder": "minilm"}))
        minilm.embed_query("warm up")
        m_s, _ = timed(lambda: minilm.embed_documents(texts))
        report.measures[-1] = Measure(own.name, own.value, own.unit, len(texts) / m_s, "minilm")


def _bench_keyword_index(app: Container, report: BenchReport, say: Callable[[str], None]) -> None:
    from assistant.app.bench.baseline import RankBM25
    from assistant.retrieval import keyword_query

    say("keyword index: BM25 queries, then the rank-bm25 baseline")
    keyword = app.retriever.fresh_keyword()
    questions = list(BENCH_QUESTIONS)
    own = p50_ms(lambda q: keyword.search(keyword_query(q), app.settings.fetch_k), questions)
    baseline = RankBM25(list(app.store.chunks()))
    base = p50_ms(lambda q: baseline.search(keyword_query(q), app.settings.fetch_k), questions)
    report.add("keyword p50 (tantivy)", own, "ms", base, "rank-bm25")


def _bench_answers(
    app: Container, report: BenchReport, say: Callable[[str], None], questions: list[str]
) -> None:
    settings = app.settings
    say(f"retrieval and answers: {len(questions)} questions")
    chat = app.chat
    chat.ask(questions[0])  # warm caches
    forget = getattr(app.embedder, "forget_queries", lambda: None)  # time real embeddings
    dense_ms = p50_ms(lambda q: app.store.search(q, settings.fetch_k), questions, forget)
    hybrid_ms = p50_ms(lambda q: app.retriever.retrieve(q, settings.k), questions, forget)
    report.add("retrieve p50 (hybrid + RRF)", hybrid_ms, "ms", dense_ms, "dense only")
    totals = [chat.ask(q).timings_ms["total"] for q in questions]
    report.add(
        f"answer p50 ({settings.backend})", statistics.median(totals), "ms", hybrid_ms, "retrieve"
    )
    if len(totals) >= 2:
        p95 = statistics.quantiles(totals, n=20)[-1]
        report.add(f"answer p95 ({settings.backend})", p95, "ms", hybrid_ms, "retrieve")
