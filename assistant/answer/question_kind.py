"""What kind of answer a question wants, decided before composing, in English and French:
a fact, a list, a comparison, an explanation, the help reply, a request to act (which the
assistant cannot do), or nothing we cover."""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.answer.addressed import about_assistant, asks_to_act, content_words
from assistant.answer.care import CARE
from assistant.answer.condense import split_context
from assistant.answer.journeys import asks_the_way
from assistant.answer.questions import CLAUSE_END, asking, asks_for_list
from assistant.answer.seeking import seeks_partner, seeks_place


class QuestionKind(StrEnum):
    FACT = "fact"  # who, what, when, where, how many
    LIST = "list"  # which organisations, name, list ...
    COMPARE = "compare"  # compare, difference, versus
    EXPLAIN = "explain"  # why, how
    LOCATE = "locate"  # where is X, where to set up, which organisations are in a town
    PARTNER = "partner"  # who could we work with on X, which labs work on X
    HELP = "help"  # hello, thanks, what can you do
    OUT_OF_SCOPE = "out_of_scope"  # the weather, a joke, a poem
    ACTION = "action"  # book me a meeting, send an email, inscris-moi: not something it can do


GREETING = re.compile(
    r"^\s*(hello|hi|hey|good (morning|afternoon|evening)|greetings|bonjour|bonsoir|salut|coucou"
    r"|thanks?( you)?( very much| a lot)?|many thanks|merci( beaucoup)?|ok(ay)?|great|super)"
    r"(\s+there)?\b[\s!,.;:]*",
    re.IGNORECASE,
)
HELP = re.compile(
    r"\b(what|how) (can|could|do|else can) (you|u) (do|help|offer|answer|tell)|"
    r"\bwhat (do|can) you (know|cover|do)\b|\bhow (does|do) (this|it|you) work\b|"
    r"\bwho are you\b|\bwhat are you\b|^\s*(help|aide|menu)\s*[?!.]*\s*$|"
    r"\bhelp me\s*[?!.]*\s*$|\bwhat is this (app|assistant|tool)\b|"
    r"\b(que|qu['’]est-ce que) (peux|pouvez|sais|savez)[- ](tu|vous)|"
    r"\b(peux|pouvez)[- ](tu|vous) m['’]aider\b|\bqui (es-tu|êtes-vous|etes-vous)\b|"
    r"\bcomment (ça|ca) marche\b|\bà quoi (sers-tu|servez-vous)\b",
    re.IGNORECASE,
)
# what the assistant is, whatever the words: "which AI model are you?", "are you a bot?"
WHAT_YOU_ARE = re.compile(
    r"\b(which|what) (ai|model|llm|language model)( \w+)? (are you|is this|do you use)\b|"
    r"\bare you (an? )?(ai|bot|robot|human|chatgpt|gpt)\b|\b(es-tu|êtes-vous|etes-vous) (une? )?"
    r"(ia|robot|humain|chatgpt)\b|"
    r"\b(t['’]es|tu es|vous [êe]tes|es-tu|[êe]tes-vous) bas[ée]e?s? sur quel (mod[èe]le|llm|ia)\b|"
    r"\bquel (mod[èe]le|llm) (es-tu|[êe]tes-vous|utilises-tu|tu utilises)\b",
    re.IGNORECASE,
)
OUT_OF_SCOPE = re.compile(
    r"\b(weather|forecast|météo|joke|blague|poem|poème|poeme|song|chanson|recipe|recette|"
    r"football|horoscope|lottery|bitcoin|crypto|stock price|cours de bourse)\b|"
    # the weather asked in other words: "il va faire quel temps à Saclay demain ?", "il fera
    # beau ce week-end ?", "will it rain tomorrow?"
    r"\bquel temps (?:fait|fera|va)\b|\bfaire quel temps\b|\b(?:fera|fait|va faire)(?:-t-il)? "
    r"(?:beau|chaud|froid)\b|\b(?:va|vas|va-t-il) pleuvoir\b|\b(?:will|is) it (?:going to )?"
    r"(?:rain|snow|be sunny|be cold|be hot)\b|"
    # living in the city, the asker's own taxes: "a nicer place to live", "mes impôts"
    r"\b(?:nicer|better|best|good|cheaper|nice) (?:place|city|town|area) to live\b|"
    r"\bwhere (?:to|should (?:i|we)) live\b|\bcost of living\b|"
    # a home to find: "un appart pas cher à Villejuif", "a flat near Saclay", "une coloc"
    r"\b(?:apartments?|appartements?|apparts?|logements?|colocs?|colocations?|flatshares?|"
    r"accommodation|airbnb|(?:rent|find|cheap)\s+(?:a\s+)?flat)\b|"
    r"\bo[uù] (?:habiter|vivre|se loger)\b|"
    # the asker's own job: "est-ce que je devrais demander une mutation ?", "should I quit my job?"
    r"\b(?:should|shall) i\b[^?]{0,40}\b(?:quit|resign|leave|change) my (?:job|post|position)\b|"
    # "should i quit and join a startup or tough it out?", "dois-je abandonner ma thèse ?"
    r"\b(?:should|shall) i (?:just )?(?:quit|drop out|tough it out|stick it out)\b|"
    r"\b(?:dois-je|devrais-je|je devrais|est-ce que je devrais)\b[^?]{0,20}\b(?:arr[êe]ter|"
    r"abandonner|l[âa]cher) (?:ma|mon) (?:th[èe]se|doctorat|phd|master|[ée]tudes)\b|"
    r"\b(?:should|shall) i (?:ask|apply) for a (?:transfer|raise|promotion)\b|"
    r"\b(?:dois-je|devrais-je|je devrais|je dois|est-ce que je devrais)\b[^?]{0,30}\b(?:mutation|"
    r"d[ée]missionner|changer de (?:poste|travail|job|boulot)|augmentation)\b|"
    # the asker's own benefits and studies: "aurai-je droit au chômage ?", "quel master ?"
    r"\b(?:ch[ôo]mage|unemployment benefits?|p[ôo]le emploi|france travail|arr[êe]t maladie|"
    r"sick leave)\b|\b(?:un|une|a|an) (?:master|mba|formation|licence|bachelor|degree)\b[^?]{0,40}"
    r"\b(?:conseill\w*|recommand\w*|recommend\w*|lequel|laquelle|which one)\b|"
    # "quel master faire pour bosser dans la biotech ?", "which degree should I take?"
    r"\b(?:quel|quelle|quels|which|what) (?:masters?|mba|formations?|licences?|bachelors?|"
    r"degrees?|dipl[ôo]mes?|[ée]tudes|cursus|phd|doctorat)\b[^?]{0,20}\b(?:faire|choisir|suivre|"
    r"pr[ée]parer|should (?:i|we)|(?:do|to) (?:take|do|choose|pick|study))\b|"
    r"\b(?:my|our) (?:income )?tax returns?\b|\b(?:declare|file|pay) (?:my|our) (?:income )?"
    r"taxes\b|\b(?:d[ée]clar\w*|pay\w*) (?:mes|nos) imp[ôo]ts\b|"
    # everyday life in the city, not its health ecosystem: where to eat, sleep, go out ("un bon
    # resto près de la gare de Lyon ?", "a nice hotel near the summit?"; the Hôtel-Dieu is a
    # hospital)
    r"\b(recommend\w*|conseill\w*|suggest\w*|good|nice|cheap|best|bons?|bonnes?|sympa|"
    r"meilleure?s?)\b[^?.]{0,30}\b(rest\w{0,3}rants?|restos?|brasseries?|hotels?|hôtels?(?!-))(?![\w-])|"
    r"\b(where|o[uù]) (to )?(eat|sleep|stay|manger|dormir|sortir)\b|"
    # "any good place for lunch near the summit?", "où déjeuner près du palais ?"
    r"\b(place|spot|somewhere|endroit|coin)s? (for|to have|to grab|pour) (a )?(lunch|dinner|"
    r"breakfast|brunch|coffee|drinks?|d[ée]jeuner|d[îi]ner|boire un verre|prendre un caf[ée])\b|"
    r"\b(where|o[uù]) (can i |could i |can we |to |peut-on |puis-je )?(have |grab |get )?"
    r"(lunch|dinner|breakfast|brunch|d[ée]jeuner|d[îi]ner)\b|"
    # getting about the city ("how do I get to X from CDG?", "comment se rendre à X ?"), the
    # time, translating a text; "how do we get to market?" stays a question
    r"\bhow (do|can|should|would) (i|we) get (to|from|there)\b[^?]{0,60}\b(airport|a[ée]roport|"
    r"cdg|orly|station|gare|metro|métro|rer|train|bus|taxi|by car)\b|"
    r"\b(directions|itinerary) to\b|\bcomment (se|me|nous) rendre (à|a|au|aux|jusqu)|"
    # a timetable: "which train goes from Paris to Lyon?", "quel bus pour Évry ?"
    r"\b(which|what|quel|quels|quelle) (trains?|metros?|métros?|bus|buses|flights?|vols?|rer|"
    r"trams?) (goes|go|runs?|leaves?|from|to|for|pour|va|vont|part)\b|"
    r"\b(itin[ée]raire|what time is it|quelle heure est-il)\b|"
    r"\btranslate (this|that|it|these|the following)\b|\b(traduis|traduisez)\b|"
    r"\btranslate (in)?to (french|english|german|spanish|italian|chinese|japanese)\b|"
    # work on the user's own text asked of the assistant: "proofread our pitch deck", "pouvez-
    # vous traduire ma lettre ?" ("does Medicen review our application?" asks about Medicen)
    r"(^\s*|\b(can|could|would|will) (you|u) (please )?|\b(please|pls|kindly) |"
    r"\b(peux|pouvez|pourriez|pourrais)[- ](tu|vous) (me |nous )?|"
    r"\b(tu|vous) (peux|pouvez|pourrais|pourriez) (me |nous )?|\bmerci de )"
    r"(translate|proofread|proof-read|correct|edit|rewrite|reword|polish|improve|review|"
    r"traduire|relis|relire|relisez|corrige[rz]?|r[ée][ée]cri[st]|r[ée][ée]crire|reformule[rz]?|"
    r"am[ée]liore[rz]?)[\s-]+(moi\s+|nous\s+)?(my|our|this|the attached|ma|mon|mes|notre|nos|"
    r"cette|ce|ces)\s+([\w-]+\s+){0,2}?(letter|lettre|e-?mail|mail|courriel|cv|resume|"
    r"r[ée]sum[ée]|application|candidature|text|texte|document|pitch|deck|draft|paragraph|"
    r"paragraphe|essay|message|post|contract|contrat|file|fichier|abstract|proposal|bio|"
    r"pr[ée]sentation|article|dossier)s?\b|"
    r"\bhow (do|can) (i|we) say\b(?!\s+that)|\bcomment (on )?dit-on\b|"
    # a forecast asked of the assistant, the markets: "can you predict Sanofi's stock?"
    r"\b(can|could|would) (you|u) (predict|forecast|guess)\b|\b(peux|pouvez)[- ](tu|vous) "
    r"(pr[ée]dire|pr[ée]voir|deviner)\b|\b(share price|stock market|stock exchange)\b|"
    # where shares are heading: "biotech stocks going up??"
    r"\b(stocks|shares)\b[^?.]{0,20}\b(go(ing)? (up|down)|goes (up|down)|"
    r"ris(e|es|ing)|fall(s|ing)?|drop(s|ping)?|climb(s|ing)?|crash(es|ing)?|monter|baisser|"
    r"grimper|chuter|remonter)\b|"
    # the asker's own investments: "should I buy Sanofi shares?", "faut-il acheter des actions"
    r"\b(should|shall|can|could|would) (i|we)\b[^?.]{0,20}\b(buy|sell|invest in|put (my|our) "
    r"(savings|money|cash) (in|into))\b[^?.]{0,30}\b(shares|stocks?|equities)\b|"
    r"\b(faut[- ]il|dois[- ]je|devrais[- ]je|devrions[- ]nous|"
    r"je dois|je devrais|on doit)\b[^?.]{0,20}\b(acheter|vendre)\b[^?.]{0,30}\bactions\b|"
    # what becomes of the asker's messages: "est-ce que mes messages sont enregistrés ?"
    r"\b(my|mes) (messages|conversations?|chats?|questions)\b[^?.]{0,20}"
    r"\b(stored|saved|recorded|kept|logged|enregistr\w+|stock[ée]\w*|conserv[ée]\w*|"
    r"sauvegard[ée]\w*)|"
    rf"{CARE}",
    re.IGNORECASE,
)
COMPARE = re.compile(
    r"\b(compare|compared|comparing|comparison|versus|vs\.?|differences? between|differ|"
    r"distinguish|compar(er|ez|aison)|différences? entre|differences? entre|"
    r"se distingue)\b",
    re.IGNORECASE,
)
# "compared with the alternatives", "par rapport aux autres": one thing set against unnamed
# others is an explanation of its merits, not a comparison of two named things
UNNAMED_OTHERS = re.compile(
    r"\b(compared|comparing|comparison|compar(er|ez|aison)|versus|vs\.?)\s+(with|to|against|"
    r"avec|à|a|aux|au)?\s*(the |les |des |d['’])?(alternatives?|others?|other \w+|rest|"
    r"elsewhere|competitors?|competition|autres?|ailleurs|concurren\w*)\b",
    re.IGNORECASE,
)
# "what dates is the summit on?", "quels jours ?": a date, a fact (not a list of dates)
WHEN = re.compile(
    r"\b(what|which|quels?|quelles?)\s+(\w+\s+)?(dates?|days?|years?|months?|times?|hours?|"
    r"jours?|années|annees|ans|mois|heures?|horaires?)\b",
    re.IGNORECASE,
)
ORGANISATION_NOUNS = (
    r"organi[sz]ations?|organismes?|companies|company|firms?|entreprises?|sociétés|societes|"
    r"institutes?|instituts?|institutions?|clusters?|pôles?|poles?|incubators?|incubateurs?|"
    r"start-?ups?|groups?|groupes?|hospitals?|hôpitaux|hopitaux|laborator(y|ies)|labs?|"
    r"universities|universités|networks?|réseaux|programmes?|programs?|players?|acteurs?|"
    r"pharma|biotechs?|medtechs?|members?|membres?|partners?|partenaires?|bod(y|ies)"
)
LIST = re.compile(
    rf"^\s*(please\s+)?((can|could|would) (you|u) (please )?|(pouvez|peux)[- ](vous|tu) (me )?|"
    rf"(tu|vous) (peux|pouvez|pourrais|pourriez) (me |nous )?)?"
    rf"(name|list|cite|enumerate|give( me)?|show( me)?|citez|nommez|listez|citer|nommer|lister|"
    rf"liste|cite|nomme|donne[zr]?( moi)?|énumérez|énumérer)\b.*\b({ORGANISATION_NOUNS})\b",
    re.IGNORECASE,
)
# "draft me a short list of the big pharma groups ...", "une petite liste des incubateurs"
LIST_OF = re.compile(
    # not "is X on the list of ...?" (a yes or no)
    r"(?<!\bon )(?<!\bin )(?<!\bsur )\b(a|an|the|my|une|la|ma|notre)\s+"
    r"((short|quick|full|complete|brief|petite|courte)\s+)?"
    rf"(list|shortlist|short-list|liste)\s+(of|des|de|du|d['’])\b.*\b({ORGANISATION_NOUNS})\b",
    re.IGNORECASE,
)
NUMBERS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|sept|huit"
# "Give me a few examples.", "quelques exemples ?"; "What are the 3 fields ...?", "Quels sont
# les trois piliers ?": a list asked by its examples or by its count
LIST_ASKED = re.compile(
    r"\b(give|show|name|cite|list|provide|donne[zr]?|citez|citer)( me| us| moi| nous)?"
    r"( (a few|some|several|any|more|other|quelques|des|d['’]autres|\d+|two|three))? "
    r"(examples?|exemples?)\b|\b(quelques|des|d['’]autres) exemples\b|"
    rf"^\s*(what|which) (are|were) (the|its|their) ({NUMBERS}) \w+|"
    rf"^\s*(quels|quelles) (sont|étaient) (les|ses|leurs) ({NUMBERS}) \w+",
    re.IGNORECASE,
)
# "big pharma already set up in idf? just list them pls", "tu peux me les lister ?": a list asked
# of what the question names, by the verb, wherever it stands
LIST_THEM = re.compile(
    r"(^|[.?!,;:-]\s*|\b(just|please|pls|can you|could you)\s+)(list|name|enumerate)\s+(them|those|"
    r"these|all of them|them all)\b|"
    r"\b(me les|nous les)\s+(lister|citer|nommer|énumérer|enumerer)\b|"
    r"(^|[.?!,;:-]\s*)(liste|listez|cite|citez|nomme|nommez)[- ](les|moi-les)\b",
    re.IGNORECASE,
)
EXPLAIN = re.compile(
    r"^\s*(why|pourquoi|how(?! (many|much|old|long|far|big|often|large))|comment|"
    r"what (makes|explains|are the reasons?)|in what way|de quelle (manière|façon)|"
    r"qu['’]est-ce qui (fait|explique))\b",
    re.IGNORECASE,
)
# "could you explain why the Paris Region...", "pouvez-vous m'expliquer pourquoi...": an
# explanation asked within a longer question
EXPLAIN_ASKED = re.compile(
    r"\b(explain|expliquer|expliquez|explique|tell (me|us)|dites-(moi|nous)|dis-moi)\s+"
    r"(why|how|pourquoi|comment|en quoi)\b|"
    # "can you explain the animating one a bit more?", "peux-tu m'expliquer le pilier ?"
    r"\b(can|could|would) you (please )?explain\b|^\s*(please )?explain\b|"
    r"\b(m['’]|nous )?expliquer (le|la|les|ce|cette|ces|son|sa|ses|leur|leurs)\b|"
    # "ça marche comment ?": how it works, asked last
    r"\b(marche|marchent|fonctionne|fonctionnent|works?)\s+comment\s*\??\s*$",
    re.IGNORECASE,
)
WHY = re.compile(r"^\s*(why|pourquoi)\b", re.IGNORECASE)
# what leads a question in before its asking word: who it is attributed to ("Selon le directeur
# de Medicen, pourquoi ...", "According to Roques, why ..."), an adverb ("Concrètement,
# comment ...", "Specifically, how ..."); read from the asking word on
LEAD = re.compile(
    r"^\s*(?:(?:selon|d['’]apr[eè]s|according to)\b[^,?:]{1,80}|\w+(?:ment|ly)|"
    r"en (?:fait|bref|clair)|"
    # an opinion asked first: "honestly what do you think, why ...?", "à votre avis, ..."
    r"(?:\w+ly\s+)?(?:what do you think|in your (?:opinion|view))|[àa] (?:ton|votre) avis|"
    r"qu['’]en pens\w+[- ](?:tu|vous))\s*,\s*",
    re.IGNORECASE,
)

