"""The roles a who-question asks about (CEO, president, head, founder) and the words a sentence
holding one uses, English and French."""

from __future__ import annotations

import re

from ingest.store.text import fold, tokenize

ROLES = {  # a role a question asks about -> the words a sentence holding it uses
    "succession": r"replac\w*|remplac\w*|succe(ed|ssor|de)\w*|predecessor|predecesseur|former|"
    r"previous|precedent\w*|ancien\w*|took over|handed over",
    "ceo": r"ceo|chief executive|managing director|directeur general|pdg|dg",
    "president": r"president|chairman|chairwoman|chair",
    "head": r"ceo|chief|head|heading|director|directeur|president|lead|leads|led|runs|running|"
    r"manag\w*|in charge|responsible|responsable",
    "founder": r"found\w*|co-found\w*|fondat\w*|fonde\w*|created|established|set up|launched|"
    r"started",
    "officer": r"cfo|cto|coo|cmo|cso|cio|chief \w+ officer|financial|financier|financiere|"
    r"technical|technique|operating",
    # a public office: "who is the minister of health?", "qui est le maire de Paris ?"
    "official": r"minister|ministre|mayor|maire|governor|prefe[ct]t?|secretary of state|"
    r"secretaire d'etat",
}
ROLE_QUESTION = {
    # who held a role before or after someone: the sources must tell the succession
    "succession": r"\b(replac\w*|remplac\w*|succe(ed|ssor|de)\w*|predecessors?|predecesseurs?|"
    r"before|avant|after|apres|former|previous|precedent\w*|ancien\w*)\b",
    # a public office named is the role asked ("which minister chaired it?": not its chair)
    "official": r"\b(ministers?|ministres?|mayors?|maires?|governors?|prefe[ct]t?s?|"
    r"secretary of state|secretaire d'etat)\b",
    "ceo": r"(?<!deputy )\b(ceo|chief executive|managing director|directeur general|pdg|dg)\b"
    r"(?!\s+(adjoint|adjointe|delegue|deleguee))",  # not a deputy's
    "president": r"\b(president|presidente|chairman|chair|chaired|chairs|chairwoman|preside\w*)\b",
    # the other officers of an organisation: chief financial, technical, operating ...
    "officer": r"\b(cfo|cto|coo|cmo|cso|cio|chief \w+ officer|directeur financier|deputy|adjoint|"
    r"adjointe|directrice financiere|directeur technique|directrice technique|daf|dsi)\b",
    "head": r"\b(heads?|runs?|running|leads?|directs?|manages?|dirige\w*|director|directeur|"
    r"(a|à) la tete|in charge|contact (person|name)|interlocut\w+|"
    # a person to reach: "who is the person to contact at X?", "la personne a contacter"
    r"(person|people|personne|individual) (to|a) (contact\w*|reach|joindre|talk to|speak to))\b",
    "founder": r"\b(found(ed|er|ers)|co-?founded|fondateurs?|fonde\w*|a cree|created|set up|"
    r"established|a monte)\b",
}


# the verbs that ask who holds a role ("who runs X?", "qui dirige X ?"): asking words, like
# "who", whether or not the corpus uses them
ROLE_VERBS = frozenset(tokenize("runs leads heads manages dirige charge"))  # "in charge"

# the words naming a role or a succession, whose typos change what is asked ("who's the
# presdient of X", "the ceo befor X")
ROLE_WORDS = (
    "president presidente chairman director directeur directrice founder fondateur "
    "fondatrice dirigeant before predecessor successor replaced"
).split()

# a person asked by their name: "what's the name of the CEO", "the director's name", "le nom
# du directeur", "comment s'appelle le président"
PERSON_ROLE = (
    r"(ceo|pdg|dg|chief executive|president|presidente|chairman|chairwoman|chair|director|"
    r"directeur|directrice|head|founder|co-founder|fondat\w+|cfo|cto|dirigeant\w*|manager|"
    r"leader)"
)
NAME_ASKED = re.compile(
    rf"\bnames? of (the |its |their )?(\w+['’]s )?{PERSON_ROLE}\b|"
    rf"\b{PERSON_ROLE}['’]s names?\b|\bnom d(u|e la|e l['’]|e son|e sa) {PERSON_ROLE}\b|"
    rf"\b(s['’]appelle|s['’]appellent) (le |la |les |son |sa |leur )?{PERSON_ROLE}\b"
)

# "who" closing the question: "et le président de Medicen, c'est qui ?", "the CEO is who?",
# a succession ("et il a remplacé qui ?") or a founding ("le Lab Santé a été fondé par qui ?")
WHO_LAST = re.compile(
    r"\b((c['’]?est|is|was|etait)|(replac|remplac|succe)\w*|"
    r"(founded|fonde|fondee|created|cree|creee|set up|established) (by|par)) (qui|who|whom)"
    r"\s*[?!.]*\s*$"
)


