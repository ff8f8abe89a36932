"""The ``paris-health`` command line. Options are bound to ``PARIS_HEALTH_*`` variables.

The settings object is built once here (the edge) and handed to the container.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from assistant.container import Container
from assistant.settings import Settings

ENV = "PARIS_HEALTH_"


class CliError(click.ClickException):
    """A one-line error, printed as ``Error: ...``, exit status 1."""


def build_settings(**overrides: Any) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CliError(f"invalid setting {where}: {first['msg']}") from exc


def container(ctx: click.Context, **overrides: Any) -> Container:
    return Container(build_settings(**{**ctx.obj, **overrides}))


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Known failures become one line and a non-zero exit, never a traceback."""
    from assistant.backends.openai import BackendUnavailableError
    from assistant.components.embedder import MissingExtraError
    from assistant.components.vectorstore import IncompatibleIndexError
    from ingest.manifest import ManifestError
    from ingest.models import IngestError

    try:
        yield
    except (IncompatibleIndexError, ManifestError, MissingExtraError, ValueError) as exc:
        raise CliError(" ".join(str(exc).split())) from exc
    except IngestError as exc:
        raise CliError(exc.reason) from exc
    except BackendUnavailableError as exc:
        raise CliError(str(exc)) from exc
    except Exception as exc:
        if type(exc).__module__.startswith("chromadb") or "Connect" in type(exc).__name__:
            raise CliError(f"vector store unavailable: {' '.join(str(exc).split())}") from exc
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar=f"{ENV}DATA_DIR",
    help="Where all state lives (default ./data).",
)
@click.option(
    "--corpus-dir",
    type=click.Path(path_type=Path),
    envvar=f"{ENV}CORPUS_DIR",
    help="Source documents and manifest (default: the repository's corpus/).",
)
@click.option(
    "--chroma-url", envvar=f"{ENV}CHROMA_URL", help="Use a `chroma run` server: http://HOST:PORT."
)
@click.option(
    "--embedder",
    type=click.Choice(["e5", "minilm", "sentence-transformers"]),
    envvar=f"{ENV}EMBEDDER",
    help="Embedding model (default e5, multilingual).",
)
@click.version_option(package_name="paris-health")
@click.pass_context
def cli(ctx: click.Context, **options: Any) -> None:
    """Cited answers about the Paris Region health ecosystem, from your own corpus."""
    ctx.obj = {k: v for k, v in options.items() if v is not None}


# --- ingestion ------------------------------------------------------------------------------


def progress_printer(enabled: bool) -> Any:
    """A progress bar on a terminal; nothing when output is piped."""
    if not enabled:
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int, label: str) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = click.progressbar(length=total, label="ingesting", file=sys.stderr, width=30)
            bar.__enter__()
            state["bar"] = bar
        bar.label = f"ingesting {label[:30]:<30}"
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


def print_report(report: Any) -> None:
    for item in report.items:
        detail = (
            item.reason
            if item.status == "failed"
            else (
                f"{item.chunks} chunks" + (f", {item.embedded} embedded" if item.embedded else "")
                if item.status != "removed"
                else f"{item.deleted} chunks deleted"
            )
        )
        click.echo(f"  {item.status:<9} {item.source_id}: {detail}")
    click.echo(report.summary())


@cli.command()
@click.option("--url", "urls", multiple=True, help="Fetch a web page and add it as a source.")
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Add a local file (txt, md, html, or a directory CSV) as a source.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["paris-health", "rnsr", "finess"]),
    help="Directory CSV format (default: detected from the header).",
)
@click.option(
    "--crawl-depth",
    type=click.IntRange(0, 5),
    default=0,
    show_default=True,
    help="With --url: follow same-site links this deep.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="With --url: at most this many pages per source.",
)
@click.option("--sitemap", is_flag=True, help="With --url: the URL is a sitemap.xml.")
@click.option("--rebuild", is_flag=True, help="Drop the index and build it again.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: on when stderr is a terminal).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    urls: tuple[str, ...],
    files: tuple[Path, ...],
    fmt: str | None,
    crawl_depth: int,
    max_pages: int,
    sitemap: bool,
    rebuild: bool,
    progress: bool | None,
) -> None:
    """Ingest the sources of the manifest (incremental), or add --url / --file sources."""
    app = container(ctx)
    bar = progress_printer(sys.stderr.isatty() if progress is None else progress)
    with friendly_errors():
        if rebuild:
            if urls or files:
                raise CliError("--rebuild rebuilds from the manifest; add sources separately")
            app.store.drop()
            app.store.collection  # noqa: B018 - recreate with the current embedder
        if urls or files:
            report = (
                app.corpus.add_urls(
                    list(urls),
                    crawl_depth=crawl_depth,
                    max_pages=max_pages,
                    sitemap=sitemap,
                    progress=bar,
                )
                if urls
                else None
            )
            if files:
                file_report = app.corpus.add_files(list(files), fmt=fmt, progress=bar)
                if report is None:
                    report = file_report
                else:
                    report.items.extend(file_report.items)
                    report.seconds += file_report.seconds
        else:
            report = app.corpus.refresh(progress=bar)
    assert report is not None
    print_report(report)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@click.pass_context
