"""Issue 15 items 5 and 6: requests to act get the "I can't do that" reply; a question asking for
a kind of value (a phone number, an amount, a date, a person in a role...) about a named subject is
declined when no passage about it holds one, with what the sources say of the subject; a
follow-up's pronoun stands for the last answer's subject, and an elliptic "and X?" restates the
previous question with X."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.asked_value import typed_decline
from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.declines import followed
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.help import action_reply
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE
from assistant.answer.organisations import Organisation, from_passages
from assistant.answer.question_kind import QuestionKind, classify, restate
from assistant.answer.roles import asked_role
from assistant.answer.standalone import Reading
from assistant.answer.subjects import subject_names
from assistant.answer.value_focus import describing
from assistant.answer.value_kinds import asked_value, holds_value
from assistant.answer.weights import TermWeigher
from assistant.retrieval.glossary import english_kin, translate_terms
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize


@pytest.mark.parametrize(
    "question",
    [
        "Book me a meeting with Medicen",
        "Can you book a meeting with Genopole for next week?",
        "Please send an email to the Inserm press office",
        "Could you introduce us to Stéphane Roques?",
        "can you introduce us to Cap Digital?",
        "Email me the list of incubators",
        "Sign me up for MedXperience",
        "Put me in touch with the CEA",
        "I'd like you to contact Institut Curie",
        "Hi, can you schedule a call with Doctolib?",
        "Inscris-moi à MedXperience",
        "Prends rendez-vous avec Medicen",
        "Prends-moi un rendez-vous avec l'Inserm",
        "Peux-tu envoyer un e-mail à Agoranov ?",
        "Pouvez-vous me mettre en relation avec Genopole ?",
        "Merci de m'inscrire au salon",
        "Appelle l'Institut Pasteur",
        # the French of "send it to NAME" and of sending a CV
        "Peux-tu transmettre mon dossier à Genopole ?",
        "Envoyez ma candidature à l'Inserm",
        "Pourriez-vous envoyer mon cv au CEA ?",
        # the French of "submit my application"
        "Pouvez-vous déposer ma candidature à l'appel à projets de Medicen ?",
        "Pourriez-vous soumettre notre dossier à Agoranov ?",
        # anything done in the user's stead, and "send our file"
        "pouvez-vous envoyer notre dossier de candidature à l'appel à projets à ma place ?",
        "can you fill in the form on our behalf?",
        "tu peux remplir le formulaire en mon nom ?",
        # spoken French, in the statement's order
        "tu peux me réserver une salle à Saclay ?",
        "vous pouvez nous mettre en relation avec Agoranov ?",
        # formal French, forwarding a file, calling, writing to, getting in touch
        "Je vous serais reconnaissant de bien vouloir transmettre notre dossier à l'incubateur.",
        "Merci de faire suivre le fichier ci-joint au service des essais cliniques de l'AP-HP.",
        "Veuillez transmettre notre dossier à Genopole.",
        "Je vous saurais gré de bien vouloir transmettre mon dossier à l'incubateur.",
        "tu peux appeler l'accueil de Gustave Roussy pour moi stp",
        "Tu peux écrire à Medicen pour leur demander un rendez-vous ?",
        "Pouvez-vous prendre contact avec Genopole pour moi ?",
        "Réserve-moi une place pour le prochain MedXperience.",
        "j'aimerais que vous contactiez Agoranov de ma part",
        "Write a cover letter for my application to Institut Pasteur",
        "Can you arrange an introduction to the head of Agoranov?",
        "pls get me a meeting with the CEO of Medicen",
        "can u send my pitch deck to Paris Biotech Santé",
        "Could you negotiate the rent for us at Genopole?",
        # a message passed on, a thing made for the user, a wish in the subjunctive
        "Please let Medicen know we're interested in joining.",
        "Can you ask Stéphane Roques if he'd meet us?",
        "Peux-tu demander à Medicen s'ils acceptent les start-ups américaines ?",
        "Prévenez Medicen de notre arrivée.",
        "Make me a slide deck about the Paris health ecosystem.",
        "Fais-moi une lettre de motivation pour l'Institut Curie.",
        "Je veux que tu m'inscrives au prochain salon MedXperience.",
        "j'aimerais que vous me présentiez à Medicen",
        "Set me up with a call with someone from AP-HP.",
        "Can you get in touch with Doctolib for me?",
        "Would you please apply to Agoranov for us?",
        # the conversation handled like a document, a reminder, a contact, an errand
        "great, can you send that to my boss?",
        "email this to my colleague please",
        "can you export this as a pdf?",
        "remind me tomorrow to call Medicen",
        "add Medicen to my contacts",
        "go ahead and contact them",
        "ok thanks, now book the meeting",
        "Could you phone the Institut Curie and ask for the head of oncology?",
        "find me a flat near Saclay",
        "Mets-moi un rappel pour demain.",
        "Envoie-moi ça par mail.",
        "Enregistre cette conversation.",
        # an errand on an appointment or a contact; an imperative after a one-word opening
        "Cancel my meeting with Medicen tomorrow",
        "Invite Medicen to our launch event",
        "Follow up with Agoranov about our application",
        "Annule mon rendez-vous avec Medicen",
        "Relance Agoranov pour notre dossier",
        "réservez-moi deux places pour la prochaine édition de medxperience",  # a count, no article
        "achète-moi deux billets pour l'évènement au palais brongniart stp",
        "parfait, tu peux leur déposer mon dossier de candidature ?",  # "leur" before the verb
        "parfait, rédige-moi une lettre à son attention et envoie-la-lui",
        # "u", a name in lower case, "for me"
        "i need u to contact doctolib for me",
        "ok, reach out to the genopole team for us",
        # formal French with an aside before what is to be written
        "Je vous saurais gré de bien vouloir rédiger, à l'attention de Curie, une lettre.",
        "pouvez-vous remplir pour moi le formulaire d'inscription ?",  # "pour moi" before it
        "send me the medicen membership form pls",  # two words before the thing sent
        "tu peux m'envoyer la brochure ?",  # "m'" elided before the verb
        "peux-tu m'envoyer la plaquette de MedXperience ?",
    ],
)
def test_requests_to_act_are_their_own_kind(question: str) -> None:
    assert classify(question) == QuestionKind.ACTION


@pytest.mark.parametrize(
    "question",
    [
        "Who could we contact about medical imaging?",
        "How do I register for MedXperience?",
        "Comment m'inscrire à MedXperience ?",
        "Contact details of Medicen?",
        "Who should I email at Medicen?",
        "Could you introduce Medicen?",
        "Which organisations organise meetings on AI?",
        "Where should we set up our lab?",
        "Avec qui prendre contact pour l'imagerie ?",
        "Quel est le numéro de téléphone de Medicen ?",
        "Comment envoyer un dossier à Medicen ?",
        "Où déposer sa candidature pour l'appel à projets ?",
        # what others do in someone's stead is a question about them
        "What does Medicen do on behalf of its members?",
        "Qui parle au nom des pôles français à Bruxelles ?",
        "tu peux me dire qui dirige Agoranov ?",
        "tu peux m'expliquer ce qu'est Medicen ?",  # "m'" before a verb of telling
        "Do you know any agency that could file the application on our behalf?",
        # asking whom to write to, how to get in touch, what others arrange or send
        "Who should I write to about joining Medicen?",
        "Comment prendre contact avec le Lab Santé ?",
        "À qui dois-je écrire pour rejoindre Medicen ?",
        "Does Medicen arrange meetings between start-ups and pharma groups?",
        "What letter did the CEO of Medicen send to the minister?",
        "Which incubator should we send our application to?",
        "Veuillez m'indiquer qui dirige Medicen.",
        "Merci de bien vouloir me dire où se trouve Genopole.",
        "Que fait Medicen de notre part ?",
        "Comment appeler cette approche ?",
        "Could you let me know who runs Medicen?",
        "Can you tell Medicen's story in a few words?",
        "Did Medicen ask Sanofi to join the consortium?",
        "How do I get in touch with Medicen?",
        "Qui faut-il prévenir pour rejoindre Medicen ?",
        "Comment faire une demande à Agoranov ?",
        "Je veux que tu me dises qui dirige Medicen.",
        "remind me, what were the three pillars?",
        "What does Medicen share with its members?",
        "Does Medicen help start-ups find office space?",
        "How did Sanofi do its market study?",
        "Does Medicen invite start-ups to its events?",
        "Who did Medicen invite to MedXperience?",
        # a filler word, a verb after a comma, "do our ...", "rappelle-moi", "présentiez X"
        "Does Medicen also organise visits for foreign delegations?",
        "Can Medicen then introduce us to hospitals?",
        "Do the clusters now organise trips to Boston?",
        "Pour un essai clinique, informer l'ANSM est-il obligatoire ?",
        "Avant de candidater, prendre contact avec l'incubateur est-il utile ?",
        "Do our research labs qualify for the research tax credit?",
        "Rappelle-moi, quels étaient les trois piliers ?",
        "J'aimerais que vous présentiez Medicen en quelques mots.",
        # translating, reviewing and improving as what others do
        "Who could review our project for the call?",
        "What does translational medicine mean?",
        "Which companies improve our health system?",
    ],
)
def test_questions_about_acting_are_not_requests_to_act(question: str) -> None:
    assert classify(question) != QuestionKind.ACTION


def test_action_reply_says_it_cannot_and_what_it_does() -> None:
    assert action_reply("en").startswith("I can't do that")
    assert "Paris Region" in action_reply("en")
    assert action_reply("fr").startswith("Je ne peux pas")


# --- decline by answer type -----------------------------------------------------------------

AGORANOV = "Agoranov is an incubator in Paris that supports deep-tech and health start-ups."
ROQUES = "Stéphane Roques, CEO of Medicen since 2018, wants to double its 400 members."


def entry(name: str, kind: str, description: str, city: str = "") -> Passage:
    """A directory entry as the directory's passages carry one: its name, then its description."""
    meta = {
        "source_kind": "directory",
        "title": name,
        "kind": kind,
        **({"city": city} if city else {}),
    }
    return Passage(f"dir-{name.split()[0].lower()}", f"{name}\n{description}", meta, 0.0)


