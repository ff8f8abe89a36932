"""The kinds of value a question asks for (a phone number, an email, an address, a rate, a
price, an amount, a date, a person in a role, a reason, the steps of a procedure, a comparison)
and whether a sentence holds one (the shapes in ``value_shapes.py``). The kinds are shapes of
values, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.counted_thing import FRACTION, NUMBER, PARTITIVE_COUNT
from assistant.answer.features import WHERE_LAST
from assistant.answer.meaning import defines, term_asked
from assistant.answer.numbers import WORD, stated
from assistant.answer.questions import (
    AGE,
    COST_QUESTION,
    COUNT_QUESTION,
    DATE,
    LAPSED,
    MONEY,
    SHARE,
    SHARE_QUESTION,
    SPAN,
    URL,
    WHEN_QUESTION,
    YEAR_QUESTION,
    answer_type_fits,
)
from assistant.answer.roles import asked_role, holds_role
from assistant.answer.spans import NAME_RUN, PLACE, WHERE
from assistant.answer.time_asked import (
    FORMER,
    FORMER_SAID,
    NEXT,
    NEXT_SAID,
    NOW,
    RESULT,
    RESULT_SAID,
    STILL,
    YES_NO_FR,
)
from assistant.answer.value_asked import ASKS, OPEN, OPINION, OUTCOME, WHETHER, WHETHER_FR
from assistant.answer.value_shapes import (
    AMOUNT,
    COMPARES,
    DAY,
    ELIGIBLE,
    EMAIL,
    FREE,
    HOURS,
    PHONE,
    PROCEDURE,
    RANKS,
    RATE,
    REASON,
    SINCE,
    STREET,
    WON,
    undated,
)
from ingest.store.text import fold

IC = re.IGNORECASE
# a number asked exactly ("exactly how many units?", "combien exactement ?", "en chiffres"):
# "half of" is none
EXACT = re.compile(
    r"\b(exactly|precisely|exact|exactement|précisément|precisement|nombre exact|"
    r"in (figures|numbers)|as a (figure|number)|en chiffres?|en nombre|in total|au total|"
    r"total number|nombre total)\b",
    IC,
)
COUNTED = re.compile(rf"\d|\b({WORD})\b", IC)
# the best of something, as judged ("which hospital is the best one for cardiology?"): the
# sources must rank it so
SUPERLATIVE = re.compile(
    r"\b(best|meilleure?s?|biggest|largest|greatest|(le|la|les) plus grande?s?|"
    # a rank asked: "what's the ranking of the region for biotech?", "classée à quelle place ?"
    r"ranking|ranked|rank|classement|class[ée]e?s?)\b",
    IC,
)
# the year a value is asked of, a time ("how many ... in 2019?", "fin 2020"): the sources
# must speak of that year. Not ``time_asked.YEAR``, any year the question names: the count of
# "MedXperience 2018" is the event's, and "by 2022" is a target's
NAMED_YEAR = re.compile(
    r"\b(?:in|en|for|pour|of|de|since|depuis|during|durant|fin|début|debut|mi|early|late|about)"
    r"[\s-]+((?:19|20)\d\d)\b",
    IC,
)
PLACE_ASKED = re.compile(  # "which (canadian) city", "son siège où aux États-Unis ?"
    r"\b(which|what|quelle|quel)\s+([\w-]+\s+)?(city|town|commune|ville|d[ée]partement)\b|"
    r"\bo[uù]\s+(aux?|à|dans|en(?!\s+(est|sont|êtes|es|étais|était)\b))\s",
    IC,
)
# a choice between two: "should we pick Paris or Boston?", "choisir Paris ou Lyon ?", or put
# to the assistant: "ton avis perso, paris ou londres ?" (sides ``a`` and ``b``)
CHOICE = re.compile(
    r"\b(?:pick|choose|go (?:with|for)|opt for|select|choisir|choisis\w*|opter pour|"
    r"privil[ée]gier)\s*[,:]?\s+(?:between\s+|entre\s+)?(?!(?:à|a|au|in|en|dans|where|où|ou|an?|the|"
    r"une?|les?|la|which|what|quel\w*)\b)(?P<a>[\w-]+)\s+(?:or|ou)\s+(?P<b>[\w-]+)|"
    r"\b(?:opinion|avis|view|recommend\w*|recommand\w*|conseill\w*)(?:\s+(?:perso|personnel|"
    r"personally|honestly))?\s*[,:]?\s+(?:between\s+|entre\s+)?"
    r"(?P<a2>[\w-]+)\s+(?:or|ou)\s+(?P<b2>[\w-]+)\s*(?=\?|$|pour\b|for\b)",
    IC,
)
# which of two is more, better, bigger: a comparison the sources must make
COMPARATIVE = re.compile(
    # (not "le plus grand défi pour que ...": the most)
    r"\b(more|less|fewer|better|worse|bigger|larger|smaller|greater|older|younger|"
    r"(?<!\ble )(?<!\bla )(?<!\bles )(?:plus|moins)|"
    # (against a number, a count: "more than 100 staff?")
    r"meilleure?s?|mieux|pire)\b[^?]{0,60}\b(than|que|qu['’]|or|ou)\b(?!\s*\d)|"
    rf"{CHOICE.pattern}|"
    # "which of those two has more members?", "lequel des deux a le plus de membres ?"
    r"\b(which|lequel|laquelle)\s+(of|des|d['’]entre)\b[^?]{0,60}\b(more|less|fewer|better|"
    r"bigger|larger|smaller|greater|plus|moins|meilleure?s?)\b|"
    # "between X and Y, which is the better one?", "entre X et Y, lequel est le meilleur ?"
    r"\b(between|entre)\b[^?]{0,60}\b(and|et)\b[^?]{0,60}\b(better|best|more|less|bigger|"
    r"larger|smaller|cheaper|meilleure?s?|mieux|plus|moins|"
    # the one of the two someone advises: "entre X et Y, lequel Medicen conseille ?"
    r"recommend\w*|advis\w*|suggest\w*|prefer\w*|conseill\w*|recommand\w*|pr[ée]f[èée]r\w*)\b",
    IC,
)
HOLDS: dict[str, Callable[[str], bool]] = {
    "email": lambda s: bool(EMAIL.search(s)),
    "website": lambda s: bool(URL.search(s)),
    "phone": lambda s: bool(PHONE.search(s)),
    "address": lambda s: bool(STREET.search(s)),
    "rate": lambda s: bool(RATE.search(s) or SHARE.search(s)),
    "price": lambda s: bool(MONEY.search(s) or FREE.search(s)),
    "amount": lambda s: bool(MONEY.search(s) or AMOUNT.search(s)),
    "date": lambda s: bool(DATE.search(s)),
    "day": lambda s: bool(DAY.search(s)),
    "count": lambda s: bool(NUMBER.search(undated(s))),
    "hours": lambda s: bool(HOURS.search(s)),
    "place": lambda s: bool(PLACE.search(s)),
    "reason": lambda s: bool(REASON.search(s)),
    "procedure": lambda s: bool(PROCEDURE.search(s)),
    "eligibility": lambda s: bool(ELIGIBLE.search(s)),
    "history": lambda s: bool(SINCE.search(s)),
    "winner": lambda s: bool(WON.search(s)),
    "comparison": lambda s: bool(COMPARES.search(s)),
    "best": lambda s: bool(RANKS.search(s)),
    "duration": lambda s: bool(SPAN.search(s) or DATE.search(s)),
    "delay": lambda s: bool(LAPSED.search(s)),
    "age": lambda s: bool(AGE.search(s)),
    "measure": lambda s: bool(NUMBER.search(s)),
    "outcome": lambda s: True,  # any sentence may say it was done; a plan does not
    "result": lambda s: bool(RESULT_SAID.search(s)),
    "current": lambda s: bool(NOW.search(s)),
    "former": lambda s: bool(FORMER_SAID.search(s)),
    "next": lambda s: bool(NEXT_SAID.search(s)),
    "whether": lambda s: True,  # any sentence about the subject that says what is asked
}


def asked_value(question: str) -> str:
    """The kind of value asked for (a key of ``ASKS``, 'rate', 'price', 'date', a role: 'ceo',
    'president', 'officer', 'head', 'founder'; 'comparison', 'best', 'place'; or else a year
    it names: 'year 2019', a count: 'count', whether a plan came true: 'outcome', or a yes or no
    about a subject: 'whether'), or ''."""
    if NEXT.search(question):  # of the one to come: "when is the next edition?"
        return "next"
    if FORMER.search(question) and not ASKS["reason"].search(question):
        return "former"  # not why the subject left its former post: its reason
    if STILL.search(question) and (WHETHER.search(question) or YES_NO_FR.search(question)):
        return "current"
    if SHARE_QUESTION.search(question):
        return "rate"
    if COST_QUESTION.search(question):
        return "price"
    for kind, pattern in ASKS.items():  # "the biggest headcount": the best, not a count
        if pattern.search(question) and not (kind == "count" and SUPERLATIVE.search(question)):
            return kind
    if YEAR_QUESTION.search(question) or WHEN_QUESTION.search(question):
        return "date"
    role = asked_role(question)
    if role:
        return role
    if COMPARATIVE.search(question):
        return "comparison"
    if SUPERLATIVE.search(question):
        return "best"
    if WHERE.search(question) or WHERE_LAST.search(question) or PLACE_ASKED.search(question):
        return "place"
    counted = COUNT_QUESTION.search(question)  # "combien ... finalement ?" asks the count
    if OUTCOME.search(question) and not counted:  # "ouvert finalement en 2021 ?": whether it
        return "outcome"  # came true, not the year it was planned for
    if RESULT.search(question):  # what came of it
        return "result"
    year = NAMED_YEAR.search(question)  # "how many ... in 2019": that year's, first
    if year:
        return f"year {year.group(1)}"
    if counted:
        return "count"
    if BARE_HOW_MUCH.match(question):  # "combien exactement ?": a number of what was just said
        return "measure"
    if OPINION.search(question):  # "did he think it was a game changer?": his view, said
        return ""
    whether = WHETHER.search(question) or WHETHER_FR.search(question)
    return "whether" if whether and not OPEN.search(question) else ""


# "how much?", "combien exactement ?" alone: a number, of what the follow-up follows
BARE_HOW_MUCH = re.compile(
    r"^\W*(?:(?:and|et|so|alors|ok|mais|but)\W+)*(?:how much|how many|combien)"
    r"(?:\s+(?:exactly|exactement|en tout|au total|in total|precisely|pr[ée]cis[ée]ment))?"
    r"(?:\s+(?:of|for|de|du|des|pour|d['’])\s*[^?]{1,60})?\W*$",  # "... of TERR-eSANTE?" restated
    IC,
)


def holds_value(kind: str, sentence: str, question: str = "") -> bool:
    """The sentence holds a value of that kind (for a role: the role and a person's name that
    the question does not already hold: "before Stéphane Roques" is not answered by him)."""
    if kind == "count" and question:  # a number of the thing counted; asked exactly, no share
        exact = EXACT.search(question) is None or COUNTED.search(sentence) is not None
        # a part of a group the question counts: "how many of the 52 projects ...?" is not
        # answered by "there were 52 projects"
        new = not PARTITIVE_COUNT.search(question) or bool(stated(sentence) - stated(question))
        new = new or bool(FRACTION.search(sentence))  # "how many of its units ...?": "half of"
        return HOLDS[kind](sentence) and answer_type_fits(question, sentence) and exact and new
    if kind == "meaning":  # what the term asked is
        return defines(sentence, term_asked(question))
    if kind in HOLDS:
        return HOLDS[kind](sentence)
    if kind.startswith("year "):  # that year's, and what is counted in it
        counted = bool(question) and COUNT_QUESTION.search(question) is not None
        return kind.split()[1] in sentence and (
            not counted or holds_value("count", sentence, question)
        )
    asked = fold(question)
    return holds_role(kind, sentence) and any(
        len(m.group(0).split()) >= 2 and fold(m.group(0)) not in asked
        for m in NAME_RUN.finditer(sentence)
    )


# the answers other than a fact that still ask a kind of value: why a subject made a choice,
# what it has come to (a list of them), which of two is more ("which has more members, X or Y?"),
# which costs less ("is Paris cheaper than Munich? comparing the two"): the prices compared; how
# many of a thing one has, set beside another's ("how many members does X have? to compare with
# Y's 400")
COMPOSED = {
    *{("compare", kind) for kind in ("price", "rate", "amount", "count")},
    ("explain", "reason"),
    ("explain", "procedure"),
    ("explain", "history"),
    ("explain", "meaning"),
    ("list", "outcome"),
    ("list", "result"),
    ("list", "comparison"),
}
# the values a list may ask ("what are the fees of its three programmes?"; not an amount: "which
# organisations provide funding?" asks who)
LISTED = set("price rate email phone hours measure age duration procedure".split())
# the values asked that must stand in the sources even of no named subject ("what's the tax
# rate for a subsidiary?", "how much does lab space cost?")
ANYONES = set(
    "email phone address rate price amount hours measure best count official procedure "
    "eligibility winner delay meaning age".split()
)


def still_asked(answer: str, kind: str) -> bool:
    """Whether an answer composed as ``answer`` (a fact, a list, an explanation) still asks
    a value of ``kind``."""
    return answer == "fact" or (answer, kind) in COMPOSED or (answer == "list" and kind in LISTED)
