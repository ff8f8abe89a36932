"""Measuring commands: ``eval`` (answer quality on a question set) and ``bench`` (speed and
memory against same-run baselines)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from assistant.app.cli.common import (
    BACKENDS,
    build_settings,
    container,
    friendly_errors,
    ready,
    say,
)


@click.command(name="eval")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--backend",
    "backends",
    multiple=True,
    type=BACKENDS,
    help="Backend(s) to evaluate (repeatable; default: the configured one).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="Print every failed question.")
@click.pass_context
def eval_command(
    ctx: click.Context,
    files: tuple[Path, ...],
    backends: tuple[str, ...],
    as_json: bool,
    verbose: bool,
) -> None:
    """Run the question sets FILES (JSON lines, e.g. tests/eval/questions.jsonl): hit@1/@5, MRR,
    answer and decline accuracy, latency, per category and per kind; several sets are then
    shown side by side per kind (dev beside the frozen test)."""
    from assistant.app.eval_report import format_report, side_by_side
    from assistant.app.evaluate import evaluate_backends, load_questions

    app = container(ctx)
    with friendly_errors():
        sets = {file: load_questions(file) for file in files}
        ready(app)
        chosen = backends or (app.settings.backend,)
        reports = {file: evaluate_backends(app, qs, chosen) for file, qs in sets.items()}
    if as_json:
        scores = {f.name: {n: r.to_json() for n, r in rep.items()} for f, rep in reports.items()}
        click.echo(json.dumps(scores[files[0].name] if len(files) == 1 else scores, indent=2))
        return
    for file, report in reports.items():
        click.echo(format_report(report, file.name, app.settings.embedder, verbose=verbose))
    for name in chosen if len(files) > 1 else ():
        click.echo(f"\nSide by side, backend {name}")
        click.echo(side_by_side({f.name: rep[name] for f, rep in reports.items()}))


@click.command("fit")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (default: the one the package ships).",
)
@click.pass_context
def fit_command(ctx: click.Context, files: tuple[Path, ...], out: Path | None) -> None:
    """Fit the sentence model (the answering sentence and the decline gate) on the question
    sets FILES (the dev sets, never the frozen test) and on questions generated from the
    directory; prints its weights."""
    from assistant.answer.sentence_model import MODEL_PATH
    from assistant.app.evaluate import load_questions
    from assistant.app.fit import fit
    from assistant.app.fitting import from_directory, from_questions

    app = container(ctx)
    with friendly_errors():
        questions = [q for file in files for q in load_questions(file)]
        ready(app)
        labelled = from_questions(app.chat, questions) + from_directory(app.chat)
        note = f"{', '.join(f.name for f in files)} and the directory: {len(labelled)} questions"
        model = fit(labelled, note=note)
        model.save(out or MODEL_PATH)
    for name, weight in zip(model.features, model.weights, strict=True):
        click.echo(f"{name:<12} {weight:+.3f}")
    click.echo(f"{'intercept':<12} {model.intercept:+.3f}\nthreshold    {model.threshold:.3f}")
    say(f"fitted on {note}; written to {out or MODEL_PATH}")


@click.command("bench")
@click.option(
    "--questions",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A question set (JSON lines) whose questions are timed (default: a built-in set).",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help="How many of its questions to time.",
)
@click.option("--backend", type=BACKENDS, help="Answer backend to time.")
@click.option(
    "--no-compare-embedder", is_flag=True, help="Skip the MiniLM baseline for embedding speed."
)
@click.option(
    "--scale",
    "sizes",
    callback=lambda _c, _p, v: _sizes(v),
    help="Index sizes to measure on synthetic indexes, e.g. 1000,10000,100000.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --scale: draw latency by size into this PNG (needs matplotlib).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the measures as JSON.")
@click.pass_context
def bench_command(
    ctx: click.Context,
    file: Path | None,
    limit: int,
    backend: str | None,
    no_compare_embedder: bool,
    sizes: list[int] | None,
    plot: Path | None,
    as_json: bool,
) -> None:
    """Speed and memory, each against a baseline measured in the same run.

    Runs in a temporary data directory: the index in PARIS_HEALTH_DATA_DIR is not touched.
    With --scale: latency, memory and cold start by index size (--json: one object
    {"sizes": [{"chunks": N, ...}], "ingest": {...}}).
    """
    from assistant.app.bench import BENCH_QUESTIONS, run_bench
    from assistant.app.bench.baseline import bm25_okapi
    from assistant.app.evaluate import load_questions

    with friendly_errors():
        bm25_okapi()  # every bench measures against it: fail before any work without the extra
    settings = build_settings(**{**ctx.obj, "backend": backend})
    if sizes:
        from assistant.app.bench.scale import run_scale, table

        with friendly_errors():
            result = run_scale(settings, sizes, say=lambda line: say(f"bench: {line}"))
            if plot:
                from assistant.app.bench.plot import draw

                draw(result, plot)
        click.echo(json.dumps(result, indent=2) if as_json else table(result))
        return
    with friendly_errors():
        pool = [q.question for q in load_questions(file)] if file else list(BENCH_QUESTIONS)
        report: Any = run_bench(
            settings,
            pool[:limit],
            say=lambda line: say(f"bench: {line}"),
            compare_embedder=not no_compare_embedder,
        )
    click.echo(json.dumps(report.to_json(), indent=2) if as_json else report.table())


def _sizes(value: str | None) -> list[int] | None:
    if not value:
        return None
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise click.BadParameter(f"sizes are numbers, e.g. 1000,10000; got {value!r}") from None
    if not sizes or min(sizes) < 100:
        raise click.BadParameter("each size is at least 100 chunks")
    return sizes


COMMANDS = (eval_command, fit_command, bench_command)
