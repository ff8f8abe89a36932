"""What kind of answer a question wants, as users phrase it (English and French): where an
organisation's seat is, whether a place holds organisations, where others have set up; who
could join, host or introduce the asker; the help reply with a filler word; a date asked with a
plural noun; an explanation set against unnamed alternatives. And the near-misses that keep
their kind (a thing done by a named organisation, a share, a comparison of two named things)."""

from __future__ import annotations

import pytest

from assistant.answer.question_kind import QuestionKind, classify
from assistant.answer.shapes import siting, town_asked

LOCATE = [
    "doctolib hq?",  # an organisation's seat, no "where"
    "Vous pouvez me donner l'adresse d'Incuballiance ?",  # its address: the directory's town
    "What is Medicen's address?",
    "which department is Orsay in?",  # a town's département, spelt in English
    "what department are Suresnes and Orsay in",
    "And where does GE Healthcare have its French head office?",
    "where do the big pharma companies have their french head offices in the paris region?",
    "We are a medtech company scouting sites near Paris; where have other groups put theirs?",
    "où les autres laboratoires se sont-ils installés ?",
    "y a-t-il déjà un labo pharmaceutique installé dans le 93 ?",  # a département by number
    "are there any medtech companies based in Palaiseau?",
    # where an event takes place or sites are; the subject put after "ils sont où"
    "where does the Alpha summit take place?",
    "où se tient le sommet Alpha ?",
    "where do Alpha and Beta have their sites in the region?",
    "je monte une start-up, ils sont où les incubateurs Alpha et Beta ?",
    "et lesquels sont à Suresnes ?",
    "where in the Hauts-de-Seine is Alpha?",
    "where in the Hauts-de-Seine should a pharma company set up?",  # a hyphenated département
    # where to set up, told first; which players are there, asked
    "On cherche à s'implanter en Essonne. Quels acteurs de la santé y sont déjà installés ?",
]
LISTS = [
    # a list asked after what the asker tells of themselves
    "We're a Korean MRI-coil maker. List the organisations that work on medical imaging.",
    "Tu peux me lister les grands groupes pharma présents en Île-de-France ?",
]
PARTNER = [
    "we're a foreign medtech - who in the paris region works on that and could team up with us?",
    "big companies doing digital health R&D in paris that i could partner with?",
    "Pour un projet d'IA en santé, quel pôle numérique pourrait s'associer à Medicen ?",
    "I need high-field MRI. Which facility should I look at, and who operates it?",
    "je veux lancer un essai clinique a paris, vers qui me tourner ?",
    "As a young medtech firm, who could put me in touch with hospitals to test my product?",
    "qui pourrait me mettre en relation avec des hôpitaux ?",
    "I'm launching an e-health startup. Which incubators could host me?",
    "quels hôpitaux pourraient nous accueillir pour un essai ?",
    # a lab or a team to find, asked of the assistant
    "help me find a lab doing high field MRI brain imaging near paris, we want to colaborate",
    "aidez-moi à trouver une équipe en neuro-imagerie",
    "can you find us a good partner in oncology?",
    # a go-between: who can help the asker reach them
    "Et qui peut m'aider à les approcher tous d'un coup, en tant que labo pharma ?",
    "who could help us reach hospitals?",
]
HELP = [
    "bonjour, tu sers à quoi exactement ?",
    "what do you actually do?",
    # whether it takes questions on a topic: its scope, whatever the topic
    "hey can u answer questions about biotech & hospitals around paris?",
    "je peux vous poser des questions sur les hôpitaux franciliens ?",
    "can I ask questions about pharma companies here?",
    # chit-chat about the assistant itself
    "do you like working here?",
    # who it is and what it draws on, in any words
    "bonjour, vous etes qui et vous pouvez repondre a quoi ?",
    "do u cite sources? what docs are you actually working from?",
    "Bonjour, sur quels sujets pouvez-vous me renseigner ?",
    "bonjour, vous etes quoi exactement ? un chatbot ?",
    # its own sources and where its answers come from
    "what are your sources?",
    "quelles sont vos sources ?",
    "I just joined the regional investment team - what kind of questions can I ask you, and where "
    "do your answers come from?",
    "what sources do you draw your answers from?",
    "cool. and where does your info come from?",
    "d'où viennent tes réponses ?",
]
OTHERS = {
    # a date or a year asked with a plural noun: a fact, not a list
    "what dates is the medxperience sumit on?": QuestionKind.FACT,
    "which department of the CEA runs NeuroSpin?": QuestionKind.FACT,  # a part of it, no place
    "quelles dates pour MedXperience ?": QuestionKind.FACT,
    # where a named organisation opened something: a fact of the passages
    "in which town did sanofi open its e-health innovation lab?": QuestionKind.FACT,
    "dans quelle ville Sanofi a-t-il ouvert son lab e-santé ?": QuestionKind.FACT,
    "In which city was Medicen founded?": QuestionKind.FACT,
    # a share ("quelle part de la recherche"), not a part of the region
    "quelle part de la recherche française se fait en Île-de-France ?": QuestionKind.FACT,
    # one thing against unnamed alternatives: an explanation, not a comparison
    (
        "Hello, we are a US pharma company; could you explain why the Paris Region would be a "
        "sensible choice compared with the alternatives?"
    ): QuestionKind.EXPLAIN,
    "Compare Medicen with Genopole": QuestionKind.COMPARE,
    # a comparison the asker tells of themselves, not the one they ask
    "Where is Alpha Lab? We're comparing locations west of Paris.": QuestionKind.LOCATE,
    "We are comparing two sites. Compare Alpha Lab with Beta Imaging?": QuestionKind.COMPARE,
    "Compare Alpha Lab with Beta Imaging, please. What do they each focus on?": (
        QuestionKind.COMPARE
    ),
    # an opinion asked first, then why: an explanation
    "honestly what do you think, why would we put our R&D centre in the paris region?": (
        QuestionKind.EXPLAIN
    ),
    "à votre avis, pourquoi s'installer en Île-de-France ?": QuestionKind.EXPLAIN,
    # a list of organisations asked by its noun, whatever the verb
    "draft me a short list of the big pharma groups already in the region": QuestionKind.LIST,
    "il me faut une petite liste des incubateurs e-santé": QuestionKind.LIST,
    "Give me the email address of Agoranov.": QuestionKind.FACT,  # no address of a seat
    "What is the address of the Medicen website?": QuestionKind.FACT,
    "Is Genopole on the list of the French biotech parks?": QuestionKind.FACT,  # a yes or no
    "who can help me understand the CSIS?": QuestionKind.FACT,
    "What's the street address of Gustave Roussy?": QuestionKind.FACT,
    "Quelle est l'adresse e-mail de Medicen ?": QuestionKind.FACT,
    "What do you think of the list of priorities?": QuestionKind.FACT,
    # asked about a thing, not whether the assistant answers
    "can you tell me about hospitals around paris?": QuestionKind.FACT,
    # near-misses that stay as they were
    "Where did Sanofi open its e-health lab?": QuestionKind.FACT,
    "Which digital science institute does Inserm collaborate with?": QuestionKind.FACT,
    "Is there a single point of contact for investors in oncology?": QuestionKind.FACT,
    "Which clusters are Medicen's partners in diagnostics?": QuestionKind.LIST,
    "Which part of the region suits a cardiology start-up?": QuestionKind.LOCATE,
}


