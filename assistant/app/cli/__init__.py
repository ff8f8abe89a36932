"""The ``paris-health`` command line: parse options, call a service, print the result.

The settings object is built here (the edge) and handed to the container. The commands live
by what they do: ``corpus`` (ingest, sources, remove), ``ask``, ``serve``, ``measure`` (eval,
bench).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import click

from assistant.app.cli import ask, corpus, measure, serve
from ingest.settings import EmbedderMode

ENV = "PARIS_HEALTH_"


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
    help="Seed documents and their manifest (default: the repository's corpus/).",
)
@click.option(
    "--chroma-url", envvar=f"{ENV}CHROMA_URL", help="Use a `chroma run` server: http://HOST:PORT."
)
@click.option(
    "--embedder",
    type=click.Choice(get_args(EmbedderMode)),
    envvar=f"{ENV}EMBEDDER",
    help="Embedding model (default e5, multilingual).",
)
@click.version_option(package_name="paris-health")
@click.pass_context
def cli(ctx: click.Context, **options: Any) -> None:
    """Cited answers about the Paris Region health ecosystem, from your own corpus."""
    ctx.obj = {k: v for k, v in options.items() if v is not None}


for module in (corpus, ask, serve, measure):
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    cli(prog_name="paris-health")
