"""The question's terms and their weights, which the evidence's coverage features add up.

A term weighs its IDF in the corpus (rare words count most). A term the corpus never uses weighs
the most, unless it is a misspelling of a word of the passages at hand (``spelling.py``); an
untranslated French word counts half (it may simply be French). French questions go through the
glossary first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from assistant.answer.lexicon import Lexicon
from assistant.answer.numbers import WORD
from assistant.answer.roles import ROLE_VERBS
from assistant.answer.spelling import respell
from assistant.retrieval.glossary import french_words, translate_phrases, translate_terms
from ingest.store.text import tokenize

MIN_WEIGHT = 0.05
# words that frame a question's time or precision, not what it asks about ("Roughly how many
# members ... today?", "... at the moment?", "Qui est à la tête de X aujourd'hui ?", "c'est où
# exactement ?"): they weigh nothing, as stopwords do
FRAMING = frozenset(
    tokenize(
        "today now nowadays currently moment exactly roughly approximately aujourd'hui "
        "actuellement maintenant exactement approximativement"
    )
)

# the same framing in more words: "who's running X these days?", "qui dirige X ces temps-ci ?"
FRAMED_NOW = re.compile(
    r"\bthese days\b|\bat present\b|\bright now\b|\bas of now\b|"
    r"\bde nos jours\b|\bces (?:jours|temps)-ci\b|\ben ce moment\b|"
    # a count's whole, as "exactly" is its precision: "how many in total?", "combien en tout ?"
    r"\bin total\b|\bin all\b(?!\s+(?:the|of|its|their)\b)|\ball told\b|\baltogether\b|"
    r"\ben tout\b|\bau total\b",
    re.IGNORECASE,
)

# the asker pointing at where to look ("according to your sources", "in your directory",
# "d'après vos sources"): every answer comes from them, so the words weigh nothing ("data" is
# left out: "in the data field" names a topic)
SOURCES = r"(?:sources?|directory|documents?|annuaire)"
REFERRED = re.compile(
    rf"\b(?:according to|as per|in|from|based on)\s+(?:your|the|these|those)\s+{SOURCES}\b|"
    rf"\b(?:selon|d['’]apr[èe]s|dans)\s+(?:vos|votre|les|la|l['’]|ces)\s*{SOURCES}\b",
    re.IGNORECASE,
)

# the nouns naming the type of a date or a place asked ("what dates?", "the venue", "its hq"):
# that the corpus never writes them says nothing of whether it holds the value, so they weigh
# little when it does not; the answer must then hold a value of that type (``type_nouns.py``)
TYPE_NOUNS = {
    "date": frozenset(tokenize("date dates day days")),
    "place": frozenset(tokenize("venue venues location locations headquarters hq")),
}
VALUE_NOUNS = TYPE_NOUNS["date"] | TYPE_NOUNS["place"]

# the adverbs that stress a question ("what does it actually do?"): that the corpus never writes
# them says nothing of whether it answers ("the actual number" is no adverb); in a yes or no
# ("did they actually double it?") they ask whether it came true
STRESS = re.compile(r"\b(?:actually|really)\b", re.IGNORECASE)
YES_NO = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but)\W+)*(?:did|does|do|has|have|had|is|are|was|were)\b",
    re.IGNORECASE,
)

# the region every source is about: a question that asks nothing of it but in words the corpus
# never uses ("the GDP of Île-de-France", "the population of the Paris region") is out of reach
SCOPE = frozenset(tokenize("paris region île-de-france idf france francilien francilienne"))

# a verb and its particle mean what neither word does: "team up with", "join forces with" are
# to work with, not a team ("my team leadership") or forces; the noun of such a verb weighs
# nothing
PHRASAL = re.compile(
    r"\b(team|pair|link)(s|ed|ing)?\s+up\b|\bjoin(s|ed|ing)?\s+forces\b", re.IGNORECASE
)
# that something happens ("when does X take place?", "quand a lieu X ?") says not what is asked:
# the words weigh nothing (no "taking place in Paris" for a date), and frame where it is held
# (``where.py``; not a rank: "à quelle place")
HAPPENS = re.compile(r"\b(?:take|takes|took|taking)\s+place\b|\b(?:a|aura|a eu)\s+lieu\b", re.I)
# the words that ask what something means weigh nothing: "what does the structuring one mean in
# practice?" asks about structuring ("que signifie concrètement X ?")
MEANING = re.compile(
    r"\b(?P<ask>does|do|did)\b(?P<what>[^?]{1,60}?)\bmean\b|"
    r"\b(in practice|in concrete terms|concretely|en pratique|concr[eè]tement|veut dire|"
    r"signifie|signifient)\b",
    re.IGNORECASE,
)


# the count of the rest of a group ("and the other two?", "les deux autres"): how many are asked,
# not what they are; it weighs nothing (no "two months ago" for "the other two")
REST = re.compile(
    rf"\b(?P<a>other|autres)\s+(?:{WORD}|\d+)\b|\b(?:{WORD}|\d+)\s+(?P<b>other|others|autres)\b",
    re.IGNORECASE,
)


class TermWeigher:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.idf: Mapping[str, float] = {}
        self.lexicon = lexicon or Lexicon()
        self._everyday_stems: frozenset[str] | None = None
        self._compact: tuple[Mapping[str, float], dict[str, str]] | None = None

    def weights(
        self, text: str, language: str, vocabulary: Collection[str] = ()
    ) -> dict[str, float]:
        """Each term of ``text`` (stemmed) and its weight; ``vocabulary``: the folded words of
        the passages at hand, which a misspelt word is read as."""
        text = FRAMED_NOW.sub(" ", HAPPENS.sub(" ", PHRASAL.sub(" ", REFERRED.sub(" ", text))))
        text = MEANING.sub(lambda m: f" {m.group('what') or ''} ", text)
        text = REST.sub(lambda m: f" {m.group('a') or m.group('b')} ", text)
        text = translate_phrases(text) if language == "fr" else text  # "directeur général"
        if vocabulary and self.idf:
            text = respell(text, self.lexicon, self.idf.__contains__, vocabulary)
            if language == "fr":  # a French word misspelt, no passage's word: the glossary's
                text = respell(text, self.lexicon, self.idf.__contains__, french_words())
        terms = [self.compact(t) for t in tokenize(text) if t not in FRAMING]
        if language == "fr":
            terms = [self.cognate(t) for t in self.translate(terms)]
        elif self.idf:  # a French word in English ("how many membres ...?"): the corpus's word
            terms = list(dict.fromkeys(u for t in terms for u in self.unused(t)))
        if not self.idf:
            return dict.fromkeys(terms, 1.0)
        top = max(self.idf.values())
        out: dict[str, float] = {}
        for term in terms:
            known = self.idf.get(term)
            if known is None:
                known = (
                    MIN_WEIGHT if term in VALUE_NOUNS else top * (0.5 if language == "fr" else 1.0)
                )
            out[term] = max(known, MIN_WEIGHT)
        return out

    def cognate(self, term: str) -> str:
        """A French term the corpus does not use read as the English word it shares a stem
        with, once its agreement ending is off ("internationales" -> "international"); else
        as is."""
        if not self.idf or term in self.idf:
            return term
        for form in (term, re.sub(r"(?:es|e|s)$", "", term)):
            found = next((t for t in tokenize(form) if t in self.idf), None)
            if found is not None:
                return found
        return term

    def translate(self, terms: list[str]) -> list[str]:
        """The glossary's English for each French term, those the corpus uses; the French term
        itself when the corpus uses none of them ("bâtiment": "building" says nothing of
        sources that never write it, and the untranslated word may be everyday French)."""
        out: list[str] = []
        for term in terms:
            english = translate_terms([term])
            used = [t for t in english if t in self.idf] if self.idf else english
            out.extend(t for t in (used or [term]) if t not in out)
        return out

    def unused(self, term: str) -> list[str]:
        """A term of an English question the corpus does not use, read as the glossary's
        English for it when the corpus uses that ("membr": "member"), or as the noun it is made
        from ("membership": "member", "partnerships": "partner"); else as is."""
        if term in self.idf:
            return [term]
        base = re.sub(r"(?:ship|ships)$", "", term)
        return [base] if base != term and base in self.idf else self.translate([term])

    def compact(self, term: str) -> str:
        """A name typed without its hyphens ("aphp") read as the corpus writes it ("ap-hp"),
        when the corpus does not use it as typed; else as is."""
        if not self.idf or term in self.idf:
            return term
        if self._compact is None or self._compact[0] is not self.idf:
            joined = {t.replace("-", ""): t for t in self.idf if "-" in t}
            self._compact = (self.idf, joined)
        return self._compact[1].get(term, term)

    def unknown_share(
        self, weights: Mapping[str, float], language: str = "en", question: str = ""
    ) -> float:
        """The share of the question's terms that the corpus never uses; in French, untranslated
        everyday words ("à la tête de", "j'aimerais savoir") are left out, as are the verbs
        asking who holds a role ("runs"), the nouns of a date's or a place's type ("what
        dates?") and the adverbs that stress (in ``question``: "what does it actually do?"):
        that the corpus does not use them says nothing."""
        if not weights or not self.idf:
            return 0.0
        everyday = self.everyday_terms(weights, language)
        # "who runs X?": the role's verb asks, as "who" does; what is asked of is X
        terms = [
            t for t in weights if t not in everyday and not (t in ROLE_VERBS and t not in self.idf)
        ]
        stressed = "" if YES_NO.search(question) else " ".join(STRESS.findall(question))
        stress = set(tokenize(stressed))
        terms = [t for t in terms if t not in VALUE_NOUNS | stress or t in self.idf] or terms
        asked = [t for t in terms if t not in SCOPE]
        if asked and len(asked) < len(terms) and not any(t in self.idf for t in asked):
            return 1.0  # of the region, only words the corpus never uses
        return sum(1 for t in terms if t not in self.idf) / len(terms) if terms else 0.0

    def everyday_terms(self, weights: Mapping[str, float], language: str) -> set[str]:
        """The terms of a French question that the corpus does not use and that are everyday
        French ("tête", "c'était", "déjà"): untranslated, they say nothing of what is asked."""
        if language != "fr" or not self.idf:
            return set()
        everyday = self._everyday()
        return {t for t in weights if t not in self.idf and t in everyday}

    def _everyday(self) -> frozenset[str]:
        """The stems of the lexicon's everyday French words."""
        if self._everyday_stems is None:
            words = " ".join(self.lexicon.everyday_french())
            self._everyday_stems = frozenset(tokenize(words))
        return self._everyday_stems
