"""Follow-ups read generally: a pronoun the last answer leaves open stands for what the
previous question asked about; an elliptic "and X?" puts X in the place of the previous
question's term of the same sort (a place, a name, a noun after an article, a field)."""

from __future__ import annotations

import pytest

from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.question_kind import QuestionKind, classify, restate


def exchange(question: str, answer: str) -> list[Turn]:
    return [Turn("user", question), Turn("assistant", answer)]


def asked(follow_up: str, history: list[Turn]) -> str:
    return split_context(condense(follow_up, history))[0]


def test_it_stands_for_the_previous_questions_subject_when_the_answer_names_nothing() -> None:
    history = exchange("What is Genopole?", "A biocluster south of Paris with many start-ups.")
    standalone = condense("and where is it?", history)
    assert split_context(standalone)[0] == "and where is Genopole?"
    assert split_context(standalone)[1].startswith("Genopole;")
    assert restate("and where is it?", standalone, classify("and where is it?")) == (
        "and where is Genopole?",
        QuestionKind.LOCATE,
    )


def test_its_and_a_possessive_subject_are_read_from_the_previous_question() -> None:
    hospitals = exchange("How many beds does AP-HP have?", "20,000 beds, in 39 hospitals.")
    assert asked("and how many staff did its hospitals have?", hospitals) == (
        "and how many staff did AP-HP's hospitals have?"
    )
    hub = exchange("Tell me about Medicen's hub programme.", "It is a collaborative project.")
    assert asked("who runs it?", hub) == "who runs Medicen's hub programme?"


@pytest.mark.parametrize(
    ("previous", "answer", "follow_up", "restated"),
    [
        (  # the answer describes the person asked about: "he" is that person, not the title
            "Who is Jane Doe?",
            "The Director of Alpha Lab Paris.",
            "what does she say about clusters?",
            "what does Jane Doe say about clusters?",
        ),
        (  # the answer names places and a common noun, no person: the person asked about
            "Who are Medicen's rivals according to Stéphane Roques?",
            "Clusters in the USA and China.",
            "so what does he plan?",
            "so what does Stéphane Roques plan?",
        ),
        (  # "lui" after a preposition is the person
            "Qui est le directeur d'Alpha Lab ?",
            "John Doe est le directeur d'Alpha Lab.",
            "et avant lui, c'était qui ?",
            "et avant John Doe, c'était qui ?",
        ),
    ],
)
def test_a_persons_pronoun_stands_for_the_person_the_question_named(
    previous: str, answer: str, follow_up: str, restated: str
) -> None:
    assert asked(follow_up, exchange(previous, answer)) == restated


def test_pour_lui_is_in_his_view_not_the_person() -> None:
    history = exchange("Qui est le directeur d'Alpha Lab ?", "John Doe est le directeur.")
    assert "pour lui" in asked("c'est quoi la priorité pour lui ?", history)


@pytest.mark.parametrize(
    ("previous", "follow_up", "restated"),
    [
        # a lowercase name in the place of the previous question's name, capitalised
        ("Where is Agoranov?", "and genopole?", "Where is Genopole?"),
        ("Où se trouve l'Institut Pasteur ?", "et curie ?", "Où se trouve Curie ?"),
        # a place in the place of the place (its department number with it)
        (
            "Which start-ups are based in Hauts-de-Seine (92)?",
            "and in the yvelines?",
            "Which start-ups are based in Yvelines?",
        ),
        # a field in the place of the field the previous question was on
        (
            "Which lab in Paris works on neurology?",
            "what about cardiology?",
            "Which lab in Paris works on cardiology?",
        ),
        (
            "Which institutes work on rare diseases?",
            "and infectious diseases?",
            "Which institutes work on infectious diseases?",
        ),
        (  # the field after "sur l'": the follow-up's own article with it
            "Quels instituts travaillent sur l'oncologie ?",
            "et la cardiologie ?",
            "Quels instituts travaillent sur la cardiologie ?",
        ),
        ("Which labs work on the brain?", "and the heart?", "Which labs work on the heart?"),
        # a noun after an article in the place of the previous one's: the role, not the name
        ("Who is the CEO of Genopole?", "and the president?", "Who is the president of Genopole?"),
        (
            "Qui est le président de Medicen ?",
            "et le directeur ?",
            "Qui est le directeur de Medicen ?",
        ),
    ],
)
def test_a_lowercase_elliptic_follow_up_keeps_the_previous_frame(
    previous: str, follow_up: str, restated: str
) -> None:
    standalone = condense(follow_up, exchange(previous, "Some answer [1]."))
    assert standalone == restated
    assert restate(follow_up, standalone, classify(follow_up)) == (restated, classify(restated))