@pytest.mark.parametrize("question", LOCATE)
def test_locate_as_users_ask(question: str) -> None:
    assert classify(question) == QuestionKind.LOCATE


@pytest.mark.parametrize("question", PARTNER)
def test_partner_as_users_ask(question: str) -> None:
    assert classify(question) == QuestionKind.PARTNER


@pytest.mark.parametrize("question", HELP)
def test_help_with_a_filler_word(question: str) -> None:
    assert classify(question) == QuestionKind.HELP


def test_answering_questions_said_of_someone_else_is_no_help_request() -> None:
    assert classify("how did Medicen answer questions about its budget?") != QuestionKind.HELP


@pytest.mark.parametrize(("question", "kind"), OTHERS.items())
def test_other_kinds_as_users_ask(question: str, kind: QuestionKind) -> None:
    assert classify(question) == kind


def test_where_others_set_up_is_siting_and_a_departement_is_a_town() -> None:
    assert siting("where have other groups recently put their R&D centres?")
    assert not siting("In which town did Sanofi open its e-health lab?")
    assert town_asked("y a-t-il déjà un labo pharmaceutique installé dans le 93 ?") == "93"
    assert town_asked("are there any medtech companies based in Palaiseau?") == "Palaiseau"
    assert town_asked("et lesquels sont à Rueil-Malmaison ?") == "Rueil-Malmaison"


