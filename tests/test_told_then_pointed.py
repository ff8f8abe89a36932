"""A message that only told ("our investors want us close to AstraZeneca and Roche."), with no
answer yet, then a question that points at what it named ("where are they?"): the pronoun
stands for the names told. Fast: no directory; slow: through the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.condense import Turn, condense, split_context

TOLD = "our investors want us close to AstraZeneca and Roche."


def test_they_are_the_names_the_message_before_told() -> None:
    standalone = condense("where are they?", [Turn("user", TOLD)])
    asked, context = split_context(standalone)
    assert "AstraZeneca" in asked and "Roche" in asked, standalone
    assert "they" not in asked.split()
    assert context == TOLD


def test_one_name_told_is_the_one_pointed_at() -> None:
    standalone = condense("where is it?", [Turn("user", "we'd like to be near Vega Health.")])
    assert split_context(standalone)[0] == "where is Vega Health?"


@pytest.mark.slow
def test_the_names_told_are_located_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    answer = chat.ask("where are they?", [Turn("user", TOLD)])
    assert "Courbevoie" in answer.answer and "Boulogne-Billancourt" in answer.answer, answer.answer
