"""Defences against prompt injection in scraped text: instructions are data, never commands."""

from __future__ import annotations

import re

from ingest.store.text import split_sentences

INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(instruction|prompt|rule|directive)s?\b"
    r"|\b(you are now|act as|pretend to be|new instructions|system prompt|jailbreak)\b"
    r"|\b(ignorez?|oubliez?)\b[^.!?\n]{0,40}\b(instructions?|consignes?|r[eè]gles?)\b",
    re.IGNORECASE,
)


def is_injection(sentence: str) -> bool:
    return bool(INJECTION.search(sentence))


def strip_injections(text: str) -> str:
    """The text without the sentences that try to instruct the assistant."""
    if not INJECTION.search(text):
        return text
    return " ".join(s for s in split_sentences(text) if not is_injection(s))
