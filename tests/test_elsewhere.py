"""A question kept to a place that none of the sentences answering it names is declined, naming
the place: the world's places from the CLDR (Babel) and GeoNames (geotext), English and French,
in any case; a capitalised name the corpus never uses. The region, France, the directory's towns
and organisations, what the asker tells of themselves, months and languages are no such place.
Made-up organisations: no rule is about one question."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import answering, directory_entry

from assistant.answer.elsewhere import elsewhere_decline, places_kept_to
from assistant.answer.evidence import Evidence
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE
from assistant.answer.names_said import spelt_alike
from assistant.answer.organisations import from_passages

ORGS = from_passages(
    [
        directory_entry("Biomedix", "cluster", "Lyon"),
        directory_entry("Kardiolib", "e-health start-up", "Rueil-Malmaison"),
    ]
)
GAZETTEER = Gazetteer.of(ORGS)
KNOWN = {"biomedix", "kardiolib", "hospit", "cluster", "stephan"}  # the corpus's terms


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("any good healthtech incubators in barcelona?", ["barcelona"]),  # lower case
        ("leur siège aux états-unis, il est dans quelle ville ?", ["états-unis"]),
        ("what is the biggest pharma company in the world?", ["world"]),
        ("does Kardiolib have a hospital in Saint-Cloud too?", ["Saint-Cloud"]),
        ("how many hospitals does Biomedix run in Lyon?", ["Lyon"]),  # outside the region
        ("combien d'hôpitaux y a-t-il à Londres ?", ["Londres"]),
        ("which startups are in Rueil-Malmaison?", []),  # a town of the directory's region
        ("what are the best clusters in the Paris region?", []),
        ("why invest in France?", []),
        ("what happened in March?", []),
        ("is it taught in English?", []),
        ("what's it like in reading the report?", []),  # a common word, in lower case
        ("I run a lab in Tokyo. Who should I contact?", []),  # told, not asked
        # the asker's own description opening the message, before "we"
        ("biotech onco basée à Montréal, on cherche des partenaires, vers qui se tourner ?", []),
        ("Boston start-up here, we want to know who works on imaging in Boston?", ["Boston"]),
        ("in Boston, we look for partners, who works on imaging?", ["Boston"]),  # a place first
        ("tu peux me présenter à Stéphane ?", []),  # a name the corpus uses: no place
        ("who works in MRI?", []),  # an acronym
        # the parts of the world the region is in; the region by another name; a French word
        ("as a japanese investor, where in europe should i invest?", []),
        ("what are the main hospitals in Greater Paris?", []),
        ("quels hôpitaux dans le Grand Paris ?", []),
        ("paris est-elle dans le palmarès des régions ?", []),
        ("hospitals in the usa?", ["usa"]),
        ("any healthtech incubators near barcelona?", ["barcelona"]),
        ("incubateurs près de Lyon ?", ["Lyon"]),
        # no word places it: the asked thing's, by its name or its people's, or the subject's
        ("which Israeli clusters should we contact?", ["Israel"]),
        ("what german hospitals work with Biomedix?", ["Germany"]),
        ("which swiss clusters work with Biomedix?", ["Switzerland"]),  # GeoNames' peoples
        ("how many start-ups does Munich have?", ["Munich"]),
        ("what are Munich's biggest hospitals?", ["Munich"]),
        ("which malignant tumours does Kardiolib treat?", []),  # no people's word: no Mali
        ("which french companies are here?", []),  # the sources' own scope
        ("does Kardiolib have a lab?", []),
        ("is there a cluster for diagnostics?", []),
        ("where is Kardiolib's head office in the US?", ["US"]),  # the country, in capitals
        ("can Kardiolib help us in Lyon?", ["Lyon"]),  # "us", the pronoun, no place
        ("des bureaux en Seine-Saint-Denis ?", []),  # a département of the region
        ("which of them is in the Essonne?", []),
        ("what's the size of the German medical device market?", ["Germany"]),  # whose it is
        ("what does the Paris region offer?", []),
        ("pour un projet d'IA, quel pôle numérique pourrait aider ?", []),  # a French noun
        ("what german hospitals work with Biomedix?", ["Germany"]),
        # a country's letters before the asked thing; "us" after "its" is no pronoun
        ("where's its US headquarters?", ["US"]),
        ("where's its us headquarters?", ["US"]),
        ("can its team help us with trials?", []),
        ("which us city are they in?", ["US"]),
    ],
)
def test_the_places_a_question_keeps_to(question: str, places: list[str], lexicon: Lexicon) -> None:
    found = places_kept_to(question, ORGS, GAZETTEER, KNOWN, lexicon)
    assert [written for written, _ in found] == places


@pytest.mark.parametrize(
    ("question", "sentence", "declined"),
    [
        ("any good incubators in barcelona?", "Incubators such as Kardiolab host projects.", True),
        ("any good incubators in barcelona?", "Barcelona hosts incubators too.", False),
        ("what does Biomedix do in Germany?", "Biomedix works with German clusters.", False),
        ("quel est leur rôle aux états-unis ?", "Its United States office opened.", False),
        ("are its competitors in the united states?", "They are in the USA and China.", False),
        ("is it the biggest in the world?", "It is the largest in Europe.", True),
        ("is it the biggest in the world?", "It is the world's largest network.", False),
        (
            "which Israeli clusters work with Biomedix?",
            "Biomedix works with German clusters.",
            True,
        ),
        (
            "which German clusters work with Biomedix?",
            "Biomedix works with German clusters.",
            False,
        ),
        # where in a country: its people's word says not where ("an American company")
        ("where in the US is Kardiolib based?", "Kardiolib is an American company.", True),
        ("does Kardiolib sell in the US?", "Kardiolib is an American company.", False),
        ("which canadian city is Kardiolib in?", "Kardiolib belongs to a Canadian group.", True),
        # where, asked after a confirmation asked first
        (
            "Kardiolib is American right? where's its US headquarters?",
            "Kardiolib is an American company.",
            True,
        ),
    ],
)
def test_a_place_no_answering_sentence_names_is_declined_naming_it(
    question: str, sentence: str, declined: bool, lexicon: Lexicon
) -> None:
    said = elsewhere_decline(question, "en", answering(sentence), ORGS, GAZETTEER, KNOWN, lexicon)
    assert (said is not None) is declined
    if said:
        assert said.startswith(DECLINE["en"]) and "They say nothing of" in said


@pytest.mark.parametrize(("score", "declined"), [(0.3, True), (0.88, False)])
def test_a_sentence_far_below_the_best_does_not_answer_for_the_place(
    score: float, declined: bool, lexicon: Lexicon
) -> None:
    """The place must stand in the sentences that answer: the best one or one nearly as good."""
    best, other = "Incubators such as Kardiolab host projects.", "Barcelona is sunny."
    made = answering(best, other)
    made.evidence[1] = Evidence(1, 1, other, score, 0.8, 0.5)
    question = "any good incubators in barcelona?"
    said = elsewhere_decline(question, "en", made, ORGS, GAZETTEER, KNOWN, lexicon)
    assert (said is not None) is declined


@pytest.mark.slow
def test_places_and_counted_groups_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    for asked, said in (
        ("any good healthtech incubators in barcelona?", "barcelona"),
        ("How many hospitals does AP-HP run in Marseille?", "Marseille"),
        ("can u list the 52 foreign investment projects?", "52"),
    ):
        answer = chat.ask(asked)
        assert not answer.grounded and answer.answer.startswith(DECLINE["en"]), answer.answer
        assert said in answer.answer
    # the region's own places and what the sources count and name are still answered
    for asked, said in (
        ("How many hospitals does AP-HP run in the Paris region?", "39"),
        ("What are the three pillars of Medicen's strategy?", "promot"),
    ):
        answer = chat.ask(asked)
        assert answer.grounded and said in answer.answer, answer.answer


def test_a_name_is_said_in_another_form_but_not_by_any_short_word() -> None:
    """ "the US" by "the USA", "Germany" by "German"; "GE" is no form of "Germany"."""
    assert spelt_alike("us", {"usa"}) and spelt_alike("usa", {"us"})
    assert spelt_alike("germany", {"german"}) and spelt_alike("europe", {"european"})
    assert not spelt_alike("germany", {"ge"}) and not spelt_alike("lyon", {"london"})
