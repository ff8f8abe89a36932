"""The kinds of organisation a question asks for: its head noun ("Which pharma groups ...?",
"incubators in paris?"), the kinds joined ("medtech or pharma companies"), narrowed by an
adjective ("groupes pharmaceutiques") or by what a word before says they are about ("drug
companies": pharma groups), from the directory's kind labels, English and French."""

from __future__ import annotations

import re

from assistant.answer.kind_in_place import KIND_IN_PLACE
from ingest.directory.org_kinds import kind_about, kinds_by_word, labelled_kinds
from ingest.store.text import fold, tokenize

ASKING = set(
    "which what name list cite enumerate give show quels quelles quel quelle citez nommez "
    "listez donnez enumerez "
    # the infinitives after "pouvez-vous me ..." and the imperatives of "tu"
    "citer nommer lister donner enumerer donne nomme".split()
)


# the words of a share of a group (or of the rest of it) before it: "some of the", "d'autres"
PARTITIVE = {
    *"some few a several any many most all each one two three of the those these".split(),
    *"quelques quelques-uns quelques-unes certains certaines plusieurs des les ces".split(),
    *"other others il y d autres".split(),  # "y a d'autres labos ... ?"
}


def asked_kinds(question: str) -> tuple[str, ...]:
    """The kinds the question asks for: its head noun, within five words after the word that
    asks ("Which pharma groups") or alone ("incubators in paris?"); ``("*",)``: any kind."""
    table = kinds_by_word()
    folded = [w.strip("-") for w in re.findall(r"[\w\-]+", fold(question))]
    start = next((i for i, w in enumerate(folded) if w in ASKING), None)
    if start is None and not KIND_IN_PLACE.match(question):
        return ()
    start = -1 if start is None else start  # "incubators in paris?": from its first word
    after = folded[start + 1 :]
    if folded[start - 1 : start] in (["les"], ["them"]) or after[:1] in (["them"], ["those"]):
        after = folded  # "big pharma in idf? list them", "les startups, tu peux me les lister"
    while after[:1] and after[0] in PARTITIVE:  # "some of the big drug companies": the companies
        after = after[1:]
    head, tail = after[:5], after
    for i, word in enumerate(head):
        kinds = _kinds_of(word, table)
        if not kinds:
            continue
        labelled = labelled_kinds(" ".join(head[max(0, i - 2) : i + 1]))  # "research bodies"
        kinds = labelled if labelled and not set(labelled) <= set(kinds) else kinds
        # "medtech or pharma companies", "research bodies or hospital groups": each kind
        j = next((j for j in (i + 1, i + 2) if head[j : j + 1] in AND), 0)
        joined = asked_kinds(f"which {' '.join(tail[j + 1 : j + 5])}") if j else ()
        if joined and "*" not in joined and "*" not in kinds:
            return tuple(dict.fromkeys([*kinds, *joined]))
        if labelled and kinds == labelled:
            return labelled
        for after in head[i + 1 : i + 3]:  # "groupes pharmaceutiques": the adjective narrows
            narrower = _kinds_of(after, table)
            if narrower and "*" not in narrower and (kinds == ("*",) or set(narrower) < set(kinds)):
                return narrower
        return _about(head[max(0, i - 2) : i], kinds)  # "drug companies": pharma groups
    return ()


AND = (["or"], ["and"], ["ou"], ["et"])  # kinds joined: each is asked
# what every organisation of the directory is about: "health companies" are companies of any kind
ECOSYSTEM = frozenset(tokenize("health healthcare santé medical médical care soins"))


def _about(words: list[str], kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Of several kinds, the one a word before their noun says what it is about ("drug" for
    "drug companies": pharma groups, whose kind is about drugs); else all of them."""
    stems = set(tokenize(" ".join(words))) - ECOSYSTEM
    about = [k for k in kinds if stems & set(tokenize(kind_about(k)))]
    return tuple(about) if len(kinds) > 1 and len(about) == 1 else kinds


def _kinds_of(word: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if word in table:
        return table[word]
    return table.get(word[:-1], ()) if word.endswith("s") else ()