@pytest.mark.parametrize(
    "question",
    [
        "c quoi le meilleur traitement contre la migraine",
        "what's the best treatment for my headache?",
        "how do I treat a migraine?",
        # the care of the asker or a relative: where, by whom, at what cost or wait
        "my father needs heart surgery, which hospital in paris should he go to?",
        "I have breast cancer, should I get treated at Curie or Gustave Roussy?",
        "what's the best hospital in Paris for my knee surgery?",
        "Is chemotherapy at Curie covered by my insurance?",
        "Mon fils a une maladie rare, quel hôpital consulter ?",
        # a carer or a place of care sought for oneself; a relative's illness
        "which hospital should I go to for a broken arm?",
        "which doctor should I see for my back?",
        "recommend me a good oncologist in paris",
        "trouve-moi un bon médecin à Paris",
        "my dad has cancer, which hospital is best for him?",
        "ma mère a un cancer, quel hôpital ?",
        "what's the best hospital for my mom's cancer?",
        "i need a good cardiologist in paris",
        "can you recommend a doctor in paris?",
        "where can i find a dentist?",
        "ma mère a un cancer du sein, quel hôpital ?",
        "mon père a une maladie grave, quel hôpital ?",
        "my dad has cancer of the pancreas, which hospital should we pick?",
        "comment on va à Gustave Roussy ?",
        "My mother was just diagnosed with early-stage breast cancer. Which treatment for her?",
        "any good resturants near the palais brongniart for a business lunch?",
        "mon CDD se termine le mois prochain, est-ce que j'aurai droit au chômage ?",
        "je cherche un master en santé numérique, tu me conseilles lequel ?",
        # the asker's own studies; where shares are heading
        "quel master faire pour bosser dans la biotech plus tard ?",
        "which degree should I take to work in pharma?",
        "biotech stocks going up??",
        # the asker's own path, a text to translate, lunch nearby, what becomes of their messages
        "3rd year of my phd and i'm miserable. should i quit and join a startup?",
        "dois-je abandonner ma thèse pour une startup ?",
        "translate to french pls: 'we are looking for a hospital partner'",
        "any good place for lunch walking distance from the summit?",
        "où déjeuner près du palais brongniart ?",
        "est-ce que mes messages sont enregistrés quelque part ?",
        "Should I put my savings into Sanofi shares right now?",
        # the asker's own pain or lump, and whether to worry
        "ok merci. j'ai une douleur au sein depuis 2 semaines, je dois m'inquiéter ?",
        "I have had a lump for a month, should I worry?",
        # the carer a recommendation picks
        "tu me conseilles quel dentiste près de Bastille ?",
        "can you recommend me which gp to see in Évry?",
        # the treatment a recommendation picks; a text put into a language
        "et tu me conseilles quelle chimio pour un cancer du sein ?",
        "which drug should I take for my migraine?",
        "tu peux me traduire en allemand : « nous cherchons un partenaire clinique » ?",
        "which is the best hospital in paris for heart surgery?",
        "quel est le meilleur hôpital pour une chirurgie cardiaque ?",
        # the asker's own file; what the assistant would do or foresees
        "super, et tu peux me résumer le rapport pdf que je t'ai envoyé hier ?",
        "Which international school in the west of Paris would you recommend for my two kids?",
        "Is it safe to share my medical records with apps like that? What would you do?",
        "Do you think they'll actually make it?",
        "tu penses qu'ils vont y arriver ?",
    ],
)
def test_medical_advice_for_the_asker_is_out_of_scope(question: str) -> None:
    assert classify(question) == QuestionKind.OUT_OF_SCOPE


