"""``ask``: one question, or JSON lines on stdin (the contract of
``assistant/services/contract.py``)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from pydantic import ValidationError

from assistant.answer import Turn
from assistant.app.cli.common import (
    BACKENDS,
    CliError,
    container,
    echo,
    friendly_errors,
    json_text,
    ready,
)
from assistant.retrieval import FILTER_KEYS, parse_filters
from assistant.services import Answer, ChatService
from assistant.services.contract import AskRequest, ErrorLine
from ingest.limits import TOO_LONG, read_lines
from ingest.store.unavailable import is_store_down, store_unavailable

QUOTE_CHARS = 220
NOT_TEXT = "invalid text: a \\u escape that is no character (a lone surrogate)"


def print_answer(answer: Answer) -> None:
    echo(answer.answer)
    if not answer.sources:
        return
    click.echo("")
    click.echo("Sources:" if answer.grounded else "Nearest sources:")
    for source in answer.sources:
        mark = "*" if source.n in answer.cited else " "
        where = f" - {source.url}" if source.url else ""
        date = f" ({source.date})" if source.date else ""
        echo(f" {mark}[{source.n}] {source.title}{date}{where}")
        quote = source.highlight if source.n in answer.cited and source.highlight else source.text
        quote = " ".join(quote.split())
        more = "..." if len(quote) > QUOTE_CHARS else ""
        echo(f'      "{quote[:QUOTE_CHARS]}{more}"')


def validation_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return message if message.startswith(where) else f"{where}: {message}"


def parse_line(line: str) -> Any:
    """The JSON value of one line; a ``ValueError`` with one line of why not."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise ValueError("invalid JSON: nested too deeply") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise ValueError(f"invalid JSON: {one_line(str(exc).split(';')[0])}") from exc


def is_text(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 (JSON's ``\\ud800`` is no character)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def answer_line(chat: ChatService, line: str, filters: dict[str, str]) -> dict[str, Any]:
    """One ``ask --jsonl`` line: the answer object, or ``{"id", "error"}`` for a line that
    cannot be answered, whatever the reason (the lines after it are answered all the same)."""
    try:
        raw = parse_line(line)
    except ValueError as exc:
        return ErrorLine(error=str(exc)).model_dump()
    if not isinstance(raw, dict):
        return ErrorLine(error="each line must be a JSON object").model_dump()
    item_id = raw.get("id")
    item_id = item_id if isinstance(item_id, str) and is_text(item_id) else None
    if not is_text(json.dumps(raw, ensure_ascii=False)):
        return ErrorLine(id=item_id, error=NOT_TEXT).model_dump()
    try:
        request = AskRequest.model_validate(raw)
        history = [Turn(h.role, h.content) for h in request.history]
        return chat.ask(request.question, history, filters).to_json(request.id)
    except ValidationError as exc:
        return ErrorLine(id=item_id, error=validation_message(exc)).model_dump()
    except ValueError as exc:
        return ErrorLine(id=item_id, error=one_line(str(exc))).model_dump()
    except Exception as exc:  # noqa: BLE001 - a failure answering one line ends only that line
        reason = store_unavailable(exc) if is_store_down(exc) else exc
        return ErrorLine(id=item_id, error=one_line(f"could not answer: {reason}")).model_dump()


def output_line(chat: ChatService, line: str, filters: dict[str, str]) -> str:
    """The output line for one input line: always one line of valid JSON."""
    out = answer_line(chat, line, filters)
    try:
        text = json_text(out, allow_nan=False)
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:  # a lone surrogate: the same JSON, escaped
        return json.dumps(out, allow_nan=False)
    except ValueError as exc:  # a value JSON has no text for (NaN)
        error = ErrorLine(id=out.get("id"), error=one_line(f"could not write the answer: {exc}"))
        return json_text(error.model_dump())


@click.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read JSON lines on stdin, write one per line.")
@click.option("--backend", type=BACKENDS, envvar="PARIS_HEALTH_BACKEND", help="Answer backend.")
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
    help=f"Metadata filter, repeatable; keys: {', '.join(FILTER_KEYS)}.",
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
    if jsonl == bool(question):
        raise CliError("give a QUESTION, or --jsonl with questions on stdin")
    app = container(ctx, backend=backend, k=k)
    with friendly_errors():
        parsed = parse_filters(filters)
        ready(app)
        if not jsonl:
            answer = app.chat.ask(question or "", filters=parsed)
            if as_json:
                click.echo(json_text(answer.to_json()))
            else:
                print_answer(answer)
            return
        limits = app.chat.limits
        for line in read_lines(sys.stdin.buffer, limits.jsonl_line_bytes):
            if line is TOO_LONG:
                text = json.dumps(ErrorLine(error=limits.line_too_long()).model_dump())
            elif isinstance(line, str) and line.strip():
                text = output_line(app.chat, line, parsed)
            else:
                continue
            click.echo(text)
            sys.stdout.flush()


COMMANDS = (ask,)