ENTRY = entry(
    "Agoranov",
    "incubator",
    "Agoranov is an incubator in Paris for start-ups from public research.",
    "Paris",
)
MEDICEN = entry(
    "Medicen Paris Region",
    "cluster",
    "Medicen Paris Region is the health care cluster of the region.",
)
ORGS = from_passages([ENTRY, MEDICEN])


def passages_and_report(*texts: str) -> tuple[list[Passage], EvidenceReport]:
    passages = [Passage(f"p{n}", t, {"title": "doc"}, 0.5) for n, t in enumerate(texts, 1)]
    evidence = [Evidence(n, 0, t, 0.9 - n / 10, 0.5, 0.5) for n, t in enumerate(texts, 1)]
    report = EvidenceReport("en", evidence, {n: [t] for n, t in enumerate(texts, 1)})
    report.answerable = True
    return passages, report


def decline_of(
    asked: str,
    sentence: str,
    weights: dict[str, float],
    orgs: list[Organisation] = ORGS,
    language: str = "en",
) -> str | None:
    """``typed_decline`` of a question whose one retrieved sentence is ``sentence``, the question's
    terms weighing ``weights``."""
    passages, report = passages_and_report(sentence)
    report.weights = weights
    return typed_decline(asked, language, passages, report, orgs)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is Agoranov's phone number?", "phone"),
        ("Quel est le numéro de téléphone d'Agoranov ?", "phone"),
        ("What is the email address of Agoranov?", "email"),
        ("What is Agoranov's postal address?", "address"),
        ("How much does a desk at Agoranov cost?", "price"),
        ("What is Agoranov's budget?", "amount"),
        # what someone earns is an amount, however asked
        ("How much does the CEO of Agoranov make a year?", "amount"),
        ("et il gagne combien par an, le directeur d'Agoranov ?", "amount"),
        ("How did Agoranov earn its reputation?", ""),
        ("What is the success rate of Agoranov's start-ups?", "rate"),
        ("What did a desk at Agoranov cost in 2019?", "price"),
        ("c'était combien l'entrée pour le salon d'Agoranov ?", "price"),
        ("et ça a coûté combien à Agoranov ?", "price"),
        ("how much is a ticket for the Agoranov open day?", "price"),
        ("combien de billets ont été vendus ?", "count"),
        ("what does translational medicine actually mean?", "meaning"),
        ("quels papiers il faut pour le visa si je crée ma startup ?", "procedure"),
        ("How do I get my diploma recognised to work at AP-HP?", "procedure"),
        ("comment faire reconnaître mon diplôme d'infirmière ?", "procedure"),
        ("A partir de quel âge on conseille le dépistage ?", "age"),
        ("How much equity do incubators take from their start-ups?", "amount"),
        ("what did going abroad for clinical trials cost the country?", ""),
        ("les billets pour le salon d'Agoranov, combien de débats il y a ?", "count"),
        ("When was Agoranov founded?", "date"),
        ("Who is the CEO of Agoranov?", "ceo"),
        ("Who founded Agoranov?", "founder"),
        # who is in charge, or whom to contact: a head of it
        ("who's in charge at Agoranov?", "head"),
        ("who is the contact person at Agoranov?", "head"),
        ("Who is responsible for most of the region's research?", ""),  # an organisation
        ("What does Agoranov do?", ""),
    ],
)
def test_the_kind_of_value_asked(question: str, kind: str) -> None:
    assert asked_value(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "What is Agoranov's phone number?",
        "How much does a desk at Agoranov cost?",
        "When was Agoranov founded?",
        "Who is the CEO of Agoranov?",
    ],
)
def test_a_value_no_passage_holds_about_the_subject_is_declined_with_what_they_say(
    question: str,
) -> None:
    passages, report = passages_and_report(ROQUES, AGORANOV)
    said = typed_decline(question, "en", passages, report, ORGS)
    assert said is not None
    assert said.startswith(DECLINE["en"])
    assert f"They say about Agoranov: {AGORANOV} [2]" in said  # the sentence about the subject


def test_a_rate_or_price_of_a_named_thing_needs_that_thing_with_the_value() -> None:
    """ "the tax rate" is a rate of tax: a sentence with a rate of anything else about the
    subject does not answer it, in French either (the glossary's "impôt": tax)."""
    rated = "Agoranov says 40% of its start-ups work in biotech."
    passages, report = passages_and_report(ROQUES, rated)
    assert typed_decline("What is Agoranov's success rate?", "en", passages, report, ORGS)
    # a word that qualifies the rate says nothing of what it is of
    approx = "What's the approximate rate of Agoranov's start-ups in biotech?"
    assert typed_decline(approx, "en", passages, report, ORGS) is None
    assert typed_decline("Quel est le taux d'impôt d'Agoranov ?", "fr", passages, report, ORGS)
    assert (
        typed_decline(
            "What rate of Agoranov's start-ups work in biotech?", "en", passages, report, ORGS
        )
        is None
    )
    taxed = "Agoranov's start-ups pay a tax rate of 15% in their first year."
    passages, report = passages_and_report(ROQUES, taxed)
    assert (
        typed_decline("Quel est le taux d'impôt d'Agoranov ?", "fr", passages, report, ORGS) is None
    )


