"""Questions in users' words read as what they ask (issue 15, round 24): what the asker tells
before asking ("We're weighing Paris vs. other EU sites. What share ...?", "relocating next
year. Which incubators ...?") frames nothing the question asks; a choice put to the assistant
("ton avis perso, paris ou londres ?") is a comparison; "the other 2 besides X" asks for the
rest of a group; "et il a remplacé qui ?" asks a succession and "who set up X?" a founder;
"X where" asks where X is; "who do we go thru" seeks a partner; money put into something and a
street address are the values they are; "r&d" keeps its r; "pharma cos in X" lists; the best
of a kind the corpus never names ("la meilleure banque") is declined. Made-up organisations,
shapes only."""

from __future__ import annotations

import pytest
from fakes import directory_entry

from assistant.answer.abbreviations import read_abbreviations, read_contractions
from assistant.answer.compared import compared_decline, uncovered_side
from assistant.answer.declines import year_decline
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.organisations import from_passages
from assistant.answer.others import asks_others
from assistant.answer.partner_shapes import asks_partner
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.roles import asked_role
from assistant.answer.unknown_thing import unknown_thing
from assistant.answer.unplaced import unplaced_decline
from assistant.answer.value_kinds import asked_value
from assistant.answer.where_alone import asks_where_alone, placed_before
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import tokenize

ORGS = from_passages(
    [
        directory_entry("Kardiolib", "e-health start-up", "Rueil-Malmaison"),
        directory_entry("Biomedix", "cluster", "Paris"),
    ]
)
KNOWN = {"kardiolib", "biomedix", "pari", "paris", "share", "research", "lab", "site"}


def meant(message: str) -> str:
    """The message with its texting written out, as the chat reads it."""
    return read_contractions(read_abbreviations(message))


def test_a_comparison_told_before_a_question_that_asks_a_share_is_no_comparison() -> None:
    told = "We're weighing Paris vs. Zorbania for a lab. Roughly what share of research is here?"
    assert compared_decline(told, "en", KNOWN) is None
    asked = "How does Paris compare with Zorbania for a lab?"
    assert "Zorbania" in (compared_decline(asked, "en", KNOWN) or "")
    # asked after the told comparison, a choice or a comparative still compares the two
    both = "We're weighing Paris vs. Zorbania. Which one should we pick, Paris or Zorbania?"
    assert "Zorbania" in (compared_decline(both, "en", KNOWN) or "")
    for asked in ("which is better for a lab?", "Which would you pick?", "which leads in trials?"):
        told_then = f"we compare Paris and Zorbania. {asked}"
        assert "Zorbania" in (compared_decline(told_then, "en", KNOWN) or ""), asked


@pytest.mark.parametrize(
    "question",
    [
        "ton avis perso paris ou Londres pour ma startup ?",
        "in your opinion, Paris or Zorbania for our biotech?",
        "what would you recommend, Paris or Zorbania?",
    ],
)
def test_a_choice_put_to_the_assistant_is_a_comparison_of_its_two_sides(question: str) -> None:
    assert asked_value(question) == "comparison"
    assert uncovered_side(question, KNOWN) in ("Londres", "Zorbania")


@pytest.mark.parametrize(
    "question",
    [
        "which incubators would you recommend in Paris or Orsay?",  # a list in two places
        "in your opinion, are the competitors in the USA or China?",
        "what's Roques's view of Munich or London?",
    ],
)
def test_two_places_or_sides_asked_of_the_sources_are_no_choice_put_to_the_assistant(
    question: str,
) -> None:
    assert asked_value(question) != "comparison"


def test_a_year_told_before_the_question_is_not_the_year_asked() -> None:
    told = "Founder here, relocating to Paris next year. Which incubators host e-health projects?"
    assert year_decline(told, "en", KNOWN) is None
    assert year_decline("we're moving next year, where is Kardiolib?", "en", KNOWN) is None
    since = "since last year we've been looking, who else is based in Rueil-Malmaison?"
    assert year_decline(since, "en", KNOWN) is None
    assert year_decline("which incubators opened last year, and where?", "en", KNOWN)
    assert year_decline("In 2019, where will the summit take place?", "en", KNOWN)  # a frame
    assert year_decline("which incubators opened last year?", "en", KNOWN)


