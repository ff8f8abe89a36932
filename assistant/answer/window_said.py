"""What a sentence and the one before it (the window a value is read in) must say of what is
asked beside the value: the numbers of an outcome asked ("did it make the top 3?" is not
answered by "a great position globally"), the words put before a counted noun ("how many member
companies?" is not answered by "three companies" where no member is said), and of whether
something came true, half the weight of what is asked ("has the strategy improved its results
so far?" is not answered by "the strategy I propose is based on three pillars")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.answer.counted_thing import counted_said
from assistant.answer.questions import COUNT_QUESTION, asking
from assistant.answer.spelling import spellings
from assistant.answer.value_asked import CAME_TRUE_MARK, OUTCOME
from assistant.retrieval.glossary import english_kin
from ingest.store.text import tokenize


def numbers_said(focus: set[str], window: str) -> bool:
    """The numbers of what is asked (``focus``), if any, stand in the window."""
    numbers = {t for t in focus if t.isdigit()}
    return not numbers or bool(numbers & set(tokenize(window)))


def counted_in(question: str, window: str) -> bool:
    """The words the count question puts before the noun it counts stand in the window."""
    found = COUNT_QUESTION.search(question)
    return not found or counted_said(found.group(1), question, window)


CAME_TRUE_KINDS = ("outcome",)
HELD_SHARE = 0.5


def focus_held(
    kind: str, focus: set[str], question: str, window: str, weights: Mapping[str, float]
) -> bool:
    """Of whether something came true ("has the strategy improved X's results so far?"), the
    window holds at least half the weight (IDF) of what is asked of the subject, in the clauses
    that ask: "the strategy I propose is based on three pillars" says nothing of results."""
    if kind not in CAME_TRUE_KINDS:
        return True
    asked, told = asking(question)
    # the words that ask whether it came true: "ever" in "did GE ever ...?", "so far"
    marks = {t for m in OUTCOME.finditer(asked) if not m.group("mark") for t in tokenize(m[0])}
    marks |= {
        t for m in re.finditer(rf"\b({CAME_TRUE_MARK})\b", asked, re.I) for t in tokenize(m[0])
    }
    focus = focus - marks - (set(tokenize(told)) - set(tokenize(asked)))
    if not focus:
        return True
    present = set(tokenize(window))
    weight = {t: weights.get(t, 1.0) for t in focus}
    held = sum(w for t, w in weight.items() if english_kin(spellings({t})) & present)
    return held >= HELD_SHARE * sum(weight.values())
