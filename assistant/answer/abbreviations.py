"""Messages as they are typed on a phone, read as written out.

English: the contractions typed without their apostrophe ("whats", "wheres", "dont"), a few
texting abbreviations ("yrs", "abt") and an opening interjection ("yo whats ..."). French: the
SMS abbreviations ("cb" combien, "ds" dans, "qd" quand, "pk" pourquoi, "c" c'est, "koi" quoi),
the elisions typed without their apostrophe ("l incubateur", "s installer", "qu il") and the
"ou" that ends a where-question ("c ou ?": "c'est où ?").

A class of spellings, never the words of one question. Each reading is kept only in its
language (``detect_language``): "vitamin c", "5 mm" in an English question stay as they are,
"dont" in a French one too. Only lower-case abbreviations are read (a name in capitals, "DS",
"PR", is a name).
"""

from __future__ import annotations

import re

from ingest.store.text import detect_language

# the abbreviation -> the words it stands for (a short, common class of French texting)
SMS = {
    "cb": "combien",
    "cbn": "combien",
    "cmb": "combien",
    "ds": "dans",
    "qd": "quand",
    "kan": "quand",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pcq": "parce que",
    "koi": "quoi",
    "kwa": "quoi",
    "ki": "qui",
    "kel": "quel",
    "kelle": "quelle",
    "kels": "quels",
    "kelles": "quelles",
    "cmt": "comment",
    "kom": "comment",
    "c": "c'est",
    "ct": "c'était",
    "ya": "il y a",
    "bcp": "beaucoup",
    "pr": "pour",
    "tt": "tout",
    "ts": "tous",
    "tjs": "toujours",
    "qq": "quelques",
    "qqs": "quelques",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "dc": "donc",
    "ac": "avec",
    "avc": "avec",
    "ns": "nous",
    "auj": "aujourd'hui",
    "ajd": "aujourd'hui",
    "mtn": "maintenant",
    "rdv": "rendez-vous",
    "svp": "s'il vous plaît",
    "stp": "s'il te plaît",
    "bjr": "bonjour",
    "slt": "salut",
    "chui": "je suis",
    "jsuis": "je suis",
    "g": "j'ai",
    "jsp": "je ne sais pas",
    "pb": "problème",
    "dsl": "désolé",
    "pros": "professionnels",  # "combien de pros de santé"
    "nb": "nombre",  # "nb de membres"
}
# English contractions typed without their apostrophe: "whats the name of ...", "wheres X"
CONTRACTIONS = {
    "whats": "what's",
    "wheres": "where's",
    "whos": "who's",
    "hows": "how's",
    "whens": "when's",
    "whys": "why's",
    "thats": "that's",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "arent": "aren't",
    "cant": "can't",
    "im": "I'm",
    "ive": "I've",
    "youre": "you're",
    "theyre": "they're",
}
# English texting: "in how many yrs ...?", "abt 2 mths"
TEXTING = {
    "yrs": "years",
    "yr": "year",
    "mths": "months",
    "wks": "weeks",
    "abt": "about",
    "atm": "at the moment",
    "rn": "right now",
    "bc": "because",
    "cuz": "because",
    "sayin": "saying",
    "lookin": "looking",
    "tryin": "trying",
    "goin": "going",
    "doin": "doing",
    "workin": "working",
    "thinkin": "thinking",
    "govt": "government",
    "u": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "pls": "please",
    "plz": "please",
    "tho": "though",
    "orgs": "organisations",
    "wht": "what",
    "wat": "what",
    "kno": "know",
    "knw": "know",
    "w": "with",
    "thx": "thanks",
    "msg": "message",
    "msgs": "messages",
    "dept": "department",
    "depts": "departments",
    "nb": "number",  # "aphp staff nb"
}
WRITTEN_OUT = {**CONTRACTIONS, **TEXTING}  # what an English word typed on a phone stands for
# an opening interjection before the message: "yo whats ...", "hey, where is ..."
OPENING = re.compile(
    r"^\s*(?:yo|hey|hiya|heya|oi)\b[\s,!]+(?=(?:what|whats|where|wheres|who|whos|how|hows|when|"
    r"which|why|is|are|do|does|did|can|could|tell|give|list|any)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"(?<![\w'’&-])([a-z]+)(?![\w'’&-])")  # not the r of "r&d"
# an elision typed without its apostrophe: "l incubateur", "s installer", "qu il", "d hopitaux"
_ELISION = re.compile(r"(?<![\w'’-])(qu|[cdjlmnst]) (?=[aeiouyhàâéèêîôû])", re.IGNORECASE)
# "c'est ou ?", "il est ou", "ça se trouve ou", "il est ou maintenant ?": an "ou" that ends the
# question (but an adverb) asks where
_WHERE_OU = re.compile(
    r"\b(c['’]est|est|sont|trouve|situé|situe|situés|situes)\s+ou\b"
    r"(?=\s*(?:(?:maintenant|exactement|actuellement|aujourd['’]hui|pr[ée]cis[ée]ment)\s*)?"
    r"(?:[?!.,;]|$))",
    re.IGNORECASE,
)


def read_contractions(text: str) -> str:
    """``text`` without an opening interjection and with its English contractions typed without
    their apostrophe written with it ("yo whats the name" -> "what's the name"); lower case
    only, and only in English ("dont" is French for "of which")."""
    if detect_language(text) != "en":
        return text
    text = OPENING.sub("", text, count=1)
    return _WORD.sub(lambda m: WRITTEN_OUT.get(m.group(1), m.group(1)), text)


def read_abbreviations(text: str) -> str:
    """``text`` with its French texting read as written out, when the result is French; else
    ``text`` as is."""
    spelled = _WORD.sub(lambda m: SMS.get(m.group(1), m.group(1)), text)
    spelled = _ELISION.sub(lambda m: f"{m.group(1)}'", spelled)
    spelled = _WHERE_OU.sub(lambda m: f"{m.group(1)} où", spelled)
    if spelled == text or detect_language(spelled) != "fr":
        return text
    return spelled