def test_a_follow_up_naming_no_subject_asks_of_what_it_follows() -> None:
    """ "how many members exactly?" after "what is Agoranov?": Agoranov's members, which
    Medicen's 400 do not answer; asked of Medicen, they do."""
    passages, report = passages_and_report(ROQUES, AGORANOV)
    asked = "how many members exactly?"
    assert typed_decline(asked, "en", passages, report, ORGS) is None  # anyone's count
    said = typed_decline(asked, "en", passages, report, ORGS, context="what is Agoranov")
    assert said and f"They say about Agoranov: {AGORANOV} [2]" in said
    assert typed_decline(asked, "en", passages, report, ORGS, context="what is Medicen") is None
    # a value asked across subjects ("which is the biggest?") is not bound to the one followed
    biggest = "which is the biggest one?"
    assert typed_decline(biggest, "en", passages, report, ORGS, context="what is Agoranov") == (
        typed_decline(biggest, "en", passages, report, ORGS)
    )
    reading = Reading(f"{asked} (what is Agoranov?)", asked, QuestionKind.FACT, ())
    assert followed(reading) == "what is Agoranov"
    heads = "and who heads them?"
    reading = Reading(f"{heads} (Medicen; which clusters? Paris)", heads, QuestionKind.FACT, ())
    assert followed(reading) == ""  # a referent not put in: not surely what it asks of
    said = "how many members work in the biotech field?"  # says more than its value
    assert followed(Reading(f"{said} (what is Agoranov?)", said, QuestionKind.FACT, ())) == ""
    # unless it points back at what was named: "there", "y", "they"
    said = "how many members work in the biotech field there?"
    assert followed(Reading(f"{said} (what is Agoranov?)", said, QuestionKind.FACT, ())) == (
        "what is Agoranov"
    )
    assert followed(Reading(asked, asked, QuestionKind.FACT, ())) == ""
    # what came of what was just said, or whether it came true: asked of it, whatever it says
    came = "What concrete measures came out of it?"
    context = f"{came} (Agoranov; what is the Agoranov summit? July)"
    assert followed(Reading(context, came, QuestionKind.FACT, ())) == (
        "Agoranov; what is the Agoranov summit"
    )
    made = "so did they make it in the end?"
    context = f"{made} (Agoranov's; Agoranov's goal for 2022? CEO)"
    assert (
        followed(Reading(context, made, QuestionKind.FACT, ()))
        == "Agoranov's; Agoranov's goal for 2022"
    )
    # of the subjects the context names, one holding the value is enough
    both = "Agoranov and Medicen"
    assert typed_decline(asked, "en", passages, report, ORGS, context=both) is None


def test_a_comparison_of_two_subjects_needs_what_they_are_compared_on() -> None:
    """ "is Agoranov bigger than Medicen in members?" is not answered by a sentence naming both
    that says "more" of something else."""
    asked = "Is Agoranov bigger than Medicen in terms of members?"
    other = "With Agoranov and Medicen, we want to be more ambitious in diagnostics."
    weights = {t: 1.0 for t in tokenize(asked)}
    passages, report = passages_and_report(other)
    report.weights = weights
    assert typed_decline(asked, "en", passages, report, ORGS)
    compared = "Agoranov has more members than Medicen."
    passages, report = passages_and_report(other, compared)
    report.weights = weights
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_a_date_asked_of_a_person_needs_that_person_with_the_date() -> None:
    """ "When did Jean Martin become president of Medicen?": a date of Medicen's ("by 2030")
    is not his; a person is a name the passages write beside a role."""
    said = "Jean Martin, President of Medicen, says clusters are catalysts."
    planned = "Medicen wants to become a leading cluster by 2030."
    passages, report = passages_and_report(planned, said)
    asked = "When did Jean Martin become president of Medicen?"
    assert typed_decline(asked, "en", passages, report, ORGS)
    dated = "Jean Martin became President of Medicen in 2015."
    passages, report = passages_and_report(dated, said)
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_an_age_or_the_papers_asked_of_no_subject_must_stand_in_the_sources() -> None:
    """ "from what age is screening advised?" names no subject, yet asks an age; "quels papiers
    il faut ?" asks, as a list, for a procedure: sentences holding neither do not answer."""
    passages, report = passages_and_report(ROQUES, AGORANOV)
    aged = "A partir de quel âge on conseille le dépistage ?"
    assert typed_decline(aged, "fr", passages, report, ORGS) == DECLINE["fr"]
    papers = "quels papiers il faut pour le visa si je crée ma startup ?"
    assert typed_decline(papers, "fr", passages, report, ORGS, answer="list") == DECLINE["fr"]


def test_a_count_the_question_states_or_a_sum_up() -> None:
    """ "How many of the 52 projects ...?" is not answered by "there were 52 projects"; "In all,
    there are 202 establishments" takes up the sentence before it (what is counted there:
    pharma); the region is no focus."""
    passages, report = passages_and_report("In 2016, Agoranov hosted 52 projects in France.")
    asked = "How many of Agoranov's 52 projects landed in the Paris Region?"
    assert typed_decline(asked, "en", passages, report, ORGS)
    # a count asked beside one the question states, of no part of it, may be any number
    passages, report = passages_and_report("Agoranov hosts 52 projects and plans 80 by 2030.")
    asked = "Agoranov hosts 52 projects, how many projects will it host by 2030?"
    assert typed_decline(asked, "en", passages, report, ORGS) is None
    before, summed = (
        "Agoranov hosts the most pharma firms in Europe.",
        "In all, there are 202 firms.",
    )
    passages = [Passage("p1", f"{before} {summed}", {"title": "doc"}, 0.5)]
    report = EvidenceReport("en", [Evidence(1, 1, summed, 0.9, 0.5, 0.5)], {1: [before, summed]})
    report.answerable, report.weights = True, {"pharma": 2.0, "agoranov": 1.0, "pari": 0.5}
    assert (
        typed_decline(
            "how many pharma firms does Agoranov host in Paris?", "en", passages, report, ORGS
        )
        is None
    )


def test_a_value_held_about_the_subject_goes_on() -> None:
    dated = "Agoranov was founded in 2000 by four Paris universities and research bodies."
    passages, report = passages_and_report(ROQUES, dated)
    assert typed_decline("When was Agoranov founded?", "en", passages, report, ORGS) is None
    assert typed_decline("Who is the CEO of Medicen?", "en", passages, report, ORGS) is None
    # a question asking for no kind of value, or naming no subject, is not typed
    assert typed_decline("What does Agoranov do?", "en", passages, report, ORGS) is None
    assert typed_decline("When was it founded?", "en", passages, report, ORGS) is None


def test_a_value_held_about_the_subject_with_its_acronym_spelt_out_goes_on() -> None:
    dated = "The group Kappa Lambda Biotech opened its Paris centre in 2016."
    passages, report = passages_and_report(ROQUES, dated)
    asked = "En quelle année KL Biotech a-t-il ouvert son centre ?"
    assert typed_decline(asked, "fr", passages, report, ORGS) is None
    assert typed_decline("When did KL Pharma open it?", "en", passages, report, ORGS) is not None


def test_a_date_asked_in_french_of_a_source_in_english_goes_on() -> None:
    # "ouvert" is a French word the English sources never use, and "année" asks for the date
    # (the glossary reads it as "year"): neither is what the date must stand with
    dated = "The group Kappa Lambda Biotech set up its Paris centre in 2016."
    passages, report = passages_and_report(ROQUES, dated)
    weigher = TermWeigher()
    weigher.idf = dict.fromkeys(tokenize(f"{ROQUES} {dated}"), 1.0)
    asked = "KL Biotech a ouvert en quelle année ?"
    report.weights = weigher.weights(asked, "fr")
    assert typed_decline(asked, "fr", passages, report, ORGS, weigher.idf) is None
    # what is asked of the date in a word the sources use must still stand with it
    weigher.idf = {**weigher.idf, **dict.fromkeys(tokenize("closed"), 1.0)}
    asked = "In which year did KL Biotech close?"
    report.weights = weigher.weights(asked, "en")
    assert typed_decline(asked, "en", passages, report, ORGS, weigher.idf) is not None


def test_a_subject_no_passage_names_gets_the_plain_decline_in_french() -> None:
    passages, report = passages_and_report(ROQUES)
    said = typed_decline("Quel est le budget de Doctolib ?", "fr", passages, report, ORGS)
    assert said == DECLINE["fr"]


# --- follow-ups -------------------------------------------------------------------------------


def history(*pairs: tuple[str, str]) -> list[Turn]:
    return [Turn(role, text) for q, a in pairs for role, text in (("user", q), ("assistant", a))]


def test_a_pronoun_stands_for_the_last_answers_subject_not_the_question_entity() -> None:
    two = history(
        (
            "Which cluster is Medicen's partner for the precision medicine hub?",
            "Cap Digital is Medicen's partner for the hub [1].",
        )
    )
    asked, context = split_context(condense("When was it founded?", two))
    assert asked == "When was Cap Digital founded?"  # the answer's subject, not Medicen
    assert context.startswith("Cap Digital;")


