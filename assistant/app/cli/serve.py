"""``serve``: start the app (``ui/``, the floor beneath the application) over the container's
services."""

from __future__ import annotations

import logging
from contextlib import nullcontext
from typing import TYPE_CHECKING

import click

from assistant.app.cli.common import BACKENDS, container, friendly_errors, ready, say
from ingest.lock import serving

if TYPE_CHECKING:
    from assistant.app.container import Container
    from ui.app import Services


def ui_services(app: Container) -> Services:
    """The services the app calls, built by the container (each one loads what it needs)."""
    from ui.app import Services  # gradio is imported by `serve` only

    return Services(
        settings=app.settings,
        chat=app.chat,
        directory=app.directory,
        feedback=app.feedback,
        corpus=app.corpus,
        staff=app.staff,
    )


@click.command()
@click.option("--host", envvar="PARIS_HEALTH_HOST", help="Address to bind (default 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), envvar="PARIS_HEALTH_PORT", help="Port (default 7860)."
)
@click.option("--backend", type=BACKENDS, envvar="PARIS_HEALTH_BACKEND", help="Answer backend.")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, backend: str | None) -> None:
    """Start the Gradio app (chat, directory, staff desk)."""
    from ui.app import launch

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
        launch(ui_services(app))


def _log_catch_ups() -> None:
    """Each catch-up of the keyword index with the shared store, one line on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    follow = logging.getLogger("assistant.retrieval.follow")
    follow.addHandler(handler)
    follow.setLevel(logging.INFO)


COMMANDS = (serve,)
