"""The members of a group the last answer mentioned without naming any, asked in a follow-up:
"lesquels exactement ?", "which ones?", "ils s'appellent comment ces clusters ?" after "an
agreement with a few high-level European clusters". The group is the one the conversation
described ("a few" or a number, its words, its noun); the sources name its members only in a
sentence that holds the same words, so when none of the best sentences does and names an
organisation, the answer is a decline, not a list of other organisations of the same kind
("business clusters like Medicen, Cap Digital ..." are no European clusters of an agreement).
Shapes and the directory's names only, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.asked_value import BEST
from assistant.answer.evidence import EvidenceReport
from assistant.answer.listed import NAMING
from assistant.answer.messages import DECLINE, NAMED_NONE
from assistant.answer.numbers import WORD
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.said_about import usable
from assistant.answer.unnamed import BARE_ASK, GROUP, QUANTIFIED, asked_group
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import fold, tokenize

# the members asked by their names, the group pointed at: "ils s'appellent comment ces
# clusters ?", "tu peux me donner leurs noms ?", "names?", "what are they called?"
NAMES_ASKED = re.compile(
    r"\b(their names|leurs noms|s['’]appellent comment|comment (ils|elles) s['’]appellent|"
    r"what are they called|which are they)\b|^\W*(names?|noms?)\W*(please|pls|svp)?\W*$",
    re.IGNORECASE,
)
# what may open a bare ask: "and which ones?", "ok, lesquels exactement ?"
OPENING = re.compile(r"\W*(?:(?:and|et|ok|okay|so|alors|mais|but|then|donc)\W+)*", re.I)
# the group asked pointed at: "which european clusters are part of that agreement?"
POINTING = re.compile(r"\b(that|those|these|them|they|ces|cette|cet|ils|elles|leurs?)\b", re.I)
# the group, as the last answer said it: "a few high-level European clusters", "quelques
# clusters européens de haut niveau" (its noun, the words around it)
SAID_GROUP = re.compile(
    rf"{QUANTIFIED}(?P<noun>{GROUP})\b(?:\s+(?!(?:to|in|with|for|that|which|among|"
    r"of|from|at|on|by|pour|avec|qui|que|dans|de|du|des|parmi)\b)[\w\-]+){0,2}",
    re.IGNORECASE,
)

# the words that count a group, not what it is
QUANTIFIERS = set(
    tokenize("few several some many numerous various number dozens quelques plusieurs")
) | set(tokenize(" ".join(WORD.split("|"))))
# "other French clusters" are others than the subject, not a group counted without its names
OTHER = re.compile(r"^(?:other|autres|d['’]autres)\b", re.IGNORECASE)


def unnamed_before_decline(
    message: str,
    previous: str,
    language: str,
    evidence: EvidenceReport,
    organisations: Sequence[Organisation],
) -> str | None:
    """The decline of a follow-up asking the members of the group the last answer (``previous``)
    mentioned by a quantifier and named none of, when no best sentence that holds the group's
    words names an organisation the conversation has not; else None."""
    groups = [m for m in SAID_GROUP.finditer(previous) if not OTHER.match(m.group(0))]
    if not groups or any(NAMING.search(previous[m.end() : m.end() + 40]) for m in groups):
        return None  # no group, or members follow one ("three companies (OncoDesign, ...)")
    said = groups[0]
    noun = set(translate_terms(tokenize(said.group("noun"))))
    asked = set(translate_terms(tokenize(asked_group(message))))
    pointed = bool(asked & noun) and POINTING.search(message) is not None
    bare = BARE_ASK.search(message)
    alone = bare is not None and OPENING.fullmatch(message[: bare.start()]) is not None
    if not (alone or NAMES_ASKED.search(message) or pointed):
        return None  # "et pour le diagnostic, c'est avec lesquels ?" asks another group
    words = {t for t in translate_terms(tokenize(said.group(0))) if not counts(t)} - noun
    known = {o.name for o in named_in(f"{message} {previous}", organisations)}
    best = usable(evidence)[:BEST]
    holding = [e for e in best if holds(set(tokenize(fold(e.sentence))), noun, words)]
    for e in holding:
        if {o.name for o in named_in(e.sentence, organisations)} - known:
            return None  # a sentence on that group names its members
    # the sentence that counts the group so, quoted with the decline
    counting = [e for e in holding if SAID_GROUP.search(e.sentence)]
    where = f" {NAMED_NONE[language]} {counting[0].sentence} [{counting[0].n}]" if counting else ""
    return f"{DECLINE[language]}{where}"


def counts(term: str) -> bool:
    return term in QUANTIFIERS or term.isdigit()


def holds(terms: set[str], noun: set[str], words: set[str]) -> bool:
    """A sentence's terms say the group: its noun and, when it was described, half the words
    that described it ("high-level European", not "European" alone)."""
    return bool(terms & noun) and 2 * len(terms & words) >= len(words)
