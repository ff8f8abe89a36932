"""What a subject came to, whether a state still holds, what came before: a question that asks
for the fruit of a subject ("what were the results of X?", "did it lead to a new law?"), for
its state today ("is he still president?") or for a time before the one the sources give ("which
company did he work for before he joined X?") is declined when no sentence about the subject
says so, and answered when one does. Made-up organisations: no rule is about one question."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import directory_entry

from assistant.answer.asked_value import typed_decline
from assistant.answer.counted_thing import counts_asked
from assistant.answer.declines import year_decline
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import DECLINE
from assistant.answer.organisations import from_passages
from assistant.answer.roles import role_of
from assistant.answer.time_asked import unspoken_year
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize

ORGS = from_passages(
    [directory_entry("Biomedix", "cluster", "Lyon"), directory_entry("Kardiolib", "start-up", "")]
)


def decline_of(
    asked: str, sentence: str, weights: dict[str, float], answer: str = "fact"
) -> str | None:
    """``typed_decline`` of ``asked`` whose one retrieved sentence is ``sentence``, answered as
    ``answer`` (a fact, a list)."""
    passages = [Passage("p1", sentence, {"title": "doc"}, 0.5)]
    report = EvidenceReport("en", [Evidence(1, 0, sentence, 0.9, 0.5, 0.5)], {1: [sentence]})
    report.answerable, report.weights = True, weights
    return typed_decline(asked, "en", passages, report, ORGS, answer=answer)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What were the results of the Kardiolib pilot?", "result"),
        ("Did the Biomedix summit lead to a new law on clinical trials?", "result"),
        ("has Kardiolib shown any improvement in outcomes for patients?", "result"),
        ("Which concrete measures were adopted at the Biomedix summit?", "result"),
        ("quelles mesures le sommet Biomedix a pris sur les essais ?", "result"),
        ("Is the head of Biomedix still its president today?", "current"),
        ("is it still open or did they close it later?", "current"),
        ("Kardiolib est-il toujours basé à Paris ?", "current"),
        ("Which company did he work for before he joined Biomedix?", "former"),
        ("Quel était son poste précédent ?", "former"),
        # why a subject left its former post asks its reason
        ("Pourquoi a-t-il quitté son poste précédent pour rejoindre Biomedix ?", "reason"),
        # no fruit, no state to this day, no other time asked
        ("What does the Kardiolib pilot measure?", ""),
        # what a subject led is no fruit; steps it takes are no measures decided at an event
        ("Did Biomedix lead a project with Kardiolib?", "whether"),
        ("What steps has Biomedix taken to attract investors?", ""),
        ("What were Kardiolib's results?", "result"),
        ("What did the Kardiolib pilot achieve?", "result"),
        ("Le projet Kardiolib a-t-il donné des résultats ?", "result"),
        ("Where did she work previously?", "former"),
        ("Does Biomedix have any more members than Kardiolib?", "comparison"),
        ("Qu'est-ce que Biomedix fait encore pour les start-ups ?", ""),
        ("Does Biomedix still have 400 members?", "current"),
        ("Which start-ups does Biomedix support?", ""),
        ("What is still missing, according to Biomedix?", ""),  # no yes or no: what is said
        # why a subject made a change asks its reason; the steps to apply, join, register
        ("pourquoi Biomedix a changé de directeur général en 2018 ?", "reason"),
        ("why did Kardiolib replace its CEO?", "reason"),
        ("Quelle est la procédure pour candidater à l'incubateur Biomedix ?", "procedure"),
        ("how do I apply to Biomedix?", "procedure"),
        ("comment s'inscrire à Biomedix ?", "procedure"),
        ("how can we set up in the Paris region?", ""),  # where, not how to apply
        ("how does Biomedix help start-ups?", ""),
        # the one of two someone advises is a comparison the sources must make
        ("entre Biomedix et Kardiolib, lequel la région conseille ?", "comparison"),
        ("between Biomedix and Kardiolib, which would you recommend?", "comparison"),
        ("what is the link between Biomedix and Kardiolib?", ""),
        # who may have something; a subject's past as a story
        ("est-ce que je suis éligible au french tech visa ?", "eligibility"),
        ("does a foreign start-up qualify for the Biomedix call?", "eligibility"),
        ("what's the history of Biomedix?", "history"),
        # whether it costs nothing is its price; how to use or book it, a procedure
        ("is Kardiolib free for patients?", "price"),
        ("c'est gratuit, Kardiolib ?", "price"),
        ("how do i book a doctor on Kardiolib?", "procedure"),
        # a time before, in other words; who won a call
        ("et avant ça il bossait où ?", "former"),
        ("what is his background?", "former"),
        ("what background do start-ups need?", ""),
        ("qui a gagné l'appel à projets de Biomedix ?", "winner"),
        ("which projects were eventually selected in the Biomedix call?", "winner"),
        # a process in general, funding obtained, an appointment's reason: no such kinds
        ("what is Biomedix's process for reviewing the progress of companies?", ""),
        ("comment obtenir des financements pour un projet avec Biomedix ?", ""),
        ("what is the process to become a Biomedix member?", "procedure"),
        ("why was Anna Rossi appointed CEO?", ""),
        # how long something takes, in other words; how long it has lasted
        ("quel est le délai moyen d'autorisation d'un essai clinique ?", "delay"),
        ("combien de temps faut-il pour rejoindre Biomedix ?", "delay"),
        ("what's the average time to get a trial approved?", "delay"),
        ("how long does incubation at Biomedix last?", "delay"),
        ("depuis combien de temps dirige-t-elle Biomedix ?", "duration"),
        ("in how many years does Biomedix want to get there?", "duration"),  # counted in units
        # measures an event announced: what came of it
        ("What concrete measures came out of it?", "result"),
        ("Which specific measures did the Biomedix summit announce?", "result"),
        ("quelles mesures concrètes ont été annoncées ?", "result"),
        ("what measures should we take?", ""),
        ("how many years of experience does Anna Rossi have?", "count"),  # no span ahead
        # a year that names an event or a target is no year the count is asked of
        ("how many debates at MedXperience 2018?", "count"),
        ("how many members will Biomedix have by 2022?", "count"),
        ("how many start-ups did Biomedix host in 2019?", "year 2019"),
        # money put in or given; a count asked by its noun; where in a country
        ("How much money did the Region put into Kardiolib?", "amount"),
        ("il est financé à hauteur de combien ?", "amount"),
        ("Is there a grant for start-ups, and how much is it?", "amount"),
        ("quel est le nombre exact d'essais cliniques en IDF ?", "count"),
        ("rough number of pharma establishments in ile de france?", "count"),  # by a qualifier
        ("number of members?", "count"),
        ("got a website for Kardiolib?", "website"),  # a web address: the entry's, if any
        ("what explains the large number of disciplines?", ""),  # no count asked
        ("Kardiolib a son siège où aux États-Unis ?", "place"),
        ("which canadian city is Kardiolib in?", "place"),
        # a turnover typed without its s; what a way in costs; who pays best; a public office
        # that picks the person ("which minister chaired it?": the minister, who must stand in
        # the sources even of no named subject; round 26, before: the chair)
        ("c'est quoi le chiffre d'affaire de kardiolib", "amount"),
        ("what does it cost to get into one of them?", "price"),
        ("which one pays engineers the best?", "amount"),
        ("which minister chaired it?", "official"),
        ("quel ministre a présidé le conseil ?", "official"),
        # that it came true, said as such
        ("et ils y sont arrivés ?", "outcome"),
        ("so did they pull it off?", "outcome"),
        ("Doctolib a réussi à lever combien ?", "amount"),
        # anyone who leads, attention paid, what a journey abroad costs: no such values
        ("quel dirigeant a été nommé en 2018 ?", "year 2018"),
        ("which company paid the most attention to e-health?", ""),
        ("what does it cost to go abroad for clinical trials?", ""),
    ],
)
def test_the_kind_of_what_is_asked(question: str, kind: str) -> None:
    assert asked_value(question) == kind


@pytest.mark.parametrize(
    ("kind", "sentence", "holds"),
    [
        ("result", "The pilot led to a 20% drop in readmissions.", True),
        ("result", "One could mention the Kardiolib pilot with two hospitals.", False),
        ("current", "Biomedix currently has over 400 members.", True),
        ("current", "Anna Rossi, President of Biomedix, confirms the plan.", False),
        ("former", "Before joining Biomedix, he led a medtech start-up.", True),
        ("former", "He is the CEO of Biomedix.", False),
        ("delay", "Approval comes within 60 days.", True),
        ("delay", "Il faut compter six mois.", True),
        ("delay", "It opened in 2016.", False),  # a date says since when, not how long
        ("duration", "It opened in 2016.", True),
        ("duration", "The region leads in clinical trials.", False),
    ],
)
def test_a_sentence_that_says_it(kind: str, sentence: str, holds: bool) -> None:
    assert holds_value(kind, sentence) is holds


def test_a_fruit_the_sources_do_not_state_is_declined_with_what_they_say() -> None:
    asked = "What were the results of the Kardiolib pilot?"
    weights = {"kardiolib": 3.0, "result": 3.0, "pilot": 2.0}
    mention = "One could mention the Kardiolib pilot with two hospitals."
    declined = decline_of(asked, mention, weights, "list")  # the results: a list of them
    assert declined is not None and declined.startswith(DECLINE["en"])
    assert mention in declined  # what they say of the subject, cited
    stated = "The Kardiolib pilot led to a 20% drop in readmissions."
    assert decline_of(asked, stated, weights, "list") is None
    planned = "The Kardiolib pilot will deliver great outcomes."  # a plan is no fruit
    assert decline_of(asked, planned, weights, "list") is not None


def test_a_state_today_and_a_former_post_need_a_sentence_that_says_so() -> None:
    still = "Is Biomedix still based in Lyon?"
    weights = {"biomedix": 3.0, "lyon": 1.0}
    assert decline_of(still, "Biomedix is based in Lyon.", weights) is not None
    assert decline_of(still, "Biomedix is still based in Lyon.", weights) is None
    before = "Which company did Anna Rossi work for before she joined Biomedix?"
    weights = {"biomedix": 3.0, "company": 1.0, "work": 1.0}
    assert decline_of(before, "Anna Rossi is the CEO of Biomedix.", weights) is not None
    said = "Before she joined Biomedix, Anna Rossi worked for Kardiolib."
    assert decline_of(before, said, weights) is None


@pytest.mark.slow
def test_fruits_states_and_former_posts_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    for asked in (
        "What did the SUMIL project lead to?",
        "Is Stéphane Roques still the CEO of Medicen today?",
        "Where did Stéphane Roques work before he joined Medicen?",
    ):
        answer = chat.ask(asked)
        assert not answer.grounded and answer.answer.startswith(DECLINE["en"]), answer.answer
    # what the sources do say of a subject is still answered
    answer = chat.ask("Who is the CEO of Medicen?")
    assert answer.grounded and "Roques" in answer.answer, answer.answer


def test_a_role_of_a_name_that_is_no_organisation_must_be_that_names() -> None:
    """ "Who is the president of France?": "Anna Rossi, President of Biomedix, ... in France" is
    Biomedix's president; a sentence that gives the role of that name answers."""
    asked = "Who is the president of France?"
    weights = {"president": 2.0, "franc": 1.0}
    biomedix = "Anna Rossi, President of Biomedix, says France leads in biotech."
    declined = decline_of(asked, biomedix, weights)
    assert declined is not None and declined.startswith(DECLINE["en"])
    assert decline_of(asked, "Jean Martin, President of France, opened it.", weights) is None
    # the region's is everyone's: "the CEO of the Paris Region health cluster"
    asked = "Who is the CEO of the Paris Region health cluster?"
    ceo = "Anna Rossi, CEO of Biomedix, the health cluster of the Paris Region."
    assert decline_of(asked, ceo, {"ceo": 2.0, "health": 1.0, "cluster": 1.0}) is None
    # any role a person is asked by, of a name: "the CTO of France", "le PDG de Biomedix"
    assert role_of("who is the CTO of France?") == "france"
    assert role_of("et le PDG de la Biomedix ?") == "biomedix"
    assert role_of("who is the chief executive of Biomedix?") == "biomedix"
    # a role of an organisation named is answered as before
    asked = "Who is the president of Biomedix?"
    assert decline_of(asked, biomedix, {"president": 2.0, "biomedix": 3.0}) is None


