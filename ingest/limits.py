"""Input limits and the generation deadline: one check per limit, one message each, the same in the
CLI, the API and the app (the services call these; ``docs/reliability.md`` has the values).

Every refusal is a :class:`LimitError`, a ``ValueError``: the CLI prints it on one line, ``ask
--jsonl`` writes it as the line's ``error`` and the app shows it as a toast.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from ingest.settings import Settings


MAX_CRAWL_PAGES = 200  # the default of ``max_crawl_pages``; ``ingest --help`` says it too


class LimitError(ValueError):
    """An input over one of the limits; the message says which and what to do."""


class _Content(Protocol):
    @property
    def content(self) -> str: ...


@dataclass(frozen=True)
class Limits:
    """The limits of :mod:`ingest.settings` (the ``limits and security`` block)."""

    question_chars: int = 2000
    history_turns: int = 40
    history_chars: int = 40_000
    jsonl_line_bytes: int = 100_000
    upload_bytes: int = 20_000_000  # any file added: `ingest --file` and the staff desk
    directory_rows: int = 100_000  # rows of a directory file (CSV) added
    crawl_pages: int = MAX_CRAWL_PAGES
    crawl_bytes: int = 50_000_000
    generation_budget_s: float = 8.0
    feedback_comment_chars: int = 2000
    feedback_post_bytes: int = 200_000
    feedback_store_bytes: int = 50_000_000

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            question_chars=settings.max_question_chars,
            history_turns=settings.max_history_turns,
            history_chars=settings.max_history_chars,
            jsonl_line_bytes=settings.max_jsonl_line_bytes,
            upload_bytes=settings.max_upload_bytes,
            directory_rows=settings.max_directory_rows,
            crawl_pages=settings.max_crawl_pages,
            crawl_bytes=settings.max_crawl_bytes,
            generation_budget_s=settings.generation_budget_s,
            feedback_comment_chars=settings.max_feedback_comment_chars,
            feedback_post_bytes=settings.max_feedback_post_bytes,
            feedback_store_bytes=settings.max_feedback_store_bytes,
        )

    # --- checks ----------------------------------------------------------------------------
    def check_question(self, question: str) -> None:
        if len(question) > self.question_chars:
            raise LimitError(
                f"the question is too long ({len(question):,} characters, at most "
                f"{self.question_chars:,}): ask a shorter question"
            )

    def check_history(self, history: Sequence[_Content]) -> None:
        if len(history) > self.history_turns:
            raise LimitError(
                f"the conversation is too long ({len(history)} messages, at most "
                f"{self.history_turns}): start a new conversation"
            )
        size = sum(len(turn.content) for turn in history)
        if size > self.history_chars:
            raise LimitError(
                f"the conversation is too long ({size:,} characters, at most "
                f"{self.history_chars:,}): start a new conversation"
            )

    def check_upload(self, size: int, name: str) -> None:
        if size > self.upload_bytes:
            raise LimitError(f"{name} is too large ({size:,} bytes, at most {self.upload_bytes:,})")

    def check_comment(self, comment: str) -> None:
        if len(comment) > self.feedback_comment_chars:
            raise LimitError(
                f"the comment is too long ({len(comment):,} characters, at most "
                f"{self.feedback_comment_chars:,}): shorten it"
            )

    def check_feedback_post(self, size: int) -> None:
        if size > self.feedback_post_bytes:
            raise LimitError(
                f"the answer record is too large ({size:,} bytes, at most "
                f"{self.feedback_post_bytes:,}): send the record /ask returned"
            )

    def check_feedback_store(self, size: int) -> None:
        if size >= self.feedback_store_bytes:
            raise LimitError(
                f"feedback is full ({size:,} bytes stored, at most {self.feedback_store_bytes:,}):"
                " your vote was not recorded"
            )

    def check_rows(self, rows: int, name: str) -> None:
        """``rows``: the rows counted, counting stopped one past the limit."""
        if rows > self.directory_rows:
            raise LimitError(
                f"{name} has too many rows (more than {self.directory_rows:,}): "
                "split it into smaller files"
            )

    def check_crawl_pages(self, max_pages: int) -> None:
        if max_pages > self.crawl_pages:
            raise LimitError(
                f"too many pages asked for ({max_pages}, at most {self.crawl_pages} per source)"
            )

    def line_too_long(self) -> str:
        return f"line too long (more than {self.jsonl_line_bytes:,} bytes): skipped"

    def deadline(self, clock: Callable[[], float] = time.monotonic) -> Deadline:
        return Deadline(clock() + self.generation_budget_s, clock)


@dataclass(frozen=True)
class Deadline:
    """When a request must stop working; checked between units of work (never a killed
    thread)."""

    at: float
    clock: Callable[[], float] = time.monotonic

    def passed(self) -> bool:
        return self.clock() >= self.at


TOO_LONG = object()  # what read_lines yields for a line over the limit


def read_lines(stream: BinaryIO, max_bytes: int) -> Iterator[str | object]:
    """The lines of ``stream`` decoded as UTF-8 (bad bytes replaced); a line longer than
    ``max_bytes`` is read through in pieces, never held whole, and comes out as ``TOO_LONG``."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(65536)
            yield TOO_LONG
            continue
        yield line.decode("utf-8", errors="replace")
