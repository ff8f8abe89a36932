"""Locate, partner and help questions: their classification (English and French, and
near-misses that must stay facts and lists), their composition from directory rows (fake data,
a fake partner ranking), and, slow, answers through the real index."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.condense import Turn, condense
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.help import example_questions, help_reply
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.organisations import from_passages
from assistant.answer.partners import PartnerFit, topic
from assistant.answer.places import campuses, compose_town, compose_where
from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.shapes import sets_up
from assistant.retrieval.passage import Passage
from assistant.services.directory_answers import directory_answer

LOCATE = [
    "Where should our diagnostics company settle in Île-de-France?",
    "Which part of the region suits a cardiology start-up?",
    "Which area of the Paris region is best for a biotech lab?",
    "Where's the Institut Pasteur?",
    "Where is Guerbet located?",
    "Which organisations are based in Suresnes?",
    "Où s'implanter pour un laboratoire de neurosciences ?",
    "Dans quelle commune installer une start-up e-santé ?",
    "Où est situé Gustave Roussy ?",
    "Quels organismes sont à Gif-sur-Yvette ?",
    # where an event was held: its venue, as the directory gives it (round 25: the blind sets'
    # askers expect "Palais Brongniart", not the article's "taking place in Paris")
    "Where was MedXperience held?",
    "où se tenait MedXperience ?",
]
PARTNER = [
    "Who could my team collaborate with on ultrasonography?",
    # whoever the asker describes, before the verb
    "Who could a biotech working on infectious diseases team up with here?",
    "who could a medtech start-up in Évry work with on imaging?",
    "Who should I talk to about clinical trials?",
    "Which teams are working on gene therapy?",
    "We need a partner for our microbiota project",
    "Who to contact for digital health?",
    "Avec qui collaborer sur le microbiote ?",
    "Qui contacter pour un projet d'essais cliniques ?",
    "Quelles équipes travaillent sur la thérapie génique ?",
    "Nous cherchons des partenaires en cardiologie",
    "on fait de l'imagerie, quelle équipe je pourrais contacter ?",
    "quels hôpitaux on peut approcher pour des essais cliniques",
    # what is sought, then the asker's verb without its relative pronoun
    "Is there a facility near Paris I should approach for brain MRI?",
    "Is anyone in Paris running something similar I could team up with?",
    "Quels instituts contacter pour un projet en cancérologie ?",
    "Which incubators around Paris could take us in?",  # host, by another verb
    # the partner for the asker, whatever comes before
    "Which research institute in the region would be the natural academic partner for us?",
    # the asker's own team choosing, and a grouping to join rather than whom
    "ok so which institutions should my oncology lab approach?",
    "our startup does contrast ultrasound, is there an existing consortium we could plug into?",
]
HELP = [
    "good evening",
    "Which topics do you cover?",
    "hey, what can I ask?",
    "Bonsoir, vous pouvez m'aider ?",
    "coucou, tu sers à quoi ?",
    "Quels sujets couvrez-vous ?",
    "Hello, what sort of questions can you answer?",
    "coucou, c'est quoi ce chatbot, je peux te demander quoi",
    # what the asker tells first does not make it a question about the ecosystem
    "Bonjour, je découvre l'outil : vous pouvez répondre à quel genre de questions ?",
]
# near-misses: they name a place, a partner or the assistant, and ask for something else
OTHERS = {
    "Where did Sanofi open its e-health lab?": QuestionKind.FACT,
    "c'est quoi le chatbot de Doctolib ?": QuestionKind.FACT,  # another's chatbot
    "Sanofi opened a lab. Can you tell me where?": QuestionKind.FACT,
    "Et où se trouve sa plateforme d'imagerie médicale ?": QuestionKind.FACT,
    "Which clusters are Medicen's partners in diagnostics?": QuestionKind.LIST,
    "Which cluster is Medicen's partner for the precision medicine hub?": QuestionKind.FACT,
    "Which digital science institute does Inserm collaborate with?": QuestionKind.FACT,
    "Is there a single point of contact for investors in oncology?": QuestionKind.FACT,
    "Quels groupes pharmaceutiques sont implantés en Île-de-France ?": QuestionKind.LIST,
    "Which pharma groups are established in the Paris Region?": QuestionKind.LIST,
    "In which therapeutic areas is research world-class?": QuestionKind.LIST,
    "Pourquoi les entreprises étrangères s'implantent-elles en Île-de-France ?": (
        QuestionKind.EXPLAIN
    ),
    "What do you know about Medicen?": QuestionKind.FACT,
    "Hello, who is the CEO of Medicen?": QuestionKind.FACT,
    "Can you tell me more?": QuestionKind.FACT,
    "quelle adresse pour contacter Medicen ?": QuestionKind.FACT,  # how, not whom
    "We could partner with nobody yet. What does Medicen do?": QuestionKind.FACT,
    # an explanation asked by the verb, or by "how it works" asked last
    "can you explain the animating one a bit more?": QuestionKind.EXPLAIN,
    "peux-tu m'expliquer le pilier animation ?": QuestionKind.EXPLAIN,
    "ok mais concretement la plateforme, ca marche comment ?": QuestionKind.EXPLAIN,
    "how does it work?": QuestionKind.HELP,  # the assistant itself
    "What should my team read about Medicen?": QuestionKind.FACT,  # no organisation chosen
    "who could lead the work with AP-HP on this?": QuestionKind.FACT,  # "the work": a noun
}


@pytest.mark.parametrize("question", LOCATE)
def test_locate_questions(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE


@pytest.mark.parametrize("question", PARTNER)
def test_partner_questions(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER


@pytest.mark.parametrize("question", HELP)
def test_help_in_any_phrasing(question: str) -> None:
    assert classify(question) == QuestionKind.HELP


@pytest.mark.parametrize("question,kind", OTHERS.items())
def test_near_misses_keep_their_kind(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


def test_help_reply_lists_example_questions_a_ui_can_offer() -> None:
    for language in ("en", "fr"):
        examples = example_questions(help_reply("hi", language))
        assert len(examples) >= 4
        kinds = {classify(q) for q in examples}
        assert {QuestionKind.LOCATE, QuestionKind.PARTNER} <= kinds


def test_organismes_like_organisme_is_any_kind() -> None:
    assert asked_kinds("Quels organismes sont installés à Orsay ?") == ("*",)
    assert asked_kinds("Quel organisme est installé à Orsay ?") == ("*",)


def test_a_share_of_a_group_and_what_its_kind_is_about() -> None:
    """ "some of the big drug companies": the companies, those about drugs (pharma groups)."""
    assert asked_kinds("Name some of the big drug companies in the region") == ("pharma-group",)
    assert asked_kinds("citez quelques-uns des incubateurs parisiens") == ("incubator",)
    # "those" after the asking word points back to the group named before it
    assert asked_kinds("big pharma in idf? can you list those") == ("pharma-group",)
    assert asked_kinds("which health companies are in Paris?") == (
        "pharma-group",
        "medtech-company",
        "e-health-startup",
    )


def test_topic_keeps_the_field() -> None:
    assert topic("Who could we work with on medical imaging?") == "medical imaging"
    # the asker as the subject, before what it does: what it does is the field
    asked = "Who could a biotech working on infectious diseases team up with here?"
    assert topic(asked) == "infectious diseases"
    assert topic("avec qui travailler sur l'imagerie médicale ?") == "l'imagerie médicale"
    # the asker's own kind of organisation is not the partner's ("our startup does ...")
    asked = "our startup does contrast ultrasound, is there an existing consortium to join?"
    assert topic(asked) == "contrast ultrasound"
    assert topic("which cardiology startups could my hospital work with?") == "cardiology startups"


def _entry(
    name: str, kind: str, city: str, domains: str, description: str, departement: str = ""
) -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "domains": domains}
    meta["doc_id"] = f"dir#{name.lower()}"
    if departement:
        meta["departement"] = departement
    header = f"{name} is a {kind}{' in ' + city if city else ''}. Domains: {domains}. "
    return Passage(f"p-{name}", header + description, meta, 0.0)


ROWS = [
    _entry(
        "Alpha Lab", "laboratory", "Orsay", "cardiology", "Alpha Lab builds cardiac sensors.", "91"
    ),
    _entry(
        "Beta Imaging",
        "medtech-company",
        "Palaiseau",
        "cardiology;imaging",
        "Beta Imaging runs a cardiac imaging platform in Vallee-Verte, near the river.",
        "91",
    ),
    _entry(
        "Gamma Centre",
        "hospital",
        "Orsay",
        "oncology",
        "Gamma Centre treats cancer patients at Vallee-Verte.",
        "91",
    ),
    _entry("Delta Bank", "company", "Lyon", "finance", "Delta Bank lends money to firms."),
    _entry(  # its place is unknown: never offered for a place, whatever its text says
        "Epsilon Care",
        "startup",
        "",
        "cardiology",
        "Epsilon Care runs a cardiac clinic in Vallee-Verte and in Orsay.",
    ),
]


class FakeFinder:
    """The partner ranking as the Directory tab gives it: here, by domain word."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def partners(self, description: str, k: int) -> list[PartnerFit]:
        self.asked.append(description)
        out = []
        for i, p in enumerate(ROWS):
            domains = str(p.metadata["domains"]).split(";")
            hits = tuple(d for d in domains if d in description.lower())
            if hits:
                m = p.metadata
                fit = PartnerFit(
                    m["title"], m["kind"], m["city"], m["doc_id"], 10.0 - i, p.text, hits
                )
                out.append(fit)
        return out[:k]


