"""Questions read as they are asked (issue 15, round 25): a programme is spoken for by a source
whose title names its parent; a place noun closing a question asks where ("X location?"), not
one closing a statement; "r&d" is no French "d"; "en combien de temps" asks how long, not a
count; "le DG" is the CEO and "c'était qui" opens a role asked after a comma or a sentence;
"the 2nd one", "le 2e" point at an item as "the second one" does; "what kinda stuff can i ask
u" is help; a follow-up that tells after it asks is made standalone on its question; partners
sought "then" are sought in the field just named; a want is a plan; "did it make it?" asks of
the plan just said; "which ones exactly?" after "a few high-level Nordic clusters" is declined
unless a sentence on that group names them; a count set beside another's is still asked, and
"which of the two has more?" compares; "befor" is "before". Made-up organisations, shapes
only."""

from __future__ import annotations

import pytest

from assistant.answer.asked_value import planned
from assistant.answer.condense import Turn
from assistant.answer.declines import followed
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.features import asked_types
from assistant.answer.focus import refocus
from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import from_passages
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.referents import by_rank
from assistant.answer.roles import asked_role
from assistant.answer.spelling import spell_asking
from assistant.answer.standalone import Reading, sought_back, told_after
from assistant.answer.unnamed_before import unnamed_before_decline
from assistant.answer.value_kinds import asked_value, still_asked
from assistant.retrieval.passage import Passage
from ingest.store.text import detect_language


def entry(name: str, kind: str, parents: str = "") -> Passage:
    meta = {"title": name, "kind": kind, "city": "", "doc_id": f"d#{name}", "parents": parents}
    return Passage(f"p-{name}", f"{name} is a {kind}.", meta, 0.0)


ORGS = from_passages(
    [
        entry("Zeta Hub", "programme", "Biomedix"),
        entry("Biomedix", "cluster"),
        entry("Kardiolib", "medtech company"),
    ]
)


def test_a_source_titled_with_the_parent_speaks_for_its_programme() -> None:
    """ "It is a project with Kardiolib" in an interview of Biomedix's CEO is Biomedix's Zeta Hub;
    in a source titled with no parent it is about Kardiolib."""
    hub = "It is a collaborative project with Kardiolib, launched by three companies."
    report = EvidenceReport("en", [Evidence(1, 0, hub, 0.9, 0.8, 0.5)], {1: [hub]})
    report.answerable = True
    asked = "who led and launched the zeta hub?"
    interview = {"source_kind": "file", "title": "Interview: the CEO of Biomedix"}
    assert refocus(report, asked, [Passage("p1", hub, interview, 1.0)], ORGS, 0.5).answerable
    other = {"source_kind": "file", "title": "A healthtech event"}
    assert not refocus(report, asked, [Passage("p1", hub, other, 1.0)], ORGS, 0.5).answerable


@pytest.mark.parametrize(
    "question", ["kardiolib new r&d center location?", "et sa localisation ?", "where exactly?"]
)
def test_a_place_noun_closing_a_question_asks_a_place(question: str) -> None:
    assert "place" in asked_types(question)


@pytest.mark.parametrize(
    "question",
    ["Is Orsay a good location?", "what makes Paris an attractive location?", "why this location?"],
)
def test_a_place_noun_judged_asks_no_place(question: str) -> None:
    assert "place" not in asked_types(question)


def test_a_place_noun_closing_a_statement_asks_no_place() -> None:
    told = (
        "Which pharma groups are here? Trying to size up the competition before we pick a location."
    )
    assert "place" not in asked_types(told)


def test_r_and_d_is_no_french_word() -> None:
    assert detect_language("kardiolib new r&d center location?") == "en"
    assert detect_language("le centre de r&d de Kardiolib est où ?") == "fr"


def test_en_combien_de_temps_asks_how_long_not_a_count() -> None:
    long = "Biomedix veut doubler son nombre de membres, mais en combien de temps ?"
    assert "number" not in asked_types(long) and asked_value(long) != "count"
    assert asked_value("combien de membres compte Biomedix ?") == "count"
    assert asked_value("combien de temps Ana Roux est restée à Biomedix ?") == "duration"
    assert "number" in asked_types("combien de membres compte Biomedix ?")


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("et avant lui, c'était qui le DG ?", "succession"),
        ("c'était qui le DG de Biomedix ?", "ceo"),
        ("qui est le DG de Biomedix ?", "ceo"),
        ("I want to write to the right person. And who's the president of Biomedix?", "president"),
        ("biomedix, who runs it?", "head"),
    ],
)
def test_a_role_asked_after_a_comma_or_a_sentence(question: str, role: str) -> None:
    assert asked_role(question) == role


