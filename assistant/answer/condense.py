"""Condense: a follow-up question borrows the subject of the previous exchange."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.citations import CITATION
from assistant.text import STOPWORDS, fold, split_sentences, tokenize, words

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

    "When was he appointed?" after "Who is the CEO of Medicen?" becomes
    "When was he appointed? (Who is the CEO of Medicen? Stéphane Roques)".
    """
    users = [t.content for t in history if t.role == "user" and t.content.strip()]
    if not users or not needs_context(question):
        return question.strip()
    answers = [t.content for t in history if t.role == "assistant" and t.content.strip()]
    entities = subject_of(answers[-1]) if answers else []
    context = " ".join([users[-1], *entities[:6]])
    return f"{question.strip()} ({context})"


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