def test_a_public_office_must_stand_in_the_sources_even_of_no_organisation() -> None:
    """ "Who is the French minister of health?": no sentence names a minister."""
    weights = {"minist": 3.0, "health": 1.0}
    asked = "Who is the French minister of health?"
    biomedix = "Anna Rossi, President of Biomedix, says France leads in health."
    declined = decline_of(asked, biomedix, weights)
    assert declined is not None and declined.startswith(DECLINE["en"])
    assert (
        decline_of(asked, "Jean Martin, the French Minister of Health, opened it.", weights) is None
    )


def test_a_number_asked_in_figures_and_which_of_two_is_more_asked_as_a_list() -> None:
    """ "combien d'unités, en chiffres ?" is not answered by "half of the units"; "which has more
    members, X or Y?" (composed as a list) needs a sentence that compares them."""
    asked = "Et combien d'unités Biomedix ça représente en chiffres ?"
    assert not holds_value("count", "Half of the units of Biomedix are in Lyon.", asked)
    assert holds_value("count", "Biomedix has 140 units in Lyon.", asked)
    asked = "Which has more members, Biomedix or Kardiolib?"
    weights = {"member": 2.0, "biomedix": 3.0, "kardiolib": 3.0}
    both = "Clusters like Biomedix and Kardiolib are among the assets of the region."
    declined = decline_of(asked, both, weights, "list")
    assert declined is not None and declined.startswith(DECLINE["en"])
    more = "Biomedix has more members than Kardiolib."
    assert decline_of(asked, more, weights, "list") is None


