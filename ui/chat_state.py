"""The Chat tab's conversation state: after an answer (the records aligned with the messages,
the sources panel, the conversation saved in the browser), when a conversation is opened, and
before a retry."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui import conversations as convs
from ui.history import chatbot_messages
from ui.render import esc, plain
from ui.render_sources import conversation_sources_html


def remember(
    history: Any,
    answer: Any,
    answers: Any,
    conv_id: Any,
    store: Any,
    answer_html: str | None = None,
) -> tuple[Any, ...]:
    """After an answer: the records aligned with the assistant messages (a failed answer has
    none), the sources of the whole conversation (the answer's own, ``answer_html``, as
    rendered with it), and the conversation saved in the browser."""
    shown = chatbot_messages(history)
    n = sum(1 for m in shown if m["role"] == "assistant")
    records = list(answers if isinstance(answers, list) else [])[:n]
    records += [None] * (n - len(records))
    if n and isinstance(answer, dict) and answer.get("answer") and answer not in records:
        records[n - 1] = answer
    conv_id = conv_id or convs.new_id()
    store = convs.save(store, conv_id, shown, records)
    menu = gr.update(choices=convs.choices(store), value=conv_id)
    latest = answer_html if n and records[n - 1] is answer else None
    return records, conversation_sources_html(records, latest), conv_id, store, menu


def opened(item: dict[str, Any] | None, store: Any) -> tuple[Any, ...]:
    """A conversation shown: (chat, records, sources, id, menu)."""
    history = item.get("history", []) if item else []
    records = item.get("answers", []) if item else []
    conv_id = item["id"] if item else ""
    menu = gr.update(choices=convs.choices(store), value=conv_id or None)
    return history, records, conversation_sources_html(records), conv_id, menu


def restore(store: Any) -> tuple[Any, ...]:
    """On page load: the latest conversation back."""
    return opened(convs.latest(store), store)


def open_conversation(conv_id: Any, store: Any) -> tuple[Any, ...]:
    return opened(convs.get(store, str(conv_id or "")), store)


def forget(conv_id: Any, store: Any) -> tuple[Any, ...]:
    """Delete the shown conversation from the browser; an empty chat."""
    store = convs.delete(store, str(conv_id or ""))
    return (*opened(None, store), store)


def confirm_delete(conv_id: Any, store: Any) -> tuple[Any, Any]:
    """Delete asks first: (the confirmation row, its question); nothing shown, nothing asked."""
    item = convs.get(store, str(conv_id or ""))
    if item is None:
        return gr.update(visible=False), ""
    title = esc(str(item.get("title") or "this conversation"))
    question = f"Delete \u201c{title}\u201d? It is removed from this browser for good."
    return gr.update(visible=True), question


def before_retry(history: Any, answers: Any, data: gr.RetryData) -> tuple[Any, Any, Any]:
    """Retry: the conversation up to the question asked again, which goes back in the box."""
    shown = chatbot_messages(history)
    index = data.index[0] if isinstance(data.index, (list, tuple)) else int(data.index)
    question = chatbot_messages([shown[index]])[0]["content"] if index < len(shown) else ""
    kept = shown[:index]
    n = sum(1 for m in kept if m["role"] == "assistant")
    return kept, list(answers or [])[:n], plain(question)
