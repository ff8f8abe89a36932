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
    for token in tokenize(query):
        group: set[Phrase] = {(token,)}
        group.update((t,) for t in translate_terms([token]))
        for alt in list(group):
            group.update(_synonym_phrases(alt[0]))
        groups.append(group)
    return groups


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
    return all(set(p) <= GENERIC for p in group) or (
        meaning != [token] and all(t in GENERIC for t in meaning)
    )


def tokens(text: str) -> set[str]:
    return set(tokenize(text))
