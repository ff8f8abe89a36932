"""What a sentence and the one before it (the window a value is read in) must say of what is
asked beside the value: the numbers of an outcome asked ("did it make the top 3?" is not
answered by "a great position globally"), the words put before a counted noun ("how many member
companies?" is not answered by "three companies" where no member is said)."""

from __future__ import annotations

from assistant.answer.counted_thing import counted_said
from assistant.answer.questions import COUNT_QUESTION
from ingest.store.text import tokenize


def numbers_said(focus: set[str], window: str) -> bool:
    """The numbers of what is asked (``focus``), if any, stand in the window."""
    numbers = {t for t in focus if t.isdigit()}
    return not numbers or bool(numbers & set(tokenize(window)))


def counted_in(question: str, window: str) -> bool:
    """The words the count question puts before the noun it counts stand in the window."""
    found = COUNT_QUESTION.search(question)
    return not found or counted_said(found.group(1), question, window)
