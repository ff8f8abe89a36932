"""Questions read for what they ask (issue 15, round 27): "on what exact day", "the person to
contact", "the headcount", "what attendance", "the exact number" and "the next edition" ask a
day, a person, a count, a count, a count and one to come; a date's numbers count nothing; "what
about 2017?" puts the year in the previous question's year; "whats this thing do" asks for help;
"rn", "sayin" are texting; "in total", "en tout" frame a count; where a named organisation means
to settle is a plan the sources tell; "where is X held, and on which dates?" asks two things; the
directory's line is not said again but another part is added; "pourquoi a-t-elle ...?" points
back; "directeur général" is the CEO; "où s'est tenu X ?" asks where; "202 pharmaceutical
establishments" is no group of "pharma"; a list asked after a comma is a list; "which tax
incentives would we get?" asks a thing the corpus never names. Made-up organisations, shapes
only."""

from __future__ import annotations

import pytest

from assistant.answer import Turn
from assistant.answer.abbreviations import read_contractions
from assistant.answer.compose_explain import compose_explain
from assistant.answer.condense import condense
from assistant.answer.ellipsis import restate_ellipsis
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.organisations import Organisation, from_passages
from assistant.answer.own_plan import own_plan
from assistant.answer.pointing import uninverted
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.questions import question_parts
from assistant.answer.roles import asked_role
from assistant.answer.unknown_thing import unknown_thing
from assistant.answer.unnamed_before import SAID_GROUP
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.answer.value_shapes import undated
from assistant.answer.weights import TermWeigher
from assistant.retrieval.glossary import translate_phrases
from assistant.retrieval.passage import Passage
from assistant.services.said_again import repeats


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("On what exact day did Ana Vidal take office as CEO of Zorvia?", "day"),
        ("Who is the person to contact at Zorvia about a partnership?", "head"),
        ("What's the headcount at Zorvia's lab in Orsay?", "count"),
        ("Roughly what attendance did Zorfest draw in 2018?", "count"),
        ("Zorvia has numerous members. What's the exact number?", "count"),
        ("when is the next edition planned?", "next"),
        ("et la prochaine édition, elle est prévue quand ?", "next"),
        ("where is the next one?", "next"),
        ("When is the next Strategic Council of Health Industries?", "next"),
        ("Where will the next edition of Zorfest be held?", "next"),
    ],
)
def test_the_value_asked(question: str, kind: str) -> None:
    assert asked_value(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "What will Zorvia do in the next four years?",  # no edition to come: a time ahead
        "What is the exact number of Zorvia's members?",  # a count of members: COUNT_QUESTION
        "On what day did Zorvia open?",
    ],
)
def test_not_read_as_those_values(question: str) -> None:
    assert asked_value(question) not in ("next", "head")


def test_the_person_to_contact_is_the_head() -> None:
    assert asked_role("Who is the person to contact at Zorvia?") == "head"
    assert asked_role("Qui est la personne à contacter chez Zorvia ?") == "head"


def test_a_dates_numbers_count_nothing() -> None:
    question = "What attendance did Zorfest draw?"
    dated = "Come see them March 15 and 16, 2018 at the Palais Zorbe in Paris!"
    assert undated(dated).strip(" ,!").endswith("Paris")
    assert not holds_value("count", dated, question)
    assert holds_value("count", "In 2016, Zorfest drew 5,000 visitors.", question)
    assert "3" not in undated("le 3 et 4 juillet 2018")


def test_the_next_one_needs_a_sentence_that_speaks_of_one_to_come() -> None:
    assert not holds_value("next", "The July 2018 council set a new tone compared to the past.")
    assert holds_value("next", "The next edition will be held in 2019.")
    assert not holds_value("next", "The first summit on the future of healthcare is in Paris.")


