"""A follow-up that points at what the last answer listed, by count or rank: "and where are
those two based?", "lequel des trois est à Paris ?", "the second one" stand for the items the
answer named, in its order."""

from __future__ import annotations

import re
from itertools import takewhile

from assistant.answer.counted_thing import COUNT_VERBS
from assistant.answer.descriptions import among
from assistant.answer.listed import NAMING, listed
from assistant.answer.numbers import FRENCH, WORD, value
from assistant.answer.questions import COUNT_QUESTION, PLURAL_ASKED
from assistant.answer.referents import by_rank, fronted
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import fold, tokenize

# "those two", "the three", "lequel des trois", "ces deux-là": the items of the last answer's
# list, counted; "of them" / "d'entre eux" too
COUNTED = re.compile(
    rf"\b(?:(?P<of>of\s+)?(?:the|those|these|les|ces)|(?P<des>des))\s+(?P<n>{WORD})\b"
    r"(?:-l[àa])?(?:\s+(?:ones|of them|d['’]entre (?:eux|elles)))?",
    re.IGNORECASE,
)


def by_count(question: str, answer: str) -> str:
    """ "and where are those two based?" after an answer that lists Lyonbiopole and EuroBioMed:
    "and where are Lyonbiopole and EuroBioMed based?"; "lequel des trois est à Paris ?" ->
    "lequel de Agoranov, Incuballiance et Paris Biotech Santé est à Paris ?"; "" when the
    question counts nothing or the answer lists fewer items than it counts."""
    match = COUNTED.search(question)
    items = listed(answer) if match and not _counted_by_noun(match, question, answer) else []
    if not match or len(items) < value(match.group("n")):
        return ""
    french = match.group("n").lower() in FRENCH
    items = _of_the_noun(items, value(match.group("n")), question[match.end() :], answer)
    items = items[: value(match.group("n"))]
    joined = _joined(items, french)
    of = ("de " if french else "of ") if match.group("of") or match.group("des") else ""
    return f"{question[: match.start()]}{of}{joined}{question[match.end() :]}"


# where a plural pronoun is: "where are they based?", "ils sont où ?", "où sont-elles ?"
WHERE_THEY = re.compile(
    r"\bwhere (?:are|were) (?P<they>they)\b|\b(?P<ils>ils|elles) (?:sont|se trouvent|se situent) "
    r"(?:où|ou)\b|\b(?:où|ou) (?:sont|se trouvent|se situent)(?P<sont>-(?:ils|elles))\b",
    re.IGNORECASE,
)


def by_pronoun(question: str, answer: str) -> str:
    """ "where are they based?" after an answer that lists Agoranov, Incuballiance and Paris
    Biotech Santé: "where are Agoranov, Incuballiance and Paris Biotech Santé based?" (each of
    them, not the first one); "" when it asks no place of "they" or the answer lists no two
    joined by "and" ("Doctolib is ...; MIT Technology Review counted it ...": one thing)."""
    match = WHERE_THEY.search(question)
    items = listed(answer) if match else []
    # joined as a list ("A, B and C", "A in Lyon and B"), not one thing and another clause's
    paired = len(items) > 1 and re.search(
        rf"{re.escape(items[-2])}(?:\s+[\w\-’']+){{0,3}},?\s+(?:and|et)\s+{re.escape(items[-1])}",
        answer,
    )
    if not match or not paired:
        return ""
    group = next(g for g in ("they", "ils", "sont") if match.group(g))
    joined = _joined(items, french=group != "they")
    joined = f" {joined}" if group == "sont" else joined
    return f"{question[: match.start(group)]}{joined}{question[match.end(group) :]}"


def _joined(items: list[str], french: bool) -> str:
    """ "A, B and C" ("A, B et C")."""
    return f"{', '.join(items[:-1])} {'et' if french else 'and'} {items[-1]}"


# the nouns that say what a named thing is, written after its name ("the SUMIL project")
THINGS = frozenset(
    "project projects projet projets programme programmes program programs hub platform "
    "plateforme initiative event events summit study plan".split()
)


def _of_the_noun(items: list[str], count: int, after: str, answer: str) -> list[str]:
    """Of more items than counted, those the answer does not write as another kind of thing
    than the one counted: "those two companies" after "The SUMIL project, with GE and
    Philips, ..." are GE and Philips."""
    noun = re.match(r"\s+([^\W\d_]+)", after)
    if len(items) <= count or noun is None:
        return items

    def other_thing(item: str) -> bool:
        said = re.search(rf"\b{re.escape(item)}\s+([^\W\d_]+)", answer)
        thing = fold(said.group(1)) if said else ""
        return thing in THINGS and thing.rstrip("s") != fold(noun.group(1)).rstrip("s")

    kept = [item for item in items if not other_thing(item)]
    return kept if len(kept) >= count else items