@pytest.mark.parametrize(
    ("follow_up", "asked"),
    [
        ("who runs it?", "who runs Genopole?"),
        ("et il est situé où ?", "et Genopole est situé où ?"),
        ("combien il y a de membres ?", "combien il y a de membres ?"),  # "il y a": no one
        # a French object pronoun before its verb ("pour la médecine": a noun's article)
        ("et qui le dirige ?", "et qui dirige Genopole ?"),
        ("comment la contacter ?", "comment contacter Genopole ?"),
        (
            "et pour la medecine, qui est leader ?",
            "et pour la medecine, qui est leader of Genopole?",
        ),
    ],
)
def test_it_stands_for_the_name_the_last_answer_was_about(follow_up: str, asked: str) -> None:
    two = history(("What is Genopole?", "Genopole is a biocluster south of Paris [1]."))
    assert split_context(condense(follow_up, two))[0] == asked


def test_an_ellipsis_keeps_the_previous_questions_frame_not_its_answers_person() -> None:
    two = history(("Who is the CEO of Medicen?", "Medicen's CEO is Stéphane Roques [1]."))
    assert condense("and who's the president?", two) == "Who is the president of Medicen?"
    assert asked_role("and who's the president of Medicen?") == "president"
    # "who" closing the question, or after "c'est": the role is asked all the same
    assert asked_role("ok et le président de Medicen, c'est qui ?") == "president"
    assert asked_role("c'est qui le pdg de medicen ??") == "ceo"
    assert asked_role("the CEO of Medicen is who?") == "ceo"
    assert asked_role("ok et le président de Medicen ?") is None  # no who: no role asked
    # the office alone, or after a verb that asks for it
    assert asked_role("give me the CEO of Doctolib") == "ceo"
    assert asked_role("doctolib ceo?") == "ceo"
    assert asked_role("le pdg de doctolib ?") == "ceo"
    assert asked_role("the president of the region wants growth") is None
    french = history(("Qui dirige Medicen ?", "Stéphane Roques [1]."))
    assert condense("et le président ?", french) == "et le président de Medicen?"
    # nothing of its own to ask, or a word pointing back: the previous question as context
    assert condense("And when?", two) == "And when? (Who is the CEO of Medicen?)"
    # "there" is at the thing the previous question named, not its answer's person
    assert condense("and how many work there?", two) == (
        "and how many work at Medicen? (Medicen; Who is the CEO of Medicen?)"
    )


def test_three_turns_resolve_to_the_most_recent_answer() -> None:
    three = history(
        ("Who is the CEO of Medicen?", "Stéphane Roques is the CEO of Medicen [1]."),
        (
            "Which incubator supports Sorbonne start-ups?",
            "Agoranov supports start-ups from Sorbonne and PSL [2].",
        ),
    )
    _, context = split_context(condense("When was it founded?", three))
    assert context.startswith("Agoranov;")
    assert "Medicen" not in context and "Roques" not in context


def test_a_persons_pronoun_is_replaced_by_who_answered() -> None:
    two = history(("Who is the CEO of Medicen?", "Stéphane Roques is the CEO of Medicen [1]."))
    standalone = condense("When was he appointed?", two)
    assert split_context(standalone)[0] == "When was Stéphane Roques appointed?"
    three = history(
        ("Who is the CEO of Medicen?", "Stéphane Roques is the CEO of Medicen [1]."),
        ("Who is the president of Medicen?", "Christian Lajoux is the president [2]."),
    )
    assert condense("What does he call clusters?", three).startswith(
        "What does Christian Lajoux call clusters? (Christian Lajoux;"
    )


@pytest.mark.parametrize(
    ("follow_up", "previous", "restated"),
    [
        (
            "and in Saclay?",
            "Which organisations are in Villejuif?",
            "Which organisations are in Saclay?",
        ),
        (
            "What about Cap Digital?",
            "What is Medicen's strategy?",
            "What is Cap Digital's strategy?",
        ),
        ("how about Institut Curie?", "Where is NeuroSpin?", "Where is Institut Curie?"),
        (
            "et à Villejuif ?",
            "Quels organismes sont à Paris ?",
            "Quels organismes sont à Villejuif ?",
        ),
        ("Et Gustave Roussy ?", "Où se trouve l'Institut Curie ?", "Où se trouve Gustave Roussy ?"),
    ],
)
def test_an_elliptic_follow_up_restates_the_previous_question(
    follow_up: str, previous: str, restated: str
) -> None:
    standalone = condense(follow_up, history((previous, "Some answer [1].")))
    assert standalone == restated
    assert split_context(standalone) == (restated, "")
    assert restate(follow_up, standalone, classify(follow_up)) == (restated, classify(restated))


def test_an_elliptic_follow_up_of_an_elliptic_follow_up_keeps_the_first_frame() -> None:
    turns = history(
        ("Who is the CEO of Medicen?", "Stéphane Roques is the CEO of Medicen [1]."),
        ("And Cap Digital?", "The sources do not say [2]."),
    )
    assert condense("and Genopole?", turns) == "Who is the CEO of Genopole?"
    assert condense("And when?", turns[:2]).startswith("And when? (")  # no name: context


@pytest.mark.slow
def test_actions_typed_declines_and_follow_ups_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    action = chat.ask("Could you please book me a meeting with Genopole?")
    assert action.kind == QuestionKind.ACTION.value and not action.grounded and not action.sources
    assert action.answer.startswith("I can't do that")
    phone = chat.ask("What is the phone number of Agoranov?")
    assert not phone.grounded and phone.answer.startswith(DECLINE["en"]), phone.answer
    assert "Agoranov" in phone.answer
    where = chat.ask(
        "et à Paris ?", history(("Quels organismes sont à Villejuif ?", "Gustave Roussy [1]."))
    )
    assert where.standalone == "Quels organismes sont à Paris ?"
    assert where.kind == QuestionKind.LOCATE.value
    # why a subject made a choice the sources tell, not its reason: an explanation declined
    why = chat.ask("Why did GE Healthcare pick Paris over London for its Digital Foundry?")
    assert why.kind == QuestionKind.EXPLAIN.value
    assert not why.grounded and why.answer.startswith(DECLINE["en"]), why.answer
    typo = chat.ask("wher is doctolib based")  # a typo in the word that asks
    assert typo.kind == QuestionKind.LOCATE.value and "Levallois" in typo.answer, typo.answer
    # a role asked by its name, of an organisation whose head no source names
    director = chat.ask("I'd like to email the head of NeuroSpin. What's the director's name?")
    assert not director.grounded, director.answer
    # a place the corpus never names, set against the region, is no subject the sources lack:
    # "why here rather than Londres?" is answered (a rule that declined it was reverted)
    rather = chat.ask("Pourquoi s'implanter en Île-de-France plutôt qu'à Londres ?")
    assert rather.grounded, rather.answer
    # "centre" asked, "centers" written: the date and the place are the sources'
    servier = chat.ask("Where will Servier put its R&D centre and when?")
    assert servier.grounded and "Paris-Saclay" in servier.answer, servier.answer


# --- values named by a noun, a year, a subject in lower case; values that answer best ---------

