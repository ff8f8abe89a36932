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
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from assistant.answer.organisations import Organisation, squash
from assistant.answer.questions import asking
from assistant.answer.shapes import sets_up
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import STOPWORDS, fold

CLOSE_ENOUGH = 85.0  # rapidfuzz ratio (0-100) of a run of words to a name: one typo in eight
MIN_FUZZY_CHARS = 5  # shorter names are matched exactly only ("CEA" is not "sea")
MAX_RUN = 4  # words in a run compared with a name
# the words that frame a question about where something is, English and French
FRAME = set(
    """
    where wheres located location based situated headquartered headquarters head office offices
    address find found town city commune which what whereabouts ou trouve trouvent situe situee
    hq siege sieges social departement department district arrondissement quartier
    situes situees base basee bases basees installe installee installes installees siege adresse
    ville quelle quel localise localisee implante implantee
    region ile france idf parisienne coin around nearby
    savez savoir pourriez pourrais pouvez peux indiquer indiquez dire dites si please svp
    """.split()
)
# a pronoun that stands for the organisation named elsewhere in the message
POINTS_BACK = set("it its they them their il elle ils elles lui leur leurs son sa ses".split())
# a part of an organisation named by its field: "the CEA's neuroimaging centre"
UNITS = set(
    """
    centre center centres centers platform platforms plateforme lab labs labo laboratory
    laboratoire unit unite site team equipe department
    """.split()
)
WORD = re.compile(r"[\w&\-’']+")
Run = tuple[int, int, str]  # (first word, after the last, the words joined)


def located_subject(question: str, organisations: Sequence[Organisation]) -> list[Organisation]:
    """The organisations a locate question is about (exactly or nearly named), when the other
    words of the clauses that ask only frame the question, or name a part of it by its field
    ("the CEA's neuroimaging centre": the CEA's entity working on neuroimaging); [] when it asks
    where something else is ("the open innovation lab of X": a fact of the passages)."""
    by_alias = _aliases(organisations)
    asked, told = asking(question)
    head, _, tail = asked.rpartition(",")
    if head and POINTS_BACK & {fold(w) for w in _words(tail)}:  # "... Philips, ils sont où ?"
        asked, told = tail, f"{told} {head}"
    words = _words(asked)
    found = _named(words, by_alias)
    if not found and told:
        # "...a visit at Gustave Roussy. Which commune is it in?", "I've got a meeting at
        # Guerbet - which town are they in?": the one organisation told, unless the message
        # names a part of it ("where is their lab?") or asks where to set up
        told_words = _words(told)
        runs = _named(told_words, by_alias)
        named = {alias for _, _, alias in runs}
        unnamed = [w for k, w in enumerate(told_words) if not any(i <= k < j for i, j, _ in runs)]
        part = _units(words) or _units(unnamed)  # "X a ouvert un labo : où ?" ("Alpha Lab": a name)
        return (
            list(by_alias[named.pop()])
            if len(named) == 1 and not part and not sets_up(asked)
            else []
        )
    return _subject(words, found, by_alias, organisations)


def _subject(
    words: list[str],
    found: list[Run],
    by_alias: dict[str, list[Organisation]],
    organisations: Sequence[Organisation],
) -> list[Organisation]:
    covered = {k for i, j, _ in found for k in range(i, j)}
    rest = [fold(w) for k, w in enumerate(words) if k not in covered and not _frames(fold(w))]
    named: list[Organisation] = []
    for org in (org for _, _, alias in sorted(found) for org in by_alias[alias]):
        if org not in named:
            named.append(org)
    return _parts(named, rest, organisations) if rest else named


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
    return bool(_named(_words(question), _aliases(organisations)))


def _words(question: str) -> list[str]:
    words = [re.sub(r"['’]s$", "", w) for w in WORD.findall(question)]
    return [w for w in words if squash(w)]


def _aliases(organisations: Sequence[Organisation]) -> dict[str, list[Organisation]]:
    by_alias: dict[str, list[Organisation]] = {}
    for org in organisations:
        for alias in org.aliases():
            by_alias.setdefault(alias, []).append(org)
    return by_alias


def _named(words: list[str], by_alias: dict[str, list[Organisation]]) -> list[Run]:
    """The runs of words that spell a name exactly, else the one run closest to a name."""
    runs = _runs([squash(w) for w in words])
    found = [(i, j, run) for i, j, run in runs if run in by_alias]
    if found:
        return found
    long = [a for a in by_alias if len(a) >= MIN_FUZZY_CHARS]
    close = [
        (hit[1], i, j, hit[0])
        for i, j, run in runs
        if len(run) >= MIN_FUZZY_CHARS
        and (hit := process.extractOne(run, long, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH))
    ]
    return [(i, j, alias) for _, i, j, alias in sorted(close, reverse=True)[:1]]


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


def _frames(word: str) -> bool:
    word = re.sub(r"^(qu|[ldcjmnst])[’']", "", word).strip("'’")  # elided: l', d', c'est
    if "-" in word.strip("-"):  # "pourriez-vous", "est-il": each part frames
        return all(_frames(part) for part in word.split("-"))
    return not word or word in STOPWORDS or word in FRAME or word in kinds_by_word()


def _runs(words: list[str]) -> list[Run]:
    """Each run of up to ``MAX_RUN`` consecutive words: (start, end, the words joined)."""
    return [
        (i, j, "".join(words[i:j]))
        for i in range(len(words))
        for j in range(i + 1, min(i + MAX_RUN, len(words)) + 1)
    ]
