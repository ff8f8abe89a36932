"""Condense: a follow-up question borrows the subject of the previous exchange."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.citations import CITATION
from ingest.store.text import STOPWORDS, detect_language, fold, split_sentences, tokenize, words

# pronouns that stand for someone or something named before
STRONG_PRONOUNS = set(
    """
    he she it they him her his its their them ones il elle ils elles lui leur leurs son sa ses
    """.split()
)
# words that may point back, or not ("this project", "en Île-de-France")
WEAK_PRONOUNS = set(
    "this that these those there one ce cette ces celui celle y en same also".split()
)
PRONOUNS = STRONG_PRONOUNS | WEAK_PRONOUNS
FOLLOW_UP_OPENINGS = ("and ", "et ", "what about", "et pour", "how about")


@dataclass(frozen=True)
class Turn:
    role: str
    content: str


def condense(question: str, history: Sequence[Turn]) -> str:
    """A standalone question: a follow-up borrows the subject of the previous exchange.

    A pronoun stands for what the last answer was about (its answer span, else the name in its
    first sentence's subject position), which leads the context: "When was he appointed?" after
    "Who is the CEO of Medicen?" / "Stéphane Roques is the CEO of Medicen [1]." becomes
    "When was Stéphane Roques appointed? (Stéphane Roques; Who is the CEO of Medicen? ...)".
    An elliptic follow-up ("and in Saclay?", "what about Curie?", "et à Villejuif ?") becomes
    the previous question with the new name in place of its own, without context.
    """
    question = question.strip()
    users = [t.content.strip() for t in history if t.role == "user" and t.content.strip()]
    if not users or not needs_context(question):
        return question
    previous = _previous_standalone(history)
    restated = restate_ellipsis(question, previous)
    if restated:
        return restated
    answers = [t.content for t in history if t.role == "assistant" and t.content.strip()]
    answer = answers[-1] if answers else ""
    if not any(t in STRONG_PRONOUNS for t in map(str.lower, words(question))):
        restated = with_subject(question, previous)  # an ellipsis keeps the previous frame
        return restated if restated != question else f"{question} ({previous})"
    referent = referent_of(previous, answer)
    entities = [e for e in subject_of(answer) if e not in referent.split()]
    context = " ".join([*([f"{referent};"] if referent else []), previous, *entities[:6]])
    return f"{_substitute(question, referent)} ({context})"


def _previous_standalone(history: Sequence[Turn]) -> str:
    """The last question of the history as it was answered (an elliptic one restated)."""
    turns = list(history)
    last = max(i for i, t in enumerate(turns) if t.role == "user" and t.content.strip())
    standalone = condense(turns[last].content, turns[:last])
    asked, context = split_context(standalone)
    return asked if context else standalone


def referent_of(question: str, answer: str) -> str:
    """What an answer is about: its answer span (the name that answered "who"), else the
    name that opens its first sentence (after "Yes," or "Non,"), else ""."""
    from assistant.answer.spans import NAME_RUN, answer_span  # spans imports us, indirectly

    first = split_sentences(CITATION.sub("", answer))[:1]
    if not first:
        return ""
    opening = re.sub(r"^\s*(yes|no|oui|non|indeed|en effet)\b[,;:]?\s*", "", first[0], flags=re.I)
    match = NAME_RUN.match(opening)
    if match and not all(fold(w) in STOPWORDS for w in words(match.group(0))):
        return match.group(0)
    span = answer_span(question, first[0])
    return span if span[:1].isupper() else ""


ELLIPSIS = re.compile(
    r"^\s*(?:and|et|but|mais)?\s*(?:what about|how about|and|et|quid de|qu['’]en est-il)?\s*"
    r"(?P<place>(?:in|at|à|a|au|aux|en|near|près de)\s+)?"
    r"(?:(?:for|of|with|on|pour|de|du|des|chez|avec|sur|the|le|la|les)\s+)?(?:[ld]['’])?"
    r"(?P<name>[^?!.]+?)\s*[?!.]*\s*$",
    re.IGNORECASE,
)
NAMES = re.compile(r"[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ](?:\s+[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ])*")
PLACE_BEFORE = re.compile(r"\b(in|at|à|au|aux|en|near)\s+$", re.IGNORECASE)


def restate_ellipsis(question: str, previous: str) -> str:
    """ "And in Saclay?" after "Which organisations are in Villejuif?": the previous question
    with the new name in place of its last one (the one after "in" when the follow-up says "in");
    "" when the follow-up is not an elliptic "and X?" or the previous question names nothing."""
    opening = question.lower().startswith(FOLLOW_UP_OPENINGS + ("but ", "mais ", "quid "))
    match = ELLIPSIS.match(question) if opening else None
    name = match.group("name").strip() if match else ""
    if not name or len(name.split()) > 4 or not NAMES.fullmatch(name):
        return ""
    runs = [
        m
        for m in NAMES.finditer(previous)
        if not all(fold(w) in STOPWORDS for w in words(m.group(0)))
    ]
    at_place = [m for m in runs if PLACE_BEFORE.search(previous[: m.start()])]
    others = [m for m in runs if m not in at_place]
    chosen = (at_place or others) if match and match.group("place") else (others or at_place)
    if not chosen:
        return ""
    old = chosen[-1]
    end = old.end() - (2 if re.search(r"['’]s$", old.group(0)) else 0)  # keep "'s"
    start = old.start()
    elided = re.search(r"\b([ld])['’]$", previous[:start], re.IGNORECASE)
    if elided:  # "l'Institut Curie" -> "Gustave Roussy", "d'Inserm" -> "de Genopole"
        start -= 2
        name = name if elided.group(1).lower() == "l" else f"de {name}"
    return f"{previous[:start]}{name}{previous[end:]}"


def with_subject(question: str, previous: str) -> str:
    """An elliptic follow-up that names nothing, given the previous question's subject: "and
    who's the president?" after "Who is the CEO of Medicen?" -> "and who's the president of
    Medicen?"; as it is when it names something or the previous question names nothing."""
    own = words(question)
    pointing = any(w.lower() in WEAK_PRONOUNS for w in own)  # "there": not a bare ellipsis
    if pointing or not tokenize(question) or any(w[:1].isupper() for w in own[1:]):
        return question
    runs = [
        m.group(0)
        for m in NAMES.finditer(previous)
        if not all(fold(w) in STOPWORDS for w in words(m.group(0)))
    ]
    if not runs:
        return question
    of = "de" if detect_language(previous) == "fr" else "of"
    return f"{question.rstrip(' ?!.')} {of} {runs[-1]}?"


def _substitute(question: str, referent: str) -> str:
    """A pronoun replaced by the name the last answer was about: "it", "il", "elle" by any name
    ("Who runs it?" -> "Who runs NeuroSpin?"), "he", "she" by a person's ("When was he
    appointed?" -> "When was Stéphane Roques appointed?"); "they" stays: it may stand for a
    list the last answer did not name."""
    if referent and NAMES.fullmatch(referent) and not re.search(r"['’]s\b", referent):
        thing = re.sub(r"\b(it|il|elle)\b(?! y\b)", referent, question, count=1, flags=re.I)
        if thing != question:  # "who runs it?" after "NeuroSpin is ..." -> "who runs NeuroSpin?"
            return thing
    if len(referent.split()) < 2:
        return question
    swapped = re.sub(r"\b(he|she|him)\b", referent, question, count=1, flags=re.I)
    if swapped == question:
        swapped = re.sub(r"\bhis\b", f"{referent}'s", question, count=1, flags=re.I)
    return swapped


def needs_context(question: str) -> bool:
    """A question that does not name its own subject: a pronoun standing for someone named
    before ("When was he appointed?"), a follow-up opening ("And ...", "What about ..."), very
    few terms, or a pointing word ("there", "these") without a name or enough terms of its own.
    "Who runs high-field neuroimaging?" names its subject and stays as it is."""
    tokens = [w.lower() for w in words(question)]
    content = set(tokenize(question))
    names = [w for w in words(question)[1:] if w[:1].isupper() and fold(w) not in STOPWORDS]
    own_subject = bool(names) or len(content) >= 4
    return (
        question.strip().lower().startswith(FOLLOW_UP_OPENINGS)
        or any(t in STRONG_PRONOUNS for t in tokens)
        or re.search(r"\b(the|that|this|these|those)\s+(\w+\s+)?ones?\b", question, re.I)
        is not None
        or (len(content) <= 2 and not names)
        or (any(t in WEAK_PRONOUNS for t in tokens) and not own_subject)
    )


def subject_of(answer: str) -> list[str]:
    """The capitalised words of the answer's first sentence, in order, without common words."""
    entities: list[str] = []
    first = split_sentences(CITATION.sub("", answer))[:1]
    for word in words(first[0]) if first else []:
        if word[:1].isupper() and fold(word) not in STOPWORDS and word not in entities:
            entities.append(word)
    return entities


def split_context(standalone: str) -> tuple[str, str]:
    """The question as asked and the context ``condense`` appended in parentheses."""
    match = re.match(r"^(.*\?)\s*\((.*)\)$", standalone, re.DOTALL)
    if match:
        return match.group(1), match.group(2)
    return standalone, ""