FOUNDED = "Agoranov was founded in 2000 by four Paris universities and research bodies."


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("whats the deadline for the agoranov call for proposals", "date"),
        ("what dates is the agoranov open day?", "date"),
        ("l'appel à projets d'Agoranov, c'est pour quand ?", "date"),
        ("How many start-ups did Agoranov host in 2019?", "year 2019"),
        ("How many start-ups did Agoranov host?", "count"),
        ("combien de membres compte cap digital ?", "count"),
        ("Who is the CFO of Agoranov?", "officer"),
        ("qui est le directeur financier d'Agoranov ?", "officer"),
        ("What are the opening hours of Agoranov?", "hours"),
        ("What time does Agoranov open on Saturdays?", "hours"),
        ("Who is the French minister of health?", "official"),
        ("Between Agoranov and Medicen, which is the better one to join?", "comparison"),
        ("Entre Agoranov et Medicen, lequel est le meilleur ?", "comparison"),
        ("Qui est le maire de Villejuif ?", "official"),
        ("à quelle heure ferme l'accueil d'Agoranov ?", "hours"),
        ("c'est combien le loyer au m2 chez Agoranov ?", "price"),
        ("Combien de start-ups Agoranov accueille-t-il fin 2026 ?", "year 2026"),
        ("Qui est à la tête d'Agoranov ?", "head"),
        ("Qui a remplacé Jean Dupont à la tête d'Agoranov ?", "succession"),
        ("Who was the CEO of Agoranov before Jean Dupont?", "succession"),
        ("who chaired the agoranov board meeting?", "president"),
        ("I'd like to write to Agoranov. What's the director's name?", "head"),
        ("comment s'appelle le président d'Agoranov ?", "president"),
        ("What is the name of the programme Agoranov runs?", ""),
        ("How long has Jean Dupont been at Agoranov?", "duration"),
        ("Agoranov existe depuis combien de temps ?", "duration"),
        ("Which Agoranov programme would you say is the best one for medtech?", "best"),
        ("quel est le meilleur incubateur de la région ?", "best"),
        ("which of them has the biggest r&d headcount in the region?", "best"),
        ("is it cheaper to run an r&d lab in paris than in munich?", "price"),
        ("combien servier va investir dans son centre r&d de saclay ?", "amount"),
        ("how much will Agoranov invest in its new site?", "amount"),
        ("combien de start-ups ont levé des fonds ?", "count"),
        ("has philips opened an R&D center in ile-de-france?", "whether"),
        ("Did Agoranov exhibit at the summit?", "whether"),
        # open to anything the sources say, or whether something exists: no value asked
        ("Does it play any other role in the ecosystem?", ""),
        ("is there a cluster for diagnostics?", ""),
        ("Est-ce qu'il y a des incubateurs à Évry ?", ""),
        ("Can you tell me about Agoranov?", ""),
        ("How much emphasis does Agoranov put on AI?", ""),
        ("Comment Agoranov offre-t-il une plus grande visibilité aux startups ?", ""),
        ("c'est moins cher de s'installer à Saclay qu'à Paris ?", "price"),
        ("What does Agoranov do?", ""),
    ],
)
def test_a_value_asked_by_its_name_or_a_named_year(question: str, kind: str) -> None:
    assert asked_value(question) == kind


def test_a_yes_or_no_is_not_answered_by_what_its_subject_is() -> None:
    """ "does Agoranov take equity in the startups it incubates?": that it is an incubator is what
    it is, not what is asked of it; the kind's own words ("incubates") are no part of the focus."""
    hosting = "By hosting project leaders, incubators such as Agoranov play key roles in e-health."
    weights = {t: 2.0 for t in tokenize("take equity startups incubates agoranov")}
    asked = "does agoranov take equity in the startups it incubates?"
    assert decline_of(asked, hosting, weights) is not None
    # what it is asked of, held: answered; a word said of every company kind ("group") still asks
    weights = {t: 2.0 for t in tokenize("agoranov incubate health startups")}
    assert decline_of("does agoranov incubate e-health startups?", hosting, weights) is None


def test_what_a_subject_has_come_to_so_far_must_be_said_done() -> None:
    """ "What results has Agoranov delivered so far?" (a list of them) is an outcome: the sources
    must say what it did, not only what it is; a count or an amount asked so far stays one."""
    assert asked_value("What results has Agoranov delivered so far?") == "outcome"
    assert asked_value("Qu'a fait Agoranov jusqu'ici ?") == "outcome"
    assert asked_value("how much funding have they raised so far?") == "amount"
    assert asked_value("How many start-ups has Agoranov hosted to date?") == "count"
    passages, report = passages_and_report(AGORANOV)
    report.weights = {t: 2.0 for t in tokenize("results agoranov delivered")}
    asked = "What results has Agoranov delivered so far?"
    assert typed_decline(asked, "en", passages, report, ORGS, answer="list") is not None
    passages, report = passages_and_report("Agoranov delivered 300 start-ups, its main results.")
    report.weights = {t: 2.0 for t in tokenize("results agoranov delivered")}
    assert typed_decline(asked, "en", passages, report, ORGS, answer="list") is None


def test_a_count_of_no_named_subject_needs_a_number_of_what_is_counted() -> None:
    """ "How many doctors work in Île-de-France?": the region is no subject, yet the count must
    stand in a sentence; "the skills of its doctors" holds none."""
    weights = {t: 2.0 for t in tokenize("doctors work")}
    asked = "How many doctors work in Île-de-France?"
    assert decline_of(asked, "France chose the skills of its doctors.", weights) is not None
    assert decline_of(asked, "About 20,000 doctors work in the region.", weights) is None


def test_a_year_the_sources_do_not_speak_of_is_declined() -> None:
    hosted = "Agoranov hosted 40 start-ups in 2016."
    passages, report = passages_and_report(ROQUES, hosted)
    asked = "How many start-ups did Agoranov host in 2019?"
    assert typed_decline(asked, "en", passages, report, ORGS) is not None
    asked = "How many start-ups did Agoranov host in 2016?"
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_a_subject_typed_in_lower_case_is_read_as_the_passages_write_it() -> None:
    fair = "MedXperience is an open innovation event in Paris for health start-ups."
    passages, report = passages_and_report(fair)
    assert subject_names("whats the deadline for medxperience", [], passages) == ["MedXperience"]
    # a word the passages also write in lower case is no name ("event", not "Event")
    assert subject_names("when is the event", [], passages) == []
    said = typed_decline("whats the deadline for medxperience", "en", passages, report, [])
    assert said is not None and "They say about MedXperience" in said
    # misspelt too, when the word is in no dictionary ("medxperiance"); a word stays a word
    lexicon = Lexicon()
    typo = "whats the deadline for medxperiance"
    assert subject_names(typo, [], passages) == []
    assert subject_names(typo, [], passages, lexicon) == ["MedXperience"]
    assert subject_names("whats the deadline for experience", [], passages, lexicon) == []
    # a word of the dictionaries is that word, though the passages write it only in a name
    ge = "The group GE Healthcare opened a centre in 2016."
    ge_passages, _ = passages_and_report(ge)
    assert subject_names("how many healthcare projects in 2016", [], ge_passages) == ["Healthcare"]
    assert subject_names("how many healthcare projects in 2016", [], ge_passages, lexicon) == []
    # a typo nearer a word the passages write in lower case is that word's
    cluster = "Medicen is a cluster for research in medicine."
    cluster_passages, _ = passages_and_report(cluster)
    assert subject_names("how much medicin research", [], cluster_passages, lexicon) == []
    assert subject_names("when was medicene founded", [], cluster_passages, lexicon) == ["Medicen"]
    said = typed_decline(typo, "en", passages, report, [], lexicon=lexicon)
    assert said is not None and "They say about MedXperience" in said


def test_a_count_about_another_subject_or_of_another_thing_is_declined() -> None:
    """Medicen's 400 members do not count Cap Digital's; a date of another event of the
    subject does not say when it was founded."""
    members = "Medicen is the cluster of the region; it has over 400 members."
    passages, report = passages_and_report(members, "Medicen works with Cap Digital on AI.")
    medicen = from_passages([MEDICEN])
    asked = "combien de membres compte cap digital ?"
    assert typed_decline(asked, "fr", passages, report, ORGS) is not None
    assert (
        typed_decline("How many members does Medicen have?", "en", passages, report, medicen)
        is None
    )
    dated = "Medicen Paris Region wants to be in the top 3 regions by 2022."
    passages, report = passages_and_report(dated, "The Lab was founded by the CCI and Medicen.")
    report.weights = {"medicen": 1.0, "found": 2.0}
    assert typed_decline("when was medicen founded", "en", passages, report, medicen) is not None


