"""Questions read for the value they ask (issue 15, round 26): a name among the counted words is
whose they are, not a thing counted ("combien de chercheurs X ..."); a share of a group is no
count of it; "the number of" names the count, not what it is of; "how big is the investment?"
asks an amount; "on what day?" asks a day, which a month does not give; "what about 2017?" asks
that year's; a view asked ("did he think ...?") is no yes or no; "inscris ma start-up", "fais-moi
un tableau" ask to act; "le premier a-t-il ...?" points at the first item; "which are the four
of ...?" asks a group's members; "actually" stresses a question, and a date's or a place's type
noun the corpus never writes weighs little: neither puts the question out of reach; a group
counted as "bodies" is asked as "organisations"; a count of a thing the corpus never names
("hospital beds") is declined by name; a place asked by "venue" needs a place in the answer's
lead; "which town hosts both X and Y?" asks where they are; "which minister chaired it?" asks a
public office. Made-up organisations, shapes only."""

from __future__ import annotations

import pytest

from assistant.answer.abbreviations import read_abbreviations, read_contractions
from assistant.answer.addressed import asks_to_act
from assistant.answer.counted_thing import counts_asked
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.organisations import from_passages
from assistant.answer.questions import COUNT_QUESTION
from assistant.answer.referents import by_rank
from assistant.answer.type_nouns import type_noun_decline
from assistant.answer.unknown_thing import unknown_counted
from assistant.answer.unnamed import ASKED, BODIES
from assistant.answer.value_focus import focus_terms
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.answer.weights import MIN_WEIGHT, TermWeigher
from assistant.answer.where import located_subject
from assistant.retrieval.passage import Passage


def counted(question: str, sentence: str) -> bool:
    match = COUNT_QUESTION.search(question)
    assert match, question
    return counts_asked(question, sentence, match.group(1))


def test_a_name_among_the_counted_words_is_not_counted() -> None:
    """ "Combien de chercheurs Zorvia ...": Zorvia is whose the researchers are; "Zorvia plans
    to have one in Orsay" counts none of them."""
    question = "Combien de chercheurs Zorvia prévoit-il d'employer à Orsay ?"
    assert not counted(question, "Zorvia plans to have one in Orsay by 2030.")
    assert counted(question, "Zorvia will employ 300 researchers in Orsay.")


def test_a_share_of_a_group_is_no_count_of_it() -> None:
    question = "How many units does Zorlab have in the region?"
    assert not counted(question, "Half of the units of Zorlab are in the region.")
    assert not counted("Combien d'unités Zorlab a-t-il ?", "La moitié des unités de Zorlab.")
    assert counted(question, "Zorlab has 40 units in the region.")


def test_the_number_of_names_the_count_not_what_it_is_of() -> None:
    report = EvidenceReport("en", weights={"number": 1.0, "start-up": 2.0, "incub": 2.0})
    focus = focus_terms("Zorbator: number of start-ups incubated?", "count", "Zorbator", report)
    assert "number" not in focus
    assert {"start-up", "incub"} <= focus


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Zorvia's planned centre: how big is the investment?", "amount"),
        ("how large was the grant?", "amount"),
        ("on what day in July was the council held?", "day"),
        ("quel jour se tient le salon ?", "day"),
        ("and what about 2017, how many did they carry out that year?", "year 2017"),
        ("did Jo Zorn think the council was a game changer?", ""),
        ("pense-t-il que le conseil change la donne ?", ""),
    ],
)
def test_the_value_asked(question: str, kind: str) -> None:
    assert asked_value(question) == kind


def test_a_view_asked_is_no_yes_or_no_but_a_plain_yes_or_no_is() -> None:
    assert asked_value("did Zorvia open its centre in Orsay?") == "whether"


def test_a_day_is_given_by_a_day_of_a_month_not_by_a_month() -> None:
    assert holds_value("day", "Come see us March 15 and 16 at the hall.")
    assert holds_value("day", "Le salon a lieu le 15 mars.")
    assert not holds_value("day", "The July council set a new tone.")


@pytest.mark.parametrize(
    "message",
    [
        "Inscris ma start-up à l'incubateur Zorbator, s'il te plaît.",
        "Super. Fais-moi un tableau Excel avec leurs contacts et envoie-le sur mon adresse.",
    ],
)
def test_requests_to_act_in_french(message: str) -> None:
    assert asks_to_act(message)


@pytest.mark.parametrize(
    "message",
    ["Comment inscrire ma start-up à Zorbator ?", "Zorbator inscrit-il des start-ups étrangères ?"],
)
def test_asking_how_to_register_asks_no_act(message: str) -> None:
    assert not asks_to_act(message)


def test_the_first_as_the_subject_of_an_inverted_verb_points_at_the_first_item() -> None:
    listed = "Alphalab, Betacub and Gamma Santé host projects."
    restated = by_rank("Combien de start-up le premier a-t-il accompagnées ?", listed)
    assert restated == "Combien de start-up Alphalab a-t-il accompagnées ?"
    assert by_rank("la première fois, c'était où ?", listed) == ""


