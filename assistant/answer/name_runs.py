"""The runs of a question's words that spell an organisation's name: exactly (the longest
run), else nearly (a typo in eight letters); shared by the readings of where an organisation
is."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from assistant.answer.organisations import Organisation, squash

CLOSE_ENOUGH = 85.0  # rapidfuzz ratio (0-100) of a run of words to a name: one typo in eight
MIN_FUZZY_CHARS = 5  # shorter names are matched exactly only ("CEA" is not "sea")
MAX_RUN = 4  # words in a run compared with a name
Run = tuple[int, int, str]  # (first word, after the last, the words joined)


def aliases(
    organisations: Sequence[Organisation], short: bool = False
) -> dict[str, list[Organisation]]:
    """The organisations by each squashed name a run of the question's words may spell;
    ``short``: with an acronym of two capitals ("where are Philips and GE?")."""
    by_alias: dict[str, list[Organisation]] = {}
    for org in organisations:
        two = {squash(org.acronym)} if short and org.acronym and org.acronym.isupper() else set()
        for alias in org.aliases() | two:
            by_alias.setdefault(alias, []).append(org)
    return by_alias


def named_runs(words: list[str], by_alias: dict[str, list[Organisation]]) -> list[Run]:
    """The runs of words that spell a name exactly, with a capitalised word beside them close to
    a name ("OncoDesign, Intersystem and Servier"); else the one run closest to a name."""
    runs = _runs([squash(w) for w in words])
    found = [(i, j, run) for i, j, run in runs if run in by_alias]
    long = [a for a in by_alias if len(a) >= MIN_FUZZY_CHARS]
    if found:  # the longest: "GE Healthcare", not its "GE"
        kept = [
            (i, j, r)
            for i, j, r in found
            if not any(a <= i and j <= b for a, b, _ in found if b - a > j - i)
        ]
        if len(kept) < 2:
            return kept
        spans = {k for i, j, _ in kept for k in range(i, j)}
        near = [  # "Intersystem" beside exact names: InterSystems
            (i, i + 1, hit[0])
            for i, word in enumerate(words)
            if i not in spans and word[:1].isupper() and (hit := _closest(squash(word), long))
        ]
        return sorted(kept + near)
    close = [(hit[1], i, j, hit[0]) for i, j, run in runs if (hit := _closest(run, long))]
    return [(i, j, alias) for _, i, j, alias in sorted(close, reverse=True)[:1]]


def _closest(run: str, names: list[str]) -> tuple[str, float, int] | None:
    """The name ``run`` nearly spells (one typo in eight letters), if it is long enough."""
    if len(run) < MIN_FUZZY_CHARS:
        return None
    return process.extractOne(run, names, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH)


def _runs(words: list[str]) -> list[Run]:
    """Each run of up to ``MAX_RUN`` consecutive words: (start, end, the words joined)."""
    return [
        (i, j, "".join(words[i:j]))
        for i in range(len(words))
        for j in range(i + 1, min(i + MAX_RUN, len(words)) + 1)
    ]