def test_what_says_what_or_where_the_subject_is_is_not_what_is_asked_of_it() -> None:
    """ "the Medicen cluster": "cluster" says what Medicen is; a year in a sentence that calls
    Medicen a cluster is no founding year. What is asked of it ("founded") must stand there."""
    medicen = from_passages([MEDICEN])
    dated = "Medicen is France's leading healthcare cluster, aiming for the top 3 by 2022."
    passages, report = passages_and_report(dated)
    report.weights = {"medicen": 1.0, "cluster": 1.5, "origin": 2.0, "found": 2.0}
    asked = "In what year was the Medicen cluster originally founded?"
    assert describing(asked, "Medicen Paris Region", medicen) >= {"cluster"}
    assert typed_decline(asked, "en", passages, report, medicen) is not None
    # a kind's word that is what is asked of the subject still counts ("hospitals" counted)
    assert "hospit" not in describing("How many hospitals does AP-HP have?", "AP-HP", ORGS)
    founded = "Medicen, the cluster, was founded in 2005."
    passages, report = passages_and_report(founded)
    report.weights = {"medicen": 1.0, "cluster": 1.5, "origin": 2.0, "found": 2.0}
    assert typed_decline(asked, "en", passages, report, medicen) is None


def test_a_date_of_another_statement_of_the_sentence_is_not_the_subjects() -> None:
    """ "Servier plans one by 2021, and Sanofi just opened its lab": no date of Sanofi's lab."""
    orgs = from_passages([MEDICEN, ENTRY])
    asked = "When did Medicen open its lab?"
    joined = "Agoranov plans a lab by 2021, and Medicen just opened its lab in Paris."
    passages, report = passages_and_report(joined)
    report.weights = {"medicen": 1.0, "open": 2.0, "lab": 2.0}
    assert typed_decline(asked, "en", passages, report, orgs) is not None
    dated = "Medicen opened its lab in Paris in 2017, and Agoranov plans one."
    passages, report = passages_and_report(dated)
    report.weights = {"medicen": 1.0, "open": 2.0, "lab": 2.0}
    assert typed_decline(asked, "en", passages, report, orgs) is None


def test_another_officer_is_not_the_ceo() -> None:
    passages, report = passages_and_report(ROQUES)
    asked = "Who is the CFO of Medicen Paris Region?"
    assert typed_decline(asked, "en", passages, report, from_passages([MEDICEN])) is not None
    asked = "Who is the CEO of Medicen Paris Region?"
    assert typed_decline(asked, "en", passages, report, from_passages([MEDICEN])) is None


def test_who_came_before_or_after_someone_needs_the_sources_to_tell_it() -> None:
    """The CEO named in the question does not answer who held the role before or after them;
    a sentence that tells the succession does."""
    passages, report = passages_and_report(ROQUES)
    medicen = from_passages([MEDICEN])
    for asked in (
        "Qui a remplacé Stéphane Roques à la tête de Medicen ?",
        "Who was the CEO of Medicen Paris Region before Stéphane Roques?",
    ):
        assert typed_decline(asked, "fr", passages, report, medicen) is not None
    told = "Stéphane Roques succeeded Anne Martin as CEO of Medicen Paris Region in 2018."
    passages, report = passages_and_report(told)
    asked = "Who was the CEO of Medicen Paris Region before Stéphane Roques?"
    assert typed_decline(asked, "en", passages, report, medicen) is None


def test_a_value_counts_only_in_a_sentence_that_answers_well() -> None:
    """A date about the subject that stands far down the evidence (the event's own date, not
    the deadline asked for) does not answer."""
    fillers = [f"Agoranov supports start-up number {n} of its programme." for n in range(6)]
    passages, report = passages_and_report(*fillers, FOUNDED)
    assert typed_decline("When was Agoranov founded?", "en", passages, report, ORGS) is not None
    passages, report = passages_and_report(FOUNDED, *fillers)
    assert typed_decline("When was Agoranov founded?", "en", passages, report, ORGS) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which cluster has more members, Medicen or Agoranov?", "comparison"),
        ("is agoranov better than medicen", "comparison"),
        ("dans quelle ville est installé Agoranov ?", "place"),
        ("Agoranov c'est où ?", "place"),
    ],
)
def test_a_comparison_or_a_place_asked(question: str, kind: str) -> None:
    assert asked_value(question) == kind


def test_a_comparison_the_sources_do_not_make_is_declined() -> None:
    listed = "Clusters such as Medicen and Agoranov are assets of the region."
    passages, report = passages_and_report(listed)
    asked = "Which has more members, Medicen or Agoranov?"
    assert typed_decline(asked, "en", passages, report, ORGS) is not None
    compared = "Medicen has more members than Agoranov."
    passages, report = passages_and_report(compared)
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_a_place_no_sentence_about_the_subject_gives_is_declined() -> None:
    passages, report = passages_and_report(
        "Incubators such as Agoranov play key roles in e-health."
    )
    asked = "In which town is Agoranov?"
    assert typed_decline(asked, "en", passages, report, ORGS) is not None
    passages, report = passages_and_report("Agoranov is an incubator in Paris.")
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_what_asks_when_or_where_an_event_happens_is_no_focus() -> None:
    """ "held", "se passait", "c'était" ask when or where the event is; the sources need not
    use them ("Come see us March 15 at the Palais Brongniart")."""
    fair = "MedXperience: come see us on March 15 at the Palais Brongniart in Paris!"
    for asked, language, weights, everyday in (
        ("Where was MedXperience held?", "en", {"medxperi": 1.0, "held": 2.0}, set()),
        (
            "medxperience 2018 ça se passait où exactement ?",
            "fr",
            {"medxperi": 1.0, "ca": 1.5, "passait": 1.5},
            {"ca", "passait"},  # untranslated everyday French
        ),
    ):
        passages, report = passages_and_report(fair)
        report.language, report.weights, report.everyday = language, weights, everyday
        assert typed_decline(asked, language, passages, report, []) is None
    # what is asked of the event still counts: its price is no place nor date
    passages, report = passages_and_report(fair)
    report.weights = {"medxperi": 1.0, "ticket": 2.0, "held": 2.0}
    assert (
        typed_decline("Where are MedXperience tickets sold?", "en", passages, report, [])
        is not None
    )


def test_the_subject_is_read_in_the_clauses_that_ask_and_i_d_is_no_name() -> None:
    asked = "UK scale-up here. When did Sanofi open its e-health lab?"
    assert subject_names(asked, []) == ["Sanofi"]  # not "UK", what the asker tells
    asked = "For a trial I'd like to know how many staff the biggest hospital network has."
    assert subject_names(asked, []) == []


def test_why_a_subject_chose_needs_the_reason_the_sources_give() -> None:
    assert asked_value("Why did GE Healthcare pick Paris over London?") == "reason"
    assert asked_value("Pourquoi Agoranov a-t-il choisi Paris ?") == "reason"
    assert asked_value("Why did Agoranov choose Gentilly for its lab?") == "reason"
    assert asked_value("why did the Region choose to invest in Agoranov?") == ""  # a purpose
    assert asked_value("Why there and not somewhere else?") == "reason"  # a place chosen
    assert asked_value("et pourquoi là-bas ?") == "reason"
    assert (
        asked_value("Pourquoi Jean Dupont a-t-il quitté son poste pour rejoindre X ?") == "reason"
    )
    # the merits of a place, asked in general, are an explanation of facts, not a reason
    assert asked_value("Why should a pharma company choose the Paris Region?") == ""
    opened = "The group GE Healthcare set up its Paris R&D center, Digital Foundry, in 2016."
    passages, report = passages_and_report(opened)
    asked = "Why did GE Healthcare pick Paris for its Digital Foundry?"
    assert typed_decline(asked, "en", passages, report, []) is not None
    chose = "GE Healthcare chose Paris for the skills of its engineers."
    passages, report = passages_and_report(chose)
    assert typed_decline(asked, "en", passages, report, []) is None
    hosted = "It's no coincidence that the GE Healthcare summit is taking place in Paris."
    passages, report = passages_and_report(hosted)
    assert typed_decline(asked, "en", passages, report, []) is None


