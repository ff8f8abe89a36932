"""Words typed short read written out: "atm" is "at the moment" in English; "il est ou
maintenant ?" is "il est où maintenant ?" (an "ou" that ends the question, but an adverb, asks
where). Shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.abbreviations import read_abbreviations, read_contractions


def test_atm_reads_at_the_moment_in_english() -> None:
    assert read_contractions("where is medicen based atm?") == (
        "where is medicen based at the moment?"
    )
    assert read_contractions("who runs it atm") == "who runs it at the moment"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("le siege de X il est ou maintenant ?", "le siege de X il est où maintenant ?"),
        ("et Medicen c'est ou exactement ?", "et Medicen c'est où exactement ?"),
        ("le siege de X il est ou ?", "le siege de X il est où ?"),  # as before
    ],
)
def test_an_ou_that_ends_the_question_but_an_adverb_asks_where(typed: str, read: str) -> None:
    assert read_abbreviations(typed) == read


def test_an_ou_followed_by_more_words_is_or() -> None:
    typed = "le siege de X il est ou bien fermé ?"
    assert read_abbreviations(typed) == typed
