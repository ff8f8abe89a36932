"""A comparison with a side the sources never name ("how does the region compare with Basel?")
is declined, saying which side they do not cover; a comparison of sides they name, a name on
the asked side, and "rather than" (a merit, not a comparison) go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import answering

from assistant.answer.compared import compared_decline, uncovered_side, unheld_side
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE
from ingest.store.text import tokenize

KNOWN = set(
    tokenize("Paris Region Munich London Medicen Biomedix pharma members number clusters digital")
)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("How does the Paris Region compare with Basel for pharma?", "Basel"),
        ("how does paris stack up against Boston on funding?", "Boston"),
        ("Is Medicen bigger than Qare in terms of members?", "Qare"),
        ("Medicen a-t-il plus de membres que Basilea ?", "Basilea"),
        ("Medicen versus Kardiolib: which has more members?", "Kardiolib"),
        ("Paris vs. Boston for biotech?", "Boston"),
        # sides the corpus names, a name on the asked side, a lower-case word (maybe a typo)
        ("How does the Paris Region compare with the Munich area?", ""),
        ("How does Basel compare with the Paris Region?", ""),
        ("How does Genopole compare with Medicen for members?", ""),
        ("is medicen bigger than qare?", ""),
        # a merit against others, not a comparison; more than a number
        ("Why set up in the Paris Region rather than Basel?", ""),
        ("Does Medicen have more than 400 members?", ""),
        ("Que pense Anna Rossi du Conseil stratégique ?", ""),
    ],
)
def test_the_side_the_sources_never_name(question: str, side: str) -> None:
    assert uncovered_side(question, KNOWN) == side


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("how does paris compare with barcelonna for biotech", "barcelonna"),
        # a word one letter off or a few letters past the corpus's may be its typo
        ("how does medicen compare with medicon valley for members", ""),
        ("how does medicen compare with cap digitall?", ""),
        # a quantity, "other than", French words
        ("does medicen have more than 400 adherents?", ""),
        ("other than medicen and biomedixx, are there other clusters?", ""),
        ("est-ce que Medicen est plus grand que les autres pôles de compétitivité ?", ""),
        ("is medicen bigger than qare?", "qare"),
        ("how does paris stack up against boston on funding?", "boston"),
        # common words and the corpus's words are no uncovered side
        ("how does medicen compare with the others on members?", ""),
        ("is medicen bigger than the munich clusters?", ""),
    ],
)
def test_a_lower_case_side_that_is_no_word_and_not_the_corpus(
    question: str, side: str, lexicon: Lexicon
) -> None:
    """With the general word lists, a lower-case word the corpus never uses that is no common
    word names the other side: what is left of a typo once read as meant is a name."""
    assert uncovered_side(question, KNOWN, lexicon) == side


@pytest.mark.parametrize(
    ("question", "sentences", "side"),
    [
        # a side none of the best sentences holds a word of its own
        (
            "c'est quoi la différence entre un essai de phase 2 et de phase 3 ?",
            ["Over 2 days."],
            "phase 3",
        ),
        (
            "quelle différence entre un incubateur et un accélérateur ?",
            ["Incubators host projects."],
            "accélérateur",
        ),
        # each side held (in English for a French word), or no difference asked
        (
            "what's the difference between Medicen and Biomedix?",
            ["Medicen is a cluster.", "Biomedix too."],
            "",
        ),
        (
            "quelle différence entre un incubateur et un cluster ?",
            ["Incubators and clusters differ."],
            "",
        ),
        ("what is the link between Medicen and Biomedix?", ["Over 2 days."], ""),
    ],
)
def test_a_difference_needs_each_side_in_the_best_sentences(
    question: str, sentences: list[str], side: str
) -> None:
    assert unheld_side(question, answering(*sentences)) == side
    declined = compared_decline(question, "fr", KNOWN, None, answering(*sentences))
    assert (declined is not None and side in declined) if side else declined is None


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def test_the_decline_says_which_side_is_not_covered() -> None:
    declined = compared_decline("How does Paris compare with Basel?", "en", KNOWN)
    assert declined is not None and declined.startswith(DECLINE["en"]) and "Basel" in declined
    french = compared_decline("Paris est-il plus grand que Basilea ?", "fr", KNOWN)
    assert french is not None and french.startswith(DECLINE["fr"]) and "Basilea" in french
    assert compared_decline("How does Paris compare with Basel?", "en", ()) is None


@pytest.mark.slow
def test_a_comparison_with_an_uncovered_place_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    answer = chat.ask("How does the Paris Region compare with Singapore for biotech start-ups?")
    assert not answer.grounded and "Singapore" in answer.answer, answer.answer
    answer = chat.ask("Compare Medicen and Cap Digital")  # both named: compared
    assert answer.grounded, answer.answer