@pytest.mark.parametrize(
    "question",
    [
        "which institutes develop new treatments for cancer?",
        "my mum is starting chemo, is there an app from the curie institute to follow her?",
        "Which specialists work on rare diseases at AP-HP?",
        "which hospital should we approach for a clinical trial?",
        "How many patients does AP-HP treat each year?",
        "which hospitals should we approach for clinical trials?",
        "which hospital should I approach for a partnership?",
        "my partner has a lab in Lyon, who should we contact?",
        "mon ami a une startup, quel incubateur ?",
        "which doctor leads Gustave Roussy?",
        # a relative's project in a field, doctors sought for research, visits for a trial
        "my partner has an infectious disease startup, who should she talk to in paris?",
        "my friend has a cancer research lab, which institutes could partner with him?",
        "mon ami a un projet cancer, qui contacter ?",
        "which hospitals should i visit to set up a clinical trial?",
        "where can i find doctors interested in digital health?",
        "does lajoux suggest doctors and engineers work together?",
        "we need a doctor to join our startup",
        "find a specialist to join our board",
        "how can i get funding from the region?",
        "how do we get to market from Germany?",
        # reaching or joining an organisation; a market, a level, a goal; carers for research
        "how can we reach Medicen?",
        "comment rejoindre Medicen ?",
        "how do we get to the European market?",
        "how do we get to Gustave Roussy's level of expertise in oncology?",
        "how do we go to the US market from Paris?",
        "how to get to 800 members from 400?",
        "i'm looking for a specialist in medical imaging to partner with, who should i contact?",
        "je cherche un médecin investisseur pour ma startup",
        "i need a doctor's opinion on our app, which hospital runs clinical trials?",
        "i'm building an app for my dad's cancer, which incubator can help?",
        "we want to find a physician partner for our clinical study",
        "quel modèle économique pour une biotech ?",
        "which masters degree programmes does Paris-Saclay offer?",
        "which actions does Medicen take to raise funds?",
        "should we join Medicen or Cap Digital?",
        "quelles actions font monter l'attractivité de la région ?",
        "did Doctolib's valuation rise?",
        "is our data shared with hospitals through TERR-eSANTE?",
        "should I give up on applying to Medicen's call for proposals?",
        "is there a place for our lab in the Saclay cluster?",
        "what studies are being done at Curie?",
        # getting to know people or a market is no journey
        "how can i get to know the key players in paris region?",
        "how can i get to know investors from the US?",
        "how to get a foothold in the paris pharma market?",
        "comment aller à l'international avec ma startup medtech ?",
        "Should my team go to Genopole or Saclay?",
        "Should I consult the ANSM before starting a trial?",
        "For my cancer research project, which labs are relevant?",
        "Which doctor at AP-HP leads the oncology trials?",
        "Quel médecin a fondé Carmat ?",
        "Comment les dispositifs médicaux sont-ils remboursés par la sécurité sociale ?",
        "What are the waiting times for regulatory approval of a clinical trial?",
        "How much would the CIR reduce our taxes?",
        "How does the income tax regime for impatriates work for foreign researchers?",
        # whether to worry about something of the ecosystem; a field told of a project
        "should I worry about the competition from Munich?",
        "dois-je m'inquiéter de la concurrence ?",
        "we work on pain management devices, who could we partner with?",
        # a recommendation of the ecosystem, an opinion asked, a place to live and work
        "Which hospital network does Medicen recommend for trials?",
        "how would you say the Paris Region compares with Munich?",
        "where could we live and work near Saclay for our start-up?",
        "Which schools for engineers are in the region?",
        "how does Medicen translate research into products?",
        "can you suggest which doctors to invite to our advisory board?",
        "quelle ville pour vivre et travailler dans la biotech en Île-de-France ?",
        # the ecosystem's treatments and languages
        "which therapies does Servier develop?",
        "quels traitements les start-ups conseillées par Medicen développent-elles ?",
        "is the MedXperience programme translated into English?",
        "which is the best hospital for cancer research in paris?",
        "best hospital for cancer trials in Paris?",
        "what would you do with 10 million to invest in Paris?",
        "do you think the region is attractive?",
        "which projects did we send to Medicen?",
        # a translation the ecosystem makes; a view the sources give; hospitals compared
        "how does Medicen translate innovation in French hospitals into business?",
        "do you think it will be a game changer?",
        "tu penses qu'il va changer la donne ?",
        "which are the best hospitals for gene therapy in France?",
        "which engineering schools are good for my start-up recruiting?",
    ],
)
def test_treatments_of_the_ecosystem_stay_questions(question: str) -> None:
    assert classify(question) != QuestionKind.OUT_OF_SCOPE