@pytest.mark.parametrize(
    "message",
    [
        "mit tech review named 3 french health startups whats the other 2 besides kardiolib",
        "on a cité 3 start-up françaises, c'est quoi les deux autres à part Kardiolib ?",
    ],
)
def test_the_rest_of_a_group_with_its_named_member_set_aside(message: str) -> None:
    assert asks_others(message, "")


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("et il a remplacé qui ?", "succession"),
        ("he succeeded whom?", "succession"),
        ("le Lab Santé a été fondé par qui ?", "founder"),
        ("who set up the Biomedix lab?", "founder"),
        ("who led and launched the hub?", None),  # organisations launch a project
        ("NeuroSpin is run by who?", None),  # the organisation it is part of, not a person
    ],
)
def test_who_closing_the_question_or_setting_up_asks_a_role(question: str, role: str) -> None:
    assert asked_role(question) == role


@pytest.mark.parametrize("question", ["gustave roussy where", "kardiolib where exactly?"])
def test_where_after_a_name_asks_where(question: str) -> None:
    assert classify(meant(question)) == QuestionKind.LOCATE


@pytest.mark.parametrize(
    "question",
    [
        "c'était quand medxperience et ou ?",  # when and where together
        "servier r&d centre where",  # a thing of the organisation: the passages say where
        "medxperience 2019 where?",  # a year: not the entry's venue
        "Sanofi opened a lab. Can you tell me where?",
        "and where?",  # no name before it
    ],
)
def test_where_after_more_than_a_name_is_no_locate_question(question: str) -> None:
    assert classify(meant(question)) != QuestionKind.LOCATE


def test_whom_to_go_through_seeks_a_partner() -> None:
    assert asks_partner("want 1 contact point for the institutes, who do we go thru")
    assert asks_partner("who should we go through to reach the cancer institutes?")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how much are they putting into it?", "amount"),
        ("combien ils mettent dedans ?", "amount"),
        ("how much time do they put in?", "delay"),
    ],
)
def test_money_put_in_is_an_amount(question: str, kind: str) -> None:
    assert asked_value(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "combien d'essais cliniques sont mis en œuvre par an ?",
        "how much hope does Roques put in the CSIS?",
    ],
)
def test_what_is_put_in_that_is_no_money_is_no_amount(question: str) -> None:
    assert asked_value(question) != "amount"


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("c'est quoi la meilleure banque pour ouvrir un compte pro en france ?", "banque"),
        ("how does crispr work?", "crispr"),
        ("what's the best incubator for medtech?", ""),  # a word of the corpus
        ("quel est le meilleur pôle pour une biotech ?", ""),  # its English is the corpus's
        ("what's the best research site?", ""),
        # which of a kind someone gives (round 25)
        ("Quelles subventions la Région verse-t-elle aux start-up ?", "subventions"),
        ("what grants does the region give to foreign start-ups?", "grants"),
        ("which clusters does Biomedix work with?", ""),
    ],
)
def test_a_kind_asked_that_the_corpus_never_names(question: str, thing: str) -> None:
    known = {*KNOWN, "incub", "cluster", "biotech"}
    assert unknown_thing(question, known) == thing


def test_a_street_address_is_finer_than_the_directory_holds() -> None:
    street = "Quelle est l'adresse postale complète (rue, numéro) du siège de Kardiolib ?"
    declined = unplaced_decline(street, "fr", ORGS, KNOWN) or ""
    assert "Rueil-Malmaison" in declined and "adresse" in declined
    assert unplaced_decline("what's the street address of Kardiolib?", "en", ORGS, KNOWN)
    assert unplaced_decline("what's the address of Kardiolib?", "en", ORGS, KNOWN) is None


def test_r_and_d_keeps_its_r_and_pharma_cos_in_a_town_lists_them() -> None:
    assert meant("heard servier is building a new r&d centre") == (
        "heard servier is building a new r&d centre"
    )
    assert classify("pharma cos in rueil malmaison?") == QuestionKind.LIST


def test_a_la_traine_is_behind_in_the_english_sources() -> None:
    assert "behind" in translate_terms(tokenize("pourquoi Paris est à la traîne ?"))


def test_where_alone_asks_where_the_organisation_is_unless_the_last_answer_placed_a_thing() -> None:
    gazetteer = Gazetteer.of(ORGS)
    assert asks_where_alone("where tho") and asks_where_alone("et où ça ?")
    assert not asks_where_alone("where is it?")
    assert not placed_before("Kardiolib is an e-health start-up.", gazetteer)
    assert placed_before("Kardiolib just opened a lab devoted to e-health.", gazetteer)
    assert placed_before("Its rivals sit in the USA and in China.", gazetteer)
    assert placed_before("Kardiolib is in Rueil-Malmaison.", gazetteer)