def sources(ctx: click.Context, as_json: bool) -> None:
    """List the sources with their last fetch time and status."""
    import json

    app = container(ctx)
    with friendly_errors():
        rows = app.corpus.sources()
    for row in rows:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "id": row.source.id,
                        "kind": row.source.kind,
                        "location": row.source.location,
                        "status": row.status,
                        "last_fetch": row.last_fetch,
                        "reason": row.state.reason if row.state else "",
                        "chunks": row.state.chunks if row.state else 0,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            reason = f"  ({row.state.reason})" if row.state and row.state.reason else ""
            click.echo(
                f"{row.source.id:<34} {row.source.kind:<9} {row.status:<14} "
                f"{row.last_fetch or '-':<25} {row.source.location}{reason}"
            )
    if not rows:
        click.echo("no sources in the manifest", err=True)


@cli.command()
@click.argument("source_id")
@click.pass_context
def remove(ctx: click.Context, source_id: str) -> None:
    """Remove a source from the manifest and its chunks from the index."""
    app = container(ctx)
    with friendly_errors():
        report = app.corpus.remove(source_id)
    print_report(report)
    if not report.ok:
        sys.exit(1)


# --- answering ------------------------------------------------------------------------------


def parse_history(raw: Any) -> list[Any]:
    from assistant.answer import Turn

    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValueError("history must be a list of {role, content} objects")
    turns = []
    for item in raw:
        if (
            not isinstance(item, dict)
            or item.get("role") not in ("user", "assistant")
            or not isinstance(item.get("content"), str)
        ):
            raise ValueError('each history item is {"role": "user"|"assistant", "content": str}')
        turns.append(Turn(item["role"], item["content"]))
    return turns


def ready_chat(app: Container) -> Any:
    """The chat service, building the index from the corpus first when it is empty."""
    if app.store.count() == 0:
        click.echo("The index is empty: building it from the corpus first...", err=True)
        report = app.corpus.refresh()
        click.echo(report.summary(), err=True)
    return app.chat


def print_answer(answer: Any) -> None:
    click.echo(answer.answer)
    if not answer.sources:
        return
    click.echo("")
    click.echo("Sources:" if answer.grounded else "Nearest sources:")
    for source in answer.sources:
        mark = "*" if source.n in answer.cited else " "
        where = f" - {source.url}" if source.url else ""
        date = f" ({source.date})" if source.date else ""
        click.echo(f" {mark}[{source.n}] {source.title}{date}{where}")
        quote = source.highlight if source.n in answer.cited and source.highlight else source.text
        quote = " ".join(quote.split())
        click.echo(f'      "{quote[:220]}{"..." if len(quote) > 220 else ""}"')


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read JSON lines on stdin, write one per line.")
@click.option(
    "--backend",
    type=click.Choice(["extractive", "llamacpp", "openai"]),
    envvar="PARIS_HEALTH_BACKEND",
    help="Answer backend (default extractive).",
)
@click.option(
    "--k",
    type=click.IntRange(1, 50),
    envvar="PARIS_HEALTH_K",
    help="Passages shown to the backend (default 5).",
)
@click.option(
    "--filter",
    "filters",
    multiple=True,
    metavar="KEY=VALUE",
    help="Metadata filter: type, kind, city, domain, language (repeatable).",
)
@click.pass_context
def ask(
    ctx: click.Context,
    question: str | None,
    as_json: bool,
    jsonl: bool,
    backend: str | None,
    k: int | None,
    filters: tuple[str, ...],
) -> None:
    """Answer QUESTION from the sources, with numbered citations."""
    import json

    from assistant.retrieval import parse_filters

    if jsonl == bool(question):
        raise CliError("give a QUESTION, or --jsonl with questions on stdin")
    app = container(ctx, backend=backend, k=k)
    with friendly_errors():
        parsed = parse_filters(filters)
        chat = ready_chat(app)
        if not jsonl:
            answer = chat.ask(question or "", filters=parsed)
            if as_json:
                click.echo(json.dumps(answer.to_json(), ensure_ascii=False))
            else:
                print_answer(answer)
            return
        for line in sys.stdin:
            if not line.strip():
                continue
            click.echo(json.dumps(answer_line(chat, line, parsed), ensure_ascii=False))
            sys.stdout.flush()