def test_a_judgement_or_a_span_the_sources_do_not_give_is_declined() -> None:
    """ "The best one for X" needs a sentence that ranks it on X; "how long" needs a date or a
    span ("since 2015", "for ten years")."""
    hosts = "Agoranov hosts start-ups in medtech and e-health in Paris."
    passages, report = passages_and_report(ROQUES, hosts)
    best = "Which Agoranov programme would you say is the best one for medtech?"
    assert typed_decline(best, "en", passages, report, ORGS) is not None
    how_long = "How long has Agoranov hosted start-ups?"
    assert typed_decline(how_long, "en", passages, report, ORGS) is not None
    ranked = (
        "Agoranov runs the leading medtech programme of Paris and has hosted start-ups since 2000."
    )
    passages, report = passages_and_report(ROQUES, ranked)
    assert typed_decline(best, "en", passages, report, ORGS) is None
    assert typed_decline(how_long, "en", passages, report, ORGS) is None


def test_what_a_value_is_asked_of_is_read_in_either_spelling() -> None:
    """ "its R&D centre" is asked of a source that writes "center": the British and the
    American spelling are one word."""
    from assistant.answer.spelling import spellings

    assert spellings({"centr", "fibr", "year"}) == {"centr", "center", "fibr", "fiber", "year"}
    opens = "Agoranov will have its center in Saclay by 2027."
    passages, report = passages_and_report(ROQUES, opens)
    report.weights = {"agoranov": 1.0, "centr": 2.0}  # what the date is asked of: the centre
    asked = "When will Agoranov have its centre?"
    assert typed_decline(asked, "en", passages, report, ORGS) is None
    report.weights = {"agoranov": 1.0, "lab": 2.0}  # a lab: no sentence dates one
    assert typed_decline("When will Agoranov have its lab?", "en", passages, report, ORGS)


def test_dedans_and_la_bas_point_at_the_thing_named_before() -> None:
    sumil = history(
        ("What is SUMIL?", "SUMIL is a collaborative R&D project on contrast ultrasound.")
    )
    # "il y a" is impersonal: no pronoun to stand for anything, "dedans" is in SUMIL
    assert condense("et il y a quelles boites dedans ?", sumil).startswith(
        "et il y a quelles boites dans SUMIL ?"
    )
    neurospin = history(("Where is NeuroSpin?", "NeuroSpin is in Paris-Saclay."))
    assert condense("et ça coûte combien là-bas ?", neurospin).startswith(
        "et ça coûte combien à NeuroSpin ?"
    )


def test_what_someone_earns_is_declined_when_no_passage_about_them_holds_an_amount() -> None:
    passages, report = passages_and_report(ROQUES)
    declined = typed_decline(
        "How much does the CEO of Medicen make a year?", "en", passages, report, ORGS
    )
    assert declined is not None and declined.startswith(DECLINE["en"])
    paid = "Stéphane Roques, CEO of Medicen, is paid 150,000 € a year."
    passages, report = passages_and_report(paid)
    asked = "How much does the CEO of Medicen make a year?"
    assert typed_decline(asked, "en", passages, report, ORGS) is None


SERVIER = entry("Servier", "pharma group", "Servier is a pharma group in Suresnes.")


def test_a_planned_date_is_no_date_of_something_done() -> None:
    """ "When did Servier's centre finally open?": "Servier plans one by 2021" states a plan;
    asked what will be, the plan answers."""
    orgs = from_passages([SERVIER, MEDICEN])
    plan = "Additionally, Servier plans to have one in Paris-Saclay by 2021."
    passages, report = passages_and_report(plan)
    done = "When did Servier's R&D centre finally open?"
    declined = typed_decline(done, "en", passages, report, orgs)
    assert declined is not None and declined.startswith(DECLINE["en"])
    will = "When will Servier open its R&D centre?"
    assert typed_decline(will, "en", passages, report, orgs) is None
    opened = "Servier opened its R&D centre in Paris-Saclay in 2021."
    passages, report = passages_and_report(opened)
    assert typed_decline(done, "en", passages, report, orgs) is None


def test_whether_a_plan_came_true_is_not_answered_by_the_plan() -> None:
    """ "Did Servier actually open it on schedule?": a plan does not say it was done; a sentence
    that says it was done answers, and so does any clause about the subject that is no plan."""
    orgs = from_passages([SERVIER, MEDICEN])
    assert asked_value("did Servier actually open its centre on schedule?") == "outcome"
    assert asked_value("Servier a finalement ouvert son centre ?") == "outcome"
    assert asked_value("did Servier open its centre?") == "whether"  # yes or no, no outcome
    # whether anyone did it: no plan of a subject's came true or not
    assert asked_value("Has a new building at Genopole finally opened?") == "outcome"
    assert asked_value("Has any company from Canada already done that?") not in (
        "outcome",
        "whether",
    )
    # a count or a date asked, with "finally", stays a count or a date
    assert asked_value("Combien de membres Medicen comptait-il finalement en 2022 ?") != "outcome"
    plan = "Additionally, Servier plans to open its centre in Paris-Saclay by 2021."
    passages, report = passages_and_report(plan)
    report.weights = {"servier": 1.0, "open": 2.0, "centr": 1.0}
    asked = "did Servier actually open its centre on schedule?"
    declined = typed_decline(asked, "en", passages, report, orgs)
    assert declined is not None and declined.startswith(DECLINE["en"])
    opened = "Servier opened its centre in Paris-Saclay in 2021."
    passages, report = passages_and_report(opened)
    report.weights = {"servier": 1.0, "open": 2.0, "centr": 1.0}
    assert typed_decline(asked, "en", passages, report, orgs) is None


def test_whether_a_plan_came_true_is_asked_before_the_year_it_was_planned_for() -> None:
    """ "et il a ouvert finalement en 2021 ?" asks whether it opened, not for a year: "plans to
    have one by 2021" holds the year and is no answer. "we plan to double this number" is no
    doubling, in the clause that speaks of what is asked; a count asked stays a count."""
    orgs = from_passages([SERVIER, MEDICEN])
    assert asked_value("et Servier a ouvert finalement en 2021 ?") == "outcome"
    assert asked_value("est-ce que Medicen a réussi à doubler ses membres finalement ?") == (
        "outcome"
    )
    assert asked_value("how many members did Medicen finally have in 2022?") == "year 2022"
    assert "open" in translate_terms(tokenize("ouvert"))  # the glossary's English
    plan = "Additionally, Servier plans to have one in Paris-Saclay by 2021."
    asked, weights = "et Servier a ouvert finalement en 2021 ?", {"servier": 1.0, "open": 2.0}
    declined = decline_of(asked, plan, weights, orgs, "fr")
    assert declined is not None and declined.startswith(DECLINE["fr"])
    double = (
        "Medicen is quite big; we currently have over 400 members and we are planning to "
        "double this number within the next four years."
    )
    asked, weights = "has Medicen actually doubled its members?", {"doubl": 3.0, "member": 2.0}
    declined = decline_of(asked, double, weights, orgs)
    assert declined is not None and declined.startswith(DECLINE["en"])
    doubled = "Medicen is quite big; it doubled its members to 800 in four years."
    assert decline_of(asked, doubled, weights, orgs) is None


def test_the_biggest_of_no_named_subject_needs_a_ranking_on_what_is_asked() -> None:
    """ "which of them has the biggest R&D headcount?": a sentence that ranks the region on
    something else ("a leader") does not say which; one ranking on headcount does."""
    weights = {"biggest": 1.0, "r&d": 2.0, "headcount": 4.0, "region": 0.5}
    asked = "which of them has the biggest r&d headcount in the region?"
    leader = "Another way in which the Paris Region is a leader in the region's economy."
    declined = decline_of(asked, leader, weights)
    assert declined is not None and declined.startswith(DECLINE["en"])
    ranked = "Agoranov has the largest R&D headcount of the region's incubators."
    assert decline_of(asked, ranked, weights) is None


def test_a_yes_or_no_about_a_subject_needs_a_sentence_about_it_saying_what_is_asked() -> None:
    """ "Did Agoranov exhibit at the summit?": a sentence naming Agoranov for something else
    does not say; one saying it exhibited does."""
    weights = {"agoranov": 1.0, "exhibit": 4.0, "summit": 2.0}
    asked = "Did Agoranov exhibit at the summit?"
    hosting = "By hosting project leaders, incubators such as Agoranov play key roles."
    declined = decline_of(asked, hosting, weights)
    assert declined is not None and declined.startswith(DECLINE["en"]) and "Agoranov" in declined
    exhibited = "Agoranov exhibited its start-ups at the summit in March."
    assert decline_of(asked, exhibited, weights) is None


