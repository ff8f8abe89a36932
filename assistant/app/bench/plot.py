"""The latency-by-size plot of ``bench --scale`` (matplotlib, the ``bench`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.store.embedder import missing_extra

LINES = (
    ("embed_query_p50_ms", "one query embedding (floor)", ":"),
    ("dense_p50_ms", "dense (Chroma)", "-"),
    ("keyword_p50_ms", "keyword (tantivy)", "-"),
    ("keyword_rank_bm25_p50_ms", "keyword (rank-bm25, before)", "--"),
    ("retrieve_p50_ms", "hybrid retrieve p50", "-"),
    ("retrieve_filtered_p50_ms", "hybrid retrieve, filtered", "-."),
    ("answer_p50_ms", "answer p50 (extractive)", "-"),
)


def draw(result: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise missing_extra("matplotlib", "bench") from exc
    sizes = [row["chunks"] for row in result["sizes"]]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for key, label, style in LINES:
        ax.plot(sizes, [row[key] for row in result["sizes"]], style, marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the index")
    ax.set_ylabel("p50 latency (ms)")
    ax.set_title(f"paris-health latency by index size ({result['settings']['embedder']})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
