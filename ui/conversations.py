"""Conversations kept in the browser (``gr.BrowserState``, i.e. its local storage): each with its
messages and the answer records behind them, so a reload or a return to an old conversation shows
the answers and their sources again. Pure functions over the stored value::

    {"conversations": [{"id", "title", "updated", "history": [...], "answers": [...]}, ...]}

most recent first, at most ``MAX_KEPT``. Nothing of this goes to the server's disk.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from ui import render

STORAGE_KEY = "paris-health-conversations"
USER_KEY = "paris-health-user"
# BrowserState encrypts what it stores with this; the conversations are the user's own, in their
# own browser: a fixed value keeps them readable after the server restarts.
STORAGE_SECRET = "paris-health-local-conversations"  # noqa: S105 - not a credential
MAX_KEPT = 30
TITLE_CHARS = 70

Store = dict[str, Any]


def empty() -> Store:
    return {"conversations": []}


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def _items(store: Any) -> list[dict[str, Any]]:
    items = store.get("conversations") if isinstance(store, dict) else None
    return [c for c in items or [] if isinstance(c, dict) and c.get("id")]


def title_of(history: list[dict[str, str]]) -> str:
    first = next((m["content"] for m in history if m.get("role") == "user"), "")
    text = render.plain(first) or "New conversation"
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def save(store: Any, conv_id: str, history: list[dict[str, str]], answers: list[Any]) -> Store:
    """The store with this conversation saved first (created when new)."""
    others = [c for c in _items(store) if c["id"] != conv_id]
    if not history:
        return {"conversations": others}
    item = {
        "id": conv_id,
        "title": title_of(history),
        "updated": int(time.time()),
        "history": history,
        "answers": answers,
    }
    return {"conversations": [item, *others][:MAX_KEPT]}


def get(store: Any, conv_id: str) -> dict[str, Any] | None:
    return next((c for c in _items(store) if c["id"] == conv_id), None)


def latest(store: Any) -> dict[str, Any] | None:
    items = _items(store)
    return items[0] if items else None


def delete(store: Any, conv_id: str) -> Store:
    return {"conversations": [c for c in _items(store) if c["id"] != conv_id]}


def choices(store: Any) -> list[tuple[str, str]]:
    """The menu of past conversations: (title, id), most recent first."""
    return [(str(c.get("title") or "Conversation"), str(c["id"])) for c in _items(store)]
