"""French names of places abroad ("bruxelles", "londres", "suisse") read as the English the
passages use, as the stemmed terms retrieval and the answers compare. Glossary only."""

from __future__ import annotations

import pytest

from assistant.retrieval.glossary import translate_terms
from ingest.store.text import tokenize


@pytest.mark.parametrize(
    ("french", "english"),
    [("bruxelles", "brussels"), ("londres", "london"), ("suisse", "switzerland")],
)
def test_a_french_place_abroad_reads_as_its_english_name(french: str, english: str) -> None:
    assert set(tokenize(english)) <= set(translate_terms(tokenize(french)))