def test_a_year_takes_the_place_of_the_previous_questions_year() -> None:
    previous = "How many projects did French health care attract in 2016?"
    assert restate_ellipsis("What about 2017?", previous) == previous.replace("2016", "2017")
    assert "2017" not in restate_ellipsis("What about 2017?", "Who runs Zorvia?")


@pytest.mark.parametrize(
    "message",
    [
        "hey whats this thing do, what can u help me w",
        "whats this thing do",
        "what does this thing do?",
        "what is this thing?",
    ],
)
def test_help_asked_of_this_thing(message: str) -> None:
    assert classify(read_contractions(message)) == QuestionKind.HELP


def test_texting_written_out() -> None:
    assert read_contractions("how many members rn") == "how many members right now"
    assert read_contractions("whats zorthing, zorvia keeps sayin it") == (
        "what's zorthing, zorvia keeps saying it"
    )


def test_a_counts_whole_weighs_nothing() -> None:
    weigher = TermWeigher()
    assert "total" not in weigher.weights("how many labs does Zorvia have in total?", "en")
    assert "tout" not in weigher.weights("combien de labos Zorvia a-t-il en tout ?", "fr")


def organisations() -> list[Organisation]:
    def entry(name: str, kind: str, city: str) -> Passage:
        meta = {"title": name, "kind": kind, "city": city, "doc_id": f"dir#{name.lower()}"}
        return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)

    return from_passages(
        [entry("Zorvia", "cluster", "Paris"), entry("Zorlab", "pharma-group", "Orsay")]
    )


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("Where does Zorvia want to set up a presence in Europe?", True),
        ("Where in Europe does Zorvia want to establish a joint presence?", True),
        ("where does zorvia wanna set up a presence", True),
        ("Where will Zorlab set up its R&D centre?", True),
        ("Where does he want to set up a shared presence?", True),
        ("Where should we set up our lab?", False),
        ("Where should a biotech set up in the region?", False),
        ("Where does Zorvia have its base?", False),
        ("Where is Zorvia based, and what year did it open its lab?", False),
        ("Where would it be best to set up a diagnostics startup?", False),  # the asker's
        ("where does it make sense for an e-health startup to set up?", False),
    ],
)
def test_where_a_named_one_means_to_settle(question: str, own: bool) -> None:
    assert own_plan(question, organisations()) is own


def test_a_where_and_a_date_asked_in_two_parts() -> None:
    assert question_parts("Where is Zorfest held, and on which dates?") == [
        "Where is Zorfest held",
        "on which dates?",
    ]


def test_the_directory_line_is_not_said_again_but_another_part_is() -> None:
    line = "Zorfest (event) is in Palais Zorbe, 75002 Paris [6]."
    again = "Zorfest is an event in Paris 75002 [6]."
    more = "Zorfest was held at the Palais Zorbe in Paris on 15-16 March 2018 [6]."
    assert repeats(again, line, [6], [6])
    assert not repeats(more, line, [6], [6])
    assert not repeats(again, line, [2], [6])  # another passage: added


def test_an_inverted_pronoun_points_back() -> None:
    assert (
        uninverted("Pourquoi a-t-elle choisi la France ?") == "Pourquoi elle a choisi la France ?"
    )
    assert uninverted("Y a-t-il des incubateurs ?") == "Y a-t-il des incubateurs ?"
    assert uninverted("Le premier a-t-il ouvert ?") == "Le premier a-t-il ouvert ?"
    assert uninverted("Où est-il situé ?") == "Où est-il situé ?"  # read as a where-question
    history = [
        Turn("user", "Quelle société américaine est citée ?"),
        Turn("assistant", "Zorlab, une entreprise américaine qui a un site à Paris."),
    ]
    assert condense("Pourquoi a-t-elle choisi la France ?", history).startswith(
        "Pourquoi Zorlab a choisi la France ?"
    )


def test_a_directeur_general_is_the_ceo() -> None:
    assert translate_phrases("qui est le directeur général ?") == "qui est le CEO ?"
    assert translate_phrases("la directrice générale, le PDG") == "la CEO, le CEO"
    assert translate_phrases("le directeur scientifique") == "le directeur scientifique"