FRENCH_GREETING = re.compile(r"^\s*(bonjour|bonsoir|salut|coucou|merci)\b", re.IGNORECASE)


def greeting_language(question: str) -> str | None:
    """'fr' for "Bonjour !", "Merci" (too short for the language detector), else None."""
    return "fr" if FRENCH_GREETING.search(question) else None


def classify(question: str) -> QuestionKind:
    """The kind of answer ``question`` wants (the question as asked, without added context)."""
    rest = GREETING.sub("", question, count=1).strip()
    led = LEAD.sub("", rest, count=1)  # "Selon X, pourquoi ...": the asking word leads
    # "Bonjour, je découvre l'outil : vous pouvez répondre à quel genre de questions ?"
    if not rest.strip(" ?!.,") or about_assistant(rest) or about_assistant(asking(rest)[0]):
        return QuestionKind.HELP
    if (HELP.search(rest) and not content_words(rest)) or WHAT_YOU_ARE.search(rest):
        return QuestionKind.HELP
    if asks_to_act(rest) or asks_to_act(question):
        return QuestionKind.ACTION
    if OUT_OF_SCOPE.search(rest) or asks_the_way(rest):
        return QuestionKind.OUT_OF_SCOPE
    asked = asking(rest)[0]  # "Where is X? We're comparing locations.": not a comparison
    if COMPARE.search(asked) and not UNNAMED_OTHERS.search(asked):
        return QuestionKind.COMPARE
    if not WHY.search(led) and seeks_partner(rest):
        return QuestionKind.PARTNER
    if not WHY.search(led) and (seeks_place(rest) or seeks_place(asking(rest, told_first=True)[0])):
        return QuestionKind.LOCATE
    if WHEN.search(rest) and not EXPLAIN.search(led):
        return QuestionKind.FACT
    if LIST.search(rest) or LIST_ASKED.search(rest) or LIST_OF.search(rest) or asks_for_list(rest):
        return QuestionKind.LIST
    if any(LIST.search(c) for c in CLAUSE_END.split(rest)[1:]):  # "We're a maker. List the ..."
        return QuestionKind.LIST
    if LIST_THEM.search(rest) and not WHY.search(led):  # "why did they name them so?"
        return QuestionKind.LIST
    if EXPLAIN.search(led) or EXPLAIN_ASKED.search(rest):
        return QuestionKind.EXPLAIN
    return QuestionKind.FACT


def restate(question: str, standalone: str, kind: QuestionKind) -> tuple[str, QuestionKind]:
    """The question to answer and its kind: ``condense`` may have restated it ("When was he
    appointed?" -> "When was Stéphane Roques appointed?"; an elliptic "and in Saclay?" -> "Which
    organisations are in Saclay?"): it is then answered, and classified, as restated."""
    asked = split_context(standalone)[0]
    return (question, kind) if asked == question else (asked, classify(asked))