def _answer(
    question: str, kind: QuestionKind, finder: FakeFinder | None = None
) -> tuple[str, list]:
    passages: list[Passage] = []
    text = directory_answer(
        question, question, kind, "en", passages, from_passages(ROWS), finder or FakeFinder()
    )
    return text, passages


def test_campuses_are_places_several_organisations_name() -> None:
    found = campuses(from_passages(ROWS))
    assert {name: [o.name for o in orgs] for name, orgs in found.items()} == {
        "Vallee-Verte": ["Beta Imaging", "Gamma Centre"]
    }


def test_a_shared_town_is_not_a_campus() -> None:
    rows = [
        _entry("Kappa", "lab", "Gif-sur-Yvette", "x", "Kappa works in Paris-Saclay.", "91"),
        _entry("Lambda", "lab", "Gif-sur-Yvette", "x", "Lambda sits in Paris-Saclay.", "91"),
    ]
    assert list(campuses(from_passages(rows))) == ["Paris-Saclay"]  # not "Gif-sur-Yvette"


def test_where_is_an_organisation_from_its_entry() -> None:
    text, passages = _answer("Where is Alpha Lab?", QuestionKind.LOCATE)
    assert text == "Alpha Lab is in Orsay, Essonne [1]."  # its town and département
    assert passages[0].metadata["title"] == "Alpha Lab"
    # its town unknown: no directory answer (the passages answer, or the decline says what
    # they hold about it), never a place its text merely names
    assert _answer("Where is Epsilon Care?", QuestionKind.LOCATE)[0] == ""


