"""The others of a group the sources name only in part: asked "who were the other two?" of
"three French start-ups ..., including Doctolib", the sources do not hold the answer, however
well the sentence that counted the group matches the question.

The group is the one the conversation named a member of: of the best sentences, the one that
covers the question best among those naming an organisation the question or an earlier answer
already said. The others are the organisations it (or the sentence after it, when that one takes
it up by a pronoun) names beyond those said. None: the question is declined. Shapes and the
directory's names only, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.asked_value import BEST, refers
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.messages import DECLINE, NAMED_ONLY
from assistant.answer.numbers import WORD, stated
from assistant.answer.organisations import Organisation, named_in
from assistant.answer.question_kind import ORGANISATION_NOUNS
from assistant.answer.said_about import usable
from ingest.store.text import fold, tokenize

COUNT = rf"(?:{WORD}|\d+)"
# the words that ask for the rest, not what the group is
RESTING = set(tokenize("other others autre autres"))  # and the count of the rest asked
# the rest of a group: "the other two", "which two other start-ups", "les deux autres", "the
# others", "the rest", "who else"
OTHERS = re.compile(
    rf"\b(?:other|autres)\s+{COUNT}\b|\b{COUNT}\s+(?:other|others|autres)\b|"
    # "the others?", "et les autres ?" alone ("les autres clusters" is any other, not the rest;
    # "the rest of Europe" is a place)
    r"\b(?:the\s+(?:others|rest)(?!\s+of\b)|les\s+autres(?=\s*(?:[?!.,]|$)))|"
    # "Doctolib and who else?", "et qui d'autre ?"
    r"(?P<else>\b(?:who|which ones?|qui|lesquel(?:le)?s)\s+(?:else|d['’]autre)\b)",
    re.IGNORECASE,
)
ORGANISATIONS = re.compile(rf"^(?:{ORGANISATION_NOUNS})$", re.IGNORECASE)
# a group counted with its kind of organisation: "three French start-ups", "trois pôles"
COUNTED = re.compile(
    rf"\b{COUNT}\s+(?:[\w\-]+\s+){{0,3}}?(?:{ORGANISATION_NOUNS})\b", re.IGNORECASE
)
# what may follow "the other two" without saying what they are: "on that list", "?"
BARE = {
    "on",
    "in",
    "of",
    "from",
    "mentioned",
    "named",
    "listed",
    "cited",
    "de",
    "du",
    "des",
    "sur",
    "dans",
    "cites",
    "citees",
    "mentionnes",
    "mentionnees",
    "then",
    "alors",
    "donc",
}
# the member already named, set aside: "the other 2 besides doctolib", "à part Doctolib"
ASIDE = re.compile(
    r"\s*(?:besides|apart from|except|excluding|aside from|other than|à part|a part|sauf|"
    r"hormis|excepté|en dehors de|en plus de)\b",
    re.IGNORECASE,
)


def asks_others(message: str, said: str) -> bool:
    """The message asks for the rest of a group of organisations: "the other two French
    start-ups", or "the other two?" after an answer that counted "three French start-ups"
    (``said``: the earlier answers). "the other two pillars" asks for no organisation."""
    found = OTHERS.search(message)
    if found is None:
        return False
    counted = COUNTED.search(f"{said} {message[: found.start()]}") is not None
    rest = message[found.end() :]
    after = [] if ASIDE.match(rest) else re.findall(r"[\w\-]+", fold(rest))[:3]
    if found.group("else"):  # "X and who else?": of a group counted before, alone
        return counted and (not after or after[0] in BARE)
    if any(ORGANISATIONS.match(w) for w in after):
        return True
    if after and after[0] not in BARE:
        return False  # "the other two pillars", "les deux autres axes"
    return counted


def others_decline(
    message: str,
    said: str,
    language: str,
    evidence: EvidenceReport,
    organisations: Sequence[Organisation],
) -> str | None:
    """The decline, when the message asks for the rest of a group and the sentence that names
    the group names no organisation beyond those already said (``said``: the earlier answers),
    with that sentence; else None."""
    if not evidence.answerable or not asks_others(message, said):
        return None
    known, group = group_said(message, said, evidence, organisations)
    if group is None or names(window(evidence, group), organisations) - known:
        return None
    members = [o.label for o in named_in(group.sentence, organisations) if o.label in known]
    if not members:
        return None  # the group's sentence names none of it: no group named in part
    named = NAMED_ONLY[language].format(named=", ".join(members))
    return f"{DECLINE[language]} {named} {group.sentence} [{group.n}]"


def group_said(
    message: str, said: str, evidence: EvidenceReport, organisations: Sequence[Organisation]
) -> tuple[set[str], Evidence | None]:
    """The organisations the conversation already named (the message, ``said``: the earlier
    answers) and the sentence that names the group (:func:`the_group`)."""
    known = names(f"{message} {said}", organisations)
    rest = OTHERS.search(message)  # "the other two": how many are asked, not what the group is
    resting = RESTING | set(tokenize(rest.group(0))) if rest else RESTING
    return known, the_group(evidence, known, organisations, resting, said, stated(message))


def the_group(
    evidence: EvidenceReport,
    known: set[str],
    organisations: Sequence[Organisation],
    resting: set[str] = RESTING,
    said: str = "",
    counts: set[int] | None = None,
) -> Evidence | None:
    """The sentence that names the group, of the best ones: the one holding most of what the
    question says of the group (its terms less the members' names: "clusters", "diagnostics"),
    or, when it says nothing of it ("the other two?"), of those naming a member already said,
    the one the last answers (``said``) quote most, then the one that covers the conversation
    best. None: no sentence is about it. ``counts``: the numbers the question counts the group
    by ("the 202 establishments"): of the sentences, those that count it so."""
    best = usable(evidence)[:BEST]
    counting = [e for e in best if counts and counts & stated(e.sentence)]
    best = counting or best
    members = set(tokenize(" ".join(known)))
    weights = {t: w for t, w in evidence.weights.items() if t not in members and t not in resting}
    if weights:
        termed = [(set(tokenize(e.sentence)), e) for e in best]  # each sentence's terms, once
        held = [(sum(w for t, w in weights.items() if t in terms), e) for terms, e in termed]
        top = max((h for h, _ in held), default=0.0)
        return next((e for h, e in held if h == top), None) if top > 0 else None
    quoted = set(tokenize(said))
    naming = [e for e in usable(evidence)[: 2 * BEST] if known & names(e.sentence, organisations)]
    return (
        max(naming, key=lambda e: (len(quoted & set(tokenize(e.sentence))), e.coverage))
        if naming
        else None
    )


def names(text: str, organisations: Sequence[Organisation]) -> set[str]:
    """The labels of the organisations a text names."""
    return {o.label for o in named_in(text, organisations)}


def window(evidence: EvidenceReport, group: Evidence) -> str:
    """The group's sentence, and the one after it when that one takes it up ("Start-ups have
    developed apps." "They include Doctolib, Instacare ...")."""
    sentences = evidence.sentences.get(group.n, [])
    after = sentences[group.position + 1] if group.position + 1 < len(sentences) else ""
    return f"{group.sentence} {after}" if after and refers(after) else group.sentence