def test_a_year_the_sources_never_mention_and_a_plan_for_a_year_asked_done() -> None:
    """ "Where will the summit take place in 2019?" of sources that speak of 2018 is declined,
    saying so; "did it open in 2021?" is not answered by "it plans one by 2021"."""
    known = set(tokenize("summit paris 2018 2021 biomedix"))
    assert unspoken_year("Where will the Biomedix summit 2019 take place?", known) == "2019"
    assert unspoken_year("Where did the 2018 summit take place?", known) == ""
    assert unspoken_year("How many members, 20 or 2019-ish?", known) == ""  # no year alone
    assert unspoken_year("Does Biomedix have 2000 members?", known) == ""  # a number of things
    assert unspoken_year("the 2019 edition of the summit?", known) == "2019"
    assert unspoken_year("how many trials did Biomedix run last year?", known) == "last year"
    # the year named with a word of time: early, fin, mi-
    assert unspoken_year("combien de start-ups mi-2019 ?", known) == "2019"
    assert unspoken_year("how many trials in early 2017?", known) == "2017"
    declined = year_decline("Où aura lieu le sommet 2019 ?", "fr", known)
    assert declined is not None and declined.startswith(DECLINE["fr"]) and "2019" in declined
    assert year_decline("Where will the 2019 summit be?", "en", ()) is None  # no vocabulary
    asked = "Did Kardiolib open its lab in 2021?"
    weights = {"kardiolib": 3.0, "open": 1.0, "lab": 1.0, "2021": 1.0}
    plan = "Kardiolib plans to open a lab in Lyon by 2021."
    assert decline_of(asked, plan, weights) is not None
    assert decline_of(asked, "Kardiolib opened its lab in Lyon in 2021.", weights) is None


