"""The JSON contract of ``ask --json`` and ``ask --jsonl``, as pydantic models.

Outside tools rely on it: fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator

HISTORY_SHAPE = 'history must be a list of {"role", "content"} objects'


class HistoryItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["user", "assistant"]
    content: StrictStr


class AskRequest(BaseModel):
    """One input line of ``ask --jsonl``."""

    model_config = ConfigDict(extra="ignore")

    id: StrictStr | None = None
    question: StrictStr
    history: list[HistoryItem] = Field(default_factory=list)

    @field_validator("history", mode="before")
    @classmethod
    def _list_of_messages(cls, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ValueError(HISTORY_SHAPE)
        return value

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question must be a non-empty string")
        return value


class SourceOut(BaseModel):
    n: int
    title: str
    url: str
    text: str
    score: float
    metadata: dict[str, Any]
    date: str = ""  # added after 0.1: the source's date
    highlight: str = ""  # added after 0.1: the sentence the answer used


class AskResponse(BaseModel):
    """One answer. ``id``, ``answer``, ``grounded``, ``sources`` and ``timings_ms`` are the
    original contract; the rest was added later."""

    id: str | None = None
    answer: str
    grounded: bool
    sources: list[SourceOut]
    timings_ms: dict[str, float]
    question: str = ""
    standalone: str = ""
    cited: list[int] = Field(default_factory=list)
    language: str = ""
    backend: str = ""
    kind: str = ""  # added with 0.2: fact, list, compare, explain, help or out_of_scope
    answer_span: str = ""  # added with 0.2: the words of a fact's answer that answer it
    suggestions: list[str] = Field(default_factory=list)  # added: questions to ask next


class ErrorLine(BaseModel):
    """The output line for an input line that could not be answered."""

    id: str | None = None
    error: str
