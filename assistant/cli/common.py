"""What every command shares: settings from options, the container, one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, get_args

import click
from pydantic import ValidationError

from assistant.container import Container
from assistant.settings import BackendMode, Settings

BACKENDS = click.Choice(get_args(BackendMode))


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


def say(message: str) -> None:
    """A status line on stderr (stdout is for results)."""
    click.echo(message, err=True)


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


def ready(app: Container) -> None:
    """Build the index from the corpus first when it is empty, saying so on stderr."""
    app.corpus.ensure_index(notify=say)


def exit_by(ok: bool) -> None:
    if not ok:
        sys.exit(1)
