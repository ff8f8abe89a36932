"""A definite description that names an organisation of the directory by its kind: "the big
hospital group", "le groupe hospitalier" stand for the one organisation of that kind the
directory holds (none when it holds several: "the incubator" points at nothing by itself); and
"among them", "parmi eux": the things the last answer counted ("70 pôles de compétitivité");
"which of those": the organisations it named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.citations import CITATION
from assistant.answer.listed import listed
from ingest.directory.org_kinds import kinds_by_word
from ingest.store.text import STOPWORDS, detect_language, fold

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer

# "the big hospital group", "le grand groupe hospitalier": an article, at most two words, and a
# word that names a kind (the kind's word may come after a noun: "groupe hospitalier")
DESCRIPTION = re.compile(
    r"\b(?:the|le|la|l['’])\s*(?P<words>[a-zà-ÿ][\w\-]*(?:\s+[a-zà-ÿ][\w\-]*){0,2})",
    re.IGNORECASE,
)
KIND_NOUNS = frozenset("group groups groupe groupes".split())  # what a kind's word may qualify


def described(question: str, known: Gazetteer | None, before: str = "") -> str:
    """The question with a description of the directory's only organisation of a kind
    replaced by that organisation's name ("and the big hospital group there, ...?" -> "and
    AP-HP there, ...?"), or of the only one of that kind the conversation named ``before``
    ("where's the institute?" after a question about the Curie institute); as it is when it
    describes none."""
    if known is None:
        return question
    table = kinds_by_word()
    for match in DESCRIPTION.finditer(question):
        said = match.group("words").split()
        for i, word in enumerate(said):
            if fold(word) in STOPWORDS:  # "le rôle des clusters": a role, no cluster
                break
            kinds = table.get(fold(word), ())
            if not kinds or "*" in kinds:
                continue
            # the directory's organisations, read only once a word names a kind
            organisations = {org.name: org for orgs in known.by_alias.values() for org in orgs}
            those = [o for o in organisations.values() if o.kind in kinds]
            if len(those) > 1:  # several: the one the conversation named, unless it names one
                named = known.organisations_in(question)  # "what about the Pasteur institute?"
                those = [o for o in known.organisations_in(before) if o.kind in kinds and not named]
            if len(those) != 1:
                return question
            last = i + 1 if i + 1 < len(said) and fold(said[i + 1]) in KIND_NOUNS else i
            end = match.start("words") + len(" ".join(said[: last + 1]))
            return f"{question[: match.start()]}{those[0].label}{question[end:]}"
    return question


# "which of those ...?", "lesquels d'entre eux ...?": some of what the last answer named
PARTITIVE = re.compile(
    r"\b(?:of|among|parmi|d['’]entre)\s+(?:those|these|them|eux|elles|ces|ceux(?:-ci|-là)?)\b", re.I
)
AMONG = re.compile(r"\b(?P<among>parmi|among|of)\s+(?:eux|elles|them)\b", re.I)
COUNTED_THINGS = re.compile(r"\b\d[\d\s,.]*\s+(?P<things>[a-zà-ÿ][^.,;:!?()\d]{2,60})")


def among(question: str, answer: str) -> str:
    """ "et parmi eux, combien ...?" after "Il y a environ 70 pôles de compétitivité en France."
    -> "et parmi les pôles de compétitivité en France, combien ...?": what the answer counted."""
    match = AMONG.search(question)
    counted = COUNTED_THINGS.search(CITATION.sub("", answer)) if match else None
    if not match or not counted:
        return ""
    article = "les" if detect_language(question) == "fr" else "the"
    things = f"{match.group('among')} {article} {counted.group('things').strip()}"
    return f"{question[: match.start()]}{things}{question[match.end() :]}"


WHICH_OF = re.compile(r"\b(which|lequel|laquelle|lesquels|lesquelles)\b", re.IGNORECASE)
ASIDES = re.compile(r"[()\[\]]|\d+")  # an answer read as context: no asides, no citations
# "et lequel a ouvert un labo ?", "which one opened a lab?": which of those the answer named
WHICH_ONE = re.compile(
    r"^\W*((and|et|mais|but|so|alors|ok|okay)\W+)*(lequel|laquelle|lesquels|lesquelles|"
    r"which ones?)\b",
    re.IGNORECASE,
)


def those_named(question: str, answer: str) -> str:
    """ "Which of those isn't in Paris?", "lesquels d'entre eux sont à Paris ?": the last
    answer, which names those it picks among, as the question's context; also asked by a
    pronoun alone ("et lequel a ouvert un labo ?", "which one is in Paris?"); else ""."""
    partitive = PARTITIVE.search(question) and WHICH_OF.search(question)
    # "et lesquels sont à Rueil-Malmaison ?" after an answer about one thing: which ones, anew
    if not partitive and not (WHICH_ONE.match(question) and len(listed(answer)) > 1):
        return ""
    return " ".join(ASIDES.sub(" ", answer).split())
