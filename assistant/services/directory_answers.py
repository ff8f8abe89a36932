"""The chat's answers from the directory: where an organisation is, which organisations a town
holds, which places fit a field (locate), and who to work with on it (partner). The ranking is
the Directory tab's (a :class:`PartnerFinder`); the text is composed in ``assistant.answer``.
None when the directory has nothing to say: the question is then answered from the passages."""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field, replace

from assistant.answer.compose_list import enumerations
from assistant.answer.condense import split_context
from assistant.answer.described import described_subject
from assistant.answer.descriptions import PARTITIVE
from assistant.answer.evidence import EvidenceReport
from assistant.answer.organisations import Member, Organisation, asked_kinds, members, named_in
from assistant.answer.partners import (
    Cited,
    PartnerFinder,
    PartnerFit,
    compose_partners,
    field_terms,
    fit_sentence,
    topic,
)
from assistant.answer.place_asked import in_places, places_asked
from assistant.answer.places import (
    campuses,
    compose_places,
    compose_town,
    compose_where,
    in_town,
    kinds_named,
    placed,
    places_of,
)
from assistant.answer.question_kind import QuestionKind
from assistant.answer.seeking import WHICH_ONE_IN, where_parts, without_suburbs
from assistant.answer.shapes import INTRODUCE, SEAT, sets_up, siting, town_asked
from assistant.answer.where import located_subject, names_organisation
from assistant.retrieval.passage import Passage
from assistant.services.sought_kinds import sought_kinds
from ingest.store.text import fold, split_sentences, tokenize


@dataclass
class Directory:
    """What the directory brings to one question: list members, compared organisations, and
    their entries appended to the passages (so that the answer can cite them)."""

    organisations: list[Organisation] = field(default_factory=list)
    members: tuple[Member, ...] = ()
    compared: tuple[Organisation, ...] = ()
    directory_n: dict[str, int] = field(default_factory=dict)


RANKED = 12  # organisations asked of the ranking
NO_PARTNER = ("event",)  # no one to work with, unless asked for ("which summit ...?")


def from_directory(
    question: str,
    standalone: str,
    kind: QuestionKind,
    language: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    finder: PartnerFinder | None,
    known: Container[str] = (),
) -> tuple[str, QuestionKind]:
    """A locate or partner answer from the directory, and the kind to compose by when there is
    none (a partner question as a list, a locate question as a fact); ``known``: the corpus's
    terms."""
    if kind not in (QuestionKind.LOCATE, QuestionKind.PARTNER):
        return "", kind
    found = directory_answer(question, standalone, kind, language, passages, orgs, finder, known)
    if found and kind == QuestionKind.LOCATE and where_parts(question)[1]:
        return found, QuestionKind.FACT  # the where line, and the other part as a fact
    return found, kind if found else (
        QuestionKind.LIST if kind == QuestionKind.PARTNER else QuestionKind.FACT
    )


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
        among = _among(question, standalone, passages, orgs, language)
        if among:  # "lequel de A, B et C est à Paris ?": those of them there
            return among
        town = town_asked(question)
        listing = asked_kinds(question) and places_asked(question, orgs) and not siting(question)
        if town or listing:  # "which clusters are outside the region?" (not where to set up)
            return _town(question, town, passages, orgs, campus, language)
        named = located_subject(without_suburbs(question), orgs, known)
        if not named and not siting(question) and not names_organisation(question, orgs):
            named = described_subject(question, orgs)  # "the high-field neuroimaging centre"
        if named:  # where that organisation is; from the passages when its town is unknown
            there = [o for o in named if placed(o)]
            more = bool(where_parts(question)[1])  # "what kind of company is it, and where?"
            lines = [
                compose_where(o, entry_number(o, passages), campus, language, more) for o in there
            ]
            return "\n".join(lines[:3])
        kinds = kinds_named(question)
        if kinds and SEAT.search(question):  # "where do pharma groups have their head offices?"
            return _seats(kinds, passages, orgs, campus, language)
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
        cited = _cite(kept or fits, field, passages, orgs, campus)
        return compose_partners(cited, language)
    cited = _cite(finder.partners(field, RANKED), field, passages, orgs, campus)
    return compose_places(cited, language)


def _among(
    question: str, standalone: str, passages: list[Passage], orgs: Sequence[Organisation], lang: str
) -> str:
    """Which of the organisations the question names (two or more; "of those": the last
    answer's) are in the place it names (a town, a département, outside the region), or not
    ("which of those isn't in Paris?"), cited; "" when it names fewer or no place."""
    named, places = named_in(question, orgs), places_asked(question, orgs)
    if len(named) < 2 and PARTITIVE.search(question):
        named = named_in(split_context(standalone)[1], orgs)
    which = WHICH_ONE_IN.search(question)
    if len(named) < 2 or not places or not which:
        return ""
    negated = bool(which.group("negated"))  # "which of those isn't in Paris?"
    there = [(o, entry_number(o, passages)) for o in named if in_places(o, places) != negated]
    return compose_town(places[0].label, there, lang, besides=negated)


def _town(
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
    if kinds and "*" not in kinds:
        there = [o for o in there if o.kind in kinds]
    listed = [(o, entry_number(o, passages)) for o in there]
    outside = any(p.outside for p in places)
    return compose_town(places[0].label if places else town, listed, language, outside)


def _seats(
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


def _cite(
    fits: list[PartnerFit],
    field: str,
    passages: list[Passage],
    orgs: Sequence[Organisation],
    campus: dict[str, list[Organisation]],
) -> list[Cited]:
    """Each fit with the sentence that makes it one: from a retrieved passage when the ranking's
    passage is among them and its sentence names the organisation, else from the organisation's
    own directory entry. The fits the sources tie to the field come first (:func:`_supported`),
    the ranking's order kept within each."""
    by_id = {str(o.passage.metadata.get("doc_id", o.passage.id)): o for o in orgs}
    out = []
    for fit in fits:
        org = by_id.get(fit.doc_id)
        if org is None:
            continue
        names = [org.name, org.acronym, org.label]
        shown = next((n for n, p in enumerate(passages, 1) if p.text == fit.passage), 0)
        sentence, n = "", 0
        if shown and passages[shown - 1].metadata.get("doc_id") != fit.doc_id:
            sentence, n = fit_sentence(fit.passage, names, field), shown
        if not _names(sentence, names):  # a sentence about someone else: the entry's own
            n = entry_number(org, passages)
            sentence = fit_sentence(org.passage.text, names, field)
        if sentence and split_sentences(sentence):
            shown_fit = replace(fit, name=org.label)  # "CEA", not its full name
            out.append(Cited(shown_fit, sentence, n, places_of(org, campus)))
    return sorted(out, key=lambda c: not _supported(c, field, passages, by_id))


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


def entry_number(org: Organisation, passages: list[Passage]) -> int:
    """The number of ``org``'s directory entry among the passages, appending it if absent."""
    doc_id = org.passage.metadata.get("doc_id")
    for n, passage in enumerate(passages, start=1):
        if passage.id == org.passage.id or (doc_id and passage.metadata.get("doc_id") == doc_id):
            return n
    passages.append(org.passage)
    return len(passages)


def enumerates(listed: str, matched: Sequence[Member]) -> bool:
    """Whether the best sentences' enumerations name two of the members: the passages list
    what the question asks for ("Start-ups ... have developed applications ... They include
    Doctolib, Instacare, ..."), whatever the gate made of the single best sentence."""
    return len(named_in(listed, [m.organisation for m in matched])) >= 2


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
