"""What the question asks for: the kind of answer (a year, a date, an amount, a count, names)
and the names it holds; they type the evidence and rank it."""

from __future__ import annotations

import re

from assistant.answer.counted_thing import counts_asked
from assistant.answer.numbers import WORD
from assistant.answer.pointing import PRONOUNS
from ingest.store.text import STOPWORDS, fold, words

YEAR_QUESTION = re.compile(
    r"\b(what|which|in what|in which) year\b|\bwhen was\b.*\b(founded|created|established|born)\b"
    r"|\ben quelle année\b|\bquelle année\b|\bquand\b.*\b(fondé|créé)e?s?\b",
    re.IGNORECASE,
)
WHEN_QUESTION = re.compile(
    r"^\s*(when|quand|à quelle date|what date|on what date)\b"
    r"|\b(by|until|and|since) when\b|\bd['’]ici quand\b|\bet quand\b",
    re.IGNORECASE,
)
# a date asked by its name: "the deadline for ...", "what dates is ...", "c'est pour quand ?" ("to
# date" is "so far")
DATE_ASKED = re.compile(
    r"\b(deadlines?|due dates?|(?<!\bto )dates?|date limite|[ée]ch[ée]ances?|closing date)\b|"
    r"\bquand\b",
    re.IGNORECASE,
)
# a person's age asked ("how old is he?", "il a quel âge ?", "son âge"), and a sentence that
# gives one ("aged 58", "58 ans", "born in 1950", "née en 1962")
AGE_ASKED = re.compile(
    r"\bhow old\b|\bquel [âa]ge\b|\b(?:his|her|son|sa) [âa]ge\b|"
    r"\bwhen was \w+(?: \w+){0,3} born\b|\bdate (?:of birth|de naissance)\b",
    re.IGNORECASE,
)
AGE = re.compile(
    r"\b\d{1,3}[- ]years?[- ]old\b|\b\d{1,3} ans\b|\baged \d{1,3}\b|\bborn\b|\bn[ée]e? (?:en|le)\b|"
    r"\b[âa]g[ée]e? de \d",
    re.IGNORECASE,
)
# how long something has lasted, as a sentence says it ("since 2018", "for ten years")
# a number of days, weeks, months: "within 60 days", "en six mois"
LAPSE = (
    rf"(\d+|a few|several|quelques|{WORD}) "
    r"(days?|weeks?|months?|years?|jours?|semaines?|mois|ans|ann[ée]es)"
)
LAPSED = re.compile(rf"\b{LAPSE}\b", re.IGNORECASE)
SPAN = re.compile(
    r"\b(since|depuis|ago|il y a|for (\w+ )?(years?|months?|weeks?|decades?)|"
    rf"pendant (\w+ )?(ans|années|mois)|{LAPSE})\b",
    re.IGNORECASE,
)
# the clauses of a message: its sentences, and the parts a semicolon, a colon or a dash sets apart
# not after an abbreviation's dot: "which incentives, e.g. tax credits, would we get?"
CLAUSE_END = re.compile(
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bcf\.)(?<=[.?!;:])\s+|\s+[—–-]\s+",
    re.IGNORECASE,
)
COST_QUESTION = re.compile(
    r"\bhow much\b.*\b(cost|pay|price|charge|fee|rent)|\b(price|cost|fee|salary|rent)s? of\b"
    r"|\bcombien ((a|ont|avait|va) )?(coût|co[uû]t\w*|pa[yi]e)|\b(prix|tarif|coût) d|"
    r"\bco[uû]t(e|é|ait|era|ent|er)\s+combien\b",  # "ça a coûté combien ?", "va coûter combien"
    re.IGNORECASE,
)
# the counted thing: a noun and the word after it, or its complement ("instituts de recherche")
COUNT_QUESTION = re.compile(  # "how many X", "combien de X", "le nombre exact d'X"
    # ("how many of Inserm's units": its units)
    r"\b(?:how many(?: of [\w&\-]+['’]s\b)?|combien d[e'’](?!\s?temps\b)\s?|"
    r"(?:(?:le|the) (?:exact |total )?|"
    # "rough number of X?", "number of X?": asked by its qualifier, or first
    r"\b(?:rough|approximate|ballpark|total|exact)\s+|^\s*)(?:nombre|number) (?:exact |"
    r"total )?(?:de |d['’]|of )|"
    # a count asked yes or no against a number: "does it have more than 100 staff?", "ont-ils
    # dépassé les 3 000 projets ?"
    r"\b(?:(?:more|fewer|less) than|over|at least|plus de|moins de|au moins|d[ée]pass\w*(?: les)?)"
    r"\s+\d[\d\s,.]*(?<=\d)\s)\s*([\w\-]+(?:\s+(?:de|du|des|d['’])\s*[\w\-]+|"
    r"\s+[\w\-]+)?)",
    re.IGNORECASE,
)
# questions whose answer is a name: "Who runs...", "Qui dirige...", "Which institutes..."
NAME_QUESTION = re.compile(
    r"^\s*(who|whom|qui|which|quel|quelle|quels|quelles)\b|\b(what|which) (\w+ )?"
    r"(companies|groups|institutes|institutions|organisations|organizations|hospitals|clusters|"
    r"start-ups|startups|firms|partners|industrials|laboratories|labs)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DATE = re.compile(
    r"\b(1[5-9]\d\d|20\d\d)\b|\b(january|february|march|april|may|june|july|august|"
    r"september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|tomorrow|yesterday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\bago\b|\bil y a\b|\b(since|depuis)\b",
    re.IGNORECASE,
)
SHARE_QUESTION = re.compile(
    r"\b(what|which) (share|proportion|percentage|fraction|part)\b(?<!which part(?= of "
    r"(?:paris|town|the city)\b(?!['’]s)))|\bhow much of\b"  # "which part of paris": a place
    r"|\bquelle (est la |serait la )?(part|proportion)\b|\bquel (est le )?pourcentage\b|"
    r"\b(market share|part de march[ée])\b",
    re.IGNORECASE,
)
SHARE = re.compile(r"%|\bper ?cent|\b(half|third|quarter|moitié|tiers|quart)\b", re.I)
# a website asked: "got a website for them?", "quel est le site web de X ?"
WEBSITE_QUESTION = re.compile(
    r"\b(web ?sites?|site (web|internet)|urls?|home ?page|page d['’]accueil)\b", re.IGNORECASE
)
URL = re.compile(r"\bhttps?://|\bwww\.", re.IGNORECASE)
MONEY = re.compile(r"[€$£]|\b(euros?|dollars?|EUR|USD|k€|M€)\b", re.IGNORECASE)
NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w\-’'&]*[A-Za-zÀ-ÿ]|\b[A-Z]{2,}\b")


