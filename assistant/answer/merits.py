"""The answer type of an investor's first question: the merits of a place or a choice ("why
should we put our R&D centre in the Paris Region?", "pourquoi s'installer en Île-de-France plutôt
qu'ailleurs ?", "what makes the region attractive?").

Such a question is answered by what the sources claim in the place's favour: a ranking
(leading, largest, the most, one of a kind, four of the world's 15 ...) or a share ("half of all
life sciences research in France"); a sentence that only mentions the place or the first summit
held there does not answer it (an ordinal ranks an event, not the place). A why-question about
a choice already made ("why did Pharm-Olam choose France?") asks for that actor's reason
instead and is not typed.
"""

from __future__ import annotations

import re

# Asked for merits: a choice still to make (a modal, an infinitive after "pourquoi", a
# comparison with the alternatives), what makes a place attractive, or its advantages by name.
_CHOOSE = (
    r"choose|pick|put|invest|locate|relocate|set\s*up|base|open|move|come|establish|expand|"
    r"settle|build|go|choice|option"
)
_CHOISIR = (
    r"choisir|installer|s['’ ]?installer|implanter|s['’ ]?implanter|investir|venir|mettre|"
    r"se mettre|aller|ouvrir|baser|localiser|déménager|demenager"
)
MERIT_ASKED = re.compile(
    rf"\bwhy\b[^?]*\b(should|would|shall|ought|'d)\b[^?]*\b({_CHOOSE})\b"
    rf"|\bwhy\b[^?]*\b({_CHOOSE})\b[^?]*\b(rather than|instead of|over|compared)\b"
    rf"|\bwhy\s+({_CHOOSE})\b"
    rf"|\b(pourquoi|pq|pk)\s+({_CHOISIR})\b"
    rf"|\b(pourquoi|pq|pk)\b[^?]*\b(devri?ons|devrait|devrions|faudrait)\b"
    rf"|\b(pourquoi|pq|pk)\b[^?]*\bplut[oô]t qu"
    r"|\bwhat makes\b[^?]*\b(attractive|appealing|interesting|special|stand out|a good)"
    r"|\b(attractive|appealing|interesting) (for|to)\b"
    r"|\b(attracti[fv]e?|int[ée]ressante?|attrayante?) pour\b"
    r"|\b(advantages?|strengths?|assets?|selling points?|arguments?|benefits?|case for|"
    r"atouts?|avantages?|points? forts?)\b",
    re.IGNORECASE,
)
# A claim in a place's favour: a ranking or a share.
MERIT_HELD = re.compile(
    r"\b(leading|leader|leaders|largest|biggest|greatest|highest|most|best|foremost|"
    r"unequall?ed|unrivall?ed|unmatched|one of a kind|world-class|world’s|world's|"
    r"top \d+|plus grande?)\b"
    r"|\b(half|a third|a quarter|moitié|tiers) (of|de|des)\b|\d+ ?%",
    re.IGNORECASE,
)


def asks_merits(question: str) -> bool:
    """The question asks what speaks for a place or a choice still to make."""
    return bool(MERIT_ASKED.search(question))


def holds_merit(sentence: str) -> bool:
    """The sentence makes a claim in something's favour (a ranking or a share)."""
    return bool(MERIT_HELD.search(sentence))


# the words of claims in a place's favour, for the keyword search of a question asking merits
MERIT_TERMS = "leading largest most half world-class"


def merit_query(question: str) -> str:
    """The retrieval query of a question: one that asks merits also looks for the words of the
    claims that answer it ("leading", "largest", "half of"), which it never says itself."""
    return f"{question} {MERIT_TERMS}" if asks_merits(question) else question
