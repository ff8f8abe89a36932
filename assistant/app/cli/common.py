"""What every command shares: settings from options, the container, one-line errors."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, get_args

import click
from pydantic import ValidationError

from assistant.app.container import Container
from ingest.settings import BackendMode, Settings
from ingest.store.text import printable
from ingest.store.unavailable import StoreUnavailableError, is_store_down, store_unavailable

BACKENDS = click.Choice(get_args(BackendMode))


class CliError(click.ClickException):
    """A one-line error, printed as ``Error: ...``, exit status 1."""

    def format_message(self) -> str:
        return printable(self.message)  # a reason may quote a page or a server


def echo(text: str) -> None:
    """Print a line made of text from outside (titles, quotes, locations, reasons, answers)
    with no control character a terminal would act on."""
    click.echo(printable(text))


_DEL_AND_C1 = re.compile("[\x7f-\x9f]")


def json_text(value: Any, *, allow_nan: bool = True) -> str:
    """``value`` as one line of JSON, readable (``ensure_ascii=False``) and safe on a terminal:
    JSON escapes C0 characters itself; DEL and C1 (``\\x9b`` starts an escape sequence) are
    escaped too, so the value read back is the same."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=allow_nan)
    return _DEL_AND_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    from ingest.manifest import ManifestError
    from ingest.models import IngestError
    from ingest.store.embedder import MissingExtraError
    from ingest.store.vectorstore import IncompatibleIndexError

    try:
        yield
    except (IncompatibleIndexError, ManifestError, MissingExtraError, ValueError) as exc:
        if is_store_down(exc):
            raise CliError(str(store_unavailable(exc))) from exc
        raise CliError(" ".join(str(exc).split())) from exc
    except IngestError as exc:
        raise CliError(exc.reason) from exc
    except (BackendUnavailableError, StoreUnavailableError) as exc:
        raise CliError(str(exc)) from exc
    except (OSError, sqlite3.Error) as exc:  # a read-only or full data directory, ...
        if isinstance(exc, ConnectionError):
            raise CliError(str(store_unavailable(exc))) from exc
        raise CliError(storage_message(exc)) from exc
    except Exception as exc:
        if type(exc).__module__.startswith("chromadb") or is_store_down(exc):
            raise CliError(str(store_unavailable(exc))) from exc
        raise


def storage_message(exc: BaseException) -> str:
    """One line for a storage failure: what the system said, and the file when it is known."""
    reason = getattr(exc, "strerror", None) or " ".join(str(exc).split()) or type(exc).__name__
    where = getattr(exc, "filename", None)
    return f"storage error: {reason}" + (f" ({where})" if where else "")


def ready(app: Container, *, background: bool = False) -> None:
    """Build the index from the corpus first when it is empty, saying so on stderr.

    With a shared Chroma server that already holds chunks, the keyword index is caught up from
    the store instead (``background``: on a thread, answers meanwhile from Chroma alone), never
    by a refresh from this data directory's manifest, which could prune what another process
    added."""
    follower = app.follower
    if follower is None or app.corpus.index_size() == 0:
        app.corpus.ensure_index(notify=say)
    elif background:
        say("catching the keyword index up with the store in the background")
        follower.start()
    else:
        follower.follow()


def exit_by(ok: bool) -> None:
    if not ok:
        sys.exit(1)
