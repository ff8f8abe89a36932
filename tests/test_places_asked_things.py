"""A place's listing asked for a thing no organisation is ("quels musées visiter à Paris ?") lists
nothing; asked for organisations of a kind, it lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.place_asked import unknown_thing
from ingest.store.text import tokenize

KNOWN = set(tokenize("Paris incubator cluster start-up hospital company biotech"))


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Quels musées visiter à Paris ?", True),
        ("Which stadiums are in Paris?", True),
        ("Quelles entreprises sont à Paris ?", False),  # organisations
        ("Which clusters are in Évry?", False),  # a kind of the directory
        ("which biotech start-ups are in Paris?", False),
        ("What is in Paris?", False),  # nothing named
        ("Which incubators in Paris?", False),
    ],
)
def test_the_thing_asked_of_a_place(question: str, unknown: bool) -> None:
    assert unknown_thing(question, KNOWN) is unknown
    assert unknown_thing(question, ()) is False  # no vocabulary at hand: listed as before


@pytest.mark.slow
def test_things_no_source_covers_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    for asked in ("Quels musées visiter à Paris ?", "Quelle est la population de la France ?"):
        answer = chat.ask(asked)
        assert not answer.grounded, answer.answer
    answer = chat.ask("Quels incubateurs sont à Paris ?")
    assert answer.grounded and "Agoranov" in answer.answer, answer.answer