def answer_type_fits(question: str, sentence: str) -> bool:
    """Can the sentence hold the kind of answer the question asks for?

    A year for 'In what year...', a date for 'When...', an amount of money for 'How much does ...
    cost', a number next to the counted thing for 'How many beds...' (the thing must be named in
    the sentence). Other questions are not typed.
    """
    if YEAR_QUESTION.search(question):
        return bool(YEAR.search(sentence))
    if WHEN_QUESTION.search(question):
        return bool(DATE.search(sentence))
    if SHARE_QUESTION.search(question):
        return bool(SHARE.search(sentence))
    if COST_QUESTION.search(question):
        return bool(MONEY.search(sentence))
    if WEBSITE_QUESTION.search(question):
        return bool(URL.search(sentence))
    count = COUNT_QUESTION.search(question)
    if count:
        return counts_asked(question, sentence, count.group(1))
    return True


def new_names(question: str, sentence: str) -> int:
    """How many names the sentence brings that the question does not already hold.

    The first word of a sentence counts only when it is not a common word ("Medicen enjoys..."
    counts Medicen; "The Paris region..." does not count "The").
    """
    asked = {fold(w) for w in words(question)}
    found: set[str] = set()
    for i, match in enumerate(NAME.finditer(sentence)):
        name = fold(match.group(0))
        if i == 0 and match.start() == 0 and name in STOPWORDS:
            continue
        if name not in asked and name not in STOPWORDS:
            found.add(name)
    return len(found)


def names_in(text: str) -> set[str]:
    """The folded names of a text, without a common word that opens a sentence."""
    found = set()
    for match in NAME.finditer(text):
        name = fold(match.group(0))
        if name not in STOPWORDS and name not in PRONOUNS:
            found.add(name)
    return found


