"""The organisation a follow-up that names none asks where: "which town exactly? postcode too"
after "is doctolib a paris region startup" asks where Doctolib is; not "where is that lab?" (a
thing of it, which the passages place) nor "which town should we pick?" (a place for the
asker). Shapes and the directory's names only."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.condense import split_context
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.pointing import THING_PRONOUNS
from assistant.answer.shapes import sets_up
from ingest.store.text import tokenize

# the words of a follow-up that asks where and nothing else: "which town exactly? postcode too"
WHERE_WORDS = set(tokenize("which what where town city commune ville postcode postal code"))
WHERE_WORDS |= set(tokenize("address adresse exactly exactement precisely too aussi located"))
WHERE_WORDS |= set(tokenize("departement department county où ou where's based situated"))
WHERE_WORDS |= set(tokenize("headquarters headquartered hq head office siège siege situé installé"))
# the organisation pointed at, its base in the country, the "then" of a follow-up
WHERE_WORDS |= set(tokenize(" ".join(THING_PRONOUNS))) | set(tokenize("base french france then"))
WHERE_WORDS |= set(tokenize("though donc ça ca alors so ok"))  # "where tho", "et où ça ?"
OURS = re.compile(r"\b(?:we|us|our|nous|notre|nos|on)\b", re.IGNORECASE)  # the asker's own


def followed_subject(
    question: str, standalone: str, orgs: Sequence[Organisation]
) -> list[Organisation]:
    """The one organisation the question before named, where a follow-up that names none asks
    where ("which town exactly? postcode too" after "is doctolib a paris region startup"); not
    a place for the asker ("which town should we pick?")."""
    if named_in(question, orgs) or sets_up(question) or OURS.search(question):
        return []
    if set(tokenize(question)) - WHERE_WORDS:  # "where is that lab?": a thing of it, not it
        return []
    named = context_named(standalone, orgs)
    return named if len(named) == 1 else []


def context_named(standalone: str, orgs: Sequence[Organisation]) -> list[Organisation]:
    """The organisations a follow-up's context names in what it points at: the context's first
    part, before the ";" that adds the previous answer's other names ("whats their website",
    "which town exactly?")."""
    return named_in(split_context(standalone)[1].split(";")[0], orgs)
