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
# "what does X (actually) mean?" (not what it means for someone, in practice, or what someone
# means by a word: their own sentence using it says so), "what does X stand for?", "the
# meaning of X", "define X", "que veut dire X ?", "X, ça veut dire quoi ?"
MEANING_ASKED = re.compile(
    # not of what the question just asked: "what are its 3 pillars and what does each one mean?"
    r"\bwhat (?:does|do|did) (?!(?:each|it|they|this|that|these|those|both)\b)"
    r"(?P<a>[^?]{1,60}?) (?:actually |really |exactly )?(?:mean\b"
    r"(?!\s+(?:for|to|in|by|when|if|that|about|concretely|in practice)\b)|stands? for\b)|"
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
    r"est|sont|i\.e\.|that is|namely|c['’]est-à-dire)\b|^\s*(?:[\w-]+\s+){0,6}?[(:]|"
    # an apposition or a relative that says it ("catalysts, who foster ...", "an approach, which
    # combines ..."), what it is for ("the X platform to combine ...", "so that ...")
    r"^\W{0,3},\s*(?:who|which|that|a|an|the|qui|un|une)\b|"
    r"^\W{0,3}(?:[\w-]+\s+)?(?:to|so that|in order to|afin de)\s+\w",
    IC,
)
STEM = 6  # the letters a long word of the term is matched by, whatever its ending or language
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
    # the term's words, a long one by its start ("technothérapie": "Technotherapy")
    pattern = r"\W+".join(
        rf"{re.escape(w[:STEM])}\w*" if len(w) > STEM else rf"{re.escape(w)}s?"
        for w in term.split()
    )
    for found in re.finditer(rf"\b{pattern}\b", folded):
        if DEFINING.search(folded[found.end() :]) or CALLED.search(folded[: found.start()]):
            return True
    return False
