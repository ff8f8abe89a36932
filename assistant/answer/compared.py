"""A comparison with a side the sources never name: "how does the Paris Region compare with
Basel for pharma?", "is Doctolib bigger than Qare?". Whatever they say of the other side, they
say nothing of that one, so nothing compares the two: the question is declined, saying which
side the sources do not cover.

A side is what follows the words that compare ("compare with", "stack up against", "versus",
"than", "par rapport à", "plus ... que"), up to what the two are compared on ("for", "on", "in
terms of"); it is uncovered when it holds a name (a capitalised word, not the message's first)
that no passage of the corpus uses, or a lower-case word the corpus never uses that is no common
English or French word either ("medicon valley", "london"; what is left of a typo once it is read
as meant). Shapes, general words and the corpus's words only, never the answer to one question.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rapidfuzz.distance import Levenshtein

from assistant.answer.asked_value import ACROSS, BEST
from assistant.answer.evidence import EvidenceReport
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE, UNCOVERED
from assistant.answer.questions import asking
from assistant.answer.said_about import usable
from assistant.answer.value_kinds import CHOICE, asked_value
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import fold, tokenize

# the other side of a comparison, up to what the two are compared on
SIDE = re.compile(
    r"\b(?:compar\w*\b|stacks? up\b|measures? up\b|versus\b|vs\b\.?|par rapport\b|"
    r"(?<!rather )(?<!other )than\b|"
    r"(?:plus|moins|mieux|meilleure?s?|pire)\b[^?.;!,]{0,40}?\bque\b)\s*"
    r"(?:with|to|against|avec|à|a|au|aux|in|at|en|dans)?\s+"
    r"(?P<side>[^?.;!,]*?)(?=\s+(?:for|on|in terms of|regarding|when it comes to|pour|sur|"
    r"en termes de|en mati[èe]re de|concernant)\b|[?.;!,]|$)",
    re.IGNORECASE,
)
# a word by which the question asked after a told comparison compares ("which is better?")
COMPARING = re.compile(
    r"\b(better|best|more|most|less|least|bigger|biggest|larger|stronger|which one|which of|"
    r"pick|choose|prefer\w*|go with|leads?|leader|leading|top|"
    r"mieux|meilleure?s?|plus|moins|lequel|laquelle|lesquel\w*|choisir|pr[ée]f[ée]r\w*)\b",
    re.IGNORECASE,
)
NAME = re.compile(r"[^\W\d_][\w'’&-]*")
# two things told apart: "the difference between a phase 2 and a phase 3 trial?", "c'est quoi la
# différence entre un incubateur et un accélérateur ?"
APART = re.compile(
    r"\b(?:differences?|diff[ée]rences?|differ\w*|distingu\w*)\b[^?]{0,20}?\b(?:between|entre)\s+"
    r"(?P<a>[^?]+?)\s+(?:and|et)\s+(?P<b>[^?.;!]+)",
    re.IGNORECASE,
)


def uncovered_side(question: str, known: Collection[str], lexicon: Lexicon | None = None) -> str:
    """The name on the other side of a comparison that the corpus never uses ("Basel"), else
    ""."""
    first = NAME.search(question)
    sides = [(m, "side") for m in SIDE.finditer(question)]
    sides += [(m, g) for m in CHOICE.finditer(question) for g in ("a", "b", "a2", "b2") if m[g]]
    for match, group in sides:
        if re.match(r"\s*\d", match.group(group)):
            continue  # a quantity, not another side: "more than 400 members"
        for word in NAME.finditer(match.group(group)):
            start = match.start(group) + word.start()
            text = word.group(0)
            if first and start == first.start():
                continue
            if not text[0].isupper() and not _a_name(text, known, lexicon):
                continue  # a word ("the rest", "les pôles") or a typo ("digitall")
            terms = tokenize(text)
            if terms and not any(t in known for t in terms):
                return text
    return ""


def _a_name(text: str, known: Collection[str], lexicon: Lexicon | None) -> bool:
    """A lower-case word that is a name: no ordinary word (``Lexicon.ordinary``), no typo of a
    corpus word (one letter off, or a corpus word and a few letters more: "digitall",
    "medicon")."""
    folded = fold(text)
    if lexicon is None or lexicon.ordinary(folded):
        return False
    return not any(
        Levenshtein.distance(t, k, score_cutoff=1) <= 1 or (len(k) >= 5 and t.startswith(k))
        for t in tokenize(text)
        if len(t) >= 6
        for k in known
    )


LEADING = re.compile(r"^(?:(?:the|a|an|un|une|le|la|les|de|du|des)\s+|[ld]['’]\s*)+", re.IGNORECASE)


def unheld_side(question: str, report: EvidenceReport) -> str:
    """The side of a difference asked that none of the best sentences holds a word of its own
    (one the other side lacks, in English too: "phase 3" beside "phase 2"), else ""."""
    found = APART.search(question)
    if not found:
        return ""
    a, b = ({*tokenize(found[s]), *translate_terms(tokenize(found[s]))} for s in ("a", "b"))
    held = [set(tokenize(e.sentence)) for e in usable(report)[:BEST]]
    for side, own in ((found["a"], a - b), (found["b"], b - a)):
        if own and not any(own & terms for terms in held):
            return LEADING.sub("", side.strip())
    return ""


def compared_decline(
    question: str,
    language: str,
    known: Collection[str],
    lexicon: Lexicon | None = None,
    report: EvidenceReport | None = None,
) -> str | None:
    """The decline of a comparison with a side the sources never name, or of a difference asked
    with a side none of the best sentences holds (``report``), saying so; None when the answer
    may go on (or when no corpus vocabulary is at hand)."""
    asked, told = asking(question)
    if told and asked_value(asked) not in ACROSS and not COMPARING.search(asked):
        question = asked  # "We're weighing Paris vs. other EU sites. What share ...?": a share
    side = uncovered_side(question, known, lexicon) if known else ""
    side = side or (unheld_side(question, report) if report and report.answerable else "")
    if not side:
        return None
    return f"{DECLINE[language]} {UNCOVERED[language].format(side=side)}"
