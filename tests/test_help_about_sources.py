"""What the assistant is for and what it uses ("hey whats this bot for, what sources r u
using"), typed as a phone types it: read written out, a question about the assistant itself.
Shapes only."""

from __future__ import annotations

from assistant.answer.abbreviations import read_contractions
from assistant.answer.addressed import about_assistant
from assistant.answer.question_kind import QuestionKind, classify


def test_what_sources_the_assistant_uses_is_help() -> None:
    read = read_contractions("hey whats this bot for, what sources r u using")
    assert read == "what's this bot for, what sources are you using"
    assert classify(read) == QuestionKind.HELP


def test_what_it_uses_or_relies_on_asks_about_the_assistant() -> None:
    assert about_assistant("what sources are you using?")
    assert about_assistant("which documents do you rely on?")
