"""What a value is asked of: "founded" in "When was Medicen founded?". A date, an amount, a
count could be about anything; it answers only where it stands with what the question asks of
it, less the words that ask for the value ("when", "how much") and those that say what or where
the subject is ("the Medicen cluster", "in Paris-Saclay")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Organisation
from assistant.answer.spelling import spellings
from assistant.answer.value_kinds import SUPERLATIVE
from assistant.answer.weights import SCOPE
from assistant.retrieval.glossary import english_kin, translate_terms
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import fold, tokenize

IC = re.IGNORECASE
# the kinds whose value could be about anything (a date, a number): it must stand with what is
# asked of it
GENERIC_KINDS = {
    "date",
    "amount",
    "rate",
    "price",
    "count",
    "hours",
    "place",
    "best",
    "outcome",
    "result",
    "current",
    "measure",
    "whether",
    "comparison",  # what two are compared on: "bigger ... in terms of members"
}
# the words that ask for a value, not what it is asked of
ASKING = re.compile(
    r"\b(when|quand|years?|ann[ée]es?|dates?|deadlines?|due|[ée]ch[ée]ances?|how much|how many|"
    r"combien|costs?|prices?|prix|co[uû]t\w*|tarifs?|fees?|amount|montant|share|part|rate|taux|"
    r"percentage|pourcentage|proportion|where|located|based|situated|town|city|ville|commune|"
    r"venues?|locations?|headquarters|hq|"
    # when or where an event happens: "where was it held?", "quand s'est tenu ...?"
    r"held|hold|holds|take place|takes place|took place|taking place|happen\w*|tenu\w*|"
    r"se tient|se tenait|passait|se passe|a eu lieu|lieu|"
    # whether something came true: "did they actually manage to double it?"
    r"actually|finally|eventually|really|manage[sd]?|managing|succeed\w*|réussi|reussi|"
    r"parvenu\w*|finalement|vraiment|yet|already|d[ée]j[àa]|"
    # "did they make it in the end?", "l'ont-ils atteint ?": the coming true, not what came
    r"make it|made it|in the end|au final|achieved?|reach(?:ed)?|atteint\w*)\b|(?:19|20)\d\d",
    IC,
)


# what a superlative ranks on: the words after it ("the biggest r&d headcount in the region")
RANKED_ON = re.compile(rf"{SUPERLATIVE.pattern}\s+(?P<on>([\w&\-]+\s*){{1,3}})", IC)


NUMBER_WORDS = frozenset(tokenize("number numbers nombre"))  # a count's name for itself


def focus_terms(question: str, kind: str, subject: str, report: EvidenceReport) -> set[str]:
    """What a date or an amount is asked of ("founded" in "When was Medicen founded?"): the
    question's terms less its subject's and the words that ask for the value. Empty for the
    kinds whose value says what it is (a phone number, an address, a person in a role)."""
    if kind not in GENERIC_KINDS and not kind.startswith("year "):
        return set()
    asking = tokenize(f"{subject} {' '.join(m.group(0) for m in ASKING.finditer(question))}")
    # not the region's terms: the region is everyone's
    terms = set(report.weights) - SCOPE
    asked = terms - {*asking, *translate_terms(asking), *tokenize(kind)}
    if kind == "count":  # "the number of start-ups", "combien ... compte-t-il": the count itself
        asked -= NUMBER_WORDS
    ranked = RANKED_ON.search(question) if kind == "best" else None
    on = set(tokenize(ranked.group("on"))) & asked if ranked else set()
    return (on or asked) - report.everyday  # "the biggest R&D headcount": ranked on that


# the thing a rate, a price or an amount is of, named with it: "the corporate tax rate", "le taux
# d'impôt", "the membership fee", "le montant de la subvention"
OF_VALUE = re.compile(
    r"\b(?P<before>[^\W\d_][\w-]*)\s+(?:rates?|prices?|fees?|costs?|budgets?|salar(?:y|ies))\b|"
    r"\b(?:taux|prix|co[uû]ts?|tarifs?|montants?|budgets?|salaires?|frais)\s+"
    r"(?:d['’]|de\s+(?:la\s+|l['’])?|du\s+|des\s+)(?P<after>[^\W\d_][\w-]*)",
    IC,
)
VALUED = {"rate", "price", "amount"}
# words that qualify a value, not what it is of: "the approximate rate", "the average fee"
QUALIFIERS = set(
    "approximate average overall current total exact annual actual typical usual global general "
    "rough estimated real official latest yearly monthly mean median".split()
)


def valued_thing(question: str, kind: str) -> set[str]:
    """What a rate, a price or an amount is of, as the question names it beside the value's
    word ("tax" in "the corporate tax rate", "impot" in "le taux d'impôt"), in English too (the
    glossary's); empty for other kinds or a value named alone ("the rate", "what's the cost")."""
    if kind not in VALUED:
        return set()
    terms = {
        t
        for m in OF_VALUE.finditer(question)
        if fold(m.group("before") or "") not in QUALIFIERS
        for t in tokenize(m.group("before") or m.group("after"))
    }
    return terms | set(translate_terms(sorted(terms)))


def valued_said(question: str, kind: str, window: str) -> bool:
    """What a rate, a price or an amount is of, when the question names it ("the tax rate": a
    rate of tax, not any rate), stands in the window too."""
    valued = valued_thing(question, kind)
    return not valued or bool(english_kin(spellings(valued)) & set(tokenize(window)))


def own_kind(subject: str, organisations: Sequence[Organisation]) -> set[str]:
    """The terms of the subject's own kind in the directory, in any form ("incubates" of an
    incubator): what it is, not what a yes or no asks of it."""
    kinds = {o.kind for o in organisations if subject and o.label == subject}
    # the words of that kind alone ("incubator"; not "group", said of every company kind)
    words = [w for w, keys in kinds_by_word().items() if len(keys) == 1 and keys[0] in kinds]
    return set(tokenize(" ".join(words)))


def describing(question: str, subject: str, organisations: Sequence[Organisation]) -> set[str]:
    """The terms that say what or where the subject is, not what is asked of it: a kind's word
    beside its name ("the Medicen cluster", "l'incubateur Agoranov") and the directory's towns
    ("its centre in Paris-Saclay")."""
    towns = " ".join(o.city for o in organisations if o.city)
    words = [fold(w) for w in re.findall(r"[\w\-]+", question)]
    named, kinds = set(tokenize(subject)), kinds_by_word()
    beside = {
        words[j]
        for i, w in enumerate(words)
        if set(tokenize(w)) & named
        for j in (i - 1, i + 1)
        if 0 <= j < len(words) and words[j] in kinds
    }
    return set(tokenize(f"{' '.join(beside)} {towns}"))
