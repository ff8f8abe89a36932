"""Corpus commands: ``ingest``, ``sources``, ``remove``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, get_args

import click

from assistant.app.cli.common import CliError, container, echo, exit_by, friendly_errors, json_text
from assistant.app.container import Container
from ingest.limits import MAX_CRAWL_PAGES
from ingest.lock import CorpusBusy, not_serving
from ingest.models import DirectoryFormat
from ingest.report import IngestReport, Progress, report_line

EXIT_BUSY = 75  # EX_TEMPFAIL: another ingest holds the lock (or serve the index): try later


def progress_printer(enabled: bool) -> Progress | None:
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


def print_report(report: IngestReport) -> None:
    for item in report.items:
        echo(report_line(item))
    click.echo(report.summary())


@click.command()
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
    type=click.Choice(get_args(DirectoryFormat)),
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
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help=f"With --url: at most this many pages per source (at most {MAX_CRAWL_PAGES}, "
    "or PARIS_HEALTH_MAX_CRAWL_PAGES).",
)
@click.option("--sitemap", is_flag=True, help="With --url: the URL is a sitemap.xml.")
@click.option("--rebuild", is_flag=True, help="Drop the index and build it again.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: on when stderr is a terminal).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing unless something changed or failed (for cron and systemd timers).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    urls: tuple[str, ...],
    files: tuple[Path, ...],
    fmt: DirectoryFormat | None,
    crawl_depth: int,
    max_pages: int,
    sitemap: bool,
    rebuild: bool,
    progress: bool | None,
    quiet: bool,
) -> None:
    """Ingest the sources of the manifest (incremental), or add --url / --file sources.

    Exit status: 0 done, 1 a source or the run failed, 75 another ingest holds the lock or
    `serve` holds the embedded index."""
    if rebuild and (urls or files):
        raise CliError("--rebuild rebuilds from the manifest; add sources separately")
    app = container(ctx)
    bar = progress_printer(sys.stderr.isatty() if progress is None else progress)
    with busy_exit(), friendly_errors(), sole_writer(app):
        if rebuild:
            report = app.corpus.rebuild(progress=bar)
        elif urls or files:
            report = IngestReport()
            if urls:
                report = app.corpus.add_urls(
                    list(urls),
                    crawl_depth=crawl_depth,
                    max_pages=max_pages,
                    sitemap=sitemap,
                    progress=bar,
                )
            if files:
                report = report.merged(app.corpus.add_files(list(files), fmt=fmt, progress=bar))
        else:
            report = app.corpus.refresh(progress=bar, trigger="cli")
    if not quiet or report.changed or not report.ok or any(i.note for i in report.items):
        print_report(report)
    exit_by(report.ok)


@contextmanager
def sole_writer(app: Container) -> Iterator[None]:
    """A write from the command line: refused while ``serve`` holds the embedded index (its
    vector index lives in the server's memory); through a Chroma server, always allowed."""
    if app.settings.chroma_url:
        yield
        return
    with not_serving(app.settings.data_dir):
        yield


@contextmanager
def busy_exit() -> Iterator[None]:
    """Another ingest holds the lock, or ``serve`` the embedded index: one line on stderr and
    exit status 75 (EX_TEMPFAIL), so that a cron job can tell "try later" from a failure."""
    try:
        yield
    except (CorpusBusy, CliError) as exc:
        busy = exc if isinstance(exc, CorpusBusy) else exc.__cause__  # friendly_errors' line
        if not isinstance(busy, CorpusBusy):
            raise
        click.echo(f"Error: {busy.reason}", err=True)
        sys.exit(EXIT_BUSY)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@click.pass_context
def sources(ctx: click.Context, as_json: bool) -> None:
    """List the sources with their last fetch time and status."""
    app = container(ctx)
    with friendly_errors():
        rows = app.corpus.sources()
    for row in rows:
        reason = row.state.reason if row.state else ""
        if as_json:
            record = {
                "id": row.source.id,
                "kind": row.source.kind,
                "location": row.source.location,
                "status": row.status,
                "last_fetch": row.last_fetch,
                "reason": reason,
                "chunks": row.state.chunks if row.state else 0,
                "seed": row.seed,
            }
            click.echo(json_text(record))
        else:
            shown = f"  ({reason})" if reason else ""
            echo(
                f"{row.source.id:<34} {row.source.kind:<9} {row.status:<14} "
                f"{row.last_fetch or '-':<25} {row.source.location}{shown}"
            )
    if not rows:
        click.echo("no sources in the manifest", err=True)


@click.command()
@click.argument("source_id")
@click.option("--force", is_flag=True, help="Also remove a seed source of corpus/sources.yaml.")
@click.pass_context
def remove(ctx: click.Context, source_id: str, force: bool) -> None:
    """Remove a source and its chunks from the index."""
    app = container(ctx)
    with busy_exit(), friendly_errors(), sole_writer(app):
        report = app.corpus.remove(source_id, force=force)
    print_report(report)
    exit_by(report.ok)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per vote.")
@click.pass_context
def feedback(ctx: click.Context, as_json: bool) -> None:
    """List the votes given on answers (every replica's, with a shared database)."""
    app = container(ctx)
    with friendly_errors():
        votes = app.feedback.all()
    for vote in votes:
        if as_json:
            keys = ("id", "created_at", "rating", "question", "comment", "answer_id")
            click.echo(json_text({k: vote[k] for k in keys}))
        else:
            comment = f"  ({vote['comment']})" if vote["comment"] else ""
            echo(f"{vote['created_at']:<25} {vote['rating']:+d} {vote['question']}{comment}")
    if not votes:
        click.echo("no feedback yet", err=True)


COMMANDS = (ingest, sources, remove, feedback)
