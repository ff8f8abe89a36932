"""``paris-health bench``: speed and memory, each against a baseline measured in the same run.

- ``corpus``: the seed corpus (ingest, embedding, keyword index, retrieval, answers, memory);
- ``scale`` (``--scale 1000,10000,100000``): synthetic indexes of those sizes, built by
  ``synthetic`` from real chunks and perturbed real embeddings; ``plot`` draws latency by size.
"""

from assistant.app.bench.corpus import BENCH_QUESTIONS, BenchReport, Measure, run_bench

__all__ = ["BENCH_QUESTIONS", "BenchReport", "Measure", "run_bench"]
