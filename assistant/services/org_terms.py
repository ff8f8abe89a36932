"""Words for matching organisations: folded, stemmed tokens (whole words, no accents, any case),
French terms through the glossary, and a few abbreviations and synonyms of the directory's own.
Pure functions; used by ``DirectoryService`` for search and partner matching."""

from __future__ import annotations

from functools import lru_cache

from assistant.retrieval.glossary import translate_terms
from ingest.store.text import tokenize

# query word -> other phrases that mean the same (English and French; folded and stemmed later)
SYNONYMS = {
    "ai": ["artificial intelligence", "machine learning"],
    "ia": ["artificial intelligence", "machine learning"],
    "ml": ["machine learning"],
    "imagerie": ["imaging"],
    "lung": ["pulmonary", "respiratory", "thoracic"],
    "poumon": ["lung", "pulmonary", "respiratory", "thoracic"],
    "cancer": ["oncology"],
    "oncology": ["cancer"],
    "clinical": ["clinical trials", "hospital"],
    "clinique": ["clinical trials", "hospital"],
    "hospital": ["hospital group", "university hospital"],
    "biotech": ["biotechnology"],
    "pharma": ["pharmaceuticals", "pharma group"],
    "ehealth": ["e-health", "digital health"],
    "e-sante": ["e-health", "digital health"],
    "medtech": ["medical technology", "medtech company"],
}
# phrases of several words -> what they mean (the group of the phrase's first word gets them)
PHRASE_SYNONYMS = {
    "digital health": ["e-health"],
    "santé numérique": ["e-health", "digital health"],
    "numérique en santé": ["e-health", "digital health"],
}
# words of a project description that say nothing about a partner's field
GENERIC = set(
    tokenize(
        "partner partners partnership project need needs looking look seek develop developing "
        "develops work team company new tool tools organisation organization paris region "
        "france health healthcare medical lab laboratory"
    )
)

Phrase = tuple[str, ...]


@lru_cache(maxsize=256)
def _synonym_phrases(word: str) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    for key, phrases in SYNONYMS.items():
        if tuple(tokenize(key)) == (word,):
            out.extend(tuple(tokenize(p)) for p in phrases)
    return tuple(p for p in out if p)


def query_groups(query: str) -> list[set[Phrase]]:
    """One group per query word: the word and what it means (glossary, synonyms), each a phrase
    of tokens. A text matches the query when every group has a phrase all of whose tokens it
    holds."""
    groups: list[set[Phrase]] = []
    tokens = tokenize(query)
    for at, token in enumerate(tokens):
        group: set[Phrase] = {(token,)}
        group.update((t,) for t in translate_terms([token]))
        for alt in list(group):
            group.update(_synonym_phrases(alt[0]))
        for phrase, alts in _phrase_synonyms():  # "digital health": e-health, on its first word
            if tuple(tokens[at : at + len(phrase)]) == phrase:
                group.update(alts)
        groups.append(group)
    return groups


@lru_cache(maxsize=1)
def _phrase_synonyms() -> tuple[tuple[Phrase, tuple[Phrase, ...]], ...]:
    return tuple(
        (tuple(tokenize(phrase)), tuple(tuple(tokenize(a)) for a in alts))
        for phrase, alts in PHRASE_SYNONYMS.items()
    )


def matches(groups: list[set[Phrase]], tokens: set[str]) -> bool:
    return all(any(set(p) <= tokens for p in group) for group in groups)


def matched_groups(groups: list[set[Phrase]], tokens: set[str]) -> int:
    return sum(1 for group in groups if any(set(p) <= tokens for p in group))


def content_groups(description: str) -> list[set[Phrase]]:
    """The groups of a project description, without the words that say nothing of a field (in
    English, or in French: "santé" means "health", no field either)."""
    groups = query_groups(description)
    return [g for t, g in zip(tokenize(description), groups, strict=True) if not _generic(t, g)]


def _generic(token: str, group: set[Phrase]) -> bool:
    meaning = translate_terms([token])
    phrases = [p for p in group if len(p) > 1]  # "santé numérique": e-health, a field
    return all(set(p) <= GENERIC for p in group) or (
        meaning != [token]
        and all(t in GENERIC for t in meaning)
        and all(set(p) <= GENERIC for p in phrases)
    )


def tokens(text: str) -> set[str]:
    return set(tokenize(text))