# a person asked by the office alone, or after a verb that asks for it: "give me the CEO of X",
# "CEO of X?", "doctolib ceo?", "le pdg de Doctolib ?" (folded)
OFFICE = r"(ceo|pdg|dg|chief executive|president|presidente|chairman|chairwoman|managing director)"
ROLE_ALONE = re.compile(
    r"\s*((and|et|so|alors)\s+)?((give|tell|send) (me|us) |name |donne[sz]?[- ]moi |dis[- ]moi )?"
    rf"((the|le|la|l') ?)?{OFFICE}\s+(of|de|du|d')( ?[\w\-']+){{1,3}}\s*[?!.]*\s*$|"
    rf"\s*[\w\-]+( [\w\-]+)?['’]?s? {OFFICE}\s*[?!.]*\s*$"
)


# a person asked by the office that picks them: "which minister chaired it?" (not "quel
# dirigeant ...?", anyone who leads)
WHICH_ROLE = re.compile(
    r"\s*((and|et|but|mais|so|alors)\s+)?(which|what|quel|quelle)\s+(ceo|pdg|dg|president|"
    r"presidente|chairman|chairwoman|director|directeur|directrice|founder|fondat\w+|ministers?|"
    r"ministres?|mayors?|maires?)\b(?!\s+(of|de|du|des)\b)"
)


# whom the question is attributed to, before a comma: "According to X's CEO, ...", "Selon le
# président de X, ..."
ATTRIBUTED = re.compile(r"^\s*(selon|d['’]apres|according to)\b[^,?:]{1,80},\s*")


def asked_role(question: str) -> str | None:
    """The role a who-question asks about ("Who is the CEO of...", "Qui dirige..."), not in
    whom it is attributed to ("According to Medicen's CEO, who are its competitors?")."""
    folded = ATTRIBUTED.sub("", fold(question))
    # opening the question, a sentence or a clause after a comma: "I want to write to them. Who
    # is the president?"; the role is read from there on ("Before I write, who's the president?"
    # asks no succession), with a bare succession before it ("et avant lui, c'était qui le DG ?")
    who = WHO_OPENS.search(folded)
    last = WHO_LAST.search(folded)  # "et le président, c'est qui ?": the role before it
    if who and who.start() > 0 and not last and not SUCCEEDING.fullmatch(folded[: who.start()]):
        folded = folded[who.start() :]
    if not (who or last) and not (
        NAME_ASKED.search(folded)  # "What's the director's name?", "le nom du directeur ?"
        or WHICH_ROLE.match(folded)  # "which minister chaired it?", "quel ministre ...?"
        or ROLE_ALONE.match(folded)  # "give me the CEO of X", "CEO of X?", "x ceo?"
    ):
        return None
    # the role of the question itself, before what is told after it ("Who is X's president? I
    # mean the chair, not the CEO"), unless it is any head and what is told names the office
    # ("Qui dirige X ? Je cherche le nom du directeur général.")
    asked = _role_in(folded[: folded.find("?", who.start()) + 1 or None] if who else folded)
    return asked if asked not in (None, "head") else _role_in(folded) or asked


def _role_in(folded: str) -> str | None:
    return next((r for r, pattern in ROLE_QUESTION.items() if re.search(pattern, folded)), None)


WHO_OPENS = re.compile(
    r"(^|[,.;!?])\s*((and|et|but|mais|so|alors)\s+)?(c['’]?(est|etait) )?(who|whom|qui)\b"
)
# a bare succession before the who: "et avant lui,", "and after her," (not the asker's own
# time: "avant de leur écrire,", "before I write,")
SUCCEEDING = re.compile(
    r"\s*((and|et|but|mais|so|alors)\s+)?(before|after|avant|apres)\s+"
    r"(?!(de|d['’]|i|we|you|nous|je|j['’]|on|\w+ing)\b)([\w'’-]+\s*){1,3},?\s*"
)


def holds_role(role: str, text: str) -> bool:
    return re.search(rf"\b({ROLES[role]})\b", fold(text)) is not None


# what a role is asked of, a name: "who is the president of France?" -> "france"
ROLE_OF = re.compile(
    rf"\b{PERSON_ROLE}\s+(?:of|de|du|des|d['’])"
    r"\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?(?P<of>(?-i:[A-ZÀ-Þ])[\w-]+)",
    re.IGNORECASE,
)


def role_of(question: str) -> str:
    """The name a role is asked of, folded ("who is the president of France?": "france"), or
    ""."""
    match = ROLE_OF.search(question)
    return fold(match.group("of")) if match else ""


def holds_role_of(role: str, text: str, of: str) -> bool:
    """The text gives the role of that name: "President of France", "présidente de la France"
    ("President of Medicen Paris Region, ... in Île-de-France" is Medicen's)."""
    pattern = rf"\b({ROLES[role]})\s+(of|de|du|des|d')\s*(the\s+|la\s+|le\s+|l')?{re.escape(of)}\b"
    return re.search(pattern, fold(text)) is not None