@pytest.mark.parametrize(
    "question",
    [
        "where is alpha lab",  # lower case
        "where is Alpah Lab based?",  # two letters swapped
        "Où se trouve l'institut Alpha Lab ?",  # a kind's word frames the question
        "In which city is Alpha Lab headquartered?",
        "et Alpha Lab, il est situé où ?",
        "Alpha Lab, c'est dans quel département ?",  # an elided word frames the question
        # what the asker tells of themselves, before or after the clause that asks
        "Contrast-agent maker here, we'd like an office near Alpha Lab. Where is Alpha Lab "
        "in the region?",
        "Alpha Lab, c'est dans quelle ville ? Je dois y passer pour une collaboration.",
        "Je suis doctorant et j'ai un projet de spin-off : Alpha Lab, c'est où ?",
        "Nous visitons des bureaux ; vous savez si Alpha Lab est installé dans le coin, et dans "
        "quelle commune ?",
        "Pourriez-vous m'indiquer dans quelle commune se trouve Alpha Lab ?",  # politeness
        # a pronoun for the one organisation the rest of the message names
        "Our group plans a visit at Alpha Lab next spring. Which commune is it in?",
        "Notre labo voudrait rencontrer Alpha Lab en région parisienne, ils sont où ?",
        # the one organisation told, after a dash or a colon, by no pronoun
        "I've got a meeting at Alpha Lab next Tuesday and I'm booking a hotel — which town "
        "are they in?",
        "I've been offered a PhD position at Alpha Lab — in which town will I be working?",
        # the organisation described by its own words, and a hedge after "where"
        "Where exactly is the Alpha Lab cardiology lab located?",
        "where is the Alpha Lab cardiac sensors laboratory?",
        "Je présente un poster à Alpha Lab le mois prochain : l'institut est dans quelle ville ?",
        # a hedge frames the question; whether it is in a place asks where it is
        "What commune and département is Alpha Lab in, concretely?",
        "Is Alpha Lab actually based in the Paris region?",
        "Alpha Lab est-il vraiment situé en Île-de-France ?",
        # a location asked by its noun, and a town asked "exactly"
        "alpha lab location?",
        "localisation d'Alpha Lab ?",
        "emplacement d'Alpha Lab ?",
        "which town is Alpha Lab in exactly?",
    ],
)
def test_where_is_an_organisation_spelt_as_users_spell_it(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE
    assert _answer(question, QuestionKind.LOCATE)[0] == "Alpha Lab is in Orsay, Essonne [1]."


def test_an_organisation_outside_the_region_is_said_to_be_so() -> None:
    orgs = from_passages([_entry("Omega Pharma", "pharma-group", "Dijon", "x", "Omega makes.")])
    assert orgs[0].region == "out"
    line = compose_where(orgs[0], 1, {}, "en")
    assert line == "Omega Pharma is in Dijon, outside the Paris Region [1]."
    assert compose_where(orgs[0], 1, {}, "fr").endswith("Dijon, hors Île-de-France [1].")


def test_where_is_a_part_of_an_organisation_named_by_its_field() -> None:
    rows = [
        *ROWS,
        _entry("Zeta Scan", "lab", "Gif-sur-Yvette", "neuroimaging", "Zeta Scan images.", "91"),
    ]
    rows[-1].metadata["parents"] = "Alpha Lab"
    passages: list[Passage] = []
    orgs = from_passages(rows)
    question = "Where is Alpha Lab's neuroimaging centre?"
    text = directory_answer(
        question, question, QuestionKind.LOCATE, "en", passages, orgs, FakeFinder()
    )
    assert text == "Zeta Scan (part of Alpha Lab) is in Gif-sur-Yvette, Essonne [1]."


@pytest.mark.parametrize(
    "question",
    [
        "Where is the open innovation lab of Alpha Lab?",  # something else than Alpha Lab
        "Where is Alpha Lab's cardiology lab?",  # no part of Alpha Lab on cardiology
        "Where is Alphabet?",  # too far from any name
        # context told apart, the clause that asks still asks for a part of it
        "We build sensors. Where is the open innovation lab of Alpha Lab?",
        # "it" with two organisations told: which one is not known
        "We work with Alpha Lab and Gamma Centre. Which commune is it in?",
        # a part of it told: where that part is, a fact of the passages
        "Alpha Lab a ouvert un laboratoire d'innovation en Île-de-France : dans quelle ville ?",
    ],
)
def test_where_something_else_is_is_no_directory_answer(question: str) -> None:
    assert _answer(question, QuestionKind.LOCATE)[0] == ""


def test_organisations_of_a_town() -> None:
    text, passages = _answer("Which organisations are in Orsay?", QuestionKind.LOCATE)
    assert text.splitlines() == [
        "In Orsay, the directory lists:",
        "- Alpha Lab (laboratory, cardiology) [1]",
        "- Gamma Centre (hospital, oncology) [2]",
    ]
    assert [p.metadata["title"] for p in passages] == ["Alpha Lab", "Gamma Centre"]
    # a short query typed in lower case: the town as the directory writes it
    text, _ = _answer("any health orgs in orsay?", QuestionKind.LOCATE)
    assert text.splitlines()[0] == "In Orsay, the directory lists:"
    assert classify("any health orgs in orsay?") == QuestionKind.LOCATE
    assert classify("des labos à Orsay ?") == QuestionKind.LOCATE
    assert classify("quelles startups en e-santé ?") != QuestionKind.LOCATE  # a field, no town
    # what else a town or a département holds
    for asked in ("who else is based in Orsay?", "y a autre chose côté santé dans le 91 ?"):
        assert classify(asked) == QuestionKind.LOCATE
    assert _answer("who else is in Orsay?", QuestionKind.LOCATE)[0].startswith("In Orsay")
    assert classify("what else do they do in Orsay?") != QuestionKind.LOCATE  # not what it holds


def test_which_of_those_the_last_answer_named_are_in_a_place_or_not() -> None:
    """ "Which of those isn't in Orsay?" after an answer naming three: those of them elsewhere,
    with their town; "lesquels d'entre eux sont à Orsay ?": those of them there."""
    said = "Alpha Lab (cardiac sensors), the Beta Imaging platform and Gamma Centre. [1]"
    said += " Epsilon Care runs a clinic."  # its town unknown: never said to be elsewhere
    history = [Turn("user", "Which organisations work on the heart?"), Turn("assistant", said)]
    orgs = from_passages(ROWS)
    for question, expected in (
        (
            "Which of those isn't in Orsay?",
            ["Not in Orsay, the directory lists:", "- Beta Imaging (medtech company, Palaiseau"],
        ),
        ("lesquels d'entre eux sont à Orsay ?", ["À Orsay, l'annuaire recense :", "- Alpha Lab"]),
    ):
        standalone = condense(question, history, Gazetteer.of(orgs))
        assert "Beta Imaging" in standalone, standalone  # what the answer named is the context
        language = "fr" if "eux" in question else "en"
        text = directory_answer(
            question, standalone, QuestionKind.LOCATE, language, [], orgs, FakeFinder()
        )
        lines = text.splitlines()
        assert [line[: len(e)] for line, e in zip(lines, expected, strict=False)] == expected
        assert len(lines) == (2 if "isn't" in question else 3)  # Alpha Lab and Gamma Centre


def test_an_unknown_place_is_never_a_match_for_a_place() -> None:
    for question in (
        "Which organisations are in Vallee-Verte?",  # a campus its text names
        "Which organisations are in Orsay?",
        "Which organisations are in Essonne?",
        "Where should a cardiology start-up set up?",
    ):
        text, _ = _answer(question, QuestionKind.LOCATE)
        assert text and "Epsilon" not in text, question


def test_organisations_of_a_departement() -> None:
    text, _ = _answer("Which organisations are in Essonne?", QuestionKind.LOCATE)
    assert text.splitlines()[0] == "In Essonne (91), the directory lists:"
    assert [line.split(" (")[0] for line in text.splitlines()[1:]] == [
        "- Alpha Lab",
        "- Beta Imaging",
        "- Gamma Centre",
    ]
    assert (
        "Delta" not in _answer("Which organisations are in Val-de-Marne?", QuestionKind.LOCATE)[0]
    )
    # where to set up told first, which organisations are there asked: the département's
    told = "On cherche à s'implanter en Essonne. Quels organismes y sont déjà installés ?"
    assert _answer(told, QuestionKind.LOCATE)[0].startswith("In Essonne (91), the directory")


@pytest.mark.parametrize(
    "question",
    [
        "quelles organisations sont déjà dans l'Essonne ?",
        "on regarde le 91, quelles structures sont dans le 91 ?",
        "which organisations are in the 91?",
    ],
)
def test_a_departement_by_name_or_number_in_users_phrasings(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE
    lines = _answer(question, QuestionKind.LOCATE)[0].splitlines()
    assert lines[0].endswith("Essonne (91), the directory lists:")  # its name, not "In 91"
    assert [line.split(" (")[0] for line in lines[1:]] == [
        "- Alpha Lab",
        "- Beta Imaging",
        "- Gamma Centre",
    ]


def test_a_departements_heading_in_french() -> None:
    listed = [(from_passages(ROWS)[0], 1)]
    assert compose_town("91", listed, "fr").splitlines()[0] == (
        "Dans le 91 (Essonne), l'annuaire recense :"
    )
    assert compose_town("Orsay", listed, "fr").splitlines()[0] == "À Orsay, l'annuaire recense :"


def test_places_first_for_a_field() -> None:
    finder = FakeFinder()
    text, passages = _answer(
        "Where should a cardiology start-up set up?", QuestionKind.LOCATE, finder
    )
    assert finder.asked == ["cardiology start-up"]
    lines = text.splitlines()
    assert lines[1].startswith("- Orsay: Alpha Lab (laboratory, cardiology) [")
    assert lines[2].startswith(
        "- Vallee-Verte: Beta Imaging (medtech company, cardiology, Palaiseau) ["
    )
    assert "Delta" not in text and "Gamma" not in text  # below the floor: not ranked


def test_places_for_a_field_in_a_place_asked_are_there_only() -> None:
    """ "where should X set up in Essonne?": the places of the ranking inside it; none when
    no organisation of the field is there (never places elsewhere)."""
    for asked in (
        "Where should a cardiology start-up set up in Essonne?",
        "where in the Essonne should a cardiology start-up set up?",
    ):
        assert classify(asked) == QuestionKind.LOCATE
        text, _ = _answer(asked, QuestionKind.LOCATE)
        assert text.splitlines()[1].startswith("- Orsay: Alpha Lab"), text
    assert (
        _answer("Where should a cardiology start-up set up in the 92?", QuestionKind.LOCATE)[0]
        == ""
    )


def test_partners_ranked_with_their_sentence_and_citation() -> None:
    text, passages = _answer("Who could we work with on cardiology?", QuestionKind.PARTNER)
    lines = text.splitlines()
    assert lines[0] == "Organisations that fit, best first:"
    assert lines[1] == (
        "- Alpha Lab (laboratory, Orsay) — cardiology: Alpha Lab builds cardiac sensors. [1]"
    )
    assert lines[2].startswith("- Beta Imaging (medtech company, Vallee-Verte) — cardiology: ")
    assert "runs a cardiac imaging platform" in lines[2] and lines[2].endswith("[2]")
    assert lines[3].startswith("- Epsilon Care (startup) — cardiology: ")  # a partner, placeless
    assert len(lines) == 4


def test_nothing_above_the_floor_is_no_directory_answer() -> None:
    assert _answer("Who could we work with on astronomy?", QuestionKind.PARTNER)[0] == ""
    assert _answer("Where is the Moon?", QuestionKind.LOCATE)[0] == ""


@pytest.mark.slow
def test_locate_and_partner_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        "Where is Gustave Roussy?": (QuestionKind.LOCATE, ["Villejuif"]),
        "Où se trouve Guerbet ?": (QuestionKind.LOCATE, ["Villepinte"]),
        "Which part of the region suits a neuroimaging team?": (
            QuestionKind.LOCATE,
            ["Paris-Saclay"],
        ),
        "Who should we talk to about ultrasonography?": (QuestionKind.PARTNER, ["Philips", "GE"]),
        "Avec qui travailler sur les maladies infectieuses ?": (QuestionKind.PARTNER, ["Pasteur"]),
        "We plan high-field brain imaging studies. Is there a facility near Paris we should "
        "approach?": (QuestionKind.PARTNER, ["NeuroSpin"]),
        "Quels instituts contacter pour un projet en cancérologie ?": (
            QuestionKind.PARTNER,
            ["Gustave Roussy", "Curie"],
        ),
    }
    answers_name_and_cite(chat, cases)


def answers_name_and_cite(chat: Any, cases: dict[str, tuple[QuestionKind, list[str]]]) -> None:
    """Each question is answered as its kind, grounded, naming its names, citing what it
    shows."""
    for question, (kind, names) in cases.items():
        answer = chat.ask(question)
        assert answer.kind == kind.value, question
        assert answer.grounded and answer.cited, (question, answer.answer)
        for name in names:
            assert name in answer.answer, (question, answer.answer)
        for n in answer.cited:
            assert f"[{n}]" in answer.answer


def test_where_organisations_of_a_kind_have_their_seat() -> None:
    question = "where do the medtech companies have their head offices?"
    assert classify(question) == QuestionKind.LOCATE
    text, passages = _answer(question, QuestionKind.LOCATE)
    assert text.splitlines()[1:] == [
        "- Vallee-Verte: Beta Imaging (medtech company, Palaiseau) [1]"
    ]
    assert [p.metadata["title"] for p in passages] == ["Beta Imaging"]


def test_which_town_a_thing_of_an_organisation_is_in_is_no_directory_answer() -> None:
    # the town of Alpha Lab's cardiology lab: a fact of the passages, not places to set up in
    assert _answer("In which town is Alpha Lab's cardiology lab?", QuestionKind.LOCATE)[0] == ""
    # "open" the adjective of a compound is no setting up: still a thing of Alpha Lab's
    compound = "Alpha Lab's open innovation cardiology lab, which town is it in?"
    assert _answer(compound, QuestionKind.LOCATE)[0] == ""
    assert sets_up("where should we open an office?") and sets_up("where could we open?")
    # a place that suits the asker's field, no organisation named: places to set up in
    assert _answer("Which town suits a cardiology start-up?", QuestionKind.LOCATE)[0]


def test_whether_a_departement_holds_organisations_of_a_kind() -> None:
    question = "y a-t-il déjà une medtech installée dans le 91 ?"
    assert classify(question) == QuestionKind.LOCATE
    assert _answer(question, QuestionKind.LOCATE)[0].splitlines() == [
        "In Essonne (91), the directory lists:",
        "- Beta Imaging (medtech company, Palaiseau, cardiology, imaging) [1]",  # its town
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Which medtech companies could we partner with on cardiology?",  # the head noun
        "medtech companies in cardiology that we could partner with?",  # before a relative
    ],
)
def test_partners_of_the_kind_sought(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER
    lines = _answer(question, QuestionKind.PARTNER)[0].splitlines()
    assert [line.split(" (")[0] for line in lines[1:]] == ["- Beta Imaging"]


@pytest.mark.slow
def test_users_phrasings_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        "doctolib hq?": (QuestionKind.LOCATE, ["Levallois-Perret"]),
        "Gustave Roussy, c'est dans quel département ?": (QuestionKind.LOCATE, ["Val-de-Marne"]),
        "y a-t-il deja un labo pharmaceutique installé dans le 93 ?": (
            QuestionKind.LOCATE,
            ["Guerbet", "Villepinte"],
        ),
        "where do the big pharma companies have their head offices in the paris region?": (
            QuestionKind.LOCATE,
            ["Rueil-Malmaison", "Novartis"],
        ),
        "in which town did sanofi open its e-health innovation lab?": (
            QuestionKind.FACT,
            ["Gentilly"],
        ),
        "I'm launching an e-health startup. Which incubators could host me?": (
            QuestionKind.PARTNER,
            ["Agoranov"],
        ),
        # described, not named: the unit, not its parent whose text names its field
        "où se trouve le centre de neuroimagerie à haut champ ?": (
            QuestionKind.LOCATE,
            ["NeuroSpin", "Gif-sur-Yvette"],
        ),
        # a lab of Sanofi's, named by a compound ("open innovation"): its own town, from the text
        "Le lab open innovation e-santé de Sanofi, il se trouve dans quelle ville ?": (
            QuestionKind.LOCATE,
            ["Gentilly"],
        ),
    }
    answers_name_and_cite(chat, cases)
    assert chat.ask("bonjour, tu sers à quoi exactement ?").kind == QuestionKind.HELP.value