def test_where_it_was_held_asks_where() -> None:
    assert classify("Où s'est tenu le sommet Zorfest en 2018 ?") == QuestionKind.LOCATE
    assert classify("Où se sont déroulées les rencontres Zorfest ?") == QuestionKind.LOCATE


def test_an_adjective_is_no_groups_noun() -> None:
    assert SAID_GROUP.search("The region hosts 202 pharmaceutical establishments.") is None
    assert SAID_GROUP.search("an agreement with a few high-level European clusters")


def test_a_list_asked_after_a_comma() -> None:
    asked = "which ones though, list the pharma groups all please?"
    assert classify(asked) == QuestionKind.LIST


def test_a_thing_received_that_the_corpus_never_names() -> None:
    known = {"r&d", "open", "site", "region", "ile-de-fr"}
    question = "which tax incentives, e.g. R&D tax credits, would we get for opening an R&D site?"
    assert unknown_thing(question, known).startswith("tax")
    assert unknown_thing("which labs would we get to work with?", {"lab"}) == ""


def test_a_view_asked_leads_with_the_reply_not_the_interviewers_words() -> None:
    lead_up = "Right in the month of your appointment, the 2018 Zorcouncil set a new tone."
    asked = "Do you think it will change things for your members?"
    reply = "The Zorcouncil is a signal of hope for our members."
    report = EvidenceReport("en", weights={"zorcouncil": 2.0, "see": 1.0})
    report.sentences = {1: [lead_up, asked, reply]}
    report.evidence = [
        Evidence(1, 0, lead_up, 0.9, 0.8, 0.5),
        Evidence(1, 2, reply, 0.85, 0.8, 0.4),
    ]
    report.answerable = True
    answer = compose_explain(report, "How does Ana Vidal see it?")
    assert answer.index("signal of hope") < answer.index("new tone")
    rhetorical = "The Zorlab, founded by Zorvia, is a mediating structure."
    report.sentences = {1: [rhetorical, "The goal?", "Supporting entrepreneurs."]}
    report.evidence = [
        Evidence(1, 0, rhetorical, 0.9, 0.8, 0.5),
        Evidence(1, 2, "Supporting entrepreneurs.", 0.85, 0.8, 0.4),
    ]
    answer = compose_explain(report, "How does the Zorlab work?")
    assert answer.index("mediating") < answer.index("Supporting")
    # a reply's last sentence, the next question in a new paragraph: no lead-up
    last, question = "We want Zorvia to lead the sector.", "What have been your main priorities?"
    report.sentences = {1: [last, question, "Our priority is to attract investors."]}
    report.paragraphs = {1: [0, 1, 2]}
    report.evidence = [
        Evidence(1, 0, last, 0.9, 0.8, 0.5),
        Evidence(1, 2, "Our priority is to attract investors.", 0.85, 0.8, 0.4),
    ]
    answer = compose_explain(report, "How does Ana Vidal want Zorvia to lead?")
    assert answer.index("lead the sector") < answer.index("attract")


def test_that_group_points_back_though_the_question_names_another() -> None:
    history = [
        Turn("user", "Which foreign group opened a digital R&D centre in Paris in 2016?"),
        Turn("assistant", "Zorlab Healthcare set up its Paris R&D center in 2016."),
    ]
    standalone = condense("Is that group also in any of Zorvia's projects?", history)
    assert standalone.startswith("Is Zorlab Healthcare also in any of Zorvia's projects?")
    lab = condense("where is that lab?", history)  # a lab of the group's: not the group
    assert not lab.startswith("where is Zorlab")


def test_any_kind_near_a_town_asks_what_the_town_holds() -> None:
    assert classify("any incubator near Orsay?") == QuestionKind.LOCATE
    assert classify("des incubateurs près de Orsay ?") == QuestionKind.LOCATE
