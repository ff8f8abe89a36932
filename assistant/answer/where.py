"""Which organisation a "where is X?" question is about, its name spelt as a user spells it:
with a typo ("docotlib"), a letter missing ("gustav roussy"), in lower case. The directory's
names and acronyms are the gazetteer; a run of the question's words that comes close enough to
one of them (rapidfuzz's normalised similarity, letters and digits only) names it.

The question is about the organisation itself only when the rest of its words frame the
question (where, located, in which town, the organisation's kind, "can you tell me", "in the
region"): "where is the open innovation lab of X?", "in which town is X's e-health lab?" ask for
the lab, a fact of the passages, not for X's address (nor for places to set up in). Only the
clauses that ask are read: what the asker says of themselves first ("We're a contrast-agent
maker; where is Guerbet?") or after ("Incuballiance, c'est où ? J'y passe demain.") does not
change what is asked, and a pronoun there ("Which commune is it in?") stands for the one
organisation the rest of the message names.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from assistant.answer.name_runs import Run, aliases, named_runs
from assistant.answer.organisations import Organisation, squash
from assistant.answer.place_asked import OWN_DEPARTEMENTS
from assistant.answer.pointing import THING_PRONOUNS
from assistant.answer.questions import asking
from assistant.answer.seeking import where_parts
from assistant.answer.shapes import sets_up
from assistant.answer.weights import FRAMING, HAPPENS, REFERRED, SCOPE
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import STOPWORDS, fold, tokenize

# the words that frame a question about where something is, English and French
FRAME = set(
    """
    where wheres located location localisation emplacement based situated headquartered
    headquarters head office offices
    address find found town city commune which what whereabouts ou trouve trouvent situe situee
    hq siege sieges social departement department district arrondissement quartier
    postcode postcodes post postal code codes zip zipcode part partie
    situes situees base basee bases basees installe installee installes installees siege adresse
    ville quelle quel localise localisee implante implantee
    region ile france idf parisienne coin around nearby french francais francaise main principal
    savez savoir pourriez pourrais pouvez peux indiquer indiquez dire dites si please svp
    concretely precisely specifically actually really concretement precisement vraiment
    exactly exactement
    happen happens happened held hold tient tiennent tenu deroule deroulent passe passent
    like such including comme tels telles notamment sites site premises
    host hosts houses home call calls both already deja abrite abritent accueille accueillent
    or somewhere else elsewhere ailleurs autre
    """.split()
)
THEY = set("they them their ils elles leurs eux".split())
# a part of an organisation named by its field: "the CEA's neuroimaging centre"
UNITS = set(
    """
    centre center centres centers platform platforms plateforme lab labs labo laboratory
    laboratoire unit unite site team equipe department
    """.split()
)
# the prepositions that place a thing: "in the Paris area", "en Essonne", "near Orsay"
LOCATIVE = set(
    "in at near around within inside outside en dans a au aux pres autour vers hors".split()
)
# the prepositions that make a noun before the organisation a part of it: "the lab of X"
OF = set("of de du des d at chez".split())
ELIDED = re.compile(r"^(?:l|d|qu)['’]")  # the article elided before a place: "l'Essonne"
WORD = re.compile(r"[\w&\-’']+")


def located_subject(
    question: str, organisations: Sequence[Organisation], known: Container[str] = ()
) -> list[Organisation]:
    """The organisations a locate question is about (exactly or nearly named), when the other
    words of the clauses that ask only frame the question, or name a part of it by its field
    ("the CEA's neuroimaging centre": the CEA's entity working on neuroimaging); [] when it asks
    where something else is ("the open innovation lab of X": a fact of the passages). A word
    that places the question in the region ("in the Paris area") frames it, and so does a word
    the corpus never uses (``known``: its terms), unless it names a thing of the organisation
    ("X's biobank", "the biobank of X"): it cannot name a thing the sources would locate."""
    by_alias = aliases(organisations, short=True)
    question = HAPPENS.sub(" ", question)  # "where does X take place?": where X is
    question = REFERRED.sub(" ", question)  # "..., according to your directory?"
    question = re.sub(  # "sanofis lab": Sanofi's, its apostrophe left out
        r"\b([\w\-]+)s\b",
        lambda m: f"{m.group(1)}'s" if squash(m.group(1)) in by_alias else m.group(0),
        question,
    )
    asked, told = asking(question, told_first=True)
    where, besides = where_parts(question)
    if besides:  # "Where is X based, and what year did it open Y?": the part that asks where
        asked, told = " ".join(where), " ".join([told, *besides])
    head, _, tail = asked.rpartition(",")
    if head and THING_PRONOUNS & {fold(w) for w in _words(tail)}:  # "... Philips, ils sont où ?"
        asked, told = tail, f"{told} {head}"
    words = _words(asked)
    found = [  # "ils sont où en Île-de-France ?": the region places them, names none of them
        (i, j, alias)
        for i, j, alias in named_runs(words, by_alias)
        if fold(words[i]) not in LOCATIVE or not set(tokenize(" ".join(words[i:j]))) <= SCOPE
    ]
    if not found and told:
        # "...a visit at Gustave Roussy. Which commune is it in?", "I've got a meeting at
        # Guerbet - which town are they in?": the one organisation told, unless the message
        # names a part of it ("where is their lab?") or asks where to set up
        told_words = _words(told)
        runs = named_runs(told_words, by_alias)
        named = {alias for _, _, alias in runs}
        # the unit word just before the name is its kind ("le labo Guerbet"), not a part of it
        unnamed = [
            w for k, w in enumerate(told_words) if not any(i - 1 <= k < j for i, j, _ in runs)
        ]
        part = _units(words) or _units(unnamed)  # "X a ouvert un labo : où ?" ("Alpha Lab": a name)
        # "GSK, Novartis et BMS, ils sont où ?": all of them, asked by a plural pronoun
        plural = len(named) == 1 or THEY & {fold(w) for w in words}
        if not named or not plural or part or sets_up(asked):
            return []
        told_of = [o for _, _, alias in runs for o in by_alias[alias]]
        return [o for k, o in enumerate(told_of) if o not in told_of[:k]]  # each once
    return _subject(asked, found, by_alias, organisations, known)


def _subject(
    asked: str,
    found: list[Run],
    by_alias: dict[str, list[Organisation]],
    organisations: Sequence[Organisation],
    known: Container[str],
) -> list[Organisation]:
    words = _words(asked)
    covered = {k for i, j, _ in found for k in range(i, j)}
    covered |= _placing(words, organisations)
    owned = _owned(asked, found)
    if sets_up(asked):  # "dans quel secteur X compte-t-il installer le sien ?": read strictly
        known = ()
    kept = [
        k
        for k, w in enumerate(words)
        if k not in covered
        and not frames(fold(w))
        and (k in owned or not known or _known(fold(w), known))  # (): every word counts
    ]
    rest = [fold(words[k]) for k in kept]
    named: list[Organisation] = []
    for org in (org for _, _, alias in sorted(found) for org in by_alias[alias]):
        if org not in named:
            named.append(org)
    if rest and not owned & set(kept):  # "the NeuroSpin high-field neuroimaging centre"
        itself = [o for o in named if described(o, rest)]
        if itself:
            return itself
    return _parts(named, rest, organisations) if rest else named


def described(org: Organisation, words: list[str]) -> bool:
    """Every word but a unit's ("centre") is one of the organisation's own: its name, kind,
    fields or description ("the NeuroSpin high-field neuroimaging centre" is NeuroSpin)."""
    held = set(re.findall(r"[\w\-]+", fold(org.own_text())))
    return all(w in held or w in UNITS for w in words)


def _placing(words: list[str], organisations: Sequence[Organisation]) -> set[int]:
    """The words of a phrase that places the question in the region: a preposition, then a
    town, a département or the region itself, and the rest of that noun ("in the Paris area",
    "en Essonne", "near Orsay")."""
    places = {fold(o.city) for o in organisations if o.city} | OWN_DEPARTEMENTS
    folded = [fold(w) for w in words]
    out: set[int] = set()
    for k, word in enumerate(folded):
        if ELIDED.sub("", word) not in places:  # "dans l'essonne"
            continue
        start = k - 1
        while start >= 0 and frames(folded[start]) and folded[start] not in LOCATIVE:
            start -= 1  # "in the Paris area", "dans le coin de Palaiseau": back to "in"
        if start < 0 or folded[start] not in LOCATIVE:
            continue  # "the Paris lab of X": a thing of X, not a place
        end = k + 1
        while end < len(folded) and not frames(folded[end]):
            end += 1  # "area"
        out |= set(range(start, end))
    return out


def _owned(asked: str, found: list[Run]) -> set[int]:
    """The words that name a thing of a named organisation: after its possessive ("X's
    biobank") or before "of X" ("the biobank of X", "la biobanque de X", "d'X")."""
    raw = [w for w in WORD.findall(asked) if squash(w)]
    folded = [fold(w) for w in raw]
    out: set[int] = set()
    for i, j, _ in found:
        if re.search(r"['’]s$", raw[j - 1]):
            end = j
            while end < len(raw) and not frames(folded[end]):
                end += 1
            out |= set(range(j, end))
        if re.match(r"d['’]", folded[i]):  # "d'Alpha Lab": the preposition elided
            before = i
        elif i and (folded[i - 1] in OF or re.match(r"d['’]", folded[i - 1])):
            before = i - 1  # "of X", "d'Institut Curie" (its kind's word elided)
        else:
            continue
        start = before - 1
        while start >= 0 and not frames(folded[start]):
            start -= 1
        out |= set(range(start + 1, before))
    return out


def _known(word: str, known: Container[str]) -> bool:
    """Whether the corpus uses the word (its whole term: "paris-sud" is not "paris")."""
    terms = tokenize(re.sub(r"^(qu|[ldcjmnst])[’']", "", word))
    return bool(terms) and terms[0] in known


def _units(words: list[str]) -> bool:
    """Whether the words name a unit ("lab", "centre") that is not the asker's ("our lab")."""
    folded = [fold(w) for w in words]
    return any(
        w in UNITS and folded[k - 1 : k] not in (["our"], ["my"], ["notre"], ["mon"])
        for k, w in enumerate(folded)
    )


def names_organisation(question: str, organisations: Sequence[Organisation]) -> bool:
    """Whether the question names an organisation (exactly or nearly), whatever it asks of
    it: "in which town is Sanofi's e-health lab?" names Sanofi and asks for its lab's town."""
    return bool(named_runs(_words(question), aliases(organisations)))


def _words(question: str) -> list[str]:
    words = [re.sub(r"['’]s$", "", w) for w in WORD.findall(question)]
    return [w for w in words if squash(w)]


def _parts(
    named: list[Organisation], rest: list[str], organisations: Sequence[Organisation]
) -> list[Organisation]:
    """The organisations whose parent is named and whose fields (or name) hold every other
    word of the question but a unit's ("centre", "lab")."""
    content = [w for w in rest if w not in UNITS]
    parents = {fold(n) for o in named for n in (o.name, o.acronym, o.label) if n}
    if not content or not parents:
        return []
    out = []
    for org in organisations:
        if not any(fold(p) in parents for p in org.record.parents):
            continue
        held = set(re.findall(r"[\w\-]+", fold(" ".join((org.name, *org.domains)))))
        if all(w in held for w in content):
            out.append(org)
    return out


def frames(word: str) -> bool:
    word = re.sub(r"^(qu|[ldcjmnst])[’']", "", word).strip("'’")  # elided: l', d', c'est
    if "-" in word.strip("-"):  # "pourriez-vous", "est-il": each part frames
        return all(frames(part) for part in word.split("-"))
    if not word or word in STOPWORDS or word in FRAME or word in kinds_by_word():
        return True
    return set(tokenize(word)) <= FRAMING  # "exactement", "currently": the question's precision
