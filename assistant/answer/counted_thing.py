"""The thing a count question counts ("how many hospital beds", "combien d'essais cliniques")
and whether a sentence counts it: a number beside that thing's noun, in one clause; not one in
another clause ("devoted to cancer patients; as well as nine universities" counts no patients).
"""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.numbers import ENGLISH
from assistant.answer.spelling import close_to
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import detect_language, fold, tokenize

COMPLEMENT = re.compile(r"\s+(?:de|du|des|d['’])\s*", re.IGNORECASE)
NEAR = 4  # words from a number to the counted thing it counts
# verbs that can follow the counted noun ("Combien de salariés compte Guerbet ?", "How many
# people work..."): not part of the counted thing (and "compte" would stand for "number")
COUNT_VERBS = frozenset(
    "compte comptent compter a ont possede possedent emploie emploient accueille accueillent "
    "reunit reunissent rassemble rassemblent regroupe regroupent y sont est existe existent "
    "has have had does do did are is were was".split()
)
COPULAS = frozenset("are is were was sont est".split())  # "how many are ...": nothing named
NAMED_BEFORE = re.compile(  # "of those, how many ...": what is counted was named before
    r"\b(?:of|among) (?:those|them|these)\b|\bparmi (?:eux|elles|ceux|celles)\b|"
    r"\bd['’]entre (?:eux|elles)\b",
    re.IGNORECASE,
)
# a participle after the counted noun qualifies it ("combien d'emplois créés"): the noun is
# counted (no noun in -ité, -iété, -auté or "santé": "grandes universités", "sociétés")
PARTICIPLE = re.compile(
    r"(?!\w*(?:it|iét|aut)[ée]s?$|sant[ée]s?$)\w{2,}(?:é|ée|és|ées|ed)", re.IGNORECASE
)
# the French adjectives that stand before their noun ("grandes universités"): not the head
PRENOMINAL = frozenset(
    "grand grande grands grandes petit petite petits petites gros grosse grosses nouveau "
    "nouveaux nouvelle nouvelles jeune jeunes bon bonne bons bonnes principaux principales "
    "vrais vraies autres".split()
)
PLURALS = frozenset("people staff children men women".split())  # plurals without an s
# a noun counted: a plural ("beds", "lits", "hôpitaux") or one without an s ("staff")
COUNTED_NOUN = re.compile(rf"(?:[sx]|^(?:{'|'.join(sorted(PLURALS))}))$", re.IGNORECASE)
# the words that count the same things, each group with what in a question calls it up: "how
# many staff", "how many people work at X" are counted by "100,000 health care professionals";
# "how many pharma sites" by "202 establishments"
KIN = (
    (
        "staff employees workers personnel professionals workforce headcount",
        # people who work at a place, not on or in a field ("how many people work on cancer?")
        r"\b(?:people|persons|personnes|gens)\s+(?:\w+\s+){0,2}?(?:work|works|working|"
        r"are employed|travaill\w*)\b(?!\s+(?:on|in|with|sur|dans|avec)\b)|"
        # the workforce named beside the count: "côté personnel soignant, combien de personnes ?"
        r"\b(?:personnel|staff|effectifs?|salari[ée]s|soignants?)\b",
    ),
    ("sites establishments facilities premises", ""),
)
# "one" the number, not a pronoun or determiner ("on the one side", "that one", "one of a kind")
ONE = r"(?<!\bthe )(?<!\bthat )(?<!\bthis )(?<!\beach )(?<!\bevery )(?<!\bno )one\b(?! of\b)"
NUMBER = re.compile(
    rf"\d|\b({ONE}|{ENGLISH}|hundreds?|thousands?|millions?|billions?|dozens?|half|third|"
    r"quarter|double|twice)\b",
    re.IGNORECASE,
)
# a count asked exactly, and a number said only roughly ("hundreds of", "des dizaines de")
EXACTLY = re.compile(
    r"\b(?:exact(?:ly)?|precise(?:ly)?|exacte?s?|exactement|pr[ée]cis(?:e|ément|ement)?)\b",
    re.IGNORECASE,
)
ROUGHLY = re.compile(
    r"\b(?:hundreds|thousands|dozens|tens|millions|billions|scores|centaines|milliers|dizaines|"
    r"millions|milliards)\s+(?:of|de|d['’])",
    re.IGNORECASE,
)
# a share of a group ("half of the units", "la moitié des unités"): no count of it
FRACTION = re.compile(
    r"\b(?:half|one half|a third|two thirds|a quarter|three quarters|la moiti[ée]|un tiers|"
    r"deux tiers|un quart|trois quarts)\s+(?:of|de|des|du|d['’])",
    re.IGNORECASE,
)
# a count of a part of a whole or of a group ("how many of its units are in the region?", "how
# many of the 52 projects ...?"): a share answers ("half of the units")
PARTITIVE_COUNT = re.compile(r"\bhow many of\b|\bcombien (des|d['’]entre|de ses|de leurs)\b", re.I)
CLAUSES = re.compile(r";|\s[–—]\s|\s-\s")  # the parts of a sentence that say one thing each
# a hyphenated compound ("job-creating", "AP-HP")
COMPOUND = re.compile(r"\w[\w’']*(?:-\w[\w’']*)+")


