"""An investor's first question: what speaks for a place or a choice still to make (issue 15,
seventh round). It asks for the claims in the place's favour (a ranking, a share), not for a
sentence that only mentions the place; an explanation's points may come from just below the
passages shown. Fast: no model; the real index in the slow test."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.features import asked_types, holds_type
from assistant.answer.merits import asks_merits, holds_merit, merit_query


@pytest.mark.parametrize(
    "question",
    [
        "Why should we put our European R&D centre in the Paris Region?",
        "why invest in the paris region",
        "Our board asks why we'd base the subsidiary in Île-de-France rather than Berlin.",
        "could you explain why the Paris Region would be a sensible choice?",
        "Pourquoi installer notre CRO en Île-de-France plutôt qu'ailleurs en France ?",
        "pourquoi s'implanter en idf",
        "What makes the region attractive for pharma companies?",
        "l'ile de france est interessante pour une CRO ?",
        "What are the Paris Region's main strengths in biotech?",
        "Quels sont les atouts de la région pour la medtech ?",
    ],
)
def test_a_choice_still_to_make_asks_for_merits(question: str) -> None:
    assert asks_merits(question)
    assert "merit" in asked_types(question)


@pytest.mark.parametrize(
    "question",
    [
        "Why did Pharm-Olam choose France?",  # a choice made: that actor's reason
        "Why do foreign investors struggle to invest in France, according to Medicen?",
        "Pourquoi Medicen veut un guichet unique pour l'oncologie ?",
        "Why was Paris picked to host the first MedXperience summit?",
        "How many hospitals does AP-HP have?",
    ],
)
def test_other_questions_do_not(question: str) -> None:
    assert not asks_merits(question)
    assert "merit" not in asked_types(question)


def test_a_merit_is_a_ranking_or_a_share_not_a_mention() -> None:
    question = "Why should we put our R&D centre in the Paris Region?"
    assert holds_type(
        question,
        "merit",
        "Paris Region is the leading European region for pharmaceuticals and has the "
        "largest hospital system in Europe.",
    )
    assert holds_merit("Half of all life sciences research in France is done in Île-de-France.")
    assert holds_merit("In addition, four of the world’s 15 most innovative research bodies ...")
    assert holds_merit("90% of businesses in this sector in France are based there.")
    assert not holds_type(
        question,
        "merit",
        "It’s no coincidence that the first summit on healthcare is taking place in Paris.",
    )
    assert not holds_merit("Several of them have decided to base their R&D centers there.")


@pytest.mark.slow
def test_the_region_s_case_is_made_from_its_claims_through_the_real_index(
    built_index: Path,
) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    for question in (
        "Why should we put our European R&D centre in the Paris Region?",
        "Pourquoi choisir l'Île-de-France pour notre centre de R&D ?",
    ):
        answer = chat.ask(question, [])
        assert answer.grounded, question
        points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        assert len(points) >= 2, answer.answer
        # the points are claims in the region's favour, each one cited
        assert sum(holds_merit(p) for p in points) >= 2 and holds_merit(points[0]), answer.answer
        assert all("[" in p for p in points), answer.answer
        lead = answer.answer[:200]
        assert any(w in lead for w in ("leading", "Half of", "most")), answer.answer


def test_a_question_asking_merits_also_searches_for_the_words_of_claims() -> None:
    """The claims that answer "why put our R&D centre here?" say "leading", "largest", "half
    of", which the question never says: its keyword search looks for them too."""
    asked = "why should we put our R&D centre in the paris region"
    assert merit_query(asked).startswith(asked) and "leading" in merit_query(asked)
    plain = "when was Vega founded?"
    assert merit_query(plain) == plain
