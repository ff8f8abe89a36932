"""Decline by answer type: a question that asks for a kind of value (a phone number, an email,
an address, a rate, a price, an amount, a date, a person in a role) about a named subject is
declined when no retrieved passage about that subject holds a value of that kind, whatever the
sentence model thinks of the nearest sentence; the decline says what the sources do hold about
the subject, in one cited sentence (a decline all the same: nothing answers the question).

The kinds are shapes of values, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import ABOUT, DECLINE
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.questions import (
    COST_QUESTION,
    DATE,
    DATE_ASKED,
    MONEY,
    SHARE,
    SHARE_QUESTION,
    WHEN_QUESTION,
    YEAR_QUESTION,
)
from assistant.answer.roles import asked_role, holds_role
from assistant.answer.spans import NAME_RUN
from assistant.retrieval.passage import Passage
from ingest.store.text import STOPWORDS, fold, split_sentences, words

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
        r"\b(prices?|fees?|tarifs?|prix)\b|\bhow much\b.*\bcosts?\b|\b(what|the) costs? of\b|"
        r"\bcombien\b.*\bco[uû]te",
        IC,
    ),
    "amount": re.compile(
        r"\b(budget|revenues?|turnover|chiffre d['’]affaires|funding|raised|levée|salary|"
        r"salaire|amount|montant|valuation|valorisation)\b",
        IC,
    ),
    "date": DATE_ASKED,
}
# a year the question names ("in 2019"): the sources must speak of that year
NAMED_YEAR = re.compile(
    r"\b(?:in|en|for|pour|of|de|since|depuis|during|durant)\s+((?:19|20)\d\d)\b", IC
)
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
FREE = re.compile(r"\b(free of charge|free|gratuit\w*|no charge|no fee)\b", IC)
# the corpus's own scope is no subject: "France's", "the Paris Region"
SCOPE = re.compile(
    r"(the )?(france|french|paris( region)?|(paris )?r[ée]gion|[îi]le-de-france|europe(an)?)",
    IC,
)
HOLDS: dict[str, Callable[[str], bool]] = {
    "email": lambda s: bool(EMAIL.search(s)),
    "phone": lambda s: bool(PHONE.search(s)),
    "address": lambda s: bool(STREET.search(s)),
    "rate": lambda s: bool(RATE.search(s) or SHARE.search(s)),
    "price": lambda s: bool(MONEY.search(s) or FREE.search(s)),
    "amount": lambda s: bool(MONEY.search(s) or AMOUNT.search(s)),
    "date": lambda s: bool(DATE.search(s)),
}


def asked_value(question: str) -> str:
    """The kind of value asked for ('email', 'phone', 'address', 'rate', 'price', 'amount',
    'date', a role: 'ceo', 'president', 'head', 'founder'; or, when it asks for none, a year it
    names: 'year 2019'), or ''."""
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
    year = NAMED_YEAR.search(question)
    return f"year {year.group(1)}" if year else ""


def holds_value(kind: str, sentence: str) -> bool:
    """The sentence holds a value of that kind (for a role: the role and a person's name)."""
    if kind in HOLDS:
        return HOLDS[kind](sentence)
    if kind.startswith("year "):
        return kind.split()[1] in sentence
    return holds_role(kind, sentence) and any(
        len(m.group(0).split()) >= 2 for m in NAME_RUN.finditer(sentence)
    )


def subject_names(
    question: str, organisations: Sequence[Organisation], passages: Sequence[Passage] = ()
) -> list[str]:
    """The names the question is about: its directory organisations, else its capitalised
    words (not its first word, unless an acronym; not the region or the country), else, in a
    question typed in lower case, its words that the passages write as names
    ("medxperience": "MedXperience")."""
    named = named_in(question, organisations)
    if named:
        return [o.label for o in named[:2]]
    runs = [
        re.sub(r"['’]s$", "", m.group(0))
        for m in NAME_RUN.finditer(question)
        if m.start() > 0 or re.search(r"[A-Z].*[A-Z]", m.group(0))  # not "Roughly ..."
    ]
    runs = [r for r in runs if fold(r.split()[0]) not in STOPWORDS and not SCOPE.fullmatch(r)]
    return runs[:2] or names_as_written(question, passages)[:2]


def names_as_written(question: str, passages: Sequence[Passage]) -> list[str]:
    """The words of ``question`` that the passages only ever write as a name (capitalised,
    never in lower case), spelt as the passages spell them."""
    asked = {fold(w) for w in words(question) if len(w) >= 3 and fold(w) not in STOPWORDS}
    text = " ".join(p.text for p in passages)
    lower = {fold(w) for w in words(text) if w[:1].islower()}
    spelt: dict[str, str] = {}
    for word in words(text):
        key = fold(word)
        if key in asked and key not in lower and word[:1].isupper():
            spelt.setdefault(key, word)
    return [
        spelt[k]
        for k in (fold(w) for w in words(question))
        if k in spelt and not SCOPE.fullmatch(spelt[k])
    ]


def mentions(text: str, name: str, organisations: Sequence[Organisation]) -> bool:
    """The text names ``name``: as the directory spells it, or with its acronym spelt out
    ("General Electric Healthcare" for "GE Healthcare")."""
    org = next((o for o in organisations if o.label == name), None)
    if org is not None and named_in(text, [org]):
        return True
    if re.search(rf"\b{re.escape(fold(name))}\b", fold(text)):
        return True
    return bool(re.search(spelt_out(org.name if org else name), text))


ACRONYM = re.compile(r"[A-Z]{2,5}")


def spelt_out(name: str) -> str:
    """A pattern of ``name`` with each acronym ("GE") as words of those initials."""
    space = r"\s+"
    parts = [
        space.join(rf"{c}\w+" for c in word) if ACRONYM.fullmatch(word) else re.escape(word)
        for word in name.split()
    ]
    return rf"\b{space.join(parts)}\b"


def typed_decline(
    question: str,
    language: str,
    passages: Sequence[Passage],
    report: EvidenceReport,
    organisations: Sequence[Organisation],
) -> str | None:
    """The decline, when the question asks for a kind of value about a named subject and no
    passage about it holds one; None when the answer may go on."""
    kind = asked_value(question)
    names = subject_names(question, organisations, passages) if kind else []
    if not names:
        return None
    subject = names[0]

    def sentences(n: int) -> list[str]:
        return report.sentences.get(n) or split_sentences(passages[n - 1].text)

    about = [
        n
        for n, p in enumerate(passages, start=1)
        if mentions(f"{p.metadata.get('title', '')} {p.text}", subject, organisations)
    ]
    best = {(e.n, e.sentence) for e in usable(report)[:BEST]}
    if any(holds_value(kind, s) for n in about for s in sentences(n) if (n, s) in best):
        return None
    said = nearest(subject, report, about, sentences, organisations)
    if said is None:
        return DECLINE[language]
    n, sentence = said
    return f"{DECLINE[language]} {ABOUT[language].format(subject=subject)} {sentence} [{n}]"


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