def test_a_total_asked_is_a_number_and_yet_asks_nothing_of_the_value() -> None:
    asked = "How many Biomedix units are there in total?"
    assert not holds_value("count", "Half of the units of Biomedix are in Lyon.", asked)
    asked = "Has Biomedix reached 800 members yet?"
    weights = {"biomedix": 3.0, "reach": 1.0, "800": 2.0, "member": 1.0, "yet": 1.0}
    yet = "It is a new approach, which is not very common in Lyon yet, says Biomedix."
    assert decline_of(asked, yet, weights) is not None  # "yet" is no member reached


def test_a_value_asked_as_a_list_must_stand_in_the_sources_too() -> None:
    """ "What are the fees of Biomedix's three programmes?" is composed as a list and still asks
    prices; "which organisations provide funding?" asks who, not an amount."""
    asked = "What are the fees of Biomedix's three programmes?"
    assert asked_value(asked) == "price"
    weights = {"fee": 3.0, "biomedix": 3.0, "programm": 1.0}
    named = "Biomedix runs three programmes: imaging, oncology and e-health."
    declined = decline_of(asked, named, weights, "list")
    assert declined is not None and declined.startswith(DECLINE["en"])
    priced = "Biomedix's three programmes cost €1,200 a year each."
    assert decline_of(asked, priced, weights, "list") is None
    asked = "Which organisations provide funding for e-health projects?"
    funding = {"organis": 1.0, "fund": 2.0, "health": 1.0, "project": 1.0}
    said = "Incubators such as Biomedix help projects find funding."
    assert decline_of(asked, said, funding, "list") is None