@pytest.mark.parametrize(
    "question",
    [
        "Which AI model are you?",
        "are you a bot?",
        "Es-tu une IA ?",
        "Are you human?",
        "t'es basé sur quel modèle au juste ? chatgpt ?",
    ],
)
def test_what_the_assistant_is_gets_the_help_reply(question: str) -> None:
    assert classify(question) == QuestionKind.HELP
    assert classify("Which AI model does Owkin use?") != QuestionKind.HELP


@pytest.mark.parametrize(
    "question",
    [
        "tu peux me conseiller un bon resto près de la gare de lyon ?",
        "any nice hotel near paris-saclay for the summit?",
        "where to eat near the Palais Brongniart?",
        "how do i get to gustave roussy from CDG?",
        "comment se rendre à NeuroSpin depuis Paris ?",
        "can you translate this into french?",
        "il va faire quel temps à Saclay demain ?",
        "il fait quel temps a saclay demain",
        "Could you translate our pitch into French?",
        # work on the user's own text
        "can you translate my cover letter into French?",
        "please proofread our pitch deck before we send it to Medicen",
        "Pouvez-vous traduire ma lettre de candidature pour l'Institut Curie ?",
        "peux-tu corriger ce texte sur notre start-up ?",
        # the asker's own investments
        "Should I buy Sanofi shares right now?",
        "faut-il acheter des actions Sanofi ?",
        "dois je acheter des actions sanofi",
        # the weather in other words, living in the city, the asker's own taxes
        "Et il fera beau à Paris ce week-end ?",
        "will it rain in Évry tomorrow?",
        "Do you think Lyon is a nicer place to live than Paris?",
        "Je viens d'arriver en France, comment je déclare mes impôts sur le revenu ?",
        "quel temps fait-il à Évry ?",
        # a home to find
        "any cheap apartments to rent near Saclay?",
        "tu connais un logement pas cher vers Villejuif ?",
        "I need to find a flat in Évry for my intern",
        "which area should we live in once we move to Saclay?",
        "quelle ville nous conseillez-vous pour habiter près d'Évry ?",
        # a school for the asker's children
        "is there a bilingual school for our two kids near Saclay?",
        "une bonne école pour mes enfants à Orsay ?",
        # a word to translate, a forecast asked, the markets
        "How do I say clinical trial in Japanese?",
        "comment dit-on essai clinique en allemand ?",
        "how do you say 'incubator' in Chinese?",
        "comment on dit pôle de compétitivité en anglais ?",
        "Can you predict Sanofi's results next year?",
        "what's the share price of Sanofi?",
        "Which train goes from Paris to Lyon?",
        "quel bus pour aller à Genopole ?",
        "comment aller à villejuif depuis la gare de lyon ?",
        "what's the best way to get to villejuif from paris?",
        "how do i reach gustave roussy by metro?",
        "comment aller à villejuif ?",  # a place of the world
        "how do I get to Gustave Roussy?",  # a name
        "comment aller à l'hôpital Cochin ?",  # a building
        # the asker's own symptoms
        "by the way, I've had a bad cough for weeks, should I be taking antibiotics?",
        "j'ai de la fièvre depuis hier, que faire ?",
        # the asker's own job
        "je suis infirmière à lyon, est-ce que je devrais demander une mutation à paris ?",
        "should I quit my job to join a startup?",
        # the carer the asker or a relative should ask or go to
        "chest pain since yesterday - should I go to an AP-HP emergency room or can it wait?",
        "my mother starts chemo next week - should she ask her oncologist for another drug?",
        # the assistant's own tastes and choices
        "Honestly, what's your personal take - do you like Kardiolib?",
        "which of those stocks would you personally buy right now?",
        "your personal take: would you put a biotech start-up in Paris or in Boston?",
    ],
)
def test_where_to_eat_sleep_or_go_in_the_city_is_out_of_scope(question: str) -> None:
    assert classify(question) == QuestionKind.OUT_OF_SCOPE