def test_a_lowercase_word_takes_a_names_place_only_when_the_question_names_one_thing() -> None:
    two_names = exchange("Who is the CEO of Medicen?", "Stéphane Roques [1].")
    assert condense("and funding?", two_names) == "and funding of Medicen?"
    one_name = exchange("Where did Sanofi open its e-health lab?", "In Gentilly [1].")
    assert condense("and servier?", one_name) == "Where did Servier open its e-health lab?"


def test_a_follow_up_opening_as_the_previous_question_asks_it_of_the_new_term() -> None:
    history = exchange("Who is the CEO of Medicen?", "Stéphane Roques [1].")
    assert condense("and who's the president?", history) == "Who is the president of Medicen?"
    hospitals = exchange("how many hospitals does AP-HP run", "39 [1].")
    assert condense("and how many staff?", hospitals) == "how many staff does AP-HP run"
    # words of its own beyond the new term, or no shared opening: the subject is borrowed
    # "there" is at the thing the previous question named, not its answer's person
    assert condense("and how many work there?", history) == (
        "and how many work at Medicen? (Medicen; Who is the CEO of Medicen?)"
    )
    french = exchange("Qui dirige Medicen ?", "Stéphane Roques [1].")  # no article: the name
    assert condense("et le président ?", french) == "et le président de Medicen?"


def test_a_follow_up_without_a_question_mark_is_restated_without_its_context() -> None:
    history = exchange("Which companies launched Genopole?", "3 companies, in 2005 [1].")
    standalone = condense("whats the goal of it", history)
    assert split_context(standalone) == (
        "whats the goal of Genopole?",
        "Genopole; Which companies launched Genopole?",
    )
    assert restate("whats the goal of it", standalone, QuestionKind.FACT)[0] == (
        "whats the goal of Genopole?"
    )
    assert split_context(condense("and when", history)) == (
        "and when?",
        "Which companies launched Genopole?",
    )


def test_its_stands_for_a_thing_not_the_person_the_last_answer_named() -> None:
    history = [
        Turn("user", "Who is the CEO of Medicen Paris Region?"),
        Turn("assistant", "Stéphane Roques is the CEO of Medicen Paris Region, appointed in 2018."),
    ]
    asked, _ = split_context(condense("and who is its president?", history))
    assert asked == "and who is Medicen Paris Region's president?"
    # "he" still stands for the person
    asked, _ = split_context(condense("when was he appointed?", history))
    assert asked == "when was Stéphane Roques appointed?"


def test_a_pronoun_after_a_place_answer_stands_for_the_previous_questions_subject() -> None:
    # the answer is where the centre goes ("À Paris-Saclay"); "son", "il" are Servier, the
    # French question's inverted subject ("Servier veut-il"), not its last name "R&D"; "il"
    # takes up "son siège" before it, so only the possessive is restated
    history = exchange(
        "Où Servier veut-il installer son centre de R&D ?", "À Paris-Saclay, d'ici 2021."
    )
    question = "et son siège, il est où ?"
    standalone = condense(question, history)
    assert split_context(standalone)[0] == "et le siège de Servier, il est où ?"
    assert restate(question, standalone, classify(question))[1] == QuestionKind.LOCATE