def counts_asked(question: str, sentence: str, asked: str) -> bool:
    """Whether the sentence holds a number of the thing ``asked`` counts (the words after "how
    many"): its head noun ("beds" of "hospital beds"; "essais" of "essais cliniques") beside a
    number in one clause, not apart from one; with the head unsaid, another of its words or of
    its complement ("establishmnts" as typed)."""
    french = detect_language(question) == "fr"
    head, *complement = COMPLEMENT.split(asked, maxsplit=1)
    if _opens_with_copula(head) and NAMED_BEFORE.search(question):
        return bool(NUMBER.search(sentence))  # "of those how many are strong?": the thing unsaid
    counted = _counted_words(head)
    exact = EXACTLY.search(question) is not None
    if exact:  # "exactly how many?": "hundreds of trials" gives no number
        sentence = ROUGHLY.sub(" ", sentence)
    if not PARTITIVE_COUNT.search(question):  # "how many units?": "half of the units" is a share
        sentence = FRACTION.sub(" ", sentence)
    if not NUMBER.search(sentence):
        return False
    terms = _english(tokenize(" ".join(counted)), french)
    if not terms:  # "how many of the ...": what follows counts
        return True
    main = _english(tokenize(_head(counted, french)), french)
    asked_terms = set(main) | set(tokenize(" ".join(counted)))
    # "how many staff", "people work at X": the professionals too
    main = [*main, *sorted(counted_kin(asked_terms, question) - asked_terms)]
    # a name among the counted words is whose they are ("combien de chercheurs Servier ..."),
    # not a thing a number beside it counts
    named = set(_english(tokenize(" ".join(w for w in counted if w[:1].isupper())), french))
    others = [t for t in terms if t not in main and t not in named]
    numbered = [whole_words(c, question) for c in CLAUSES.split(sentence) if NUMBER.search(c)]
    said = whole_words(sentence, question)

    def beside(terms: list[str]) -> bool:
        return any(close_to(t, clause) for clause in numbered for t in terms) and numbered_near(
            sentence, terms, question
        )

    if beside(main):
        return True
    if any(close_to(t, said) for t in main):
        return False  # the thing said apart from any number
    if others and beside(others) and not exact:  # an exact count is of the thing's own noun
        return True
    if any(close_to(t, said) for t in others):
        return False
    return _counts(sentence, set(_english(tokenize(" ".join(complement)), french)))


def numbered_near(sentence: str, terms: list[str], question: str = "") -> bool:
    """A number stands within ``NEAR`` words of one of the counted ``terms``, no comma between
    ("nine universities, two colleges, and multiple schools" gives no number of schools)."""
    tokens = re.findall(r"[\w’'\-]+|[,;:()]", sentence)
    numbers = [i for i, w in enumerate(tokens) if NUMBER.search(w)]
    counted = [
        k for k, w in enumerate(tokens) if any(close_to(t, whole_words(w, question)) for t in terms)
    ]
    return any(
        abs(k - i) <= NEAR and not {",", ";", "(", ")"} & set(tokens[min(i, k) : max(i, k)])
        for i in numbers
        for k in counted
    )


def _opens_with_copula(head: str) -> bool:
    """The counted words open with "are", "is", "sont" ("how many are strong?"): nothing named."""
    return fold(head.split()[0] if head.split() else "") in COPULAS


def _counted_words(head: str) -> list[str]:
    """The words of the counted thing, less a verb after it and a participle qualifying it."""
    return [
        w
        for i, w in enumerate(head.split())
        if fold(w) not in COUNT_VERBS and not (i and PARTICIPLE.fullmatch(w))
    ]


