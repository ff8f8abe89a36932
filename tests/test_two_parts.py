"""A question in two parts gets the sentence that answers each: the best sentence, then the
one that answers the part it leaves (made-up sentences: no rule can be about one question)."""

from __future__ import annotations

from assistant.answer.compose_fact import compose_fact
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.two_parts import other_part, parts

HEALTH = "In the health field, we have 4 very strong vega clusters in Norland."
TOTAL = "Currently, there are around 60 vega clusters in Norland."
ASIDE = "Clusters in Norland often merge after a few years."
ASKED = "how many vega clustres does norland have in total, and how many are strong in health?"


def evidence(*scored: tuple[str, float]) -> list[Evidence]:
    return [Evidence(n, 0, s, score, 0.8, 0.3) for n, (s, score) in enumerate(scored, start=1)]


def test_the_two_asking_clauses_of_a_question() -> None:
    assert parts(ASKED) == (
        "how many vega clustres does norland have in total",
        "how many are strong in health?",
    )
    assert parts("qui dirige Medicen et depuis quand ?") is None  # "depuis quand" asks after
    assert parts("qui dirige Medicen et quand a-t-il été nommé ?") is not None
    assert parts("how many clusters does Norland have?") is None
    assert parts("what do Vega and Nova do?") is None  # "and" joins names, not questions


def test_the_part_the_best_sentence_leaves_is_answered_by_another() -> None:
    fits = evidence((HEALTH, 0.9), (ASIDE, 0.85), (TOTAL, 0.7))
    assert other_part(ASKED, fits[0], fits, near=0.3) is fits[2]
    # too far below the best: not added
    assert other_part(ASKED, fits[0], evidence((HEALTH, 0.9), (TOTAL, 0.5)), near=0.3) is None
    # a one-part question keeps its usual support
    assert other_part("how many vega clusters are strong in health?", fits[0], fits, 0.3) is None


def test_a_two_part_fact_holds_both_answers() -> None:
    report = EvidenceReport("en", evidence((HEALTH, 0.9), (ASIDE, 0.85), (TOTAL, 0.7)))
    text = compose_fact(report, ASKED).text
    assert "4 very strong" in text and "around 60" in text