def test_a_yes_or_no_about_a_place_or_a_partner_must_name_it() -> None:
    """ "Does Biomedix have a site in Nantes?" is not answered by Biomedix's sites elsewhere, nor
    "is Biomedix funded by the EU?" by its funding; who says it ("according to X") is no
    partner asked of."""
    asked = "Does Biomedix have a site in Nantes?"
    weights = {"biomedix": 3.0, "site": 1.0, "nant": 2.0}
    assert decline_of(asked, "Biomedix has three sites in Lyon.", weights) is not None
    assert decline_of(asked, "Biomedix opened a site in Nantes in 2018.", weights) is None
    asked = "Is Biomedix funded by the EU?"
    weights = {"biomedix": 3.0, "fund": 1.0, "eu": 2.0}
    assert decline_of(asked, "Biomedix secures funding for its projects.", weights) is not None
    # a name in another form: "the US" of "the USA"
    asked = "Does Biomedix compete with clusters in the US?"
    weights = {"biomedix": 3.0, "compet": 1.0, "cluster": 1.0, "us": 2.0}
    assert decline_of(asked, "Biomedix competes with clusters in the USA.", weights) is None
    asked = "According to Kardiolib, does Biomedix fund start-ups?"
    weights = {"biomedix": 3.0, "fund": 1.0, "start": 1.0, "kardiolib": 1.0}
    assert decline_of(asked, "Biomedix funds start-ups in Lyon.", weights) is None


def test_where_someone_worked_before_a_name_is_a_former_time() -> None:
    assert asked_value("Où travaillait Anna Rossi avant Biomedix ?") == "former"
    assert asked_value("Where did she work before Biomedix?") == "former"
    # who held a role before someone: a succession, as before
    assert asked_value("Who was the CEO of Biomedix before Anna Rossi?") == "succession"


def test_a_rank_and_a_market_share_are_values_the_sources_must_give() -> None:
    assert asked_value("What's the ranking of Biomedix in Europe for biotech?") == "best"
    assert asked_value("Biomedix est classé à quelle place au niveau mondial ?") == "best"
    assert asked_value("quelle est la part de marché de Kardiolib ?") == "rate"


