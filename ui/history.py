"""The Chatbot's value (what the browser or an API client sends back) as conversation turns."""

from __future__ import annotations

from typing import Any

from assistant.answer import Turn
from ui import render


def message_text(message: dict[str, Any]) -> str:
    """The text of one Chatbot message, whatever form its content takes."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            str(part.get("text", ""))
            for part in content
            if isinstance(part, dict) and part.get("type", "text") == "text"
        )
    if isinstance(content, dict) and "text" in content:
        return str(content["text"])
    return ""


def chatbot_messages(history: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    """The Chatbot value as simple ``{"role", "content": str}`` messages (others dropped)."""
    out = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") in ("user", "assistant"):
            out.append({"role": str(message["role"]), "content": message_text(message)})
    return out


def conversation_turns(shown: list[dict[str, str]]) -> list[Turn]:
    """The conversation so far as plain-text turns (the rendered markup taken out)."""
    out = []
    for message in shown:
        text = render.plain(message["content"])
        if text:
            out.append(Turn(message["role"], text))
    return out