@pytest.mark.slow
def test_researchers_and_investors_partner_phrasings_through_the_real_index(
    built_index: Path,
) -> None:
    """Terse, French, and by the role of the organisation sought: each is answered by the
    organisations the sources name for it."""
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    cases = {
        "oncology partners in paris?": (QuestionKind.PARTNER, ["Curie", "Gustave Roussy"]),
        "We'd rather not deal with every hospital one by one. Is there a body that acts as a "
        "central point of contact for oncology?": (
            QuestionKind.PARTNER,
            ["Canceropole", "Medicen"],
        ),
        "Existe-t-il une structure qui serve d'intermédiaire entre les innovateurs en santé et "
        "les usagers ?": (QuestionKind.PARTNER, ["Lab Santé"]),
        "Équipe d'imagerie à Bordeaux, on cherche une plateforme d'IRM à haut champ en "
        "Île-de-France. Des idées ?": (QuestionKind.PARTNER, ["NeuroSpin", "CEA"]),
    }
    answers_name_and_cite(chat, cases)


def test_where_an_organisation_described_by_its_own_words_is() -> None:
    # no name: the one organisation whose own words hold the description
    text, _ = _answer("Where is the cardiac imaging platform?", QuestionKind.LOCATE)
    assert text.startswith("Beta Imaging is in Palaiseau")
    # one word describes too many to pick one ("cardiology": Alpha Lab and Beta Imaging)
    assert not _answer("Where is the cardiology laboratory?", QuestionKind.LOCATE)[0].startswith(
        ("Alpha Lab is", "Beta Imaging is")
    )


