"""A query typed as keywords, asked as the question it stands for:
"incuballiance city" is "where is incuballiance?", "ville d'incuballiance" is "où se trouve
incuballiance ?"; and a count asked by its noun first, "nb pharma establishments idf": "how many
pharma establishments idf?", "doctolib employees nb": "how many employees doctolib?" (its noun
first: the name is not what is counted). Only a short message that holds no word that asks and
no verb of its own (an auxiliary, a verb of being) is read so.
"""

from __future__ import annotations

import re

from ingest.store.text import STOPWORDS, detect_language, tokenize

MOST_WORDS = 7  # longer, it is a sentence, not keywords
# a word that asks, or a verb that makes the message a sentence
SENTENCE = re.compile(
    r"\b(what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|has|have|"
    r"can|could|should|would|will|tell|give|list|show|find|quel\w*|qui|quoi|o[uù]|quand|"
    r"comment|pourquoi|combien|est|sont|a|ont|fait|font|peut|peux|c['’]est|y)\b|[?].*\S",
    re.IGNORECASE,
)
PLACE_LAST = re.compile(
    r"^(?P<what>[\w'’&.\- ]+?)\s+(?:city|town|commune|location|address|whereabouts|hq|"
    r"head ?office|headquarters)\s*\??\s*$",
    re.IGNORECASE,
)
PLACE_FIRST = re.compile(
    r"^(?:(?:la\s+)?(?:ville|commune|adresse|localisation|si[èe]ge)\s+(?:de\s+|du\s+|d['’]\s*)|"
    r"(?:city|town|address|location|hq) of\s+)(?P<what>[\w'’&.\- ]+?)\s*\??\s*$",
    re.IGNORECASE,
)
# an address that is no place: a website's, an e-mail's
OTHER_ADDRESS = re.compile(
    r"\b(web\s*site|web|site|e-?mail|mail|url|ip|internet|courriel)\s+(address|adresse)\b|"
    r"\badresse\s+(web|e-?mail|mail|internet|[ée]lectronique)\b",
    re.IGNORECASE,
)
# a count asked by its noun first: "nb pharma establishments idf" ("nb" read as "number"),
# "nombre de membres medicen"; or last: "doctolib employees nb" (the counted noun, a plural,
# just before it: "how many employees doctolib?", the name not read as what is counted)
COUNT_LAST = re.compile(
    r"^(?P<what>[\w'’&.\- ]*?)\s*(?P<noun>(?-i:[a-zà-ÿ])[\w\-]*[sx]|staff|people)\s+"
    r"(?:number|count|nombre)\s*\??\s*$",
    re.IGNORECASE,
)
COUNT_FIRST = re.compile(
    r"^(?:number(?:\s+of)?|count of|nombre\s+(?:de|d['’])|nombre)\s*(?P<what>[\w'’&.\- ]+?)"
    r"\s*\??\s*$",
    re.IGNORECASE,
)


def asked_in_full(message: str) -> str:
    """The question a keyword query stands for, else the message."""
    if len(message.split()) > MOST_WORDS or SENTENCE.search(message):
        return message
    french = detect_language(message) == "fr"
    if OTHER_ADDRESS.search(message):  # "medicen website address": no place
        return message
    for shape in (PLACE_LAST, PLACE_FIRST):
        found = shape.match(message)
        if found and content(found.group("what")):
            what = found.group("what")
            return f"où se trouve {what} ?" if french else f"where is {what}?"
    found = COUNT_FIRST.match(message)
    if found and content(found.group("what")):
        what = found.group("what")
        return f"combien de {what} ?" if french else f"how many {what}?"
    found = COUNT_LAST.match(message)
    if found and content(f"{found.group('what')} {found.group('noun')}"):
        what = " ".join(found.group("noun", "what")).strip()
        return f"combien de {what} ?" if french else f"how many {what}?"
    return message


# the words of a phrase, not of a name: "any other companies in that town"
PHRASE = frozenset("in at near that this those these any other some dans cette ce ces".split())


def content(words: str) -> bool:
    """Whether the words name something: not only articles and the like ("the number"), nor a
    phrase that places ("companies in that town")."""
    folded = words.lower().split()
    return any(w not in STOPWORDS for w in tokenize(words)) and not PHRASE & set(folded)
