"""A noun phrase put first that a pronoun then takes up ("et la Région, elle a investi ...",
"et le labo de Sanofi il est où ?", "pourquoi tant d'entreprises vont-elles ..."): the pronoun
stands for that phrase, not for something named before; and a question that so puts its own
topic first ("Et des pôles de compétitivité, il y en a combien ?") asks of it alone."""

from __future__ import annotations

import re

from ingest.store.text import tokenize, words


def dislocated(before: str) -> bool:
    """A pronoun that takes up the noun phrase just before it ("et la Région, elle a
    investi ...": "elle" is the Région), not something named before."""
    phrase = re.match(r"^\s*(?:and|et|but|mais)?\s*([^,?!.;]+),\s*$", before, re.IGNORECASE)
    if phrase and tokenize(phrase.group(1)) and not TOPIC.match(phrase.group(1)):
        return True
    # "What about Servier - where is its R&D centre going?": a name put first, then the question
    if NAME_FIRST.match(before):
        return True
    # "et le labo de Sanofi il est où ?": typed without its comma, a French noun phrase an
    # article opens, no verb nor relative word in it, before "il", "elle"
    bare = re.match(r"^\s*(?:et|mais)?\s*(?:le|la|les|l['’])\s*([^,?!.;]+?)\s+$", before, re.I)
    if bare and tokenize(bare.group(1)) and not NOT_A_PHRASE.search(bare.group(1)):
        return True
    # "pourquoi tant d'entreprises vont-elles ...": an inverted pronoun whose verb has its own
    # subject before it (not "combien de membres a-t-il": what is counted is no subject)
    inverted = re.search(
        r"(?:^|[,;:]|\b(?:pourquoi|comment|quand|où|alors))([^,;:]*?)\s*[\w’']+-(?:t-)?$",
        before,
        re.I,
    )
    own = inverted.group(1) if inverted else ""
    return bool(tokenize(own)) and not re.match(r"\s*(?:combien|quel|que|qu['’]|est-ce)", own, re.I)


NAME_FIRST = re.compile(
    r"^\s*(?:and |et )?(?:what about|how about|and|et|quid de|et pour)\s+"
    r"(?-i:[A-ZÀ-Þ])[\w\-&’']*(?:\s+(?-i:[A-ZÀ-Þ])[\w\-&’']*){0,3}\s*(?:[,:;]|\s[—–-])\s",
    re.IGNORECASE,
)
# a verb, a relative word or a question word: what a bare noun phrase does not hold
NOT_A_PHRASE = re.compile(
    r"\b(?:qu['’]|que|qui|dont|où|ou|quand|comment|pourquoi|combien|est|sont|a|ont|fait|font|"
    r"va|vont|peut|peuvent|doit|[\w’']+-t-|[\w’']+-)$|\b(?:qu['’]|que|qui|dont|est|sont|a|ont)\b",
    re.IGNORECASE,
)


# "et côté essais cliniques, ils ...", "as for trials, they ...": a topic the question frames,
# not a noun phrase a pronoun takes up
TOPIC = re.compile(
    r"\s*(?:côté|cote|question|niveau|concernant|pour|en|dans|sur|as for|as regards|"
    r"regarding|concerning|on|in|for|about)\b",
    re.IGNORECASE,
)


# words that point back at something named before: a phrase that holds one is no topic of its own
POINTING = frozenset(
    "it its they them their this that these those there il elle ils elles son sa ses leur leurs "
    "ce cette ces y".split()
)


def own_topic(question: str) -> bool:
    """A question that puts its own topic first, for a pronoun to take up ("Et des pôles de
    compétitivité, il y en a combien ?", "and the hospitals, how many are there?"): it asks
    of that, not of what the last exchange named; not "et son siège, il est où ?"."""
    match = re.match(
        r"^\s*(?:and|et|but|mais)?\s*([^,?!.;]+),\s*(?:il|elle|ils|elles|it|they|how|combien)\b",
        question,
        re.IGNORECASE,
    )
    phrase = match.group(1) if match else ""
    own = {w.lower() for w in words(phrase)}
    return bool(own) and dislocated(f"{phrase}, ") and not POINTING & own
