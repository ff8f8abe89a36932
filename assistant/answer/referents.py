"""Follow-ups that point back at what the last exchange named, read as general shapes: "the
second one" / "le premier" (the nth item the last answer listed), "ce projet" / "this
programme" (a demonstrative noun phrase standing for the subject), "et dans quel but ?" / "why?"
(the purpose of what the previous question asked about), and an acknowledgement that opens a
follow-up without asking anything ("Ok, mais c'est quoi ce projet ?")."""

from __future__ import annotations

import re

from assistant.answer.citations import CITATION
from assistant.answer.ellipsis import INVERTED, NAMES
from assistant.answer.listed import listed
from ingest.store.text import STOPWORDS, detect_language, fold, split_sentences, words

# "Ok, mais ...", "okay so ...", "d'accord, et ...", "cool, where's ...", "bon tant pis. et
# ...": it acknowledges the answer, asks nothing; an interjection that may also open a name or
# a question ("Nice", "super", "great") acknowledges only when a stop follows it
ACKNOWLEDGED = re.compile(
    r"^\s*(?:(?:bon|ah|oh|eh|well)\s*,?\s+)?"
    r"(?:(?:ok(?:ay)?|d['’]accord|alright|all right|i see|je vois|entendu)\s*[,.!;:]?"
    r"|(?:cool|great|nice|super|perfect|parfait|génial|genial|top|thanks|thank you|merci|"
    r"tant pis|dommage|noted|got it|interesting|intéressant|interessant|très bien|tres bien|"
    r"bien|ah|oh|hmm+|bon)\s*[,.!;:]+)\s+"
    r"(?:(?:mais|but|so|alors|donc)\s+)?(?=\w)",
    re.IGNORECASE,
)
# "the last one you mentioned", "le dernier que vous avez cité": the rank a relative clause
# about the last answer completes
MENTIONED = (
    r"\s*(?:(?:that|which|que|qu['’])\s*)?(?:you|we|vous|tu|on)\s+(?:have\s+|avez\s+|as\s+|a\s+)?"
    r"(?:mentioned|listed|named|cited|said|gave|cité(?:e|s|es)?|nommé(?:e|s|es)?|"
    r"mentionné(?:e|s|es)?|donné(?:e|s|es)?)\b"
)
# "the second one", "le premier ?", "la deuxième, elle est où ?", "the 2nd one", "le 2e":
# an item by its rank; an ordinal before a noun ("the first summit") says what kind of thing,
# it points at nothing
ORDINAL = re.compile(
    r"\b(?:the|le|la|l['’])\s*(?P<nth>first|second|third|fourth|last|former|latter|"
    r"premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|derni[eè]re?|"
    # in digits: "the 2nd one" (not "on the 2nd", a day), "le 2e"
    r"[1-4](?:st|nd|rd|th)(?=\s+(?:one|of them)\b)|[1-4](?:[eè]re|er|re|[eè]me|e|è)\b)"
    rf"(?:\s+(?:one|of them|d['’]entre (?:eux|elles))\b(?:{MENTIONED})?|\s+(?={MENTIONED})"
    rf"(?:{MENTIONED})|(?=\s*(?:[,?!.;\-–]|$))"
    # the subject of an inverted verb: "combien de start-up le premier a-t-il accompagnées ?"
    r"|(?=\s+[\w’']+(?:-t)?-(?:il|elle|ils|elles)\b))",
    re.IGNORECASE,
)
RANKS = {
    "first": 0, "former": 0, "premier": 0, "première": 0, "premiere": 0,
    "second": 1, "seconde": 1, "deuxième": 1, "deuxieme": 1,
    "third": 2, "troisième": 2, "troisieme": 2, "fourth": 3, "quatrième": 3, "quatrieme": 3,
    "last": -1, "latter": -1, "dernier": -1, "dernière": -1, "derniere": -1,
}  # fmt: skip
# "ce projet", "this programme", "cette structure": a thing named before; not a time ("cette
# année", "this year": now) nor "that" opening a clause
# "that group", "that company": an organisation named before ("that" alone may be a relative;
# "that lab", "that platform" are an organisation's, read in the last exchange)
THAT_THING = (
    r"\s+(?:group|company|firm|institute|cluster|hospital|start-?up|incubator|network|body)\b"
)
DEMONSTRATIVE = re.compile(
    rf"\b(?:this|ce|cet|cette|that(?={THAT_THING}))\s+(?!(?:year|month|week|day|time|morning|evening|moment|"
    r"année|annee|an|mois|semaine|jour|soir|matin|fois|moment)\b)(?P<noun>[a-zà-ÿ][\w\-]*)\b",
    re.IGNORECASE,
)
# "work there", "do there": at the place named before; not "is there", "there are"
THERE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bany )\bthere\b"
    r"(?!\s+(?:is|are|was|were|will|would|be|has|have)\b|['’]s\b)",
    re.IGNORECASE,
)
# "il y a quelles boîtes dedans ?", "ça coûte combien là-bas ?": in or at the thing named before
INSIDE = re.compile(r"(?P<inside>\b(?:l[aà]-)?dedans\b)|\bl[aà]-bas\b", re.IGNORECASE)
# "that one", "celui-là": the thing named before
ONE = re.compile(r"\b(?:that|this) one\b|\bcel(?:ui|le)-(?:ci|là)\b", re.IGNORECASE)
# "et dans quel but ?", "why?", "pourquoi donc ?": the purpose of what was just asked about
PURPOSE = re.compile(
    r"^\s*(?:(?:and|et|but|mais|so|alors)\s+)?(?:dans quel but|dans quel objectif|"
    r"avec quel objectif|pour quoi faire|pour quelle raison|pourquoi|why|what for|"
    r"for what purpose|to what end|for what reason)"
    r"(?:\s+(?:exactly|exactement|donc|then|alors))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
WH = re.compile(
    r"^\s*(?:(?:and|et|so|alors)\s+)?(?:which|what|who|whom|where|when|how many|how much|"
    r"quel|quelle|quels|quelles|qui|que|qu['’]est-ce que|où|quand|combien(?: de| d['’])?)\s+",
    re.IGNORECASE,
)


def unacknowledged(question: str) -> str:
    """The follow-up without the acknowledgement that opens it ("Ok, mais c'est quoi ce projet
    ?" -> "mais c'est quoi ce projet ?"); as it is when nothing follows."""
    rest = ACKNOWLEDGED.sub("", question, count=1)
    return rest if words(rest) else question


# "what about Curie, where's that one?", "et Pasteur, il est où ?", "and Curie - where is it?": a
# name put first, then a question that points at it
FRONTED = re.compile(
    rf"^\s*(?i:(?:and|et|but|mais)\s+)?(?i:what about|how about|quid de|as for|and|et)\s+"
    rf"(?P<name>{NAMES.pattern})\s*(?:,|\s[-–—])\s*(?P<rest>\w.*)$"
)
POINTER = re.compile(
    r"\b(?:that one|this one|celui-(?:ci|là)|celle-(?:ci|là)|it|il|elle)\b|(?P<there>\bthere\b)",
    re.IGNORECASE,
)


def fronted(question: str) -> str:
    """ "what about Curie, where's that one?" -> "where's Curie?"; "what about Brussels, what
    do they want to build there?" -> "what do they want to build in Brussels?"; "" when no
    name is put first or the question after it points at nothing."""
    match = FRONTED.match(question)
    pointer = POINTER.search(match.group("rest")) if match else None
    if not match or not pointer:
        return ""
    rest, name = match.group("rest"), match.group("name")
    name = f"in {name}" if pointer.group("there") else name
    return f"{rest[: pointer.start()]}{name}{rest[pointer.end() :]}"


def by_rank(question: str, answer: str) -> str:
    """ "who owns the second one?" after an answer that lists GE Healthcare and MedClinik:
    "who owns MedClinik?"; "" when the question names no rank or the answer lists too few."""
    match = ORDINAL.search(question)
    items = listed(answer) if match else []
    if not match or len(items) < 2:
        return ""
    nth = match.group("nth").lower()
    rank = int(nth[0]) - 1 if nth[0].isdigit() else RANKS.get(nth, len(items))
    if rank >= len(items):
        return ""
    return f"{question[: match.start()]}{items[rank]}{question[match.end() :]}"


# "c'est où ?", "et c'est quand ?": "c'" stands for the thing named before, nothing else asked
BARE_CEST = re.compile(
    r"^\s*(?:(?:et|mais|ok|alors)\s+)?(?P<cest>c['’]est)\s+(?=(?:o[uù]|quand|combien|qui)\b[^\w]*$)",
    re.IGNORECASE,
)


def demonstrated(question: str, referent: str) -> str:
    """ "c'est quoi ce projet ?" -> "c'est quoi Appli Chimio ?": a demonstrative noun phrase
    replaced by the name it stands for; "how many engineers work there?" -> "... work at
    Digital Foundry?", "quelles boîtes dedans ?" -> "quelles boîtes dans SUMIL ?"; as it is
    when there is none or the noun is a common word."""
    bare = BARE_CEST.match(question)  # "c'est où ?": where the thing named before is
    if referent and bare:
        return f"{question[: bare.start('cest')]}{referent} est {question[bare.end() :]}"
    match = DEMONSTRATIVE.search(question)
    if referent and match and fold(match.group("noun")) not in STOPWORDS:
        return f"{question[: match.start()]}{referent}{question[match.end() :]}"
    one = ONE.search(question)  # "is that one an example of ...?": the thing named before
    if referent and one:
        return f"{question[: one.start()]}{referent}{question[one.end() :]}"
    named = any(w[:1].isupper() for w in words(question)[1:])
    there = THERE.search(question)
    if referent and there and not named:
        return f"{question[: there.start()]}at {referent}{question[there.end() :]}"
    inside = INSIDE.search(question)
    if referent and inside and not named:
        where = "dans" if inside.group("inside") else "à"
        return f"{question[: inside.start()]}{where} {referent}{question[inside.end() :]}"
    return question


def purpose_of(question: str, previous: str) -> str:
    """ "et dans quel but ?" after "Quelles institutions Medicen veut-il rassembler en
    oncologie ?" -> "Pourquoi institutions Medicen veut-il rassembler en oncologie, dans quel
    objectif ?": the previous question asked as an explanation of its purpose; "" when the
    follow-up asks something else."""
    if not PURPOSE.match(question) or not previous:
        return ""
    rest = WH.sub("", previous, count=1).rstrip(" ?!.")
    opening = words(rest)[:1]
    if opening and fold(opening[0]) in STOPWORDS:  # "Who founded ..." -> "why founded ..."
        rest = f"{rest[:1].lower()}{rest[1:]}"
    if detect_language(question) == "fr":
        return f"Pourquoi {rest}, dans quel objectif ?"
    return f"Why {rest}, with what goal?"


def subject_of(answer: str) -> list[str]:
    """The capitalised words of the answer's first sentence, in order, without common words."""
    entities: list[str] = []
    first = split_sentences(CITATION.sub("", answer))[:1]
    for word in words(first[0]) if first else []:
        if word[:1].isupper() and not common(word) and word not in entities:
            entities.append(word)
    return entities


def names_in(text: str) -> list[str]:
    return [
        m.group(0) for m in NAMES.finditer(text) if any(not common(w) for w in words(m.group(0)))
    ]


def common(word: str) -> bool:
    """A common word, an elided one too ("C'est", "Qu'il": no name)."""
    folded = fold(word)
    return folded in STOPWORDS or re.sub(r"^(?:c|d|j|l|m|n|qu|s|t)['’]", "", folded) in STOPWORDS


# a name, in any case, that owns the words after it: "servier's new R&D centre"
POSSESSIVE = re.compile(r"\b([\w\-]+)['’]s\b((?:\s+(?![Ii]n\b|[Ii]s\b)[\w&\-]+){1,4})")


def subject_in(question: str) -> str:
    """What a question asks about: its last name, with what a possessive name owns ("What is
    Incuballiance?" -> "Incuballiance"; "Tell me about Medicen's precision medicine hub." ->
    "Medicen's precision medicine hub"); "" when it names nothing."""
    runs = [
        m
        for m in NAMES.finditer(question)
        if not all(fold(w) in STOPWORDS for w in words(m.group(0)))
    ]
    if not runs:
        return ""
    inverted = [m for m in runs if INVERTED.match(question, m.end())]
    if inverted:  # "Où Servier veut-il installer son centre de R&D ?": Servier
        named = inverted[0].group(0).split()
        while named and fold(named[0]) in STOPWORDS:
            named = named[1:]
        return " ".join(named)
    last = runs[-1]
    owning = [m for m in POSSESSIVE.finditer(question) if m.start(2) < last.start() <= m.end()]
    if owning and fold(owning[0].group(1)) not in STOPWORDS:  # "servier's new R&D centre"
        head = re.match(r"\s+[a-zà-ÿ][\w\-]*", question[last.end() : owning[0].end()])
        return question[owning[0].start() : head.end() + last.end() if head else last.end()]
    if not re.search(r"['’]s$", last.group(0)):
        return last.group(0)
    owned = re.match(r"(?:\s+[a-zà-ÿ][\w\-]*)+", question[last.end() :])
    taken = []
    for word in owned.group(0).split() if owned else []:
        if fold(word) in STOPWORDS:
            break
        taken.append(word)
    return " ".join([last.group(0), *taken]) if taken else ""