@pytest.mark.parametrize(
    ("sentence", "declined"),
    [
        ("Incubators such as Biomedix host innovative project leaders.", True),
        ("To join Biomedix, start-ups apply online before June.", False),
        ("Biomedix selects its start-ups through a two-step procedure.", False),
    ],
)
def test_the_steps_to_apply_must_be_described(sentence: str, declined: bool) -> None:
    """ "How do I apply to Biomedix?" is not answered by what Biomedix is, only by a sentence
    that says how one applies, registers or which steps to take."""
    said = decline_of("how do I apply to Biomedix?", sentence, {"biomedix": 2.0, "appli": 1.0})
    assert (said is not None) is declined


@pytest.mark.parametrize(
    ("asked", "sentence", "declined"),
    [
        ("what's the history of Biomedix?", "Biomedix runs 39 hospitals since 2016.", False),
        ("what's the history of Biomedix?", "Biomedix ran 3100 projects in 2016.", True),
        ("what's the history of Biomedix?", "Biomedix was founded in 1849 in Paris.", False),
        ("what's the history of Biomedix?", "Biomedix set up its Paris centre in 2016.", False),
        ("is my start-up eligible for Biomedix?", "Biomedix hosts 400 start-ups.", True),
        ("is my start-up eligible for Biomedix?", "Biomedix is open to start-ups under 5.", False),
    ],
)
def test_a_story_and_who_may_have_something_must_be_told(
    asked: str, sentence: str, declined: bool
) -> None:
    """A history is not told by a dated figure, only by when the subject began; who may have
    something by the criteria, not by who has it."""
    said = decline_of(asked, sentence, {"biomedix": 2.0, "start-up": 1.0})
    assert (said is not None) is declined


def test_a_count_asked_of_a_year_needs_that_year_and_that_count() -> None:
    """ "How many jobs ... in 2016?": the year's sentence must count jobs, not projects."""
    question = "How many jobs did foreign investment create in 2016?"
    kind = asked_value(question)
    assert kind == "year 2016"
    assert not holds_value(kind, "In 2016, there were 52 job-creating projects.", question)
    assert holds_value(kind, "In 2016, the projects created 900 jobs.", question)
    assert not holds_value(kind, "In 2017, the projects created 900 jobs.", question)


def test_a_comparison_of_prices_needs_a_price_of_the_subject() -> None:
    """ "is the region cheaper than Lyon? comparing the two": composed as a comparison, still a
    price asked, of Biomedix's town here; no price in the sources, declined."""
    asked = "Is Biomedix cheaper than Kardiolib for an office? comparing the two"
    sentence = "Biomedix and Kardiolib compete for the same start-ups."
    weights = {t: 1.0 for t in tokenize("cheaper office")}
    assert decline_of(asked, sentence, weights, answer="compare") is not None
    priced = "An office costs 300 € a month at Biomedix and 200 € at Kardiolib."
    assert decline_of(asked, priced, weights, answer="compare") is None


def test_a_goal_stated_or_nearly_reached_is_no_outcome() -> None:
    """ "did it finally reach its goal?" is not answered by the goal, nor by "close to it"."""
    asked = "Did Biomedix finally reach its goal of 800 members?"
    weights = {"biomedix": 3.0, "goal": 1.0, "800": 2.0, "member": 1.0}
    for said in (
        "The goal of Biomedix is to reach 800 members.",
        "Biomedix is very close to achieving this target of 800 members.",
    ):
        assert decline_of(asked, said, weights) is not None
    assert decline_of(asked, "Biomedix reached 800 members in 2019.", weights) is None
    # the number of what is asked must stand there too
    top = "Did Biomedix finally make it into the global top 3?"
    top_weights = {"biomedix": 3.0, "global": 1.0, "top": 1.0, "3": 2.0}
    assert decline_of(top, "Biomedix enjoys a great position globally.", top_weights)
    assert decline_of(top, "Biomedix is now in the global top 3.", top_weights) is None
    # a clause that says it came true is no plan; something done is an outcome
    done = "Did Biomedix actually do it?"
    set_up = "Biomedix set up its Paris R&D center in 2016."
    assert decline_of(done, set_up, {"biomedix": 3.0}) is None
    assert decline_of(asked, "Biomedix reached its goal of 800 members in 2019.", weights) is None


