"""The organisations of a place from the directory: those a town, a campus or a département
holds ("which organisations are in Villejuif?"), and which of the organisations a question names
are in a place ("which of those isn't in Paris?"), each cited by its directory entry."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.condense import split_context
from assistant.answer.descriptions import PARTITIVE, WHICH_ONE
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.labels import text
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.partners import Cited, PartnerFinder, PartnerFit, topic
from assistant.answer.place_asked import in_places, places_asked
from assistant.answer.places import (
    compose_places,
    compose_town,
    departement,
    departement_named,
    in_town,
    kinds_named,
    placed,
    places_of,
    postcode,
)
from assistant.answer.seeking import WHICH_ONE_IN
from assistant.answer.shapes import SEAT
from assistant.answer.where import UNITS, frames
from assistant.retrieval.passage import Passage
from ingest.directory.departements import DEPARTEMENTS
from ingest.directory.org_kinds import COMPANY_KINDS, kind_label, kind_terms
from ingest.store.text import fold, tokenize


def among_named(
    question: str, standalone: str, passages: list[Passage], orgs: Sequence[Organisation], lang: str
) -> str:
    """Which of the organisations the question names (two or more; "of those": the last
    answer's) are in the place it names (a town, a département, outside the region), or not
    ("which of those isn't in Paris?"), cited, or, when none of them is, those that are not;
    "" when it names fewer or no place."""
    named, places = named_in(question, orgs), places_asked(question, orgs)
    if len(named) < 2 and (PARTITIVE.search(question) or WHICH_ONE.match(question)):
        named = named_in(split_context(standalone)[1], orgs)  # "lesquels sont à Paris ?"
    which = WHICH_ONE_IN.search(question)
    if len(named) < 2 or not places or not (which or WHICH_ONE.match(question)):
        return ""
    negated = bool(which and which.group("negated"))  # "which of those isn't in Paris?"
    there = [  # "not in X": only those placed elsewhere, never an unknown place
        (o, entry_number(o, passages))
        for o in named
        if in_places(o, places) != negated and (placed(o) or not negated)
    ]
    if not there:  # none of them is there: where they are instead
        there = [
            (o, entry_number(o, passages))
            for o in named
            if placed(o) and in_places(o, places) == negated  # never an unknown place
        ]
        negated = not negated
    return compose_town(places[0].label, there, lang, besides=negated)


def town_listed(
    question: str,
    town: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
    language: str,
) -> str:
    there = in_town(town, orgs, campus) if town else []
    town = next((o.city for o in there if fold(o.city) == fold(town)), town)  # as written there
    places = [] if there else places_asked(question, orgs)  # "outside the region", "(91)"
    if places:
        there = [o for o in orgs if in_places(o, places)]
    kinds = asked_kinds(question) or kinds_named(question)
    held = bool(there)
    if kinds and "*" not in kinds:
        there = [o for o in there if o.kind in kinds]
    listed = [(o, entry_number(o, passages)) for o in there]
    outside = any(p.outside for p in places)
    where = places[0].label if places else town
    if held and not there and kinds and "*" not in kinds:  # "which start-ups are in the 94?"
        return _none_of_kind(kinds, where, language)
    if not held and any(p.departement for p in places):  # "quelles entreprises dans le 77 ?"
        return _none_of_kind(kinds if "*" not in kinds else (), where, language)
    return compose_town(where, listed, language, outside)


def _none_of_kind(kinds: tuple[str, ...], where: str, language: str) -> str:
    """No organisation of the kinds asked (any kind: ``()``) in the town or département:
    "company" for the companies' kinds together, else each kind's label."""
    shown = ("company",) if set(kinds) == set(COMPANY_KINDS) else kinds
    joiner = " ou " if language == "fr" else " or "
    kind = joiner.join(kind_label(k, language) for k in shown) or text("organisation", language)
    if language == "fr":  # "pas d'entreprise", "pas de groupe hospitalier"
        kind = f"d'{kind}" if fold(kind)[:1] in tuple("aeiouh") else f"de {kind}"
    code = departement_named(where)
    if code:
        return text("none_of_kind_departement", language).format(
            kind=kind, name=DEPARTEMENTS[code], code=code
        )
    return text("none_of_kind", language).format(kind=kind, town=where)


def entry_number(org: Organisation, passages: list[Passage]) -> int:
    """The number of ``org``'s directory entry among the passages, appending it if absent."""
    doc_id = org.passage.metadata.get("doc_id")
    for n, passage in enumerate(passages, start=1):
        if passage.id == org.passage.id or (doc_id and passage.metadata.get("doc_id") == doc_id):
            return n
    passages.append(org.passage)
    return len(passages)


# the département asked of a place: "which département is Villepinte in?", "c'est quel
# département ?", "Villepinte, c'est dans le 93 ?" is a yes/no the where line answers too
DEPARTEMENT_ASKED = re.compile(
    r"\b(?:which|what|quel|in which|dans quel)\s+(?:d[ée]partements?|departments?|county)\b",
    re.IGNORECASE,
)


def town_departement(
    question: str, passages: list[Passage], orgs: Sequence[Organisation], language: str
) -> str:
    """The département of each town the question names (from an entry placed there, cited),
    when it asks which département; "" otherwise."""
    if not DEPARTEMENT_ASKED.search(question):
        return ""
    there = {fold(o.city): o for o in reversed(orgs) if placed(o) and departement(o)}
    named = dict.fromkeys(fold(w) for w in re.findall(r"[\w\-’']+", question))  # in its order
    found = []
    for org in (there[town] for town in named if town in there):
        code = departement(org)
        where = " ".join(p for p in (postcode(org), org.city) if p)
        said = text("town_in", language).format(town=where, name=DEPARTEMENTS[code], code=code)
        found.append(f"{said} [{entry_number(org, passages)}].")
    return " ".join(found)


# where the organisations of a kind are: "where are the cancer institutes?", "où sont les
# incubateurs ?" (no organisation named: that one's place is asked)
KINDS_WHERE = re.compile(
    r"^\s*(?:and |et |so |alors )?(?:where (?:are|is) (?:all )?(?:the |les )?|"
    r"(?:où|ou) (?:sont|se trouvent|se situent)(?: situ[ée]e?s| install[ée]e?s| bas[ée]e?s)? "
    r"(?:les |tous les |toutes les )?)",
    re.IGNORECASE,
)


def kind_seats(
    question: str,
    finder: PartnerFinder | None,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
    language: str,
) -> str:
    """Where the organisations of the kinds a question names are, when it asks where they are
    ("where do pharma groups have their head offices?", "where are the cancer institutes?":
    those of the field it names), else ""."""
    kinds = kinds_named(question)
    if kinds and SEAT.search(question):
        return seats(kinds, passages, orgs, campus, language)
    # not of a place ("... in the Hauts-de-Seine?": its organisations), nor a part of them
    # ("the pharma groups' R&D centres"): the passages' or the town's answer
    if not kinds or not KINDS_WHERE.match(question) or places_asked(question, orgs):
        return ""
    if {fold(w) for w in re.findall(r"[\w\-]+", question)} & UNITS:
        return ""
    among = of_field(finder, question, kinds)
    chosen = [o for o in orgs if o.kind in kinds and (not among or o.doc_id in among)]
    if not chosen or not all(placed(o) for o in chosen):
        return ""  # some have no known town ("the e-health start-ups"): the passages say more
    return seats(kinds, passages, chosen, campus, language)


def of_field(finder: PartnerFinder | None, question: str, kinds: tuple[str, ...]) -> set[str]:
    """The organisations (ids) of the kinds the ranking finds for the field the question names
    beside them ("the cancer institutes": oncology's); empty for none, or no field named."""
    field = " ".join(w for w in re.findall(r"[\w\-]+", topic(question)) if not frames(fold(w)))
    if finder is None or not set(tokenize(field)) - kind_terms():
        return set()
    return {f.doc_id for f in finder.partners(field, 36) if f.kind in kinds}


def seats(
    kinds: tuple[str, ...],
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
    language: str,
) -> str:
    """Where the organisations of the kinds asked are, grouped by place (those inside the
    region first), each cited by its directory entry."""
    cited = [
        Cited(
            PartnerFit(org.label, org.kind, org.city, "", 0.5 if org.region == "out" else 1.0, ""),
            "",
            entry_number(org, passages),
            places_of(org, campus),
        )
        for org in orgs
        if org.kind in kinds and placed(org)
    ]
    return compose_places(cited, language)