def test_a_possessive_before_cest_takes_its_noun_phrase() -> None:
    history = exchange("où est la Région ?", "La Région Île-de-France est à Saint-Ouen-sur-Seine.")
    standalone = condense("et leur site web c'est quoi ?", history)
    assert split_context(standalone)[0] == ("et le site web de Région Île-de-France c'est quoi ?")


def test_a_french_possessive_takes_its_whole_noun_phrase() -> None:
    history = exchange("c'est quoi Medicen ?", "Un pôle de compétitivité francilien.")
    assert asked("et son objectif pour 2022 ?", history) == "et l'objectif de Medicen pour 2022 ?"
    imaging = exchange("Qu'est-ce que NeuroSpin ?", "Un centre de neuroimagerie à haut champ.")
    assert asked("Et où se trouve sa plateforme d'imagerie médicale ?", imaging) == (
        "Et où se trouve la plateforme d'imagerie médicale de NeuroSpin ?"
    )


def test_a_pronoun_that_takes_up_the_phrase_before_its_comma_stays() -> None:
    history = exchange(
        "Quel projet soutient l'Institut Curie ?", "Appli Chimio, un suivi à domicile."
    )
    question = "et la Région, elle a investi directement dans quoi ?"
    assert asked(question, history) == question


def test_where_is_it_exactly_is_a_locate_of_what_the_last_answer_named() -> None:
    history = exchange(
        "Quel institut parisien est spécialisé dans les maladies infectieuses ?",
        "L'Institut Pasteur, une fondation qui cherche à traiter les maladies infectieuses.",
    )
    question = "il est où exactement ?"
    standalone = condense(question, history)
    assert restate(question, standalone, classify(question)) == (
        "L'Institut Pasteur est où ?",
        QuestionKind.LOCATE,
    )
    assert classify("L'Institut Pasteur est où exactement ?") == QuestionKind.LOCATE


def test_a_name_in_apposition_is_the_subject_asked_about() -> None:
    history = exchange(
        "Which pharma groups are in the Paris Region?", "AstraZeneca, Guerbet, Sanofi."
    )
    question = "Where is the French one, Guerbet, based?"
    standalone = condense(question, history)
    assert restate(question, standalone, classify(question)) == (
        "Where is Guerbet based?",
        QuestionKind.LOCATE,
    )


def test_any_other_asks_for_more_of_the_list_in_the_previous_exchange() -> None:
    history = exchange(
        "Which foreign medtech group set up an R&D center in Paris?",
        "General Electric Healthcare, in 2016.",
    )
    question = "What else? Any other foreign companies that moved in?"
    standalone = condense(question, history)
    assert restate(question, standalone, classify(question)) == (
        "Which other foreign companies moved in?",
        QuestionKind.LIST,
    )
    assert split_context(standalone)[1].startswith("Which foreign medtech group")
    assert asked("D'autres incubateurs ?", exchange("Quel incubateur à Évry ?", "Genopole.")) == (
        "Quels sont les autres incubateurs ?"
    )
    assert classify("Quels sont les autres incubateurs ?") == QuestionKind.LIST


def test_an_ellipsis_may_join_two_fields_with_and() -> None:
    history = exchange(
        "Which clusters does Medicen team up with on diagnostics?",
        "Lyonbiopole in Lyon and EuroBioMed in Marseille.",
    )
    assert condense("And for AI and precision medicine?", history) == (
        "Which clusters does Medicen team up with on AI and precision medicine?"
    )


def test_any_other_role_keeps_the_name_but_not_the_last_exchange_as_context() -> None:
    history = exchange(
        "Which pharma company opened an e-health innovation lab in the Paris Region?",
        "Sanofi, in Gentilly.",
    )
    question = "Does it play any other role in the ecosystem, according to Medicen?"
    assert condense(question, history) == (
        "Does Sanofi play any other role in the ecosystem, according to Medicen? (Sanofi)"
    )


