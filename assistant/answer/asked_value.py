"""Decline by answer type: a question that asks for a kind of value (a phone number, an email,
an address, a rate, a price, an amount, a date, a person in a role) about a named subject is
declined when no retrieved passage about that subject holds a value of that kind, whatever the
sentence model thinks of the nearest sentence; the decline says what the sources do hold about
the subject, in one cited sentence (a decline all the same: nothing answers the question).
The kinds are shapes of values, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.answer.counted_thing import counted_kin
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE
from assistant.answer.names_said import names_said
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.questions import asking
from assistant.answer.role_said import role_unsaid
from assistant.answer.roles import ROLES
from assistant.answer.said_about import declined_about, usable
from assistant.answer.spelling import spellings
from assistant.answer.subjects import mentions, persons_asked, subject_names
from assistant.answer.value_focus import (
    GENERIC_KINDS,
    describing,
    focus_terms,
    own_kind,
    valued_said,
)
from assistant.answer.value_kinds import ANYONES, asked_value, holds_value, still_asked
from assistant.answer.weights import SCOPE
from assistant.answer.window_said import counted_in, focus_held, numbers_said
from assistant.retrieval.glossary import english_kin
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize, words

SCOPE_NAMED = re.compile(r"\b(paris|[iî]le[- ]de[- ]france|idf|r[ée]gion)\b", re.IGNORECASE)
# the values asked across subjects ("which is the biggest?"), not of the one a follow-up follows
ACROSS = frozenset({"best", "comparison"})
BEST = 5  # a value answers only in one of the sentences that answer the question best
# the words by which a sentence takes up what the one before named, sums it up ("In all") or
# singles out a part of it ("In particular, the NeuroSpin center" of the CEA's platform)
REFERRING = set("it its they them their this these those he she his her il elle ils elles".split())
# the words that ask of an aim ("by which year do they want to get there?"): a plan said answers
AIMING = set(tokenize("want plan aim intend hope wish veut veulent prevoit souhaite vise"))
SUMMING = re.compile(
    r"\s*(in all|in total|overall|altogether|au total|en tout|in particular|notably|among them|"
    r"en particulier|notamment|parmi eux|parmi elles)\b",
    re.I,
)


def typed_decline(
    question: str,
    language: str,
    passages: Sequence[Passage],
    report: EvidenceReport,
    organisations: Sequence[Organisation],
    known: Collection[str] = (),
    answer: str = "fact",
    lexicon: Lexicon | None = None,
    context: str = "",
) -> str | None:
    """The decline, when the question asks for a kind of value about a named subject (or of a
    year it names) and none of the best sentences holds one about that subject and what is
    asked of it; None when the answer may go on. ``known``: the corpus's terms (a French
    focus word it never uses is not looked for); ``answer``: the kind composed (a fact; an
    explanation: a reason; a list: an outcome); ``lexicon``: tells a misspelt name from a word.
    ``context``: what a follow-up naming no subject is about ("how many members exactly?" after
    "what is Cap Digital?"): declined only when none of its subjects has the value, unless asked
    across subjects ("which is the biggest?"); "so did they make it?" of its words too."""
    kind = asked_value(asking(question)[0])  # "who is the CEO? need a name for an email": who
    if not still_asked(answer, kind):
        return None
    names = subject_names(question, organisations, passages, lexicon) if kind else []
    followed = (
        []
        if not kind or names or not context or kind in ACROSS
        else subject_names(context, organisations, passages, lexicon)
    )
    plan = context if kind == "outcome" else ""  # of that, though condense named the subject
    typed = TypedAsk(question, kind, language, known, plan, bool(followed))
    if not followed:
        return typed.decline(names, passages, report, organisations)
    said = [typed.decline([name], passages, report, organisations) for name in followed]
    return None if any(s is None for s in said) else said[0]


@dataclass(frozen=True)
class TypedAsk:
    """A question asking a kind of value (``asked_value``) in a language; ``known``: the
    corpus's terms."""

    question: str
    kind: str
    language: str
    known: Collection[str]
    plan: str = ""  # what "so did they make it?" asks came true: "Medicen's goal for 2022"
    of_plan: bool = False  # the question names no subject: it asks of the plan's words too

    def decline(
        self,
        names: list[str],
        passages: Sequence[Passage],
        report: EvidenceReport,
        organisations: Sequence[Organisation],
    ) -> str | None:
        """The decline of the value asked of ``names`` (the subject first), else None."""
        question, kind, language = self.question, self.kind, self.language
        if kind in ROLES and role_unsaid(kind, question, names, report):
            return DECLINE[language]  # "who is the president of France?": not Medicen's
        if not kind or (not names and not kind.startswith("year ") and kind not in ANYONES):
            return None
        subject = names[0] if names else ""
        if kind == "comparison" and len(names) < 2 and not (names and SCOPE_NAMED.search(question)):
            return None  # a comparison of two subjects the question names, or of one and the region
        focus = focus_terms(question, kind, subject, report) - describing(
            question, subject, organisations
        )
        if kind == "whether":  # "does Agoranov take equity in the startups it incubates?"
            focus -= own_kind(subject, organisations)
        if kind == "comparison":  # the other side is a subject, not what they are compared on
            focus -= {t for name in names[1:2] for t in tokenize(name)}
        if self.plan and self.of_plan:
            focus |= set(tokenize(self.plan)) - set(tokenize(subject)) - SCOPE - report.everyday
        if kind == "count":  # "how many staff?": counted by "professionals" too
            focus = counted_kin(focus, question)
        if language == "fr" and self.known:  # a French word the English corpus never uses
            focus = {t for t in focus if t in self.known}
        named = _named(kind, names, question, organisations, passages)
        for e in usable(report)[:BEST]:
            before = previous_sentence(report, e) if refers(e.sentence) else ""
            window = f"{before} {e.sentence}".strip()
            whose = f"{passages[e.n - 1].metadata.get('title', '')} {window}"  # its title too
            said = all(mentions(whose, name, organisations) for name in named)
            if not said or not focus_held(kind, focus, question, window, report.weights):
                continue
            if _holds(kind, e.sentence, window, question, subject, focus, organisations) and not (
                kind == "outcome" and PLAN.search(self.plan) and not CAME_TRUE.search(e.sentence)
            ):  # "so did they make it?" of a goal just said: a sentence that says it came true
                return None
        return declined_about(subject, language, passages, report, organisations)