def test_which_are_the_four_of_a_counted_group_asks_its_members() -> None:
    assert ASKED.search("Which are the four of the world's 15 most innovative bodies in Zorland?")


def test_a_stressing_adverb_or_a_type_noun_the_corpus_never_writes_is_no_unknown() -> None:
    weigher = TermWeigher()
    weigher.idf = {"zorxpo": 3.0, "medicen": 2.0, "held": 2.0}
    weights = weigher.weights("zorxpo venue, what dates?", "en")
    assert weights["venu"] == MIN_WEIGHT and weights["date"] == MIN_WEIGHT
    assert weigher.unknown_share(weights) == 0.0
    stressed = "what does zorxpo actually do?"
    assert weigher.unknown_share(weigher.weights(stressed, "en"), "en", stressed) == 0.0
    for plain in (
        "what is the actual number of zorxpo halls?",  # no adverb: the corpus never says it
        "did zorxpo actually open?",  # a yes or no: whether it came true is asked
    ):
        assert weigher.unknown_share(weigher.weights(plain, "en"), "en", plain) > 0.0
    unknown = weigher.weights("zorxpo ticket price?", "en")  # not a date's or a place's type
    assert weigher.unknown_share(unknown) > 0.5


def test_texting_words_written_out() -> None:
    assert "know about" in read_contractions("what do u kno abt")
    assert "professionnels" in read_abbreviations("combien de pros de santé à Zorvia")


def test_a_group_counted_as_bodies_is_asked_as_organisations() -> None:
    assert ASKED.search("which 4 of the 15 most innovative research organisations are in Zorland?")
    assert "bodi" in BODIES and "organis" in BODIES


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How many hospital beds does Zorvia have in total?", "beds"),
        ("combien de lits à Zorvia ?", "lits"),
    ],
)
def test_a_count_of_a_thing_the_corpus_never_names_is_declined_by_name(
    question: str, thing: str
) -> None:
    known = {"hospit", "zorvia", "member", "profession", "establish"}
    assert unknown_counted(question, known) == thing


@pytest.mark.parametrize(
    "question",
    [
        "how many hospitals does Zorvia have?",
        "how many employees does Zorvia have?",  # counted by the professionals
        "how many are there?",  # nothing named
    ],
)
def test_a_count_of_a_thing_the_corpus_names_goes_on(question: str) -> None:
    known = {"hospit", "zorvia", "member", "profession", "establish"}
    assert unknown_counted(question, known) == ""


def test_a_typo_of_a_word_of_the_passages_or_a_spelling_variant_is_no_unknown_thing() -> None:
    known = {"establish", "organiz", "zorvia"}
    said = ["Zorvia has 202 establishments."]
    assert unknown_counted("how many establishmnts does Zorvia have?", known, said) == ""
    assert unknown_counted("how many organisations are in Zorvia?", known) == ""


def report_of(*sentences: str) -> EvidenceReport:
    evidence = [Evidence(1, i, s, 0.9 - i / 10, 0.5, 0.5) for i, s in enumerate(sentences)]
    return EvidenceReport("en", evidence, {1: list(sentences)})


def test_a_place_asked_by_a_noun_the_corpus_never_writes_needs_a_place_in_the_lead() -> None:
    known = {"zorxpo", "summit", "paris"}
    question = "what's the venue of the Zorxpo summit?"
    told = report_of("The Zorxpo summit is a signal of hope.", "It gathers 400 members.")
    assert type_noun_decline(question, "en", told, known)
    placed = report_of("Come see us at the Palais Zorn in Paris!", "It gathers 400 members.")
    assert type_noun_decline(question, "en", placed, known) is None
    assert type_noun_decline("where is the Zorxpo summit?", "en", told, known) is None


def test_le_premier_before_est_il_points_at_the_first_item_and_a_list_asked_is_no_act() -> None:
    listed = "Alphalab, Betacub and Gamma Santé host projects."
    assert by_rank("Où le premier est-il situé ?", listed) == "Où Alphalab est-il situé ?"
    assert not asks_to_act("Prépare-moi une liste des start-up e-santé")


def test_a_public_office_named_is_the_role_asked() -> None:
    """ "Which minister chaired it?" asks the minister (a public office, which must stand in the
    sources even of no named subject), not the chair of what "it" is."""
    assert asked_value("Which minister chaired it?") == "official"
    assert asked_value("Who chaired the Zorvia board?") == "president"


def entry(name: str, city: str) -> Passage:
    meta = {"title": name, "kind": "pharma-group", "city": city, "doc_id": f"dir#{name.lower()}"}
    return Passage(f"p-{name}", f"{name} is a pharma group in {city}.", meta, 0.0)


@pytest.mark.parametrize(
    "question",
    [
        "Which town hosts both Zorvia and Kardiolib?",
        "Which commune already hosts Zorvia and Kardiolib?",
        "is Zorvia in Paris or somewhere else?",
    ],
)
def test_a_town_hosting_organisations_asks_where_they_are(question: str) -> None:
    orgs = from_passages([entry("Zorvia", "Suresnes"), entry("Kardiolib", "Suresnes")])
    assert "Zorvia" in [o.name for o in located_subject(question, orgs)]