# the interrogative, then what it picks among ("which of the pharma groups", "lesquels des ...")
PLURAL_ASKED = re.compile(
    r"\b(which|what|quels|quelles|lesquels|lesquelles)\b"
    r"(?:\s+(?:of|among|d['’]entre|des|parmi)(?:\s+(?:the|these|those|your|our|les|ces|vos))?)?"
    r"((?:\s+[\w\-]+){1,3})",
    re.IGNORECASE,
)


def asks_for_list(question: str) -> bool:
    """'Which institutes...', 'Quels groupes...', 'Which of the pharma groups...', 'Lesquels
    des clusters...': a plural noun within three words of the interrogative, or a plural verb
    after the words it picks ('which big pharma are ...')."""
    match = PLURAL_ASKED.search(question)
    if not match:
        return False
    if match.group(1).lower() in ("quels", "quelles", "lesquels", "lesquelles"):
        return True
    picked = match.group(2).split()
    if picked[0].lower() in ("do", "does", "did"):  # "what do apps like X do?": what they do
        return False
    # a plural verb after what is picked: "which big pharma are present in idf?"
    if any(w.lower() in ("are", "were") for w in picked[1:]):
        return True
    return any(
        w.lower().endswith("s")
        and not w.lower().endswith(("ss", "is", "us"))
        and not w[:1].isupper()  # a name ("What drew Stéphane Roques ..."), not a plural
        and fold(w) not in STOPWORDS
        for w in picked
    )


# "where is X, and what year did it open Y?", "quel type de structure et dans quelle ville ?":
# an asking clause in two parts, each asking something
PART = re.compile(
    r"(?:\s*,\s*|\s+)(?:and|et)\s+(?=(?:(?:in |by |on |at |for |from |with |à |a |dans |en |"
    r"sur |pour |avec )?(?:what|which|quel\w*)|"
    r"who|when|where|how|why|qui|quand|où|comment|combien|pourquoi)\b)",
    re.IGNORECASE,
)


def question_parts(asked: str) -> list[str]:
    """The parts of an asking clause joined by "and" before a word that asks."""
    return [part for part in PART.split(asked) if part.strip()]


# what the asker tells before a comma, then asks: their own story ("my mum is starting chemo,
# is there an app ...?", "I need to contact X, where are they?", "on a une biotech, où ...?") or
# a call for an opinion ("honestly what do you think, why would we ...?")
TOLD_FIRST = re.compile(
    r"^\s*(?:(?:so|well|ok|okay|alors|bon|honestly|frankly|franchement|sinc[eè]rement)\s*,?\s*)?"
    r"(?:(?:i|i['’]m|i['’]ve|i['’]d|my|we|we['’]re|we['’]ve|our|je|j['’]|mon|ma|mes|nous|notre|"
    r"nos|on)\b|what do you think\b|in your (?:opinion|view)\b|[àa] (?:ton|votre) avis\b|"
    r"selon (?:toi|vous)\b)",
    re.IGNORECASE,
)
THEN_ASKS = re.compile(
    r",\s*(?:and |et |so |donc |alors )?(?=(?:is|are|was|were|do|does|did|can|could|should|"
    r"would|will|has|have|where|why|what|which|who|whom|how|when|est-ce|y a|où|pourquoi|quel\w*|"
    r"qui|comment|combien|quand|lequel|laquelle|lesquel\w*)\b)",
    re.IGNORECASE,
)


def asking(message: str, told_first: bool = False) -> tuple[str, str]:
    """The clauses of a message that ask (those that end with a question mark) and the rest,
    what the asker tells first or after ("We're a contrast-agent maker. Where is Guerbet?", or
    before a comma: ``TOLD_FIRST``); the whole message and "" when no clause asks, or every one
    does."""
    clauses = [c for c in CLAUSE_END.split(message.strip()) if c.strip()]
    if told_first:
        clauses = [part for c in clauses for part in _told_first(c)]
    asked = [c for c in clauses if c.rstrip().endswith("?")]
    if not asked or len(asked) == len(clauses):
        return message, ""
    return " ".join(asked), " ".join(c for c in clauses if c not in asked)


def _told_first(clause: str) -> list[str]:
    """A question clause as what its asker tells first and what they ask ([clause] else)."""
    then = next(reversed(list(THEN_ASKS.finditer(clause))), None)  # the last comma that asks
    if not (clause.rstrip().endswith("?") and then and TOLD_FIRST.search(clause[: then.start()])):
        return [clause]
    return [clause[: then.start()].strip(), clause[then.end() :].strip()]
