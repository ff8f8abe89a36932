"""The question the pipeline answers: the message as meant (texting written out, a follow-up
made standalone with the conversation, names the asker leaves out dropped), then restated for
the composition ("and in Saclay?", "wher is X?" read as meant). The chat and the fit read a
question the same way, through :func:`read_question`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.abbreviations import read_abbreviations, read_contractions
from assistant.answer.addressed import written_up
from assistant.answer.condense import Turn, condense, split_context
from assistant.answer.excluded import without_excluded
from assistant.answer.gazetteer import Gazetteer
from assistant.answer.indirect import asked_directly
from assistant.answer.lexicon import Lexicon
from assistant.answer.place_pointed import held_there, place_pointed
from assistant.answer.pointing import points_back
from assistant.answer.question_kind import QuestionKind, classify, restate
from assistant.answer.questions import asking
from assistant.answer.spans import WHERE
from assistant.answer.spelling import read_as_meant, spell_asking
from assistant.answer.terse import asked_in_full
from assistant.answer.where_alone import asks_where_alone, placed_before
from ingest.store.text import tokenize


@dataclass(frozen=True)
class Reading:
    standalone: str  # what is retrieved with: the message made standalone
    asked: str  # what the composition answers: the standalone question restated
    kind: QuestionKind
    said: tuple[str, ...]  # the assistant's earlier answers, oldest first
    message: str = ""  # the message as meant, before it is made standalone ("Besides X, ...")

    @property
    def previous(self) -> str:
        return self.said[-1] if self.said else ""


def read_question(
    meant: str,
    history: Sequence[Turn],
    gazetteer: Gazetteer | None,
    lexicon: Lexicon,
    kind: QuestionKind | None = None,
) -> Reading:
    """``meant``: the message with its texting written out (:func:`read_abbreviations`);
    ``kind``: its kind when already classified."""
    said = tuple(t.content for t in history if t.role == "assistant" and t.content.strip())
    pointed = place_pointed(meant, said[-1] if said else "", gazetteer)  # "that département"
    kind, meant = (kind if pointed == meant else None), pointed  # classified as it names it
    kind = kind or classify(meant)
    standalone = without_excluded(_condensed(meant, history, gazetteer, kind))
    standalone = sought_back(meant, standalone, history, kind)
    asked, kind = restate(meant, read_as_meant(standalone, lexicon), kind)
    if kind in (QuestionKind.FACT, QuestionKind.LIST) and held_there(asked, gazetteer):
        kind = QuestionKind.LOCATE  # "anything health-related in Buc?": what the place holds
    if asks_where_alone(meant) and said:  # "where?" after Doctolib, not after Sanofi's lab
        kind = QuestionKind.FACT if placed_before(said[-1], gazetteer) else QuestionKind.LOCATE
    return Reading(standalone, asked, kind, said, meant)


# "it" standing for nothing: "is it easy to hire ...?", "is it true that ...?"
DUMMY_IT = re.compile(
    r"\b(?:is|was|would|will|isn['’]t|wouldn['’]t) it\s+(?:\w+\s+){1,4}?(?:to|that|for)\b",
    re.IGNORECASE,
)


def _condensed(
    meant: str, history: Sequence[Turn], gazetteer: Gazetteer | None, kind: QuestionKind
) -> str:
    """The message made standalone (``condense``), its pronouns read in what it tells first
    when they stand for something named there (:func:`told_then_asked`)."""
    question, turns = told_then_asked(meant, history)
    if turns is not history:
        standalone = condense(question, turns, gazetteer)
        if split_context(standalone)[0].strip(" ?") != question.strip(" ?"):
            return standalone
    whole = condense(meant, history, gazetteer)
    if whole != meant:
        return whole
    return told_after(meant, history, gazetteer, kind) or whole


SOUGHT = {QuestionKind.PARTNER, QuestionKind.LIST}  # organisations sought by what the asker tells


def told_after(
    meant: str,
    history: Sequence[Turn],
    gazetteer: Gazetteer | None,
    kind: QuestionKind | None = None,
) -> str:
    """A follow-up that asks, then tells ("which town is that exactly? we'd have to send people
    there", "and who's the president? I want to write to the right person"), which the whole
    message did not make standalone: the question is made standalone on its own, what is told
    put before it; "" when nothing is told after, or when partners or a list are sought.
    ``kind``: the message's, when already classified."""
    asked, told = asking(meant)
    if not history or not told or not meant.rstrip().endswith(told.rstrip()):
        return ""
    if {classify(asked), kind or classify(meant)} & SOUGHT:  # "who should we talk to? we make
        return ""  # vaccines": what the asker tells says which ones they seek
    standalone = condense(asked, history, gazetteer)
    if standalone == asked:
        return ""
    question, context = split_context(standalone)
    told = told.rstrip() if told.rstrip()[-1:] in ".!…" else f"{told.rstrip()}."
    return f"{told} {question} ({context})" if context else f"{told} {question}"


# partners or a list sought "then", "there", "on exactly that": in what the conversation named
BACK = re.compile(
    r"\b(then|there|in that case|for that|on that|donc|alors|du coup|l[àa]-dessus|l[àa]-bas|"
    r"dans ce cas|pour [çc]a|sur [çc]a)\W*$|"
    r"\b(exactly that|on that|in that field|that area|l[àa]-dessus|ce domaine|ce sujet)\b",
    re.IGNORECASE,
)


def sought_back(meant: str, standalone: str, history: Sequence[Turn], kind: QuestionKind) -> str:
    """Partners or a list sought "then", "there" or "on exactly that", a message condense left
    as it is ("which institute should we approach for a research partnership then?" after
    infectious diseases): sought in the field of the last question, its context."""
    asked = [t.content for t in history if t.role == "user" and t.content.strip()]
    if kind not in SOUGHT or standalone != meant or not asked or not BACK.search(meant):
        return standalone
    question = meant if meant.rstrip().endswith("?") else f"{meant.rstrip()}?"
    return f"{question} ({asked[-1]})"


SHORT = 2  # the terms of "Where is it physically?" after "We'd like to run studies at NeuroSpin."
# a part of an organisation told ("Sanofi opened an innovation lab."): "it" may be the part (not
# the asker's own: "our lab would like to visit NeuroSpin")
UNIT = re.compile(
    r"\b(an?|its|their|the|un|une|son|sa|le|la)\s+([\w\-]+\s+)?(labs?|laborator\w+|labos?|"
    r"cent(re|er)s?|offices?|sites?|platforms?|plateformes?|hubs?|units?|facilit(y|ies)|"
    r"headquarters|branch|si[èe]ge)\b",
    re.IGNORECASE,
)


def told_then_asked(meant: str, history: Sequence[Turn]) -> tuple[str, Sequence[Turn]]:
    """A first message that tells, then asks with a pronoun after a comma ("we're visiting
    NeuroSpin next month, where exactly is it?") or in a short where-question of its own ("...
    at NeuroSpin. Where is it physically?"), read as a follow-up of what it tells: the
    pronoun stands for what was told, as for a previous turn's; else as it is."""
    asked, told = asking(meant, told_first=True)
    if history or not told or not points_back(asked) or DUMMY_IT.search(asked):
        return meant, history
    if asked == asking(meant)[0] and (
        len(tokenize(asked)) > SHORT or not WHERE.search(asked) or UNIT.search(told)
    ):  # told in a sentence before: a short "where is it?" points at it, not at a lab it names
        return meant, history
    return asked, [Turn("user", told)]


def as_meant(question: str, lexicon: Lexicon) -> str:
    """The message with its spacing squeezed, its texting written out, a text to write read as
    the question it asks (``written_up``), the typos of its asking and role words fixed
    ("wher is", "the presdient of") and an indirect question asked directly ("tell me where X
    is": "where is X?", ``indirect.py``), keywords asked in full ("incuballiance city": "where is
    incuballiance?", ``terse.py``)."""
    written = written_up(read_contractions(read_abbreviations(" ".join(question.split()))))
    return asked_in_full(asked_directly(spell_asking(written, lexicon)))
