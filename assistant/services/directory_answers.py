"""The chat's answers from the directory: where an organisation is, which organisations a town
holds, which places fit a field (locate), and who to work with on it (partner). The ranking is
the Directory tab's (a :class:`PartnerFinder`); the text is composed in ``assistant.answer``.
None when the directory has nothing to say: the question is then answered from the passages."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field, replace

from assistant.answer.compose_list import enumerates, enumerations
from assistant.answer.condense import split_context
from assistant.answer.described import described_subject
from assistant.answer.elsewhere import places_kept_to
from assistant.answer.evidence import EvidenceReport
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.kinds_asked import asked_kinds
from assistant.answer.labels import text
from assistant.answer.lexicon import Lexicon
from assistant.answer.organisations import Member, Organisation, members, named_in
from assistant.answer.others_named import others_named
from assistant.answer.own_plan import own_plan
from assistant.answer.partner_shapes import INTRODUCE
from assistant.answer.partners import (
    MAX_ALSO,
    MAX_PARTNERS,
    Cited,
    PartnerFinder,
    PartnerFit,
    compose_partners,
    field_terms,
    fit_sentence,
    topic,
)
from assistant.answer.place_asked import in_places, places_asked, places_in
from assistant.answer.places import (
    campuses,
    compose_places,
    compose_where,
    placed,
    places_of,
)
from assistant.answer.question_kind import QuestionKind
from assistant.answer.questions import asking
from assistant.answer.seeking import where_parts, without_suburbs
from assistant.answer.shapes import sets_up, siting, town_asked
from assistant.answer.standalone import Reading
from assistant.answer.time_asked import unspoken_year
from assistant.answer.unplaced import unplaced_decline
from assistant.answer.value_kinds import COMPARATIVE
from assistant.answer.where import located_subject, names_organisation
from assistant.answer.where_followed import followed_subject
from assistant.retrieval.passage import Passage
from assistant.services.entry_answers import entry_answer
from assistant.services.sought_kinds import sought_kinds
from assistant.services.town_answers import (
    among_named,
    entry_number,
    kind_seats,
    town_departement,
    town_listed,
)
from ingest.store.text import fold, split_sentences, tokenize


@dataclass
class Directory:
    """What the directory brings to one question: list members, compared organisations, and
    their entries appended to the passages (so that the answer can cite them)."""

    organisations: list[Organisation] = field(default_factory=list)
    members: tuple[Member, ...] = ()
    compared: tuple[Organisation, ...] = ()
    directory_n: dict[str, int] = field(default_factory=dict)


# the place told before, pointed at by the part that asks: "... y sont déjà installés ?"
THERE = re.compile(r"\b(?:y|there|l[àa]-bas)\b", re.IGNORECASE)
RANKED = 12  # organisations asked of the ranking
NO_PARTNER = ("event",)  # no one to work with, unless asked for ("which summit ...?")


def from_directory(
    reading: Reading,
    language: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    finder: PartnerFinder | None,
    known: Container[str] = (),
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[str, QuestionKind]:
    """A locate or partner answer from the directory, none of a year the sources never name
    (``known``: the corpus's terms), and the kind to compose by without one."""
    question, standalone, kind = reading.asked, reading.standalone, reading.kind
    otherwise = {QuestionKind.PARTNER: QuestionKind.LIST, QuestionKind.LOCATE: QuestionKind.FACT}
    if known and unspoken_year(question, known):  # "MedXperience 2019": no entry's
        return "", otherwise.get(kind, kind)
    if kind not in otherwise:  # "who runs NeuroSpin?": CEA
        return entry_answer(question, passages, orgs, language, standalone), kind
    # a place of the world ("X's office in the US?"), which site is bigger, a postcode it lacks,
    # where a named one means to settle ("where does Medicen want to set up?")
    unplaced = unplaced_decline(question, language, orgs, known) or own_plan(question, orgs)
    compared = kind == QuestionKind.LOCATE and bool(COMPARATIVE.search(question) or unplaced)
    if compared or (gazetteer and places_kept_to(question, orgs, gazetteer, known, lexicon)):
        return "", otherwise[kind]
    found = directory_answer(question, standalone, kind, language, passages, orgs, finder, known)
    if found and kind == QuestionKind.LOCATE and where_parts(question)[1]:
        return found, QuestionKind.FACT  # the where line, and the other part as a fact
    return found, kind if found else otherwise[kind]


def directory_answer(
    question: str,
    standalone: str,
    kind: QuestionKind,
    language: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    finder: PartnerFinder | None,
    known: Container[str] = (),
) -> str:
    """The answer text with its [n] (directory entries appended to ``passages``), or ""."""
    if not orgs:
        return ""
    campus = campuses(orgs)
    if kind == QuestionKind.LOCATE:
        among = among_named(question, standalone, passages, orgs, language)
        if among:  # "lequel de A, B et C est à Paris ?": those of them there
            return among
        town = town_asked(question)
        # "We want to set up in Essonne. Which players are already there?": who is there
        sited = siting(question) and not THERE.search(asking(question, told_first=True)[0])
        listing = asked_kinds(question) and places_asked(question, orgs) and not sited
        if town or listing:  # "which clusters are outside the region?" (not where to set up)
            return town_listed(question, town, passages, orgs, campus, language)
        named = located_subject(without_suburbs(question), orgs, known) or followed_subject(
            question, standalone, orgs
        )
        named = [] if others_named(question, named, orgs) else named  # "A and Bayer"
        if not named and not siting(question) and not names_organisation(question, orgs):
            named = described_subject(question, orgs)  # "the high-field neuroimaging centre"
        if named:  # where that organisation is; from the passages when its town is unknown
            return _where_named(named, question, passages, campus, language)
        if town_in := town_departement(question, passages, orgs, language):
            return town_in  # "which département is Villepinte in?"
        if seated := kind_seats(question, finder, passages, orgs, campus, language):
            return seated  # "where do pharma groups have their head offices?", "where are the X?"
        if names_organisation(question, orgs) and not sets_up(question):
            return ""  # a thing of a named organisation ("which town is X's lab in?"): passages
    if finder is None or (kind == QuestionKind.LOCATE and not siting(question)):
        return ""
    field = topic(standalone)
    if kind == QuestionKind.PARTNER:
        kinds = sought_kinds(question)  # the kinds sought among more of the ranking
        fits = finder.partners(field, RANKED * 3 if kinds else RANKED)
        fits = [f for f in fits if f.kind not in NO_PARTNER or f.kind in kinds]
        by_id = {o.doc_id: o for o in orgs}
        kept = [f for f in fits if f.doc_id in by_id and by_id[f.doc_id].kind in kinds]
        if INTRODUCE.search(question):  # a go-between first, then those the asker would meet
            kept += [f for f in fits if f not in kept]
        cited = _cite(kept or fits, field, passages, orgs, campus, MAX_PARTNERS + MAX_ALSO)
        return compose_partners(cited, language)
    return compose_places(_sites(question, field, finder, passages, orgs, campus), language)


def _where_named(
    named: Sequence[Organisation],
    question: str,
    passages: list[Passage],
    campus: dict[str, list[Organisation]],
    language: str,
) -> str:
    """Where the organisations named are, one line each (at most three); of "A and B" of whom
    only A is placed, B is said to have no known town, not passed over."""
    there = [o for o in named if placed(o)]
    more = bool(where_parts(question)[1])  # "what kind of company is it, and where?"
    lines = [compose_where(o, entry_number(o, passages), campus, language, more) for o in there]
    lines += [
        f"{text('unplaced', language).format(name=o.label)} [{entry_number(o, passages)}]."
        for o in named
        if there and not placed(o)
    ]
    return "\n".join(lines[:3])


def _sites(
    question: str,
    field: str,
    finder: PartnerFinder,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
) -> list[Cited]:
    """The ranking's organisations for a field, cited, for the places that fit it; in the
    places the asked part puts it in only ("where in Essonne should we set up?"; not "a start-up
    from Lyon", "outside Paris")."""
    places = places_in(asking(question, told_first=True)[0], orgs)
    ranked = finder.partners(field, RANKED * 3 if places else RANKED)
    if places:
        by_id = {o.doc_id: o for o in orgs}
        ranked = [f for f in ranked if f.doc_id in by_id and in_places(by_id[f.doc_id], places)]
    return _cite(ranked[:RANKED], field, passages, orgs, campus)


def _cite(
    fits: list[PartnerFit],
    field: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
    most: int = 0,
) -> list[Cited]:
    """Each fit with the sentence that makes it one: from a retrieved passage when the ranking's
    passage is among them and its sentence names the organisation, else from the organisation's
    own directory entry. The fits the sources tie to the field come first (:func:`_supported`),
    the ranking's order kept within each. With ``most`` (what the answer can show), only those
    are kept and only their entries appended to ``passages``: no source is listed uncited."""
    by_id = {str(o.passage.metadata.get("doc_id", o.passage.id)): o for o in orgs}
    numbered = list(passages)  # numbered on a copy first
    out = []
    for fit in fits:
        org = by_id.get(fit.doc_id)
        if org is None:
            continue
        names = [org.name, org.acronym, org.label]
        shown = next((n for n, p in enumerate(numbered, 1) if p.text == fit.passage), 0)
        sentence, n = "", 0
        if shown and numbered[shown - 1].metadata.get("doc_id") != fit.doc_id:
            sentence, n = fit_sentence(fit.passage, names, field), shown
        if not _names(sentence, names):  # a sentence about someone else: the entry's own
            n = entry_number(org, numbered)
            sentence = fit_sentence(org.passage.text, names, field)
        if sentence and split_sentences(sentence):
            shown_fit = replace(fit, name=org.label)  # "CEA", not its full name
            out.append(Cited(shown_fit, sentence, n, places_of(org, campus)))
    out.sort(key=lambda c: not _supported(c, field, numbered, by_id))
    if not most:
        passages.extend(numbered[len(passages) :])  # every entry, in the ranking's order
        return out
    return [  # numbered again in the order shown: an entry is appended when it is shown
        c if c.n <= len(passages) else replace(c, n=entry_number(by_id[c.fit.doc_id], passages))
        for c in out[:most]
    ]


def _names(sentence: str, names: Sequence[str]) -> bool:
    folded = fold(sentence)
    return any(len(n) >= 2 and fold(n) in folded for n in names if n)


def _supported(
    cited: Cited, field: str, passages: list[Passage], by_id: dict[str, Organisation]
) -> bool:
    """Whether the directory's domains or the cited passage tie the organisation to the field:
    a domain of the field, or a sentence of the passage that names it and a word of the field."""
    if cited.fit.domains:
        return True
    org, wanted = by_id[cited.fit.doc_id], field_terms(field)
    names = [org.name, org.acronym, org.label]
    return any(
        _names(s, names) and wanted & set(tokenize(s))
        for s in split_sentences(passages[cited.n - 1].text)
    )


def directory_of(
    question: str,
    kind: QuestionKind,
    evidence: EvidenceReport,
    passages: list[Passage],
    orgs: list[Organisation],
    standalone: str = "",
) -> Directory:
    """The directory's part in this answer, among ``orgs`` (those passing the filters); their
    entries join ``passages`` (numbered after the retrieved ones, never twice)."""
    found = Directory(orgs)
    if kind == QuestionKind.LIST:
        listed = " ".join(text for _, text in enumerations(evidence))
        top = [e.sentence for e in evidence.evidence[:8] if not e.prompt]
        mentioned = [o.name for o in named_in(" ".join([*top, listed]), orgs)]
        context = split_context(standalone)[1]
        matched = members(question, orgs, mentioned, context)
        if matched and (
            evidence.answerable
            or any(m.domains or m.place for m in matched)  # the directory's fields answer
            or enumerates(listed, matched)
        ):
            found.members = tuple(matched)
    elif kind == QuestionKind.COMPARE:
        named = named_in(question, orgs)
        if len(named) >= 2:
            found.compared = tuple(named)
    wanted = [m.organisation for m in found.members] or list(found.compared)
    for org in wanted:
        found.directory_n[org.name] = entry_number(org, passages)
    return found
