"""A thing asked that the corpus never speaks of: "c'est quoi la meilleure banque pour ouvrir un
compte pro ?", "what's the best coworking space near Saclay?", "quelles subventions la Région
verse-t-elle ?". The question asks for the best of a kind, or what a kind is, or how it works,
or which of a kind someone gives (a verb of giving), or how many of a thing there are (its noun
only: "hospital beds" are beds); when not one word of that kind (nor its English, for a French
word) is a word of the corpus, the sources say nothing of it, however well the rest of the
question matches a sentence: the question is declined, naming the thing. Shapes and the
corpus's vocabulary only, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from assistant.answer.counted_thing import counted_head
from assistant.answer.messages import DECLINE, UNSAID
from assistant.answer.questions import COUNT_QUESTION, asking
from assistant.answer.spelling import close_to
from assistant.retrieval.glossary import english_kin, translate_terms
from ingest.store.text import tokenize

THING = r"(?P<thing>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
BEST = (
    r"(?:best|top|biggest|largest|leading|cheapest|main|meilleure?s?|principa(?:l|le|les|ux)|"
    r"plus grande?s?)"
)
# the kind asked: "what's the best X (for ...)?", "c'est quoi la meilleure X ?", "quel est le
# meilleur X ?", "how does X work?", "comment fonctionne X ?"
ASKED_THING = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"^\s*(?:what|which)(?:['’]s| is| are)?\s+(?:the\s+)?{BEST}\s+{THING}",
        rf"^\s*c['’]?\s*est\s+quoi\s+(?:la\s+|le\s+|les\s+|l['’])?{BEST}\s+{THING}",
        rf"^\s*(?:quel(?:le)?s?)\s+(?:est|sont)\s+(?:la\s+|le\s+|les\s+|l['’])?{BEST}\s+{THING}",
        rf"^\s*how\s+(?:does|do)\s+{THING}\s+work\b",
        # the kind someone gives: "quelles subventions la Région verse-t-elle ?", "what grants
        # does the region give?"
        # or gets: "which tax incentives, e.g. R&D tax credits, would we get?" (an aside between)
        rf"^\s*(?:which|what|quel(?:le)?s?)\s+{THING}(?:\s*,[^,?]{{1,40}},)?\s+(?:do|does|did|can|"
        r"could|would|will|should|might|la|le|les|l['’]|leur|ses|son|sa)\s+[^?]{0,40}?\b(?:give|"
        r"gives|offer|offers|provide|provides|grant|grants|award|awards|pay|pays|get|receive|"
        r"obtain|claim|verse|versent|propose|proposent|accorde|accordent|offre|offrent|donne|"
        r"donnent|attribue|attribuent)\b",
        rf"^\s*comment\s+(?:fonctionne|marche)(?:nt)?\s+(?:la\s+|le\s+|les\s+|l['’])?{THING}",
    )
]
# words that end the kind: "the best bank for a start-up", "la meilleure banque pour ..."
AFTER = re.compile(r"\s+(?:for|in|to|near|around|at|pour|en|à|a|dans|de|du|des|d['’]).*$", re.I)


def unknown_thing(question: str, known: Collection[str], said: Sequence[str] = ()) -> str:
    """The kind the question asks for when no word of it is the corpus's, else "" (``said``: the
    sentences of the passages at hand)."""
    if not known:
        return ""
    asked = asking(question)[0]
    found = next((m for p in ASKED_THING if (m := p.search(asked))), None)
    if not found:
        return unknown_counted(asked, known, said)
    thing = AFTER.sub("", found.group("thing")).strip(" ?!.,'’")
    terms = tokenize(thing)
    if not terms or any(t in known for t in [*terms, *translate_terms(terms)]):
        return ""
    return thing


def unknown_thing_decline(
    question: str, language: str, known: Collection[str], said: Sequence[str] = ()
) -> str | None:
    """The decline of a question asking for a kind the corpus never speaks of, naming it."""
    thing = unknown_thing(question, known, said)
    return f"{DECLINE[language]} {UNSAID[language].format(what=thing)}" if thing else None


def unknown_counted(question: str, known: Collection[str], said: Sequence[str] = ()) -> str:
    """The thing a count question counts ("how many hospital beds", "combien de lits") when its
    noun is no word of the corpus in either spelling ("organisations", "organizations"), nor
    counted by one that is ("how many staff": the professionals), nor a typo of a word of the
    passages at hand (``said``, their sentences: "establishmnts"), else "": no sentence can
    count it."""
    count = COUNT_QUESTION.search(question)
    noun, terms = counted_head(question, count.group(1)) if count else ("", [])
    kin = english_kin(set(terms))  # "employees": the staff, the workforce
    kin |= {re.sub("iz", "is", t) for t in kin} | {re.sub("is", "iz", t) for t in kin}
    if not terms or any(t in known for t in kin):
        return ""
    present = set(tokenize(" ".join(said)))
    if any(close_to(t, present) for t in kin):
        return ""
    return noun.strip(" ?!.,'’")
