"""What kind of answer a question wants, decided before composing, in English and French:
a fact, a list, a comparison, an explanation, the help reply, a request to act (which the
assistant cannot do), or nothing we cover."""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.answer.addressed import about_assistant, asks_to_act, content_words
from assistant.answer.condense import split_context
from assistant.answer.journeys import asks_the_way
from assistant.answer.kind_in_place import KIND_IN_PLACE
from assistant.answer.out_of_scope import OUT_OF_SCOPE
from assistant.answer.questions import CLAUSE_END, asking, asks_for_list
from assistant.answer.seeking import seeks_partner, seeks_place
from assistant.answer.value_kinds import asked_value
from assistant.answer.weights import REFERRED


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
    r"\bhelp me\s*[?!.]*\s*$|"
    r"\bwhat(['’]?s| is| does)? this (app|assistant|tool|thing|bot|chatbot|site|service)\b|"
    r"\b(que|qu['’]est-ce que) (peux|pouvez|sais|savez)[- ](tu|vous)|"
    r"\b(peux|pouvez)[- ](tu|vous) m['’]aider\b|\bqui (es-tu|êtes-vous|etes-vous)\b|"
    r"\b(vous [êe]tes|tu es|t['’]es) (qui|quoi)\b|"
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
    r"universities|universit[ée]s|networks?|réseaux|programmes?|programs?|players?|acteurs?|"
    r"pharma|biotechs?|medtechs?|members?|membres?|partners?|partenaires?|bod(y|ies)"
)
LIST = re.compile(
    # opening the message or a clause after a comma ("ok which ones tho, list them all pls")
    rf"(?:^|[,;]\s*)\s*(please\s+)?((can|could|would) (you|u) (please )?|"
    rf"(pouvez|peux)[- ](vous|tu) (me )?|"
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
    r"on what grounds|for what reasons?|how come|pour quelles? raisons?|sur quelle base|"
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
WHY = re.compile(
    r"^\s*(why|pourquoi|on what grounds|for what reasons?|how come|pour quelles? raisons?)\b",
    re.IGNORECASE,
)
# what leads a question in before its asking word: who it is attributed to ("Selon le directeur
# de Medicen, pourquoi ...", "According to Roques, why ..."), an adverb ("Concrètement,
# comment ...", "Specifically, how ..."); read from the asking word on
LEAD = re.compile(  # each lead, one after the other: "honestly, in your opinion, why ...?"
    r"^\s*(?:(?:(?:selon|d['’]apr[eè]s|according to)\b[^,?:]{1,80}|\w+(?:ment|ly)|"
    r"en (?:fait|bref|clair)|"
    # an opinion asked first: "honestly what do you think, why ...?", "à votre avis, ..."
    r"(?:\w+ly,?\s+)?(?:what do you think|in your (?:opinion|view))|[àa] (?:ton|votre) avis|"
    r"qu['’]en pens\w+[- ](?:tu|vous))\s*,\s*)+",
    re.IGNORECASE,
)

FRENCH_GREETING = re.compile(r"^\s*(bonjour|bonsoir|salut|coucou|merci)\b", re.IGNORECASE)


def greeting_language(question: str) -> str | None:
    """'fr' for "Bonjour !", "Merci" (too short for the language detector), else None."""
    return "fr" if FRENCH_GREETING.search(question) else None


def classify(question: str) -> QuestionKind:
    """The kind of answer ``question`` wants (the question as asked, without added context)."""
    rest = GREETING.sub("", question, count=1).strip()
    rest = REFERRED.sub("", rest).strip(" ,") or rest  # "according to your directory, where ..."
    led = LEAD.sub("", rest, count=1)  # "Selon X, pourquoi ...": the asking word leads
    asked = asking(rest)[0]  # the clauses that ask, without what the asker tells
    # "Bonjour, je découvre l'outil : vous pouvez répondre à quel genre de questions ?"
    if not rest.strip(" ?!.,") or about_assistant(rest) or about_assistant(asked):
        return QuestionKind.HELP
    if (HELP.search(rest) and not content_words(rest)) or WHAT_YOU_ARE.search(rest):
        return QuestionKind.HELP
    if asks_to_act(rest) or asks_to_act(question):
        return QuestionKind.ACTION
    if OUT_OF_SCOPE.search(rest) or asks_the_way(rest):
        return QuestionKind.OUT_OF_SCOPE
    if (
        COMPARE.search(rest)
        and not UNNAMED_OTHERS.search(rest)
        # "Where is X? We're comparing locations.": where X is, the comparison only told
        and (COMPARE.search(asked) or not seeks_place(asked))
    ):
        return QuestionKind.COMPARE
    if not WHY.search(led) and seeks_partner(rest) and not values_only(rest, asked):
        return QuestionKind.PARTNER
    if not WHY.search(led) and (seeks_place(rest) or seeks_place(asking(rest, told_first=True)[0])):
        return QuestionKind.LOCATE
    if WHEN.search(rest) and not EXPLAIN.search(led):
        return QuestionKind.FACT
    if (
        (LIST.search(rest) and not WHY.search(led))
        or LIST_ASKED.search(rest)
        or KIND_IN_PLACE.match(rest)
        or KIND_IN_PLACE.match(asked)  # "any health orgs in the 93? thinking of setting up"
        or LIST_OF.search(rest)
        or (asks_for_list(rest) and not WHY.search(led))  # "on what grounds ...?": why
    ):
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


# the values a question may ask of an organisation whatever the asker tells of their search
VALUES = frozenset("amount price rate date count email phone hours measure age duration".split())


def values_only(message: str, asked: str) -> bool:
    """The part that asks wants a value ("What's Guerbet's annual revenue?"), a partner only
    told of ("trying to size them as a potential partner"): a fact, not a partner search."""
    if asked == message or seeks_partner(asked):
        return False
    kind = asked_value(asked)
    return kind in VALUES or kind.startswith("year ")
