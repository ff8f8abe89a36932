"""The rest of a group the sources name only in part ("who were the other two?" of "three
start-ups, including X") is declined with the sentence that names the group; a group whose
sentence names more members is answered. Made-up organisations: no rule is about one question."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import answering, directory_entry

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import DECLINE
from assistant.answer.organisations import from_passages
from assistant.answer.others import asks_others, others_decline

ORGS = from_passages(
    [
        directory_entry("Kardiolib", "e-health start-up", "Paris"),
        directory_entry("Pulsea", "e-health start-up", "Paris"),
        directory_entry("Nerva", "e-health start-up", "Paris"),
        directory_entry("Biomedix", "cluster", "Lyon"),
    ]
)
COUNTED = (
    "A US magazine counted three French start-ups among the most innovative, including Kardiolib."
)
APPS = "Start-ups in the region have developed apps for patients."
INCLUDE = "They include Kardiolib, Pulsea, Nerva and others."


def report(*sentences: tuple[str, float]) -> EvidenceReport:
    """One passage of the sentences, each with its coverage, best scored first."""
    evidence = [
        Evidence(1, i, s, 0.9 - i / 20, 0.8, coverage) for i, (s, coverage) in enumerate(sentences)
    ]
    made = EvidenceReport("en", evidence, {1: [s for s, _ in sentences]})
    made.answerable = True
    return made


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("who were the other two french startups on that list?", ""),
        ("Besides Kardiolib, which two other French start-ups did the magazine list?", ""),
        ("what were the other two?", "It counted three French start-ups, including Kardiolib."),
        ("et les deux autres start-ups ?", ""),
        # the group counted in the message, with more words before its noun
        (
            "A magazine listed three French health tech start-ups: which were the other two?",
            "",
        ),
        # the rest asked as "who else"
        ("a magazine listed 3 french start-ups - kardiolib and who else?", ""),
        ("et qui d'autre ?", "Elle a retenu trois start-ups françaises, dont Kardiolib."),
    ],
)
def test_the_rest_of_a_group_of_organisations_is_asked(message: str, said: str) -> None:
    assert asks_others(message, said)


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("what were the other two pillars?", ""),  # pillars are no organisations
        ("what were the other two?", "Its strategy rests on three pillars."),
        ("which other clusters does it work with?", ""),  # any others: no group named in part
        ("Comment Kardiolib collabore-t-il avec les autres clusters ?", ""),
        ("How does Paris compare with the rest of Europe?", "Three clusters are based here."),
        ("what does Kardiolib do?", ""),
        ("who else is based in Lyon?", "Three clusters are based here."),  # a place's others
        ("Kardiolib and who else are clusters?", ""),  # no group counted: any of the kind
    ],
)
def test_other_things_and_open_questions_are_no_rest_of_a_group(message: str, said: str) -> None:
    assert not asks_others(message, said)


def test_a_group_named_in_part_is_declined_with_the_sentence_that_names_it() -> None:
    """The counting sentence covers the question best: the listing sentence of another group
    (apps) names other start-ups, and does not answer."""
    evidence = report((COUNTED, 0.9), (APPS, 0.3), (INCLUDE, 0.2))
    asked = "Besides Kardiolib, which two other French start-ups did the magazine list?"
    declined = others_decline(asked, "", "en", evidence, ORGS)
    assert declined is not None and declined.startswith(DECLINE["en"])
    assert "only Kardiolib" in declined and COUNTED in declined and declined.endswith("[1]")
    follow_up = others_decline("what were the other two?", COUNTED, "en", evidence, ORGS)
    assert follow_up is not None and follow_up.startswith(DECLINE["en"])


def test_a_group_whose_sentence_names_the_others_is_answered() -> None:
    """The group is the apps' start-ups: the sentence after it names them, by "They"."""
    evidence = report((APPS, 0.9), (INCLUDE, 0.8), (COUNTED, 0.2))
    asked = "Besides Kardiolib, which two other start-ups make apps for patients?"
    assert others_decline(asked, "", "en", evidence, ORGS) is None
    named = report(("Kardiolib works with two other clusters, Biomedix and Nerva.", 0.9))
    assert others_decline("which two other clusters?", "Kardiolib", "en", named, ORGS) is None


def test_the_group_is_what_the_question_says_of_it_not_where_its_member_is_named() -> None:
    """A member named everywhere ("Besides Kardiolib, ...") does not pick the group: the
    sentence holding most of what the question says of the group ("clusters", "diagnostics")
    does, whatever its coverage of the member's name."""
    member = "Kardiolib leads the region's work in cardiology and neurology."
    others = "With the Biomedix and Nerva clusters, it works on diagnostics."
    evidence = report((member, 0.9), (others, 0.5))
    evidence.weights = {"kardiolib": 3.0, "cluster": 1.0, "diagnost": 2.0}
    asked = "Besides Kardiolib, which two other clusters work on diagnostics?"
    assert others_decline(asked, "", "en", evidence, ORGS) is None
    evidence = report((member, 0.9), (COUNTED, 0.5))
    evidence.weights = {"kardiolib": 3.0, "french": 1.0, "start-up": 1.0, "magazin": 2.0}
    asked = "Besides Kardiolib, which two other French start-ups did the magazine list?"
    declined = others_decline(asked, "", "en", evidence, ORGS)
    assert declined is not None and COUNTED in declined


def test_no_sentence_naming_a_member_leaves_the_answer_to_the_gate() -> None:
    evidence = report((APPS, 0.9))
    assert others_decline("who were the other two start-ups?", "", "en", evidence, ORGS) is None
    closed = report((COUNTED, 0.9))
    closed.answerable = False
    assert others_decline("the other two start-ups?", "Kardiolib", "en", closed, ORGS) is None


@pytest.mark.slow
def test_the_rest_of_a_group_through_the_real_index(built_index: Path) -> None:
    from assistant.answer.condense import Turn
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    asked = "has doctolib won any international recognition?"
    counted = chat.ask(asked)
    assert counted.grounded and "three French start-ups" in counted.answer, counted.answer
    history = [Turn("user", asked), Turn("assistant", counted.answer)]
    rest = chat.ask("who were the other two?", history)
    assert not rest.grounded and rest.answer.startswith(DECLINE["en"]), rest.answer
    assert "Doctolib" in rest.answer
    # the clusters Medicen works with on diagnostics are named: the others are answered
    clusters = chat.ask("Besides Medicen, which two other clusters work on diagnostics?")
    assert clusters.grounded and "Lyonbiopole" in clusters.answer, clusters.answer


def test_the_rest_asked_alone_is_of_the_group_the_last_answer_quoted() -> None:
    """ "and the other two?" (no word of what they are): of the sentences naming a member said,
    the one the last answer quotes is the group, though another ranks above it."""
    quoted = "A magazine counted three start-ups among the most innovative, including Kardiolib."
    other = "They include Kardiolib and Biomedix, and others."
    report = answering(other, quoted)
    report.weights = {}
    said = f'Yes: "{quoted}"'
    declined = others_decline("and the other two?", said, "en", report, ORGS)
    assert declined is not None and quoted in declined
