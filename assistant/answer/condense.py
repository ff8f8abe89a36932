"""Condense: a follow-up question borrows the subject of the previous exchange."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer.citations import CITATION
from assistant.answer.counted import counted_group, counted_listed, ranked
from assistant.answer.descriptions import described, those_named
from assistant.answer.dislocation import dislocated, own_topic
from assistant.answer.ellipsis import (
    APPOSITION,
    ASKED_WHO,
    FRENCH_POSSESSIVE,
    HEDGES,
    NAMES,
    OTHER,
    OWNED,
    more_of,
    named_runs,
    owned_by,
    restate_ellipsis,
)
from assistant.answer.frames import directory_name, framed, taken_up
from assistant.answer.listed import listed
from assistant.answer.persons import AFTER_LUI, PERSONAL, employer, is_person, person_in
from assistant.answer.pointing import (
    CLITIC,
    WEAK_PRONOUNS,
    named_item,
    needs_context,
    place_pointed,
    points_back,
    referent_of,
    that_pointing,
    uninverted,
)
from assistant.answer.referents import (
    DEMONSTRATIVE,
    demonstrated,
    fronted,
    purpose_of,
    subject_in,
    subject_of,
    unacknowledged,
)
from assistant.answer.relative_year import dated
from ingest.store.text import STOPWORDS, detect_language, fold, split_sentences, tokenize, words

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer


@dataclass(frozen=True)
class Turn:
    role: str
    content: str


def condense(question: str, history: Sequence[Turn], known: Gazetteer | None = None) -> str:
    """A standalone question: a follow-up borrows the subject of the previous exchange.

    A pronoun stands for what the last answer was about (its answer span, else the name in its
    first sentence's subject position), else, when the answer names nothing ("An incubator
    that ..."), for what the previous question asked about ("What is Incuballiance?"); "he",
    "she" stand for a person's name only. The name leads the context: "When was he appointed?"
    after "Who is the CEO of Medicen?" / "Stéphane Roques is the CEO of Medicen [1]." becomes
    "When was Stéphane Roques appointed? (Stéphane Roques; Who is the CEO of Medicen? ...)".
    "Does it play any other role?" asks for something besides the last exchange: the name
    only is its context. An elliptic follow-up ("and in Saclay?", "et curie ?", "and the
    president?") becomes the previous question with the new term in place of its own term of
    the same sort (``restate_ellipsis``), without context. ``known``, the directory's gazetteer,
    tells a person from an organisation ("he" is none) and reads "incuballiance" as a name."""
    question, asked = question.strip(), uninverted(unacknowledged(question.strip()))  # "Ok, ..."
    answers = [t.content for t in history if t.role == "assistant" and t.content.strip()]
    answer = answers[-1] if answers else ""
    asked_alone = not needs_context(asked, answer, bool(known and known.organisations_in(asked)))
    if asked_alone or not any(t.role == "user" and t.content.strip() for t in history):
        return question
    previous = _previous_standalone(history, known)
    # "the hospital group": AP-HP, the institute the last question named; "the year after": 2017
    question = dated(described(fronted(asked) or asked, known, previous), answer, previous)
    subject = subject_in(previous) or directory_name(previous, known)
    pointed = _pointed(question, answer or previous, previous, subject, known)  # or what was told
    if pointed:
        return f"{_asked(pointed)} ({previous})"
    if of_them := those_named(question, answer):  # "which of those ...": what the answer named
        return f"{_asked(question)} ({of_them})"
    if more := more_of(question):  # "Any other foreign companies that moved in?": more of it
        return f"{more} ({previous})"
    named = APPOSITION.sub(r"\g<name>", question)
    if named != question:  # "the French one, Guerbet," names its subject: "Guerbet"
        return f"{_asked(named)} ({previous})"
    restated = restate_ellipsis(question, previous, known)
    if restated or own_topic(question):  # "Et des pôles, il y en a ..."
        return restated or question
    answered = referent_of(previous, answer)  # else the subject of the previous question
    referent = answered or subject
    if not points_back(question):
        thing = thing_of(referent, previous, known)  # "c'est quoi ce projet ?": the thing named
        shown = demonstrated(question, thing if _nameable(thing) else "")
        if shown != question:
            alone = DEMONSTRATIVE.search(question) is not None  # "ce projet": all it asks
            return f"{_asked(HEDGES.sub('', shown))} ({thing if alone else f'{thing}; {previous}'})"
        restated = with_subject(question, previous)  # an ellipsis keeps the previous frame
        return restated if restated != question else f"{_asked(question)} ({previous})"
    person, who = _person(referent, previous, answer, known)
    single = _one_named(question, answer, subject, referent, known)
    if owner := employer(question, person, answer, known):  # "son entreprise": the person's
        return f"{_asked(owner)} ({person}; {previous})"
    restated, lead = _substitute(question, thing_of(referent, previous, known), person, single, who)
    lead = lead if restated != question else answered
    restated = HEDGES.sub("", restated) if restated != question else question
    if restated != question and OTHER.search(question):  # not what the last exchange said
        return f"{_asked(restated)} ({lead})"
    entities = [e for e in subject_of(answer) if e not in lead.split()]
    context = " ".join([*([f"{lead};"] if lead else []), previous, *entities[:6]])
    return f"{_asked(restated)} ({context})"


def _pointed(
    question: str, answer: str, previous: str, subject: str, known: Gazetteer | None
) -> str:
    """The question with what it points at in place: "that town" (the town the answer named),
    "the second one" (its second item), "dans quel but ?" (the previous question's purpose),
    "l'objectif" (of the previous subject); "" when it points at none of these."""
    return (
        place_pointed(question, answer, known)
        or named_item(question, answer)
        or ranked(question, answer)
        or counted_listed(question, previous)
        or counted_group(question, answer)
        or purpose_of(question, previous)
        or taken_up(question, subject)
        or framed(question, subject)
    )


def _one_named(
    question: str, answer: str, subject: str, referent: str, known: Gazetteer | None
) -> bool:
    """Whether "they", "ils", "leur siège" stand for one thing: the last answer named one ("ils
    sont où ?" after one name), or the last question asked about the one thing the answer is
    about ("what's doctolib?" / "Doctolib is ...; MIT Technology Review ..."); never when the
    question names its own ("c'est où leur siège à Doctolib ?")."""
    if known is not None and known.organisations_in(question):
        return False
    return len(listed(answer)) < 2 or bool(subject) and fold(subject) == fold(referent)


def thing_of(referent: str, previous: str, known: Gazetteer | None = None) -> str:
    """What "it" and "its" stand for: the referent, unless the previous question asked who
    someone is ("Who is the CEO of Medicen?": its answer is a person, and "its president"
    is Medicen's): then the thing that question named, else the organisation of the directory
    that answered ("who does high-field neuroimaging?" / "NeuroSpin ..."), else nothing."""
    if not ASKED_WHO.search(previous):
        return referent
    answered = referent if known is not None and known.named(referent) else ""
    return subject_in(previous) or directory_name(previous, known) or answered


def _asked(question: str) -> str:
    """The question with its "?", after which ``split_context`` splits off the context."""
    return question if question.endswith("?") else f"{question.rstrip(' .!')}?"


def _previous_standalone(history: Sequence[Turn], known: Gazetteer | None) -> str:
    """The last question of the history as it was answered (an elliptic one restated)."""
    turns = list(history)
    last = max(i for i, t in enumerate(turns) if t.role == "user" and t.content.strip())
    standalone = condense(turns[last].content, turns[:last], known)
    asked, context = split_context(standalone)
    return asked if context else standalone


REST_OF = re.compile(r"\b(?:other|others|autres?|the rest)\b", re.IGNORECASE)


def with_subject(question: str, previous: str) -> str:
    """An elliptic follow-up that names nothing, given the previous question's subject: "and
    who's the president?" after "Who is the CEO of Medicen?" -> "and who's the president of
    Medicen?"; as it is when it names something or the previous question names nothing."""
    own = words(question)
    pointing = any(w.lower() in WEAK_PRONOUNS for w in own)  # "there": not a bare ellipsis
    if pointing or not tokenize(question) or any(w[:1].isupper() for w in own[1:]):
        return question
    if REST_OF.search(question):  # "what were the other two?": the rest of the last answer's
        return question
    runs = named_runs(previous)
    if not runs:
        return question
    of = "de" if detect_language(previous) == "fr" else "of"
    return owned_by(question, of, runs[-1])


def _person(referent: str, previous: str, answer: str, known: Gazetteer | None) -> tuple[str, bool]:
    """The person "he" stands for, and whether the previous question asked who (then "il", too,
    stands for the person its answer named)."""
    person = referent if is_person(referent, known) else person_in(previous, known)
    who = not person and ASKED_WHO.search(previous) is not None
    first = split_sentences(CITATION.sub("", answer))[:1]
    return person or (person_in(first[0], known) if who and first else ""), who


def _substitute(
    question: str, referent: str, person: str, single: bool, who: bool = False
) -> tuple[str, str]:
    """A pronoun replaced by the name it stands for, and that name: "it", "il", "elle" by the
    referent ("Who runs it?" -> "Who runs NeuroSpin?"), "its" by its possessive, "son siège"
    by "le siège de X"; the first of them only ("et son siège, il est où ?": "il" is the
    seat); "he", "she" by a person's name ("When was he appointed?" -> "When was Stéphane
    Roques appointed?"); "they" stands for the referent only when the last answer named one
    thing (``single``): else for a list it may not have named. After a question that asked who
    (``who``), "il", "elle" stand for the person the answer named ("il a quel âge ?" after "qui
    est le président de Medicen ?" / "... est Christian Lajoux.")."""
    if who and person:
        swapped = re.sub(r"\b(he|she|him|il|elle)\b(?! y\b)", person, question, count=1, flags=re.I)
        if swapped != question:
            return swapped, person
    if _nameable(referent) and not (person and PERSONAL.search(question)):
        found = [
            (m.start(), m.end(), name(m))
            for pattern, name in _pronouns(referent, single)
            for m in [re.search(pattern, question, flags=re.I)]
            if m and not dislocated(question[: m.start()]) and _owner_unsaid(question, m)
        ]
        that = that_pointing(question)  # "is that in Paris?": one thing, the referent
        found += [(*that, referent)] if that else []
        if found:  # "who runs it?" after "NeuroSpin is ..." -> "who runs NeuroSpin?"
            start, end, name = min(found)
            return f"{question[:start]}{name}{question[end:]}", referent
    if not person:
        return question, referent
    own = r"\b(he|she|him|il|elle)\b" if PERSONAL.search(question) else r"\b(he|she|him)\b"
    swapped = AFTER_LUI.sub(rf"\g<prep> {person}", question, count=1)  # "et avant lui ?"
    if swapped == question:
        swapped = re.sub(own, person, question, count=1, flags=re.I)  # "il ..., lui ?": him
    if swapped == question:
        swapped = re.sub(r"\bhis\b", f"{person}'s", question, count=1, flags=re.I)
    return swapped, person if swapped != question else referent


OPENINGS = {"ok", "okay", "alors", "donc", "mais", "et", "and", "so", "bon"}


def _owner_unsaid(question: str, match: re.Match[str]) -> bool:
    """ "leur", "leurs" stand for what was named before only at the question's opening ("ok et
    leur siège ?"), not after a noun of the question that owns it ("pourquoi tant d'entreprises
    font leurs essais ailleurs ?")."""
    if match.group(0).split()[0].lower() not in ("leur", "leurs"):
        return True
    before = words(question[: match.start()])
    return all(fold(w) in STOPWORDS or fold(w) in OPENINGS for w in before)


def _pronouns(referent: str, single: bool) -> list[tuple[str, Callable[[re.Match[str]], str]]]:
    """The pronouns that stand for ``referent``, each with what replaces it."""

    def owned(m: re.Match[str]) -> str:
        article = FRENCH_POSSESSIVE[m.group(1).lower()]
        article = "l'" if article != "les" and re.match(r"[aeiouyhéè]", m.group(2)) else article
        space = "" if article.endswith("'") else " "
        return f"{article}{space}{m.group(2)} de {referent}"

    return [
        (
            r"\b(it|il|elle|they|ils|elles)\b(?! y\b)" if single else r"\b(it|il|elle)\b(?! y\b)",
            lambda m: referent,
        ),
        (r"\bits\b", lambda m: f"{referent}'s"),
        # "leur siège" stands for the referent's only when it is one ("ils" too)
        (OWNED if single else OWNED.replace("|leur|leurs", ""), owned),
        # "qui le dirige ?" -> "qui dirige X ?": the object before its verb
        (CLITIC, lambda m: f"{m.group('before')} {m.group('verb')} {referent}"),
    ]


POSSESSIVE = re.compile(rf"(?:{NAMES.pattern})['’]s(?:\s+[a-zà-ÿ][\w\-]*)+")


def _nameable(referent: str) -> bool:
    """A name ("NeuroSpin") or a named thing ("Medicen's precision medicine hub") a pronoun
    may stand for; not a bare possessive ("Medicen's")."""
    if NAMES.fullmatch(referent) and not re.search(r"['’]s\b", referent):
        return True
    return POSSESSIVE.fullmatch(referent) is not None


def split_context(standalone: str) -> tuple[str, str]:
    """The question as asked and the context ``condense`` appended in parentheses."""
    match = re.match(r"^(.*\?)\s*\((.*)\)$", standalone, re.DOTALL)
    if match:
        return match.group(1), match.group(2)
    return standalone, ""