@pytest.mark.parametrize(
    "question",
    [
        "which hotel groups invest in e-health?",
        "where is the best hospital for cardiology?",
        "how do we get from Medicen a letter of support?",
        "how can i get funding from the region?",
        "How do we get to market with a medical device in France?",
        "How do academic discoveries translate into startups in the Paris Region?",
        "How do I translate my research results into a product?",
        "comment traduire nos résultats de recherche en produit ?",
        # text work of others, or asked how to do
        "does medicen review our application?",
        "est-ce que medicen peut relire notre dossier de candidature ?",
        "who will review our application for the call for proposals?",
        "comment améliorer notre dossier de candidature ?",
        "which investors buy shares in biotech start-ups?",
        "do we know which funds buy shares in paris biotechs?",
        "should we invest in Paris-Saclay?",
        "Comment aller au-delà du stade de la preuve de concept ?",
        "How do we get to market with a device from Germany?",
        "Which is the best hospital, Hôtel-Dieu or Cochin?",
        "Quels sont les meilleurs cafés scientifiques organisés par l'Inserm ?",
        "Quel temps de réponse pour une candidature à Agoranov ?",
        "Quel est le taux du crédit d'impôt recherche ?",
        "Where do most researchers of the region live and work?",
        "How would you say Medicen differs from Cap Digital?",
        "Which organisation can contact investors for us?",
        "Does Medicen charge a flat fee for membership?",
        "How can we say that Paris is the leading European region for pharma?",
        "Which lines of research does Inserm run in Paris?",
        "Should I be taking part in MedXperience?",
        # a founder's project, not the asker's symptoms; research lines, not bus lines
        "I have an infection diagnostics start-up, which cluster should I join?",
        "I've got a migraine app, which incubator could help me?",
        "should I be taking my startup to MedXperience?",
        "j'ai une migraine app, quel incubateur ?",
        "which lines for research does Medicen prioritise?",
        "should I move my startup to Paris?",
        "dois-je installer ma startup à Saclay ?",
        "We have a cold chain for vaccines: which logistics partners are there?",
        "my mum is starting chemo, is there an app from the institute to follow her at home?",
        "should we go to the hospital network AP-HP for clinical trials?",
        "what do you think of Kardiolib's app?",
        "Would you personally say Medicen is the leading cluster?",
        "si vous aimez la recherche, quels instituts visiter ?",
        "should I ask my doctor about Appli Chimio?",
        "should I go to a hospital or is there a startup that does teleconsultation?",
    ],
)
def test_the_citys_businesses_and_hospitals_stay_questions(question: str) -> None:
    assert classify(question) != QuestionKind.OUT_OF_SCOPE


def test_registering_the_askers_own_thing_is_a_request_to_act() -> None:
    assert classify("register my startup for the summit's call for proposals") == (
        QuestionKind.ACTION
    )


@pytest.mark.parametrize("question", LISTS)
def test_lists_as_users_ask(question: str) -> None:
    assert classify(question) == QuestionKind.LIST