# the items named right after the count: "two companies take part: A and B", "three pillars
# (a, b, c)", "two clusters, namely A and B"
NAMED_AFTER = re.compile(
    r"(?:\s+[\w\-’']+){0,4}?\s*(?::|\(|,?\s+(?:namely|including|such as|notamment|dont)\b)",
    re.IGNORECASE,
)


def _counted_by_noun(match: re.Match[str], question: str, answer: str) -> bool:
    """ "what were the three pillars?" after an answer that said "three pillars" without naming
    them: the question asks what they are, not about the names the answer lists."""
    after = re.match(r"\s+([^\W\d_]+)", question[match.end() :])
    if after is None:
        return False
    counted = rf"\b{re.escape(match.group('n'))}\s+{re.escape(after.group(1))}\b"
    said = re.search(counted, answer, re.IGNORECASE)
    # "two companies take part: GE and Philips" names them right after it counts them
    return said is not None and not NAMED_AFTER.match(answer[said.end() :])


def ranked(question: str, answer: str) -> str:
    """ "the second one", "those two" restated as the items they point at; "and the last one -
    where is it?" as "where is X?"; "" when the question points at no item."""
    pointed = (
        by_rank(question, answer) or by_count(question, answer) or by_pronoun(question, answer)
    )
    pointed = pointed or (among(question, answer) if len(listed(answer)) < 2 else "")
    return fronted(pointed) or pointed


# "can you list them?", "tu peux me les citer ?": the members of what was asked before
LIST_THEM = re.compile(
    r"\b(?P<verb>list|name|enumerate|cite)\s+(?P<them>them|those|these)\b|"
    r"\b(?P<lesverb>me les|nous les|les)\s+(?:lister|citer|nommer|énumérer|enumerer)\b",
    re.IGNORECASE,
)


def counted_listed(question: str, previous: str) -> str:
    """ "can you list them?" after "how many members does Medicen have?" -> "can you list the
    members?", after "combien de projets d'investissement ...?" -> "... les projets
    d'investissement": the things the previous question counted; after a question that asked
    which of a kind ("which universities are part of it?"), that question; "" else."""
    match = LIST_THEM.search(question)
    if not match:
        return ""
    counted = COUNT_QUESTION.search(previous)
    if not counted:  # "name them" after "which universities are part of it?": that question
        asked = PLURAL_ASKED.search(previous)
        words = asked.group(2).split() if asked else []
        plural = [w for w in words if re.fullmatch(r"[^\W\d_]{3,}[sx]", w)]
        kind = plural[0] if plural and fold(plural[0]) not in COUNT_VERBS else ""
        return re.sub(r"\s*\(.*\)\s*$", "", previous) if kind and kind != "ones" else ""
    said = counted.group(1).split()
    noun = " ".join(takewhile(lambda w: fold(w) not in COUNT_VERBS, said)) or said[0]
    if match.group("them"):
        return f"{question[: match.start('them')]}the {noun}{question[match.end('them') :]}"
    return f"{question[: match.start()]}citer les {noun}{question[match.end() :]}"