@pytest.mark.parametrize(
    ("question", "role"),
    [
        # the asker's own time or past before the who: no succession, no head
        ("Before I write to them, who's the president of Biomedix?", "president"),
        ("Avant de leur écrire, qui est le président de Biomedix ?", "president"),
        ("As a former pharma exec, who is Biomedix's CEO?", "ceo"),
        ("I'm heading there next week. who founded the Zeta Hub?", "founder"),
        ("who founded the Zeta Hub? I'm heading there next week", "founder"),
        # the question's own role first, unless any head and what is told names the office
        ("Who is Biomedix's president? I mean the chair, not the CEO.", "president"),
        ("Qui dirige Biomedix ? Je cherche le nom du directeur général.", "ceo"),
        ("After reading the interview, who is the CEO of Biomedix?", "ceo"),
        ("qui est le DG adjoint de Biomedix ?", "officer"),  # a deputy, not the CEO
        ("who is the deputy CEO of Biomedix?", "officer"),
        # who closing the question: the role before it
        ("et le président de Biomedix, c'est qui ?", "president"),
    ],
)
def test_the_role_is_read_from_the_who_on(question: str, role: str) -> None:
    assert asked_role(question) == role


def test_who_after_what_the_asker_tells_asks_no_role_without_one() -> None:
    assert asked_role("we are a biotech, who should we talk to?") is None


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("where's the 2nd one based", "where's Betacub based"),
        ("le 2e, il est dans quelle ville ?", "Betacub, il est dans quelle ville ?"),
        ("and the 3rd one?", "and Gamma Santé?"),
        ("the 1st one, where is it?", "Alphalab, where is it?"),
    ],
)
def test_an_ordinal_in_digits_points_at_that_item(question: str, item: str) -> None:
    listed = "Alphalab, Betacub and Gamma Santé host innovative projects [doc]."
    assert by_rank(question, listed) == item


def test_an_ordinal_past_the_items_points_at_nothing() -> None:
    listed = "Alphalab, Betacub and Gamma Santé host projects."
    assert by_rank("the 4th one?", listed) == ""
    assert by_rank("what happens on the 2nd?", listed) == ""  # a day, not an item


@pytest.mark.parametrize(
    "message", ["what kinda stuff can i ask u", "what sorta questions do u answer"]
)
def test_help_in_texting_words(message: str) -> None:
    assert classify(message) is QuestionKind.HELP


HISTORY = [
    Turn("user", "What is Zetaspin?"),
    Turn("assistant", "Zetaspin is a neuroimaging centre of Biomedix [doc]."),
]


def test_a_follow_up_that_tells_after_it_asks_is_made_standalone_on_its_question() -> None:
    told = told_after("which town is it in? we'd have to send people there", HISTORY, None)
    assert told.startswith("we'd have to send people there. which town is Zetaspin in?")


@pytest.mark.parametrize(
    ("message", "history"),
    [
        ("which town is it in?", HISTORY),  # nothing told after
        ("which town is Zetaspin in? thanks", []),  # no conversation
        ("we'd have to go there. which town is it in?", HISTORY),  # told first
        # partners or a list sought: what the asker tells says which ones
        ("who could we partner with? we make vaccines for children", HISTORY),
        ("can you list them? we want to meet them next week", HISTORY),
    ],
)
def test_told_after_only_when_a_follow_up_tells_after_it_asks(
    message: str, history: list[Turn]
) -> None:
    assert told_after(message, history, None) == ""


def test_whether_it_came_true_follows_what_was_typed_not_the_name_put_for_it() -> None:
    """ "did it actually open on time?": condense put a place for "it"; the message typed still
    points back, so what was just said is what must have come true."""
    reading = Reading(
        "Did Orsay actually open on time? (Orsay; Kardiolib has lab plans in Orsay right?)",
        "Did Orsay actually open on time?",
        QuestionKind.FACT,
        ("Yes: Kardiolib plans a lab in Orsay by 2021.",),
        "Did it actually open on time?",
    )
    assert followed(reading) == "Orsay; Kardiolib has lab plans in Orsay right"
    named = Reading(reading.standalone, reading.asked, reading.kind, reading.said, reading.asked)
    assert followed(named) == ""


FIELD = [
    Turn("user", "we make anti-infective vaccines. is Nordic research strong in that?"),
    Turn("assistant", "Yes: Zetaspin works on infectious diseases [doc]."),
]


@pytest.mark.parametrize(
    "message",
    [
        "which institute should we approach for a research partnership then?",
        "avec quel institut travailler du coup ?",
        "we are a biotech working on exactly that; who could we partner with",
    ],
)
def test_partners_sought_then_are_sought_in_the_field_just_named(message: str) -> None:
    standalone = sought_back(message, message, FIELD, QuestionKind.PARTNER)
    assert standalone.endswith(f"? ({FIELD[0].content})")