def answer_line(chat: Any, line: str, filters: dict[str, str]) -> dict[str, Any]:
    """One ``ask --jsonl`` line: the answer object, or ``{"id", "error"}`` for a bad line."""
    import json

    item_id = None
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("each line must be a JSON object")
        item_id = item.get("id")
        if item_id is not None and not isinstance(item_id, str):
            raise ValueError("id must be a string")
        question = item.get("question")
        if not isinstance(question, str) or not question.strip():
            raise ValueError("question must be a non-empty string")
        history = parse_history(item.get("history"))
        answer: dict[str, Any] = chat.ask(question, history, filters).to_json(item_id)
        return answer
    except json.JSONDecodeError as exc:
        return {"id": item_id, "error": f"invalid JSON: {exc.msg} (column {exc.colno})"}
    except ValueError as exc:
        return {"id": item_id, "error": " ".join(str(exc).split())}


# --- app ------------------------------------------------------------------------------------


@cli.command()
@click.option("--host", envvar="PARIS_HEALTH_HOST", help="Address to bind (default 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), envvar="PARIS_HEALTH_PORT", help="Port (default 7860)."
)
@click.option(
    "--backend",
    type=click.Choice(["extractive", "llamacpp", "openai"]),
    envvar="PARIS_HEALTH_BACKEND",
    help="Answer backend (default extractive).",
)
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, backend: str | None) -> None:
    """Start the Gradio app (chat, directory, staff desk)."""
    from ui.app import launch

    app = container(ctx, host=host, port=port, backend=backend)
    with friendly_errors():
        ready_chat(app)
        launch(app)


# --- eval -----------------------------------------------------------------------------------

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.jsonl"


@cli.command(name="eval")
@click.argument(
    "file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--backend",
    "backends",
    multiple=True,
    type=click.Choice(["extractive", "llamacpp", "openai"]),
    help="Backend(s) to evaluate (repeatable; default: the configured one).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="Print every failed question.")
@click.pass_context
def eval_command(
    ctx: click.Context, file: Path | None, backends: tuple[str, ...], as_json: bool, verbose: bool
) -> None:
    """Run a question set: hit@1/@5, MRR, answer and decline accuracy, latency."""
    import json

    from assistant.backends import build_backend
    from assistant.evaluate import by_category, format_table, load_questions, run_eval, score

    path = file or DEFAULT_QUESTIONS
    app = container(ctx)
    with friendly_errors():
        questions = load_questions(path)
        chat = ready_chat(app)
        report: dict[str, Any] = {}
        for name in backends or (app.settings.backend,):
            service = (
                chat
                if name == chat.backend.name
                else replace_backend(chat, build_backend(app.settings, name))
            )
            results = run_eval(service, questions)
            overall = score(results)
            report[name] = {
                "overall": overall.row(),
                "failures": overall.failures,
                "categories": {k: v.row() for k, v in by_category(results).items()},
            }
            if as_json:
                continue
            click.echo(f"\n{path.name} - backend {name} - embedder {app.settings.embedder}")
            click.echo(format_table({**by_category(results), "ALL": overall}, "category"))
            if verbose:
                for r in results:
                    if not r.correct:
                        click.echo(
                            f"  x {r.question.id} [{r.question.category}] "
                            f"{r.question.question!r} -> grounded={r.answer.grounded} "
                            f"rank={r.rank}: {r.answer.answer[:160]!r}"
                        )
    if as_json:
        click.echo(json.dumps(report, indent=2))


@cli.command("bench")
@click.option(
    "--questions",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Question set whose questions are timed (default: the shipped eval set).",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help="How many of its questions to time.",
)
@click.option(
    "--backend",
    type=click.Choice(["extractive", "llamacpp", "openai"]),
    help="Answer backend to time (default: the configured one).",
)
@click.option(
    "--no-compare-embedder", is_flag=True, help="Skip the MiniLM baseline for embedding speed."
)
@click.option("--json", "as_json", is_flag=True, help="Print the measures as JSON.")
@click.pass_context
def bench_command(
    ctx: click.Context,
    file: Path | None,
    limit: int,
    backend: str | None,
    no_compare_embedder: bool,
    as_json: bool,
) -> None:
    """Speed and memory, each against a baseline measured in the same run.

    Runs in a temporary data directory: the index in PARIS_HEALTH_DATA_DIR is not touched.
    """
    import json

    from assistant.bench import run_bench
    from assistant.evaluate import load_questions

    settings = build_settings(**{**ctx.obj, "backend": backend})
    with friendly_errors():
        questions = [q.question for q in load_questions(file or DEFAULT_QUESTIONS)][:limit]
        report = run_bench(
            settings,
            questions,
            say=lambda line: click.echo(f"bench: {line}", err=True),
            compare_embedder=not no_compare_embedder,
        )
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        click.echo(report.table())


def replace_backend(chat: Any, backend: Any) -> Any:
    from assistant.services import ChatService

    return ChatService(chat.retriever, backend, chat.scorer, chat.settings)


def main() -> None:
    cli(prog_name="paris-health")


if __name__ == "__main__":
    main()
