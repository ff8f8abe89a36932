"""What a term means, asked ("what does translational medicine actually mean?", "que veut dire
e-santé ?", "the definition of a cluster?"), and whether a sentence gives it: the term, then a
word that says what it is ("is", "means", "refers to", "désigne"), a bracket or a colon ("SUMIL
(standardization of contrast ultrasonography ...)"), or a name that calls it so ("known as").
A sentence that only uses the term ("translational medicine by 2022") defines nothing. Shapes
only, never the answer to one question."""

from __future__ import annotations

import re

from ingest.store.text import STOPWORDS, fold

IC = re.IGNORECASE
# "what do they mean by X?", "what does X (actually) mean?" (not what it means for someone, or in
# practice), "what does X stand for?", "the
# meaning of X", "define X", "que veut dire X ?", "X, ça veut dire quoi ?"
MEANING_ASKED = re.compile(
    r"\bwhat (?:does|do|did) [^?]{1,40}? mean by (?P<f>[^?,.]{1,60})|"
    r"\bwhat (?:does|do|did) (?P<a>[^?]{1,60}?) (?:actually |really |exactly )?(?:mean\b"
    r"(?!\s+(?:for|to|in|concretely|in practice)\b)|stands? for\b)|"
    r"\b(?:meaning|definition|d[ée]finition|signification) (?:of|de|du|des|d['’])\s*"
    r"(?:the |a |an |le |la |les |l['’])?(?P<b>[^?,.]{1,60})|"
    r"\bdefine (?:the |a |an )?(?P<c>[^?,.]{1,60})|"
    r"\bque (?:veut dire|signifie|signifient) (?P<d>[^?,.]{1,60})|"
    r"(?P<e>[^?,.]{1,60}?),? (?:[çc]a |cela )?(?:veut dire|signifie) quoi\b",
    IC,
)
# what follows a term that says what it is
DEFINING = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,1}?(?:is|are|means?|refers? to|stands? for|désigne\w*|signifie\w*|"
    r"est|sont|i\.e\.|that is|namely|c['’]est-à-dire)\b|^\s*(?:[\w-]+\s+){0,6}?[(:]",
    IC,
)
CALLED = re.compile(r"\b(?:call(?:s|ed)?|known as|so-called|dite?s?|appel\w*)\W*$", IC)


def term_asked(question: str) -> str:
    """The term whose meaning the question asks, folded, without its article; "" else."""
    found = MEANING_ASKED.search(question)
    if found is None:
        return ""
    term = next(g for g in found.groups() if g)
    kept = [w for w in fold(term).split() if w not in STOPWORDS or w in ("e",)]
    return " ".join(kept).strip(" '’\"")


def defines(sentence: str, term: str) -> bool:
    """The sentence says what ``term`` is: the term, then a word that says it, a bracket or a
    colon, or the term after the word that calls it so."""
    if not term:
        return False
    folded = fold(sentence)
    pattern = r"\W+".join(rf"{re.escape(w)}s?" for w in term.split())
    for found in re.finditer(rf"\b{pattern}\b", folded):
        if DEFINING.search(folded[found.end() :]) or CALLED.search(folded[: found.start()]):
            return True
    return False