def test_the_words_asking_whether_it_came_true_are_not_what_is_asked_of_it() -> None:
    """ "did Medicen actually manage to double it?": "manage" asks whether; "I aspire to manage
    this project" says nothing of a doubling."""
    manage = "I am aspiring to manage this project at Medicen and to promote it."
    weights = {"medicen": 1.0, "actual": 1.0, "manag": 2.0, "doubl": 3.0}
    declined = decline_of("did Medicen actually manage to double it?", manage, weights)
    assert declined is not None and declined.startswith(DECLINE["en"])


def test_a_measure_is_declined_when_no_sentence_about_the_subject_gives_one() -> None:
    """ "What's the field strength of NeuroSpin's scanners?": "one of a kind" holds no number."""
    neurospin = entry(
        "NeuroSpin",
        "research institute",
        "NeuroSpin is a research institute in Gif-sur-Yvette.",
    )
    orgs = from_passages([neurospin, MEDICEN])
    asked = "what's the field strength of the scanners at NeuroSpin, 11.7T?"
    assert asked_value(asked) == asked_value("quelle est la surface du site ?") == "measure"
    kind = "In particular, the NeuroSpin high-field neuroimaging center is one of a kind."
    passages, report = passages_and_report(kind)
    report.weights = {"neurospin": 1.0, "field": 2.0, "strength": 2.0, "scanner": 2.0}
    declined = typed_decline(asked, "en", passages, report, orgs)
    assert declined is not None and declined.startswith(DECLINE["en"])
    measured = "NeuroSpin's high-field scanner has a field strength of 11.7 tesla."
    passages, report = passages_and_report(measured)
    report.weights = {"neurospin": 1.0, "field": 2.0, "strength": 2.0, "scanner": 2.0}
    assert typed_decline(asked, "en", passages, report, orgs) is None


def test_what_a_value_is_asked_of_may_be_said_in_a_word_the_glossary_pairs_with_it() -> None:
    """ "Medicen's big target for 2022": "has the ambition to ... by 2022" (the glossary gives
    goal, aim, target and ambition for one French term); a year said of something else does
    not answer."""
    assert english_kin(set(tokenize("target"))) >= set(tokenize("ambition goal aim"))
    ambition = "Medicen has the ambition to become one of the top 3 regions by 2022."
    passages, report = passages_and_report(ambition)
    report.weights = {"medicen": 1.0, "target": 2.0}
    asked = "whats medicen's big target for 2022"
    assert typed_decline(asked, "en", passages, report, ORGS) is None
    other = "Medicen moved to a new building in 2022."
    passages, report = passages_and_report(other)
    report.weights = {"medicen": 1.0, "target": 2.0}
    declined = typed_decline(asked, "en", passages, report, ORGS)
    assert declined is not None and declined.startswith(DECLINE["en"])


def test_a_specific_value_of_no_named_subject_is_declined_when_no_sentence_holds_one() -> None:
    """ "what's the corporate tax rate for a subsidiary?": a rate, of no organisation; the
    sentences hold no rate. A share asked is answered by the sentence that gives one."""
    passages, report = passages_and_report(ROQUES)
    report.weights = {"corpor": 2.0, "tax": 2.0, "rate": 1.0, "subsidiari": 2.0}
    asked = "what's the corporate tax rate for a foreign company's french subsidiary?"
    declined = typed_decline(asked, "en", passages, report, ORGS)
    assert declined is not None and declined.startswith(DECLINE["en"])
    half = "Half of all life sciences research in France is done in the region."
    passages, report = passages_and_report(half)
    report.weights = {"share": 1.0, "life": 2.0, "scienc": 2.0, "research": 1.0}
    assert (
        typed_decline(
            "what share of life sciences research is done here?", "en", passages, report, ORGS
        )
        is None
    )


def test_the_value_asked_is_read_in_the_asking_clause_not_in_what_the_asker_tells() -> None:
    # "need a name for a cold email": the asker's story; "who heads X as CEO?" asks a role
    roques = "Stéphane Roques, CEO of Medicen, discusses his vision."
    passages, report = passages_and_report(roques)
    asked = "who heads medicen as CEO? need a name for a cold email"
    assert typed_decline(asked, "en", passages, report, ORGS) is None
    emailed = typed_decline("what is the email of Medicen?", "en", passages, report, ORGS)
    assert emailed is not None and emailed.startswith(DECLINE["en"])


def test_a_count_is_of_the_thing_counted_and_asked_exactly_no_share_gives_it() -> None:
    """ "combien de chercheurs le CNRS emploie ?": "nine universities" counts no researcher;
    "exactly how many units?": "half of the units" is no number of them."""
    assert holds_value("count", "Inserm has 150 units in the region.", "how many units has Inserm?")
    assert not holds_value(
        "count", "The CNRS, as well as nine universities, are here.", "how many researchers?"
    )
    exactly = "Exactly how many Inserm units are located in the region?"
    assert not holds_value("count", "Half of the units of Inserm are in the region.", exactly)
    assert holds_value("count", "Inserm has 150 units in the region.", exactly)


def test_the_sentence_before_speaks_for_a_value_only_when_taken_up() -> None:
    """ "when was Agoranov founded?": "Agoranov hosts start-ups. In 2016, there were 52 projects
    in France." gives no date of Agoranov; "... It was founded in 2016." does."""

    def report_of(before: str, after: str) -> tuple[list[Passage], EvidenceReport]:
        passages = [Passage("p1", f"{before} {after}", {"title": "doc"}, 0.5)]
        evidence = [Evidence(1, 1, after, 0.8, 0.5, 0.5), Evidence(1, 0, before, 0.7, 0.5, 0.5)]
        report = EvidenceReport("en", evidence, {1: [before, after]})
        report.answerable = True
        return passages, report

    hosts = "Agoranov hosts many start-ups in the region."
    asked = "When was Agoranov founded?"
    passages, report = report_of(hosts, "In 2016, there were 52 projects in France.")
    declined = typed_decline(asked, "en", passages, report, ORGS)
    assert declined is not None and declined.startswith(DECLINE["en"])
    passages, report = report_of(hosts, "It was founded in 2016.")
    report.weights = {"agoranov": 1.0, "found": 2.0}
    assert typed_decline(asked, "en", passages, report, ORGS) is None


def test_the_region_by_its_abbreviation_is_no_subject() -> None:
    """ "combien d'universités en IDF ?" asks of the region every source is about."""
    assert subject_names("Combien d'universités en IDF ?", []) == []
    assert subject_names("how many universities in Ile de France?", []) == []
    assert subject_names("how many universities does Biomedix count?", []) == ["Biomedix"]


def test_whether_a_plan_just_said_came_true_needs_a_sentence_that_says_it_did() -> None:
    """ "so did they actually make it?" after Medicen's big goal: a sentence of the subject that
    shares a word of the goal ("big pharma") says nothing came true; one that says it reached
    the goal does."""
    made = "so did they actually make it?"
    goal = "what's Medicen's big goal"
    aside = "Acting for Medicen is hard: there are big pharma companies and small biotechs."
    passages, report = passages_and_report(aside)
    assert typed_decline(made, "en", passages, report, ORGS, context=goal)
    # the subject put in by condense ("did Medicen actually make it?"): the goal still asked
    restated = "did Medicen actually make it?"
    assert typed_decline(restated, "en", passages, report, ORGS, context=goal)
    reached = "Medicen reached its big goal in 2022, among the top 3 regions."
    passages, report = passages_and_report(aside, reached)
    assert typed_decline(made, "en", passages, report, ORGS, context=goal) is None
    # after what was done, not a goal: a sentence that says it was done answers
    done = "Medicen set up its big Paris office in 2016."
    passages, report = passages_and_report(done)
    asked = "so did they actually set it up?"
    assert (
        typed_decline(asked, "en", passages, report, ORGS, context="what did Medicen do big")
        is None
    )
