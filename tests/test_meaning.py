"""What a term means is a kind of value asked: a sentence answers it only when it says what the
term is ("X is ...", "X (...)", "which we call X"), not when it merely uses the term. Made-up
terms and sentences: no rule is about one question."""

from __future__ import annotations

import pytest

from assistant.answer.meaning import defines, term_asked


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what does biomixing actually mean? like in plain words", "biomixing"),
        ("What does KLX stand for?", "klx"),
        ("que veut dire e-santé ?", "e-sante"),
        ("the definition of a cluster?", "cluster"),
        ("KLX, ça veut dire quoi ?", "klx"),
        ("define personalised care", "personalised care"),
        # what something means for someone or in practice, what someone means by a word (their
        # own sentence using it says so) asks for an explanation
        ("what does this mean for startups?", ""),
        ("what do they mean by technotherapy?", ""),
        ("what does Roques mean when he talks about fresh air?", ""),
        ("what does Kardiolib do?", ""),
        ("What is Kardiolib?", ""),
        # what the items just asked mean: an explanation of them, no term
        ("what are its 3 pillars and what does each one mean?", ""),
        ("what does it stand for?", ""),
    ],
)
def test_the_term_whose_meaning_is_asked(question: str, term: str) -> None:
    assert term_asked(question) == term


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Biomixing is the blending of cell lines for therapy.", True),
        ('Then there is the sector which we call "Biomixing", which blends cell lines.', True),
        ("One could mention the KLX project with Orion and Vega (imaging for oncology).", True),
        ("Kardiolib wants to lead in biomixing and imaging by 2030.", False),
        ("Biomixing of tomorrow is one of our key priorities.", False),
        ("It leads in biomixing, which blends cell lines.", True),  # an apposition says it
        ("It funds the Biomixing platform to combine care and data.", True),  # what it is for
        ('Then there is what we call "Biomixings", a field.', True),
    ],
)
def test_a_sentence_defines_the_term_when_it_says_what_it_is(sentence: str, said: bool) -> None:
    term = "klx" if "KLX" in sentence else "biomixing"
    assert defines(sentence, term) is said


def test_a_term_asked_in_french_is_found_in_english() -> None:
    """ "que veut dire biomixage ?" of "which we call Biomixing": a long word by its start."""
    assert defines('Then there is the sector which we call "Biomixing", which blends.', "biomixage")