# "which four?", "which ones exactly?", "lesquels ?", "which clusters are those?": which are the
# members of what was counted
WHICH_BARE = re.compile(
    r"^\s*(?:(?:and|et|ok|so|alors|mais|but)\s*,?\s+)?(?P<w>which|quels|quelles|lesquels|"
    rf"lesquelles)(?:\s+(?P<n>{WORD}|\d+))?(?:\s+ones|\s+(?P<noun>[^\W\d_][\w-]*[sx]))?"
    r"(?:\s+(?:exactly|then|précisément|"
    r"exactement|alors|are they|are those|sont-ils|sont-elles)){0,2}\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# the members of what was counted, asked by its number alone: "can you list the nine?", "name
# the four", "tu peux citer les neuf ?"
LIST_BARE = re.compile(
    r"^\s*(?:(?:and|et|ok|so|alors|mais|but)\s*,?\s+)?(?:(?:can|could) (?:you|u)\s+|please\s+)?"
    r"(?:(?:list|name|give me|tell me)\s+(?:all\s+)?(?:the|those|these)|(?P<fr>(?:tu peux|vous "
    r"pouvez|pouvez-vous|peux-tu)?\s*(?:me\s+)?(?:citer|nommer|lister|donner)\s+(?:les|ces)))\s+"
    rf"(?P<n>{WORD}|\d+)(?:\s+(?:of them|d['’]entre eux|d['’]entre elles))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# the rest of a group the answer counts and names in part: "what were the other two?", "et les
# deux autres c'est lesquelles ?", "and the other ones?"
OTHERS_BARE = re.compile(
    r"^\s*(?:(?:and|et|ok|so|alors|mais|but)\s*,?\s+)?"
    r"(?:(?:what|which|who)\s+(?:were|are|is)\s+)?"
    rf"(?:the other\s+(?P<n>{WORD}|\d+|ones)|(?P<fr>les)\s+(?:{WORD}|\d+)\s+autres)"
    r"(?:\s+(?:c['’]est|ce sont|sont)\s+(?:lesquel(?:le)?s|qui|quoi)|\s+then|\s+exactly)?"
    r"\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# a group the answer counts, up to its plural noun: "four of the world's 15 most innovative
# research bodies are ...", "a few high-level European clusters to build ..."
QUANTITY = rf"\b(?:(?:a )?few|several|some|quelques|plusieurs|{WORD}|\d+)"
GROUP_NOUN = (
    r"\s+(?:[\w\-’']+\s+){0,6}?(?P<noun>(?:[\w\-]+\s+){0,2}[\w\-]+[sx])(?=\s+(?:are|were|is|in|"
    r"to|that|which|who|from|with|among|including|sont|de|du|des|en|à|qui|dans|parmi)\b|"
    r"\s*[,.;:)]|\s*$)"
)


def counted_group(question: str, answer: str) -> str:
    """ "which four?" after an answer that says "four of the world's 15 most innovative research
    bodies are in Île-de-France": "Which four innovative research bodies?"; "which ones
    exactly?" after "a few high-level European clusters": "Which high-level European
    clusters?" (what is then asked by name, ``unnamed.py``), and "which clusters are those?" of
    those clusters only; "what were the other two?": the others (``_others_counted``); "" when
    the question is none of these or the answer counts no group."""
    listing = LIST_BARE.match(question)  # "can you list the nine?": "which nine?"
    asked = (
        f"{'quels' if listing.group('fr') else 'which'} {listing.group('n')}?" if listing else ""
    )
    match = WHICH_BARE.match(asked or question)
    if not match:
        return _others_counted(question, answer)
    count = match.group("n")
    quantity = rf"\b{re.escape(count)}" if count else QUANTITY
    found = re.search(rf"{quantity}{GROUP_NOUN}", answer, re.IGNORECASE)
    if found and NAMING.search(answer[found.end() :].split(".")[0]):
        return ""  # "three start-ups ..., including Doctolib": the answer names them
    noun = match.group("noun")  # "which clusters are those?": the counted clusters only
    if noun and not (found and tokenize(found.group("noun"))[-1:] == tokenize(noun)):
        return ""
    words = [w for w in found.group("noun").split() if not re.search(r"\d", w)] if found else []
    words = words or ([] if count else _kind_named(answer))  # "which ones?" after "clusters ..."
    if not words:
        return ""
    asking = "Quels" if match.group("w").lower().startswith(("quel", "lesquel")) else "Which"
    return " ".join([asking, *([count] if count else []), *words]) + "?"


def _others_counted(question: str, answer: str) -> str:
    """ "what were the other two?" after "three French start-ups ..., including Doctolib":
    "Which other French start-ups?" (``others.py`` says the sources name only Doctolib), else
    ""."""
    others = OTHERS_BARE.match(question)
    found = re.search(rf"{QUANTITY}{GROUP_NOUN}", answer, re.IGNORECASE) if others else None
    if not others or not found:
        return ""
    words = [w for w in found.group("noun").split() if not re.search(r"\d", w)]
    asking = "Quels autres" if others.group("fr") else "Which other"
    return " ".join([asking, *words]) + "?" if words else ""


def _kind_named(answer: str) -> list[str]:
    """The first kind of organisation the answer names in the plural, with the word before it
    ("Business clusters in Paris Region ..."), else []."""
    table = kinds_by_word()
    said = re.findall(r"[\w\-]+", answer)
    for i, word in enumerate(said):
        if word.lower().endswith(("s", "x")) and table.get(fold(word)):
            return said[max(0, i - 1) : i + 1]
    return []