def test_kinds_joined_by_or_are_each_asked() -> None:
    assert asked_kinds("which medtech or pharma companies are in Suresnes?") == (
        "medtech-company",
        "pharma-group",
    )
    assert asked_kinds("quels incubateurs et pôles ?") == ("incubator", "cluster")


def test_a_kind_asked_by_its_label_of_two_words() -> None:
    """ "research bodies", "public bodies": the kind whose label the noun ends, not any body."""
    assert asked_kinds("which research bodies are there?") == ("research-body",)
    assert asked_kinds("name the public bodies that fund start-ups") == ("public-body",)
    assert asked_kinds("list the incubators that help e-health startups") == ("incubator",)
    assert asked_kinds("Quels organismes publics de recherche ?") == ("*",)


def test_only_the_entries_a_partner_answer_shows_are_its_sources() -> None:
    """Twelve organisations fit; the answer shows eight (four with their sentence, four by name):
    every source it lists is cited, none left over."""
    rows = [
        _entry(f"Lab {c}", "laboratory", "Orsay", "cardiology", f"Lab {c} builds sensors.", "91")
        for c in "ABCDEFGHIJKL"
    ]

    class ManyFinder:
        def partners(self, description: str, k: int) -> list[PartnerFit]:
            fits = [
                PartnerFit(
                    p.metadata["title"],
                    "laboratory",
                    "Orsay",
                    p.metadata["doc_id"],
                    10.0 - i,
                    p.text,
                    ("cardiology",),
                )
                for i, p in enumerate(rows)
            ]
            return fits[:k]

    passages: list[Passage] = []
    question = "Who could we work with on cardiology?"
    text = directory_answer(
        question, question, QuestionKind.PARTNER, "en", passages, from_passages(rows), ManyFinder()
    )
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert len(cited) == 8 and cited == set(range(1, len(passages) + 1)), (cited, len(passages))
