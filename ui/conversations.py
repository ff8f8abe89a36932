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
    old = get(store, conv_id) or {}
    others = [c for c in _items(store) if c["id"] != conv_id]
    if not history:
        return {"conversations": others}
    renamed = bool(old.get("renamed"))  # a title the person gave is kept
    item = {
        "id": conv_id,
        "title": str(old.get("title")) if renamed else title_of(history),
        "renamed": renamed,
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


def rename(store: Any, conv_id: str, title: str) -> Store:
    """The store with this conversation's title replaced (kept as the conversation grows)."""
    text = " ".join((title or "").split())[:TITLE_CHARS]
    items = [
        {**c, "title": text, "renamed": True} if c["id"] == conv_id and text else c
        for c in _items(store)
    ]
    return {"conversations": items}


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


def _sources_md(record: dict[str, Any]) -> list[str]:
    """The sources an answer cites (all it was given when it cites none), numbered as cited."""
    sources = [s for s in record.get("sources") or [] if isinstance(s, dict)]
    cited = set(record.get("cited") or [])
    shown = [s for s in sources if s.get("n") in cited] or sources
    lines = []
    for source in shown:
        title, url, date = (_one_line(source.get(k)) for k in ("title", "url", "date"))
        name = f"[{title}]({url})" if render.safe_url(url) else title
        lines.append(f"{source.get('n')}. {name}" + (f" ({date})" if date else ""))
        if source.get("highlight"):
            lines.append(f"   > {_one_line(source['highlight'])}")
    return ["", "Sources:", "", *lines] if lines else []


def to_markdown(item: dict[str, Any]) -> str:
    """A conversation as Markdown: its title, each question and answer, and after each answer
    the sources it cites (title, link, date and the sentence used)."""
    records = [r for r in item.get("answers") or []]
    lines, k = [f"# {_one_line(item.get('title')) or 'Conversation'}", ""], 0
    for message in item.get("history") or []:
        if not isinstance(message, dict):
            continue
        if message.get("role") == "user":
            lines += [f"**You:** {render.plain(str(message.get('content', '')))}", ""]
            continue
        record = records[k] if k < len(records) and isinstance(records[k], dict) else {}
        k += 1
        text = str(record.get("answer") or render.plain(str(message.get("content", ""))))
        lines += [f"**Assistant:** {text.strip()}", *_sources_md(record), ""]
    return "\n".join(lines).rstrip() + "\n"


def file_name(item: dict[str, Any]) -> str:
    """``the-conversation-title.md`` (letters and digits of the title, at most 50)."""
    words = "".join(ch if ch.isalnum() else " " for ch in str(item.get("title") or ""))
    slug = "-".join(words.lower().split())[:50].strip("-")
    return f"{slug or 'conversation'}.md"
