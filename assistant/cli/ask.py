"""``ask``: one question, or JSON lines on stdin (the contract of ``assistant/contract.py``)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from pydantic import ValidationError

from assistant.answer import Turn
from assistant.cli.common import BACKENDS, CliError, container, friendly_errors, ready
from assistant.contract import AskRequest, ErrorLine
from assistant.limits import TOO_LONG, read_lines
from assistant.retrieval import FILTER_KEYS, parse_filters
from assistant.services import Answer, ChatService

QUOTE_CHARS = 220


def print_answer(answer: Answer) -> None:
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
        more = "..." if len(quote) > QUOTE_CHARS else ""
        click.echo(f'      "{quote[:QUOTE_CHARS]}{more}"')


def validation_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return message if message.startswith(where) else f"{where}: {message}"


def answer_line(chat: ChatService, line: str, filters: dict[str, str]) -> dict[str, Any]:
    """One ``ask --jsonl`` line: the answer object, or ``{"id", "error"}`` for a bad line."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return ErrorLine(error=f"invalid JSON: {exc.msg} (column {exc.colno})").model_dump()
    item_id = raw.get("id") if isinstance(raw, dict) else None
    item_id = item_id if isinstance(item_id, str) else None
    if not isinstance(raw, dict):
        return ErrorLine(error="each line must be a JSON object").model_dump()
    try:
        request = AskRequest.model_validate(raw)
        history = [Turn(h.role, h.content) for h in request.history]
        return chat.ask(request.question, history, filters).to_json(request.id)
    except ValidationError as exc:
        return ErrorLine(id=item_id, error=validation_message(exc)).model_dump()
    except ValueError as exc:
        return ErrorLine(id=item_id, error=" ".join(str(exc).split())).model_dump()


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
                click.echo(json.dumps(answer.to_json(), ensure_ascii=False))
            else:
                print_answer(answer)
            return
        limits = app.chat.limits
        for line in read_lines(sys.stdin.buffer, limits.jsonl_line_bytes):
            if line is TOO_LONG:
                out = ErrorLine(error=limits.line_too_long()).model_dump()
            elif isinstance(line, str) and line.strip():
                out = answer_line(app.chat, line, parsed)
            else:
                continue
            click.echo(json.dumps(out, ensure_ascii=False))
            sys.stdout.flush()


COMMANDS = (ask,)
