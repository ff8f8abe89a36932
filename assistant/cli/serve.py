"""``serve``: start the app. The app registers itself under the ``paris_health.apps`` entry
point (``gradio = "ui.app:launch"`` in ``pyproject.toml``), so the CLI never imports ``ui/``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from importlib.metadata import entry_points
from typing import Any

import click

from assistant.cli.common import BACKENDS, CliError, container, friendly_errors, ready, say
from ingest.lock import serving

APPS_GROUP = "paris_health.apps"


def find_app(name: str = "gradio") -> Callable[[Any], None]:
    found = {ep.name: ep for ep in entry_points(group=APPS_GROUP)}
    if name not in found:
        raise CliError(
            f"no app named {name!r} is installed (entry points {APPS_GROUP}: "
            f"{', '.join(sorted(found)) or 'none'}); reinstall with `pip install -e .`"
        )
    launch: Callable[[Any], None] = found[name].load()
    return launch


@click.command()
@click.option("--host", envvar="PARIS_HEALTH_HOST", help="Address to bind (default 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), envvar="PARIS_HEALTH_PORT", help="Port (default 7860)."
)
@click.option("--backend", type=BACKENDS, envvar="PARIS_HEALTH_BACKEND", help="Answer backend.")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, backend: str | None) -> None:
    """Start the Gradio app (chat, directory, staff desk)."""
    launch = find_app()
    app = container(ctx, host=host, port=port, backend=backend)
    data_dir = app.settings.data_dir
    # an embedded index is written by this process only (`ingest` refuses meanwhile)
    held = (
        nullcontext()
        if app.settings.chroma_url
        else serving(data_dir, waiting=lambda: say(f"waiting for the ingest on {data_dir}"))
    )
    with friendly_errors(), held:
        if app.settings.chroma_url:
            _log_catch_ups()
        ready(app, background=True)
        launch(app)


def _log_catch_ups() -> None:
    """Each catch-up of the keyword index with the shared store, one line on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    follow = logging.getLogger("assistant.retrieval.follow")
    follow.addHandler(handler)
    follow.setLevel(logging.INFO)


COMMANDS = (serve,)
