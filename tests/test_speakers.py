"""Whose "we" and "our" a quoted sentence speaks with (issue 15, seventh round): a first-person
quote from an interview names the interviewee after it, once per source, from the source's
title; other sources and third-person quotes are left as they are. Fast: no model."""

from __future__ import annotations

from assistant.answer.speakers import attribute, speaker
from assistant.retrieval.passage import Passage

INTERVIEW = Passage(
    "i1",
    "Our common goal is to create a central point of contact.",
    {"title": "Interview: Jane Doe, CEO of Alpha Cluster", "type": "interview"},
    0.5,
)
ARTICLE = Passage("a1", "We chose France.", {"title": "A summit", "type": "article"}, 0.5)


def test_the_interviewee_is_named_after_a_first_person_quote_once() -> None:
    text = (
        "Our common goal is to create a central point of contact. [1] "
        "We want to double the members. [1]"
    )
    assert attribute(text, [INTERVIEW]) == (
        "Our common goal is to create a central point of contact. "
        "(Jane Doe, CEO of Alpha Cluster) [1] We want to double the members. [1]"
    )
    listed = "- We gather hospitals. [1]\n- The cluster has 400 members. [2]"
    assert attribute(listed, [INTERVIEW, INTERVIEW]).splitlines() == [
        "- We gather hospitals. (Jane Doe, CEO of Alpha Cluster) [1]",
        "- The cluster has 400 members. [2]",  # no first person: no speaker
    ]


def test_no_speaker_for_other_sources_or_a_quote_that_names_them() -> None:
    assert speaker(ARTICLE) == ""
    assert attribute("We chose France. [1]", [ARTICLE]) == "We chose France. [1]"
    named = "Jane Doe says we must act. [1]"
    assert attribute(named, [INTERVIEW]) == named
    assert attribute("Citing nothing [3]", [INTERVIEW]) == "Citing nothing [3]"