def counted_head(question: str, asked: str) -> tuple[str, list[str]]:
    """The noun of the thing ``asked`` counts, as typed ("beds" of "hospital beds", "lits"), and
    its terms in the corpus's English with the words that count the same ("staff":
    "professionals"); ("", []) when it names none ("how many are there?")."""
    french = detect_language(question) == "fr"
    head = COMPLEMENT.split(asked, maxsplit=1)[0]
    if _opens_with_copula(head):
        return ("", [])  # "of those, how many are strong?": the thing was named before
    counted = _counted_words(head)
    noun = _head(counted, french) if counted else ""
    if not COUNTED_NOUN.search(noun):  # "combien d'ici 2022": no noun counted
        return ("", [])
    terms = set(_english(tokenize(noun), french))
    return (noun, sorted(counted_kin(terms, question) | set(tokenize(noun)))) if terms else ("", [])


def _head(counted: list[str], french: bool) -> str:
    """The noun of the counted words: in French the first but an adjective before it ("grandes
    universités"); in English the last ("hospital beds"), unless the first is a plural a verb
    follows ("people work", "start-ups took")."""
    if french:
        return next((w for w in counted if fold(w) not in PRENOMINAL), counted[0])
    first = fold(counted[0])
    plural = first in PLURALS or (first.endswith("s") and not first.endswith("ss"))
    return counted[0] if plural else counted[-1]


def whole_words(sentence: str, question: str = "") -> set[str]:
    """The terms of the sentence, a compound as one: "52 job-creating projects" names
    projects, not jobs (unless the question says the compound too: "job creating")."""
    said = " ".join(fold(question).replace("-", " ").split())
    whole = [m.group(0) for m in COMPOUND.finditer(sentence)]
    kept = [w for w in whole if said and fold(w).replace("-", " ") in said]
    compounds = {t for t in tokenize(" ".join(whole)) if "-" in t}
    return set(tokenize(COMPOUND.sub(" ", sentence))) | compounds | set(tokenize(" ".join(kept)))


def _english(terms: list[str], french: bool) -> list[str]:
    return translate_terms(terms) if french else terms


def _counts(sentence: str, terms: set[str]) -> bool:
    """A number stands just before one of ``terms`` ("15 most innovative research bodies" for
    "instituts de recherche"): the complement of the counted thing, counted."""
    tokens = re.findall(r"[\w’'\-]+", sentence)
    numbers = [i for i, w in enumerate(tokens) if NUMBER.search(w)]
    named = [i for i, w in enumerate(tokens) if set(tokenize(w)) & terms]
    return any(0 < k - i <= NEAR for i in numbers for k in named)


def counted_kin(terms: set[str], question: str = "") -> set[str]:
    """The terms, with the words that count the same things as one of them ("staff":
    "professionals") or that the question calls up ("people work at X": the staff)."""
    kin = set(terms)
    for group, cue in KIN:
        if terms & _terms(group) or (cue and re.search(cue, question, re.IGNORECASE)):
            kin |= _terms(group)
    return kin


@cache
def _terms(text: str) -> frozenset[str]:
    return frozenset(tokenize(text))


# an adverb or an adjective before a counted noun ("really strong", "medical professionals",
# "high-level clusters"): it describes the thing, a noun before it ("member companies") names it
DESCRIBING = re.compile(r"-|(?:ly|al|ic|ive|ous|ful|ean|ian|ese|ary|able|ible)$", re.IGNORECASE)


def counted_said(asked: str, question: str, window: str) -> bool:
    """The words an English question puts before the noun it counts (``asked``: the words after
    "how many"; "member" of "member companies") stand in ``window`` (a sentence and the one
    before it), by their start, their spelling or a word that counts the same: "how many
    member companies?" is not answered by "three companies" where no member is said."""
    if detect_language(question) == "fr":
        return True
    head = COMPLEMENT.split(asked, maxsplit=1)[0].split()
    counted = [w for w in head if fold(w) not in COUNT_VERBS]
    if len(counted) < 2 or _head(counted, False) != counted[-1]:
        return True  # one word, or the noun first ("people work"): nothing put before it
    said = whole_words(window) | set(tokenize(window))
    before = [w for w in counted[:-1] if not DESCRIBING.search(w)]  # "really", "medical"
    for term in tokenize(" ".join(before)):
        kin = counted_kin({term}, question)
        started = any(t.startswith(k[:5]) or k.startswith(t[:5]) for t in said for k in kin)
        if not started and not close_to(term, said):
            return False
    return True