@pytest.mark.parametrize(
    ("message", "kind", "history"),
    [
        ("which institute should we approach then?", QuestionKind.FACT, FIELD),  # no partner
        ("which institute should we approach for vaccines?", QuestionKind.PARTNER, FIELD),
        ("which institute should we approach then?", QuestionKind.PARTNER, []),
    ],
)
def test_partners_sought_afresh_keep_their_own_field(
    message: str, kind: QuestionKind, history: list[Turn]
) -> None:
    assert sought_back(message, message, history, kind) == message


@pytest.mark.parametrize(
    "sentence",
    ["We want to build a presence in Brussels.", "Biomedix hopes to open a lab in Orsay."],
)
def test_a_want_or_a_hope_is_a_plan_not_something_done(sentence: str) -> None:
    assert planned(sentence, "", ORGS, dated=False)
    assert not planned("Biomedix opened a lab in Orsay in 2019.", "", ORGS, dated=False)


def sentences(*texts: str) -> EvidenceReport:
    evidence = [Evidence(1, i, t, 0.9 - i / 10, 0.5, 0.5) for i, t in enumerate(texts)]
    report = EvidenceReport("en", evidence, {1: list(texts)})
    report.answerable = True
    return report


GROUP_SAID = "Biomedix has an agreement with a few high-level Nordic clusters [doc]."
AGREEMENT = "We have an agreement with a few high-level Nordic clusters to build a network."
OTHERS = "Clusters like Biomedix and Kardiolib help with Nordic exports."


@pytest.mark.parametrize(
    "message",
    [
        "which ones exactly?",
        "lesquels exactement ?",
        "ils s'appellent comment ces clusters ?",
        "which nordic clusters are part of that agreement?",
    ],
)
def test_the_members_of_a_group_the_last_answer_left_unnamed_are_declined(message: str) -> None:
    """Other clusters named elsewhere are not the group's members: declined, quoting the
    sentence that counts the group."""
    declined = unnamed_before_decline(message, GROUP_SAID, "en", sentences(AGREEMENT, OTHERS), ORGS)
    assert declined is not None and AGREEMENT in declined


def test_a_sentence_on_the_group_that_names_members_answers() -> None:
    named = "The high-level Nordic clusters of the agreement are Kardiolib and Zeta Hub."
    report = sentences(named, AGREEMENT)
    assert unnamed_before_decline("which ones exactly?", GROUP_SAID, "en", report, ORGS) is None


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("which clusters are in Paris?", GROUP_SAID),  # asks afresh, points at no group
        ("which ones exactly?", "Biomedix has a few clusters, such as Kardiolib, as partners."),
        ("which ones exactly?", "Biomedix is a cluster in Paris [doc]."),  # no group counted
    ],
)
def test_no_decline_without_an_unnamed_group_asked_back(message: str, said: str) -> None:
    report = sentences(AGREEMENT, OTHERS)
    assert unnamed_before_decline(message, said, "en", report, ORGS) is None


@pytest.mark.parametrize(
    ("message", "said"),
    [
        # others than the subject are no group counted without its names
        ("which clusters are those?", "Biomedix works with other Nordic clusters [doc]."),
        # another group asked: "et pour le diagnostic, c'est avec lesquels ?"
        ("et pour le diagnostic, c'est avec lesquels ?", GROUP_SAID),
    ],
)
def test_others_or_another_group_asked_is_no_unnamed_group(message: str, said: str) -> None:
    report = sentences(AGREEMENT, OTHERS)
    assert unnamed_before_decline(message, said, "en", report, ORGS) is None


def test_a_count_set_beside_another_s_is_still_asked() -> None:
    """ "How many members does X have? to compare with Y's 400": the comparison composed still
    asks X's count; "which of the two has more members?" compares."""
    assert still_asked("compare", "count")
    assert not still_asked("compare", "whether")
    for question in (
        "which of those two clusters has more members?",
        "lequel des deux a le plus de membres ?",
    ):
        assert asked_value(question) == "comparison"
    assert asked_value("which of these incubators is in Orsay?") != "comparison"


def test_a_succession_typed_with_a_typo_is_read_as_meant() -> None:
    assert "before" in spell_asking("who was biomedix's ceo befor Ana Roux?", Lexicon())


def test_a_group_said_with_its_members_beside_another_is_named() -> None:
    """ "with numerous companies ... launched by three companies (Kardiolib, ...)": the members
    asked are the ones named."""
    said = (
        "It works with numerous companies, and was launched by three companies (Kardiolib, A, B)."
    )
    report = sentences(AGREEMENT, OTHERS)
    assert unnamed_before_decline("what are their names?", said, "en", report, ORGS) is None
