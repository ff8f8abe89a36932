"""The Chatbot's value (what the browser or an API client sends back) as conversation turns."""

from __future__ import annotations

from typing import Any

import gradio as gr
from gradio.components.chatbot import ChatbotDataMessages
from pydantic import ValidationError

from assistant.answer import Turn
from assistant.services.contract import HISTORY_SHAPE
from ui import render

MAX_SHOWN = 200  # characters of a bad value an error may quote (never the whole request)


class CheckedMessages(ChatbotDataMessages):
    """The Chatbot's value as ``/ask`` receives it, checked by Gradio before any handler: a
    wrong shape (``["hi", "there"]``) is one short error for the caller, and no traceback
    quoting every message of the request goes to the log."""

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> CheckedMessages:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:  # gr.Error: the caller sees it, the log does not
            first = exc.errors()[0]
            item, *inside = first["loc"] or ("?",)
            what = (
                f"is a {type(first.get('input')).__name__}"
                if not inside
                else f"{'.'.join(map(str, inside))}: {first['msg']}"
            )
            message = f"{HISTORY_SHAPE} (item {item} {what})"[:MAX_SHOWN]
            raise gr.Error(message, print_exception=False) from None


def checked(chatbot: gr.Chatbot) -> gr.Chatbot:
    """``chatbot`` with its value checked by :class:`CheckedMessages`."""
    chatbot.data_model = CheckedMessages
    return chatbot


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
