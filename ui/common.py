"""What the tabs share: the "any" filter value, tables, and errors shown to the user."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui import render

ANY = "any"


def table(headers: list[str], rows: list[list[str]]) -> dict[str, Any]:
    """A DataFrame value (an empty one shows its headers and no row)."""
    return {"headers": headers, "data": rows}


def one_line(exc: BaseException) -> str:
    """The reason of an exception, on one line (``IngestError.reason`` when it has one)."""
    reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    return " ".join(str(reason).split())


def error(message: str, title: str = "Error") -> gr.Error:
    """An error for the user: escaped, without a trace."""
    return gr.Error(render.esc(message), title=title, print_exception=False)
