"""The app answers several questions at once (``concurrency_limit`` threads): an answer must not
depend on what the other threads are answering. Real embedder, real index, the eval questions
asked one by one, then again from four threads with the text caches emptied, so every thread
stems and splits sentences afresh (a shared snowball stemmer and pysbd segmenter once changed
answers, and raised "string index out of range", under the load test)."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from assistant.app.container import Container
from assistant.app.evaluate import load_questions
from ingest.settings import Settings
from ingest.store import text

pytestmark = pytest.mark.slow  # the real embedder

EVAL = Path(__file__).parent / "eval"
THREADS = 4


def test_answers_from_concurrent_threads_are_the_serial_ones(built_index: Path) -> None:
    chat = Container(Settings(data_dir=built_index)).chat
    questions = load_questions(EVAL / "questions.jsonl") + load_questions(EVAL / "holdout.jsonl")
    serial = [chat.ask(q.question, q.history).answer for q in questions]
    text.stem.cache_clear()
    text._split_line.cache_clear()
    differences: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work(seed: int) -> None:
        order = list(range(len(questions)))
        random.Random(seed).shuffle(order)
        for i in order:
            try:
                answer = chat.ask(questions[i].question, questions[i].history).answer
            except Exception as exc:  # noqa: BLE001 - every failure is reported
                with lock:
                    errors.append(f"{questions[i].id}: {type(exc).__name__}: {exc}")
                continue
            if answer != serial[i]:
                with lock:
                    differences.append(f"{questions[i].id}: {serial[i][:80]!r} -> {answer[:80]!r}")

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]
    assert not differences, differences[:3]
