"""What one named organisation's directory entry says when a question asks it: who runs an
organisation the directory places under another ("who runs NeuroSpin?", "qui gère MedClinik ?":
its parents), its website ("what's the website of Medicen?"), what its acronym stands for ("what
does CEA stand for?"), cited by the entry; of the organisation a follow-up points at ("whats
their website"). A person in a role ("who is the CEO of X?") and everything else are asked of
the passages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.labels import text
from assistant.answer.meaning import term_asked
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.questions import WEBSITE_QUESTION
from assistant.answer.where_followed import context_named
from assistant.retrieval.passage import Passage
from assistant.services.town_answers import entry_number
from ingest.store.text import fold

# who runs, owns or is behind something: an organisation, not a person's role
RUNS = re.compile(
    r"\bwho\s+(?:runs|operates|owns|manages|oversees|is behind)\b|"
    r"\bwho['’]s\s+(?:behind|running)\b|"
    r"\bqui\s+(?:g[èe]re|exploite|poss[èe]de|pilote|chapeaute|est derri[èe]re)\b",
    re.IGNORECASE,
)
# the website is what is asked ("what's the website of X?", "got a website for X?", "site web de
# X ?", "X website?"), not a means ("write a scraper that pulls names from their website")
WEBSITE_ASKED = re.compile(
    r"^\W*(?:(?:and|et|ok|so|alors)\W+)?(?:what['’]?s|what is|which is|got|do (?:they|you) have|"
    r"does \S+(?: \S+)? have|is there|quel est|c['’]est quoi|donne[zr]?(?:-moi)?|give me|"
    r"(?:le |the )?(?:web ?site|site (?:web|internet)|url|home ?page))\b|"
    r"\b(?:web ?site|site web|site internet|url|home ?page)\s*\??\s*$",
    re.IGNORECASE,
)
# a person asked, or more than who runs it: "who runs it day to day?", "is there a director I
# could write to?", "when was it founded and who runs it today?"
PERSON_OR_MORE = re.compile(
    r"\b(?:directors?|directeur|directrice|heads?|person|people|names?|noms?|contacts?|write|"
    r"e-?mail|ceo|pr[ée]sident\w*|today|day[- ]to[- ]day|currently|now|aujourd['’]hui|"
    r"actuellement|personne|when|quand|where|o[uù]|how|comment|why|pourquoi)\b",
    re.IGNORECASE,
)

# what an acronym is short for, whatever the verb: "CNRS's full name?", "le sigle INRIA ?"
SPELLED_OUT = re.compile(
    r"\b(?:stands? for|short for|acronyme?s?|abbreviat\w*|full name|spel(?:led|t) out|sigles?|"
    r"abr[ée]viations?|nom complet|en toutes lettres)\b",
    re.IGNORECASE,
)
# another thing asked beside the acronym: "... and website?", "..., where is it?"
MORE_ASKED = re.compile(
    r"\b(?:and|et|where|o[uù]|who|qui|when|quand|website|site)\b|\?.*\w.*\?", re.IGNORECASE
)
# the words that say a term is an acronym: "what does the acronym CEA mean?"
ACRONYM_WORDS = frozenset("acronym acronyme sigle abbreviation abreviation initials".split())


def entry_answer(
    question: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    language: str,
    standalone: str = "",
) -> str:
    """ "NeuroSpin is part of CEA [n].", "The website of Medicen Paris Region: https://... [n].",
    "CEA stands for Commissariat ... [n]." when the question asks that of the one organisation
    it names (or, naming none, that ``standalone``'s context names: what a follow-up points at)
    and its entry gives it; "" otherwise."""
    spelled = spelled_out(question, orgs)
    if spelled:
        said = text("stands_for", language).format(acronym=spelled.acronym, name=spelled.name)
        return f"{said} [{entry_number(spelled, passages)}]."
    runs = RUNS.search(question) and not PERSON_OR_MORE.search(question)
    website = WEBSITE_QUESTION.search(question) and WEBSITE_ASKED.search(question)
    named = named_in(question, orgs) if runs or website else []
    if (runs or website) and not named:  # "who runs it?", "whats their website"
        named = context_named(standalone, orgs)
    if len(named) != 1:
        return ""
    org = named[0]
    if runs and org.record.parents:
        parents = ", ".join(org.record.parents)
        said = text("run_by", language).format(name=org.label, parent=parents)
    elif website and org.website:
        said = text("website_of", language).format(name=org.label, url=org.website)
    else:
        return ""
    return f"{said} [{entry_number(org, passages)}]."


def spelled_out(question: str, orgs: Sequence[Organisation]) -> Organisation | None:
    """The one organisation whose acronym the question asks to spell out ("what does CEA stand
    for?", "que veut dire AP-HP ?"), when its name says more than the acronym; else None."""
    if MORE_ASKED.search(question):
        return None  # "INRIA's full name and website?": more than the name, asked of the passages
    term = set(term_asked(question).split()) - ACRONYM_WORDS
    typed = {fold(w).replace("-", "") for w in re.findall(r"[\w-]+", question)}
    found = [
        o
        for o in orgs
        if o.acronym
        and fold(o.acronym) not in fold(o.name).split()  # "GE Healthcare" says no more
        and fold(o.acronym).replace("-", "") in typed
        and (term == {fold(o.acronym)} or SPELLED_OUT.search(question))
    ]
    return found[0] if len(found) == 1 else None
