"""The declines decided once the evidence is scored, whatever the sentence model thinks of the
nearest sentence: a year the sources never mention (``time_asked.py``), a comparison with a side
they never name (``compared.py``), a kind of value asked that no sentence about the subject
holds (``asked_value.py``), the rest of a group the sources name only in part (``others.py``),
the members of a group they mention without naming any (``unnamed.py``), a town or a postcode
the directory does not give (``unplaced.py``), a date or a place asked by a noun the corpus never
writes that no best sentence gives (``type_nouns.py``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.answer.asked_value import typed_decline
from assistant.answer.compared import compared_decline
from assistant.answer.condense import split_context
from assistant.answer.elsewhere import elsewhere_decline
from assistant.answer.evidence import EvidenceReport
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.lexicon import Lexicon
from assistant.answer.messages import DECLINE, UNSPOKEN_YEAR
from assistant.answer.organisations import Organisation
from assistant.answer.others import others_decline
from assistant.answer.pointing import PRONOUNS, SUBJECT_POINTER
from assistant.answer.question_kind import QuestionKind
from assistant.answer.retold import retold_decline
from assistant.answer.standalone import Reading
from assistant.answer.time_asked import unspoken_year
from assistant.answer.type_nouns import type_noun_decline
from assistant.answer.unknown_thing import unknown_thing_decline
from assistant.answer.unnamed import asked_group, unnamed_decline
from assistant.answer.unnamed_before import unnamed_before_decline
from assistant.answer.unplaced import unplaced_decline
from assistant.answer.value_kinds import asked_value
from assistant.answer.weights import SCOPE
from assistant.retrieval.passage import Passage
from ingest.store.text import tokenize


def decline(
    reading: Reading,
    language: str,
    passages: Sequence[Passage],
    evidence: EvidenceReport,
    organisations: Sequence[Organisation],
    known: Collection[str] = (),
    answer: str = "fact",
    placed: bool = False,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> str:
    """The decline, with what the sources do hold; "" when the answer may go on. ``known``: the
    corpus's terms; ``answer``: the kind of answer composed (``typed_decline``); ``placed``: the
    directory lists the organisations of a place the question names; ``gazetteer``, ``lexicon``:
    the directory's places and general words, which tell the places of the world asked
    (``elsewhere.py``)."""
    said = " ".join(reading.said)
    # "can you list them?" asks for what it stands for ("the members"): the question restated
    group = reading.message if asked_group(reading.message) else reading.asked
    return (
        year_decline(reading.asked, language, known)
        or (
            reading.kind == QuestionKind.LOCATE
            and unplaced_decline(reading.asked, language, organisations, known)
        )
        or compared_decline(reading.asked, language, known, lexicon, evidence)
        or unknown_thing_decline(reading.asked, language, known, passage_sentences(evidence))
        or type_noun_decline(reading.asked, language, evidence, known)
        or elsewhere_decline(
            reading.asked, language, evidence, organisations, gazetteer, known, lexicon
        )
        or typed_decline(
            reading.asked,
            language,
            passages,
            evidence,
            organisations,
            known,
            answer,
            lexicon,
            followed(reading),
        )
        or retold_decline(reading.asked, reading.standalone, reading.previous, language, evidence)
        or others_decline(reading.message, said, language, evidence, organisations)
        or (
            named_here(reading, placed)
            and (
                unnamed_decline(group, said, language, evidence, organisations)
                or unnamed_before_decline(
                    reading.message, reading.previous, language, evidence, organisations
                )
            )
        )
        or ""
    )


def year_decline(question: str, language: str, known: Collection[str]) -> str | None:
    """The decline of a question about a year the corpus never mentions ("where will
    MedXperience 2019 take place?"), saying so; None when it may go on."""
    year = unspoken_year(question, known) if known else ""  # not "moving next year, which ...?"
    return f"{DECLINE[language]} {UNSPOKEN_YEAR[language].format(year=year)}" if year else None


def named_here(reading: Reading, placed: bool) -> bool:
    """A list or a fact is answered from the passages; a place's or a field's organisations
    (locate, partner, a list of a place's: ``placed``) from the directory, which names them."""
    return reading.kind in (QuestionKind.LIST, QuestionKind.FACT) and not placed


def followed(reading: Reading) -> str:
    """What a follow-up is about, when its restated question names no subject: the previous
    question ("how many members exactly? (what is Cap Digital?)"); "" for a question that is
    not a follow-up, says more than the value it asks (``elliptic``), has a referent condense
    found but did not put in ("(X; ...)": not surely the subject), or asks among the names of
    the last answer ("et lequel a ouvert un labo ? (Parmi ... : A, B et C)")."""
    context = split_context(reading.standalone)[1]
    # whether it came true ("so did they make it?"), or what came of it ("what concrete
    # measures came out of it?"), is asked of what was just said, whoever condense found
    # behind the pronoun, whatever the question says of the value
    came = asked_value(reading.asked) in ("outcome", "result")
    # as typed: "did it actually open?" points back, though condense put a name for "it"
    said = {w.lower() for w in (reading.message or reading.asked).replace("?", " ").split()}
    # a pronoun, "there", "y" (not "il y a"): "combien de chercheurs vont y bosser ?"; asked of
    # what was just said whatever the rest says, unless it names its own frame ("in the region")
    pointing = bool(said & set(PRONOUNS)) if came else _points_back(reading.asked)
    if not context or reading.asked == reading.standalone:
        return ""
    if not (elliptic(reading.asked) or pointing):
        return ""
    sure = ";" not in context or came
    return context.rsplit("?", 1)[0] if sure and "?" in context else ""


def _points_back(asked: str) -> bool:
    """The follow-up points back, and names no frame of its own ("dans la région", "in France")."""
    return bool(SUBJECT_POINTER.search(asked)) and not (set(tokenize(asked)) & SCOPE)


# the words of an elliptic follow-up that name nothing: "ça", "it", the region
UNNAMING = SCOPE | {"ca", "cela", "ceci", *tokenize(" ".join(PRONOUNS))}


def elliptic(asked: str) -> bool:
    """A follow-up that says little beyond the value it asks ("how many members exactly?",
    "et ça a coûté combien à la Région ?"): two terms at most, naming nothing."""
    return len([t for t in tokenize(asked) if t not in UNNAMING]) <= 2


def passage_sentences(evidence: EvidenceReport) -> list[str]:
    """The sentences of the passages at hand (a typo is of one of their words)."""
    return [s for sentences in evidence.sentences.values() for s in sentences]
