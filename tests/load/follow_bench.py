"""What it costs a replica's keyword index to follow a shared Chroma server (``KeywordFollower``):
a full build from an empty data directory and the catch-up after one added source, for the seed
corpus and for a synthetic index of ``--size`` chunks (``assistant/app/bench/synthetic.py``), and
the look that finds nothing to do. Vectors come from a hashing embedder (what is measured never
embeds: a catch-up copies texts and metadata from the store).

    python tests/load/follow_bench.py --size 50000 --out follow.json

Starts its own ``chroma run`` on 127.0.0.1 in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))
from chromaserver import chroma_server, free_port  # noqa: E402 - tests/chromaserver.py
from fakes import FakeEmbedder  # noqa: E402 - tests/fakes.py

from assistant.app.bench.synthetic import build, read_pool  # noqa: E402
from assistant.app.container import Container  # noqa: E402
from assistant.retrieval.follow import KeywordFollower  # noqa: E402
from ingest.settings import REPO_ROOT, Settings  # noqa: E402
from ingest.store.keyword_index import KeywordIndex  # noqa: E402
from ingest.store.vectorstore import VectorStore  # noqa: E402

ONE_SOURCE = 20  # chunks in the added source (a synthetic source's size)


def replica(settings: Settings, embedder: FakeEmbedder, data_dir: Path) -> KeywordFollower:
    """A follower for a fresh data directory, whose version is always read again."""
    store = VectorStore.from_settings(settings, embedder)
    store.clock = time.monotonic_ns  # nanoseconds: every look is past VERSION_TTL_S
    return KeywordFollower(store, KeywordIndex.at(data_dir, settings.collection), data_dir)


def timed(follower: KeywordFollower) -> dict[str, Any]:
    done = follower.follow()
    assert done is not None
    return {"added": done.added, "deleted": done.deleted, "s": round(done.seconds, 3)}


def one_source(writer: Container, prefix: str) -> None:
    texts = [f"Zorglab {prefix} {i} is a gene therapy platform of Evry." for i in range(ONE_SOURCE)]
    ids = [f"{prefix}-{i}" for i in range(ONE_SOURCE)]
    metas = [{"source_id": prefix, "title": "Zorglab"} for _ in ids]
    writer.store.add(ids, texts, metas, writer.embedder.embed_documents(texts))
    writer.store.refresh_version()


def measure(settings: Settings, embedder: FakeEmbedder, root: Path, name: str) -> dict[str, Any]:
    follower = replica(settings, embedder, root / f"replica-{name}")
    out = {"chunks": follower.store.count(), "full_build": timed(follower)}
    writer = Container(settings, embedder=embedder)
    one_source(writer, f"added-{name}")
    out["one_added_source"] = timed(follower)
    looks = []
    for _ in range(20):
        started = time.perf_counter()
        assert follower.follow() is None  # the version is read, nothing to do
        looks.append(time.perf_counter() - started)
    out["look_p50_ms"] = round(statistics.median(looks) * 1000, 2)
    return out


def run(size: int) -> dict[str, Any]:
    embedder = FakeEmbedder(384)
    with tempfile.TemporaryDirectory(prefix="paris-health-follow-") as tmp:
        root = Path(tmp)
        port = free_port()
        with chroma_server(root / "server", port):
            url = f"http://127.0.0.1:{port}"
            seed = Settings(data_dir=root / "seed", corpus_dir=REPO_ROOT / "corpus", chroma_url=url)
            writer = Container(seed, embedder=embedder)
            assert writer.corpus.refresh().ok
            out: dict[str, Any] = {"seed corpus": measure(seed, embedder, root, "seed")}
            if size:
                big = seed.model_copy(update={"collection": "synthetic", "data_dir": root / "big"})
                store = VectorStore.from_settings(big, embedder)
                started = time.perf_counter()
                build(
                    store,
                    KeywordIndex.at(big.data_dir, big.collection),
                    read_pool(writer.store),
                    size,
                )
                out["synthetic_write_s"] = round(time.perf_counter() - started, 1)
                out[f"synthetic {size}"] = measure(big, embedder, root, "big")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="synthetic chunks (0: none)")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = run(args.size)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