def test_whether_the_plan_just_said_came_true_is_asked_of_that_plan() -> None:
    """ "so did they make it in the end?" after "Biomedix's goal for 2022?": a sentence must say
    the goal (2022) came true; any other sentence about Biomedix does not answer it."""
    asked, context = "so did they make it in the end?", "Biomedix's goal for 2022"
    weights = {"make": 1.0, "end": 1.0}
    sentence = "This opportunity attracted me to work for Biomedix."
    passages = [Passage("p1", sentence, {"title": "doc"}, 0.5)]
    report = EvidenceReport("en", [Evidence(1, 0, sentence, 0.9, 0.5, 0.5)], {1: [sentence]})
    report.answerable, report.weights = True, weights
    assert typed_decline(asked, "en", passages, report, ORGS) is None  # of whom: unknown
    assert typed_decline(asked, "en", passages, report, ORGS, context=context) is not None
    came_true = "Biomedix reached its goal for 2022 a year early."
    passages = [Passage("p1", came_true, {"title": "doc"}, 0.5)]
    report = EvidenceReport("en", [Evidence(1, 0, came_true, 0.9, 0.5, 0.5)], {1: [came_true]})
    report.answerable, report.weights = True, weights
    assert typed_decline(asked, "en", passages, report, ORGS, context=context) is None


def test_the_staff_are_counted_by_any_word_for_them() -> None:
    """ "how many staff", "how many people work there" are counted by "professionals"; "how
    many nurses" is not."""
    said = "Biomedix, with its 39 hospitals and 100,000 health care professionals, leads."
    weights = {"biomedix": 3.0, "staff": 1.0, "nurs": 1.0, "peopl": 1.0, "work": 1.0}
    assert decline_of("how many staff does Biomedix have?", said, weights) is None
    assert decline_of("how many people work at Biomedix?", said, weights) is None
    # the workforce named beside the count ("côté personnel soignant, combien de personnes ?")
    french = "et côté personnel soignant, ça représente combien de personnes chez Biomedix ?"
    assert decline_of(french, said, weights | {"personn": 1.0}) is None
    assert decline_of("how many nurses does Biomedix have?", said, weights) is not None
    # people who work on a field, or a part of the staff, are not counted by the whole staff
    assert decline_of("how many people work on cancer at Biomedix?", said, weights) is not None
    assert decline_of("how many doctors work at Biomedix?", said, weights) is not None


def test_a_count_of_those_already_named_needs_only_a_number() -> None:
    """ "of those, how many are strong in health?" names no thing: any number may count them;
    "how many does Bavaria have?" still needs Bavaria's."""
    strong = "In the health field, we have 5 to 6 very strong clusters in France."
    assert counts_asked("of those how many are genuinely strong?", strong, "are genuinely")
    assert not counts_asked("how many does Bavaria have?", strong, "does Bavaria")
    assert not counts_asked("how many is Medicen aiming for?", strong, "is Medicen")


def test_an_exact_count_is_a_figure_of_the_thing_itself() -> None:
    """ "exactly how many trials?" is not answered by "hundreds of trials", nor by a number of
    another thing the question's modifier names ("four clinical centres")."""
    rough = "Every year, hundreds of clinical trials are conducted in the region."
    other = "AP-HP is home to four clinical experimentation centers."
    assert counts_asked("how many clinical trials are run?", rough, "clinical trials")
    assert not counts_asked("exactly how many clinical trials are run?", rough, "clinical trials")
    assert not counts_asked("combien d'essais cliniques exactement ?", rough, "essais cliniques")
    assert counts_asked("how many clinical trials are run?", other, "clinical trials")
    assert not counts_asked("exactly how many clinical trials?", other, "clinical trials")
    figure = "Every year, 300 clinical trials are conducted in the region."
    assert counts_asked("exactly how many clinical trials are run?", figure, "clinical trials")
