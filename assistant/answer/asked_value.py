"""Decline by answer type: a question that asks for a kind of value (a phone number, an email,
an address, a rate, a price, an amount, a date, a person in a role) about a named subject is
declined when no retrieved passage about that subject holds a value of that kind, whatever the
sentence model thinks of the nearest sentence; the decline says what the sources do hold about
the subject, in one cited sentence (a decline all the same: nothing answers the question).

The kinds are shapes of values, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.features import WHERE_LAST
from assistant.answer.messages import ABOUT, DECLINE
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.questions import (
    AGE,
    AGE_ASKED,
    COST_QUESTION,
    COUNT_QUESTION,
    DATE,
    DATE_ASKED,
    MONEY,
    NUMBER,
    SHARE,
    SHARE_QUESTION,
    SPAN,
    WHEN_QUESTION,
    YEAR_QUESTION,
)
from assistant.answer.roles import asked_role, holds_role
from assistant.answer.spans import NAME_RUN, PLACE, WHERE
from assistant.answer.spelling import spellings
from assistant.answer.subjects import mentions, subject_names
from assistant.answer.value_focus import GENERIC_KINDS, describing, focus_terms
from assistant.retrieval.passage import Passage
from ingest.store.text import fold, split_sentences, tokenize

IC = re.IGNORECASE
ASKS = {  # the kind of value -> the shape of a question asking for one (checked in this order)
    "email": re.compile(r"\b(e-?mail|courriel|adresse (e-?mail|électronique|mail))\b", IC),
    "phone": re.compile(r"\b(tele)?phone\b|\btéléphone\b|\bt[ée]l\b|\bnum[ée]ro\b", IC),
    "address": re.compile(
        r"\b(what|what['’]s|which|give|quelle|l['’])\b.{0,30}\b(address|adresse)\b|"
        r"\b(address|adresse) (of|de|du|des)\b|\bpost(al )?code\b|\bcode postal\b|"
        r"['’]s (postal |street )?address\b",
        IC,
    ),
    "rate": re.compile(r"\b(rate|taux|percentage|pourcentage)\b", IC),
    "price": re.compile(
        r"\b(prices?|fees?|tarifs?|prix|rents?|rental|loyers?)\b|\bhow much\b.*\bcosts?\b|"
        r"\b(what|the) costs? of\b|\bcombien\b.*\bco[uû]te",
        IC,
    ),
    "amount": re.compile(
        r"\b(budget|revenues?|turnover|chiffre d['’]affaires|funding|raised|levée|salary|"
        r"salaire|amount|montant|valuation|valorisation)\b",
        IC,
    ),
    "hours": re.compile(r"\b(opening (hours|times)|hours|horaires?|heures? d['’]ouverture)\b", IC),
    # why a subject made a choice ("why did GE pick Paris over London?", "pourquoi Sanofi
    # a-t-il choisi Gentilly ?"): the sources must give its reason
    "reason": re.compile(
        r"\b(why|pourquoi)\b.{0,60}\b(did|was|were|has|have|had|a-t-(il|elle)|ont-(ils|elles)|"
        r"a|ont|avait)\b.{0,40}\b(pick(ed)?|chose|chosen|select(ed)?|decided?|opt(ed)?|prefer(red)?|"
        r"left|leave|quit|join(ed)?|moved?|choisi|opté|opte|préféré|prefere|décidé|decide|"
        r"quitté|quitte|rejoint|rejoindre)\b",
        IC,
    ),
    # how long something has lasted ("how long has he been president?"): a date or a span
    "duration": re.compile(r"\bhow long\b|\bdepuis (combien de temps|quand)\b", IC),
    "age": AGE_ASKED,  # a person's age: the sources must give it, or a birth
    "date": DATE_ASKED,
}
# the best of something, as judged ("which hospital is the best one for cardiology?"): the
# sources must rank it so
SUPERLATIVE = re.compile(r"\b(best|meilleure?s?)\b", IC)
# a year the question names ("in 2019"): the sources must speak of that year
NAMED_YEAR = re.compile(
    r"\b(?:in|en|for|pour|of|de|since|depuis|during|durant|fin|début|debut|mi|early|late)"
    r"[\s-]+((?:19|20)\d\d)\b",
    IC,
)
PLACE_ASKED = re.compile(
    r"\b(which|what|quelle|quel)\s+(city|town|commune|ville|d[ée]partement)\b", IC
)
# which of two is more, better, bigger: a comparison the sources must make
COMPARATIVE = re.compile(
    r"\b(more|less|fewer|better|worse|bigger|larger|smaller|greater|older|younger|plus|moins|"
    r"meilleure?s?|mieux|pire)\b[^?]{0,60}\b(than|que|qu['’]|or|ou)\b",
    IC,
)
COMPARES = re.compile(
    r"\b(more|less|fewer|better|worse|bigger|larger|smaller|greater|largest|biggest|leading|"
    r"first|than|plus|moins|premi[eè]re?)\b",
    IC,
)
RANKS = re.compile(
    r"\b(best|top|leading|leaders?|largest|biggest|greatest|foremost|most|first|number one|"
    r"meilleure?s?|premi[eè]re?|leaders?|plus grande?s?)\b",
    IC,
)
HOURS = re.compile(r"\b\d{1,2}\s*(?::|h)\s*\d{0,2}\b|\b\d{1,2}\s*(am|pm)\b", IC)
BEST = 5  # a value answers only in one of the sentences that answer the question best
PHONE = re.compile(r"(\+\d{1,3}[\s.]?(\(0\)\s?)?|\b0)\d([\s.-]?\d{2}){4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
STREET = re.compile(
    r"\b\d{1,4}(bis|ter)?,?\s+(rue|avenue|av\.|boulevard|bd|place|quai|allée|chemin|route|"
    r"impasse|cours|street|road|square)\b|\b(75|77|78|91|92|93|94|95)\d{3}\b",
    IC,
)
RATE = re.compile(r"%|\bper ?cent|\bpour ?cent|\b(rate|taux) of \d", IC)
AMOUNT = re.compile(r"\d[\d,.\s]*\s*(million|billion|bn|milliards?|millions?|m€|k€)\b", IC)
# a sentence that gives a reason: "We chose France for the skills of its doctors"
REASON = re.compile(
    r"\b(because|since|due to|thanks to|owing to|the reasons?|so that|in order to|"
    r"no coincidence|not by chance|that is why|this is why|hence|therefore|thus|"
    r"pas un hasard|c['’]est pourquoi|d['’]où|"
    r"(chose|chosen|picked|selected|preferred|opted for) [^.;]{0,40}\b(for|because|as)|"
    r"parce que|car|grâce à|grace a|en raison|afin|pour (sa|son|ses|la|le|les) \w+)\b",
    IC,
)
FREE = re.compile(r"\b(free of charge|free|gratuit\w*|no charge|no fee)\b", IC)
HOLDS: dict[str, Callable[[str], bool]] = {
    "email": lambda s: bool(EMAIL.search(s)),
    "phone": lambda s: bool(PHONE.search(s)),
    "address": lambda s: bool(STREET.search(s)),
    "rate": lambda s: bool(RATE.search(s) or SHARE.search(s)),
    "price": lambda s: bool(MONEY.search(s) or FREE.search(s)),
    "amount": lambda s: bool(MONEY.search(s) or AMOUNT.search(s)),
    "date": lambda s: bool(DATE.search(s)),
    "count": lambda s: bool(NUMBER.search(s)),
    "hours": lambda s: bool(HOURS.search(s)),
    "place": lambda s: bool(PLACE.search(s)),
    "reason": lambda s: bool(REASON.search(s)),
    "comparison": lambda s: bool(COMPARES.search(s)),
    "best": lambda s: bool(RANKS.search(s)),
    "duration": lambda s: bool(SPAN.search(s) or DATE.search(s)),
    "age": lambda s: bool(AGE.search(s)),
}


def asked_value(question: str) -> str:
    """The kind of value asked for (a key of ``ASKS``, 'rate', 'price', 'date', a role: 'ceo',
    'president', 'officer', 'head', 'founder'; 'comparison', 'best', 'place'; or else a year
    it names: 'year 2019', or a count: 'count'), or ''."""
    if SHARE_QUESTION.search(question):
        return "rate"
    if COST_QUESTION.search(question):
        return "price"
    for kind, pattern in ASKS.items():
        if pattern.search(question):
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
    year = NAMED_YEAR.search(question)  # "how many ... in 2019": that year's, first
    if year:
        return f"year {year.group(1)}"
    return "count" if COUNT_QUESTION.search(question) else ""


def holds_value(kind: str, sentence: str, question: str = "") -> bool:
    """The sentence holds a value of that kind (for a role: the role and a person's name that
    the question does not already hold: "before Stéphane Roques" is not answered by him)."""
    if kind in HOLDS:
        return HOLDS[kind](sentence)
    if kind.startswith("year "):
        return kind.split()[1] in sentence
    asked = fold(question)
    return holds_role(kind, sentence) and any(
        len(m.group(0).split()) >= 2 and fold(m.group(0)) not in asked
        for m in NAME_RUN.finditer(sentence)
    )


def typed_decline(
    question: str,
    language: str,
    passages: Sequence[Passage],
    report: EvidenceReport,
    organisations: Sequence[Organisation],
    known: Collection[str] = (),
    answer: str = "fact",
) -> str | None:
    """The decline, when the question asks for a kind of value about a named subject (or of a
    year it names) and none of the sentences that answer it best holds one about that subject
    and what is asked of it; None when the answer may go on. ``known``: the corpus's terms
    (in French, what is asked of the value is looked for only when the corpus uses it: "ouvert"
    is French for what the sources say in English). ``answer``: the kind of answer composed: a
    fact, or an explanation of why a subject made a choice (its reason)."""
    kind = asked_value(question)
    if answer != "fact" and not (answer == "explain" and kind == "reason"):
        return None
    names = subject_names(question, organisations, passages) if kind else []
    if not kind or (not names and not kind.startswith("year ")):
        return None
    subject = names[0] if names else ""
    if kind == "comparison" and len(names) < 2:
        return None  # a comparison of two subjects the question names
    focus = focus_terms(question, kind, subject, report) - describing(
        question, subject, organisations
    )
    if language == "fr" and known:  # a French word the English corpus never uses: untranslated
        focus = {t for t in focus if t in known}
    named = names[:2] if kind == "comparison" else names[:1]  # a comparison names both
    for e in usable(report)[:BEST]:
        window = f"{previous_sentence(report, e)} {e.sentence}"
        title = str(passages[e.n - 1].metadata.get("title", ""))
        if not holds_value(kind, e.sentence, question):
            continue
        if not all(mentions(f"{title} {window}", name, organisations) for name in named):
            continue
        if not stands_with(kind, e.sentence, question, subject, organisations):
            continue
        if focus and not spellings(focus) & set(tokenize(window)):  # "centre": "center"
            continue
        return None
    if not subject:
        return DECLINE[language]

    def sentences(n: int) -> list[str]:
        return report.sentences.get(n) or split_sentences(passages[n - 1].text)

    about = [
        n
        for n, p in enumerate(passages, start=1)
        if mentions(f"{p.metadata.get('title', '')} {p.text}", subject, organisations)
    ]
    said = nearest(subject, report, about, sentences, organisations)
    if said is None:
        return DECLINE[language]
    n, sentence = said
    return f"{DECLINE[language]} {ABOUT[language].format(subject=subject)} {sentence} [{n}]"


# where a sentence joins two statements: "Servier plans one by 2021, and Sanofi just opened"
CLAUSES = re.compile(
    r";|,\s+(?:and|but|while|whereas|et|mais)\s+|\s+(?:while|whereas|tandis que)\s+"
)


def stands_with(
    kind: str, sentence: str, question: str, subject: str, organisations: Sequence[Organisation]
) -> bool:
    """A value that could be anyone's (a date, an amount) stands in the statement about the
    subject when the sentence joins several (or in one that names no other organisation: "it
    has 400 members"): Servier's "by 2021" is no date of Sanofi's lab."""
    clauses = CLAUSES.split(sentence)
    if kind not in GENERIC_KINDS or len(clauses) < 2 or not subject:
        return True  # below, also when the subject is in the sentence before ("It opened ...")
    return not mentions(sentence, subject, organisations) or any(
        holds_value(kind, c, question)
        and (mentions(c, subject, organisations) or not named_in(c, organisations))
        for c in clauses
    )


def previous_sentence(report: EvidenceReport, evidence: Evidence) -> str:
    sentences = report.sentences.get(evidence.n, [])
    position = evidence.position
    return sentences[position - 1] if 0 < position <= len(sentences) else ""


def usable(report: EvidenceReport) -> list[Evidence]:
    """The evidence that may be quoted, best first."""
    return [
        e for e in report.evidence if not e.prompt and (e.n, e.position) not in report.unquotable
    ]


def nearest(
    subject: str,
    report: EvidenceReport,
    about: list[int],
    sentences: Callable[[int], list[str]],
    organisations: Sequence[Organisation],
) -> tuple[int, str] | None:
    """The best-scored sentence that names the subject, else the first one of a passage about
    it."""
    for e in usable(report):
        if mentions(e.sentence, subject, organisations):
            return e.n, e.sentence
    for n in about:
        for position, sentence in enumerate(sentences(n)):
            quotable = (n, position) not in report.unquotable
            if quotable and mentions(sentence, subject, organisations):
                return n, sentence
    return None