def _named(
    kind: str,
    names: list[str],
    question: str,
    organisations: Sequence[Organisation],
    passages: Sequence[Passage],
) -> list[str]:
    """The names a sentence must hold with the value: the subject (both, for a comparison), and
    the people asked of anyone's value ("when did Christian Lajoux become president?": his)."""
    named = names[:2] if kind == "comparison" else names[:1]
    if kind in GENERIC_KINDS:
        named += [p for p in persons_asked(question, organisations, passages) if p not in named]
    return named


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


# a question about something done: "when did Servier's centre finally open?", "quand a-t-il
# ouvert ?"; a plan is not its date. Not ``shapes.DONE``: its past participles ("Servier a
# annoncé un centre ... à l'horizon de quelle année ?") also announce a plan, whose date is asked
DONE = re.compile(
    r"\b(did|was|were|has been|have been|finally|eventually|actually|a-t-(il|elle|on)|"
    r"ont-(ils|elles)|a été|ont été|est-(il|elle) "
    r"(sorti|ouvert|paru)e?|enfin|finalement)\b",
    re.IGNORECASE,
)
# a statement of a plan or an aim: "Servier plans to have one in Paris-Saclay by 2021"
PLAN = re.compile(
    r"\b(plans?|planned|planning|aims?|aiming|intends?|ambitions?|will|expects?|to be|"
    r"wants? to|wish(?:es)? to|hopes? to|"  # "we want to build a presence in Brussels"
    r"by (19|20)\d\d|"
    # a goal stated: "our goal is to bring fresh air", "the objective of Medicen is"
    r"goals?|objectives?|objectifs?|"
    # not there yet: "we are very close to achieving this target"
    r"close to|on track|not yet|pas encore|en passe de|"
    r"wants? to|hopes? to|would like to|veut|veulent|souhaite\w*|"
    r"prévoit|prevoit|compte|envisage|d['’]ici)\b",
    re.IGNORECASE,
)