def test_which_one_answered_by_restating_the_named_one_stands_for_the_name_it_adds() -> None:
    # "Quel organisme gère NeuroSpin ?": the answer opens with NeuroSpin, which the question
    # named; what it answered is the CEA, and "sa plateforme" is the CEA's
    history = exchange(
        "Quel organisme gère le centre de neuroimagerie NeuroSpin ?",
        "NeuroSpin, le centre de neuroimagerie à haut champ, relève du CEA [1].",
    )
    standalone = condense("Et où se trouve sa plateforme d'imagerie médicale ?", history)
    assert split_context(standalone)[1].startswith("CEA;")
    # a list answer repeating the question's common noun keeps it
    start_ups = exchange("Which e-health start-ups are based here?", "Start-ups like Doctolib.")
    assert split_context(condense("Has any of them won?", start_ups))[1].startswith("Start-ups")


def test_that_town_is_the_town_the_last_answer_named() -> None:
    known = Gazetteer(places=frozenset({"suresnes", "paris"}))
    said = [
        Turn("user", "c'est où Philips en France ?"),
        Turn("assistant", "Philips est à Suresnes (92150), dans les Hauts-de-Seine."),
    ]
    standalone = condense("who else is in that town?", said, known)
    assert split_context(standalone)[0] == "who else is in Suresnes?"
    assert restate("who else is in that town?", standalone, QuestionKind.FACT)[1] == (
        QuestionKind.LOCATE
    )
    # an answer that names no town of the directory: nothing to point at
    vague = [Turn("user", "Who is Philips?"), Turn("assistant", "A medtech company.")]
    assert "Suresnes" not in condense("who else is in that town?", vague, known)


def test_the_answers_subject_after_a_dash_and_never_its_speaker() -> None:
    doctolib = [
        Turn("user", "Is Doctolib a Paris company?"),
        Turn("assistant", "Yes - Doctolib is an e-health start-up, listed in Levallois-Perret."),
    ]
    assert condense("did it get any recognition abroad?", doctolib).startswith(
        "did Doctolib get any recognition abroad?"
    )
    said = [
        Turn("user", "Is Medicen the only health cluster in France?"),
        Turn("assistant", "No - Stéphane Roques says France has around 70 clusters."),
    ]
    assert "Stéphane Roques team" not in condense("which ones does it team up with?", said)


def test_the_year_after_is_the_year_after_the_one_the_answer_names() -> None:
    """ "et l'année d'après ?" after an answer about 2016 asks of 2017 (not of the year a
    citation names); "and the year before?" of 2015."""
    projects = exchange(
        "combien de projets les centres de l'AP-HP ont menés ?",
        "Les centres de l'AP-HP ont mené 3100 projets en 2016 [medxperience-2018].",
    )
    assert "en 2017" in asked("et l'année d'après ?", projects)
    assert "in 2015" in asked("and the year before?", projects)
    assert "year after the summit" in asked("the year after the summit?", projects)
    named = asked("and the year after Roques was appointed?", projects)  # his year, not 2017
    assert "2017" not in named


def test_a_month_that_opens_a_name_is_no_referent() -> None:
    """ "it" after "The July 2018 Strategic Council (CSIS) ..." is the council, not July."""
    history = exchange(
        "what was the CSIS in july 2018?",
        "The July 2018 Strategic Council of Health Industries (CSIS) set a new tone [1].",
    )
    assert "July" not in asked("which minister chaired it?", history).replace("july", "")


def test_the_subject_borrowed_stands_before_the_asking_words_a_question_ends_on() -> None:
    """ "et le président c'est qui ?" asks of the president: "de Medicen" follows it, not "qui"."""
    history = exchange("qui est le CEO de Medicen ?", "Stéphane Roques [1].")
    said = condense("et le président c'est qui ?", history)
    assert said.startswith("et le président de Medicen c'est qui")
    # ending on the noun: after it, as before
    assert condense("and funding?", exchange("Who is the CEO of Medicen?", "X [1].")).endswith(
        "of Medicen?"
    )
