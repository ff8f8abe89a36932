"""Inline, dismissible messages shown beside the control that caused them.

A user error (a wrong password, a bad URL, an empty description) never raises in the browser: the
handler returns :func:`alert` into a small ``gr.HTML`` placed next to the control, and the form
stays usable. Its close button removes the message in the page (``DISMISS_JS``). The API
endpoints keep raising ``gr.Error`` for their callers; :func:`catching` turns such a handler into
the page's version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import gradio as gr

from ui.render import esc

Level = Literal["error", "warning", "info", "success"]

DISMISS_JS = """
element.addEventListener('click', (event) => {
  const close = event.target.closest('.ph-alert-close');
  if (close) { const box = close.closest('.ph-alert'); if (box) box.remove(); }
});
"""


def alert(message: str, level: Level = "error") -> str:
    """HTML: one message with a close button; ``message`` is escaped."""
    if not message:
        return ""
    role = "alert" if level in ("error", "warning") else "status"
    return (
        f'<div class="ph-alert ph-alert-{level}" role="{role}">'
        f'<span class="ph-alert-text">{esc(message)}</span>'
        '<button type="button" class="ph-alert-close" aria-label="Dismiss">&times;</button></div>'
    )


def alert_box(elem_id: str) -> gr.HTML:
    """The (empty) place of a control's messages."""
    return gr.HTML("", js_on_load=DISMISS_JS, elem_id=elem_id, elem_classes="ph-alert-box")


def error_text(exc: gr.Error) -> str:
    """The message of a ``gr.Error`` made by ``ui.common.error`` (escaped there: unescaped)."""
    import html

    return html.unescape(str(exc.message))


def catching(handler: Callable[..., Any], n_outputs: int) -> Callable[..., tuple[Any, ...]]:
    """``handler`` for the page: its outputs then ``""`` (no message) on success; on a
    ``gr.Error``, nothing changed (``gr.skip()``) and the message in the alert."""

    def run(*args: Any) -> tuple[Any, ...]:
        try:
            result = handler(*args)
        except gr.Error as exc:
            return (*[gr.skip()] * n_outputs, alert(error_text(exc)))
        values = result if isinstance(result, tuple) else (result,)
        return (*values, "")

    run.__name__ = f"page_{getattr(handler, '__name__', 'handler')}"
    return run