# a clause that says something came true ("it reached its goal"), no plan
CAME_TRUE = re.compile(
    r"\b(reached|achieved|attained|became|succeeded|managed|won|obtained|doubled|tripled|"
    r"completed|atteint\w*|r[ée]ussi|devenue?s?|obtenue?s?|doubl(?:é|ée|és|ées))\b",
    re.IGNORECASE,
)


def refers(sentence: str) -> bool:
    """The sentence takes up the one before: a pronoun ("It opened in 2016"), a sum ("In all")."""
    return any(w.lower() in REFERRING for w in words(sentence)) or bool(SUMMING.match(sentence))


def _holds(
    kind: str,
    sentence: str,
    window: str,
    question: str,
    subject: str,
    focus: set[str],
    organisations: Sequence[Organisation],
) -> bool:
    """The sentence holds a value of the kind asked that stands with the subject, no plan where
    something done is asked, and (in it or the sentence before: ``window``) what the value is
    asked of, as the sources spell it ("center") or say it ("ambition" for "target")."""
    return (
        holds_value(kind, sentence, question)
        and stands_with(kind, sentence, question, subject, organisations)
        and not plan_only(kind, question, sentence, subject, organisations, focus)
        and (
            not focus
            or bool(english_kin(spellings(focus)) & set(tokenize(window)))
            or bool(focus & AIMING and PLAN.search(window))  # "by which year do they want to?"
        )
        and (kind != "outcome" or numbers_said(focus, window))
        and (kind != "count" or counted_in(question, window))
        and valued_said(question, kind, window)
        and (kind != "whether" or names_said(question, subject, window))
    )


def plan_only(
    kind: str,
    question: str,
    sentence: str,
    subject: str,
    organisations: Sequence[Organisation],
    focus: Collection[str] = (),
) -> bool:
    """A plan where something done is asked: "when did it finally open?" (its date), "did it
    open in 2021?" and "did it actually open?" (whether it was done) are not answered by "it
    plans one by 2021"; nor "has it doubled its members?" by "we have 400 members and we plan
    to double this number"."""
    if (kind == "date" or kind.startswith("year ")) and DONE.search(question):
        return planned(sentence, subject, organisations)  # "did it open in 2021?"
    if kind not in ("outcome", "result"):
        return False
    about = english_kin(spellings(focus))
    return planned(sentence, subject, organisations, dated=False, about=about)


def planned(
    sentence: str,
    subject: str,
    organisations: Sequence[Organisation],
    dated: bool = True,
    about: Collection[str] = (),
) -> bool:
    """Every clause of the sentence that holds a date (any clause: not ``dated``) and speaks of
    the subject states a plan ("Servier plans to have one in Paris-Saclay by 2021"), not
    something done. With ``about`` (the terms of what is asked), the clauses that hold one of
    them speak of it, the subject's or naming no organisation ("we plan to double this number")."""
    clauses = [c for c in CLAUSES.split(sentence) if not dated or holds_value("date", c)]
    whose = [c for c in clauses if not subject or mentions(c, subject, organisations)]
    speaking = [
        c
        for c in clauses
        if set(about) & set(tokenize(c)) and (c in whose or not named_in(c, organisations))
    ]
    clauses = speaking or whose or clauses  # none names it: the sentence stood with it
    # "it reached its goal" came true: no plan
    return bool(clauses) and all(PLAN.search(c) and not CAME_TRUE.search(c) for c in clauses)


def previous_sentence(report: EvidenceReport, evidence: Evidence) -> str:
    sentences = report.sentences.get(evidence.n, [])
    position = evidence.position
    return sentences[position - 1] if 0 < position <= len(sentences) else ""
