"""Compose a fact: the sentence that holds the answer first, cut to the clause that holds it
when it is long, then at most one supporting sentence, never the same sentence twice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.condense import split_context
from assistant.answer.evidence import Evidence, EvidenceReport
from assistant.answer.labels import with_note
from assistant.answer.lead import reply_first, typed_first
from assistant.answer.questions import answer_type_fits
from assistant.answer.roles import asked_role, holds_role
from assistant.answer.spans import answer_span, in_brackets
from assistant.answer.structure import REFERS_BACK
from assistant.answer.two_parts import other_part
from assistant.retrieval.glossary import translate_terms
from ingest.store.text import tokenize

MAX_SENTENCE = 220  # longer sentences are cut to the clause that holds the answer
CLAUSE_BREAK = re.compile(
    r"\s*;\s+|\s+[–—]\s+|:\s+(?=[“\"A-Z])|,\s+(?=(?:while|whereas|but|so that)\b)"
)
# the answer's own sentence may also be cut at commas and before a second predicate ("...
# cluster and has the ambition to become one of the top 3 ... by 2022")
COMMA_BREAK = re.compile(
    CLAUSE_BREAK.pattern
    + r"|,\s+|\s+and\s+(?=(?:has|have|is|are|was|were|will|aims?)\b)"
    + r"|[,.]?[”»]\s+"  # a quotation closes: "... structures,” It's also ..."
)
HEADLINE = re.compile(r"^[^:;]{20,120}:\s+(?=[“\"A-Z])")  # a lead-in, then a statement
FIRST_CHARS = 150  # the answering sentence of a fact: the answer within its first 150 chars
PAIR_LEAD = 100  # what an answer that refers back refers to: cut around its span to this


@dataclass(frozen=True)
class Composed:
    text: str
    span: str = ""  # the words that answer (bold in the app)


def quotable(report: EvidenceReport) -> list[Evidence]:
    return [
        e for e in report.evidence if not e.prompt and (e.n, e.position) not in report.unquotable
    ]


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's terms the other holds (1.0: one repeats the other)."""
    ta, tb = set(tokenize(a)), set(tokenize(b))
    if not ta or not tb:
        return 1.0 if a.strip() == b.strip() else 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def clip(sentence: str, limit: int) -> str:
    """A long sentence cut at its last comma within ``limit``, marked with "…"."""
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(", ", 0, limit)
    return sentence[:cut] + "…" if cut > limit // 2 else sentence


def whole_terms(text: str) -> set[str]:
    """The terms of a text, a hyphenated word counted once ("AP-HP", not also "AP" and "HP")."""
    terms = set(tokenize(text))
    parts = {p for t in terms if "-" in t for p in t.split("-")}
    return terms - parts


def clauses(sentence: str, commas: bool) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, split at semicolons, dashes and colons, and
    at every comma when ``commas``; never in brackets ("three companies (A, B and C)")."""
    pattern = COMMA_BREAK if commas else CLAUSE_BREAK
    spans, start = [], 0
    for match in pattern.finditer(sentence):
        if in_brackets(sentence, match.start()):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans


# several asked for: "which of those ...", "which ones ...", "lesquels ..."
PLURAL = re.compile(
    r"\b(which|what) (of (them|those|these)|ones)\b|\blesquel(le)?s\b|\b(quels|quelles)\b",
    re.IGNORECASE,
)
# a clause that only says who speaks ("Christian Lajoux, President of Medicen, confirms")
ATTRIBUTION = re.compile(
    r"\b(confirms|says|said|explains|adds|notes|declares|states|stresses|confirme|affirme|"
    r"déclare|explique|ajoute|souligne|précise)[\s:,;.…]*$",
    re.IGNORECASE,
)


def shorten(
    sentence: str,
    question: str,
    limit: int = MAX_SENTENCE,
    *,
    commas: bool = False,
    anchored: bool = True,
    said: bool = False,
) -> str:
    """The run of clauses of a long sentence, within ``limit``, that holds the answer (the
    most question terms and the kind of answer asked for), marked with "…" where it was cut.
    With ``commas`` it is cut at commas too, around the answering span unless not
    ``anchored``. With ``said``, what a speaker says is kept rather than who says it ("X
    confirms…" alone is no point of an explanation)."""
    if len(sentence) <= limit:
        return sentence
    span = answer_span(question, sentence) if commas else ""
    if commas and not span and anchored:  # cut the answer at any comma only around its span
        return shorten(sentence, question, MAX_SENTENCE)
    parts = clauses(sentence, commas)
    if len(parts) < 2:
        return sentence
    terms = whole_terms(question)
    terms |= set(translate_terms(sorted(terms)))  # a French question, English sources
    role = asked_role(question)  # "who is its president": the clause that holds the role
    several = PLURAL.search(question) is not None  # "which of those work on cancer?": each one

    def value(text: str) -> tuple[float, int]:
        fits = 2.0 if answer_type_fits(question, text) else 0.0
        fits += 2.0 if role and holds_role(role, text) else 0.0
        told = -99.0 if said and ATTRIBUTION.search(text) else 0.0  # who speaks, not what
        held = [t for t in tokenize(text) if t in terms]
        return (len(held) if several else len(set(held))) + fits + told, -len(text)

    windows = [
        (lo, hi)
        for lo in range(len(parts))
        for hi in range(lo, len(parts))
        if parts[hi][1] - parts[lo][0] <= limit and span in sentence[parts[lo][0] : parts[hi][1]]
    ]
    if not windows:
        return sentence
    lo, hi = max(windows, key=lambda w: value(sentence[parts[w[0]][0] : parts[w[1]][1]]))
    text = sentence[parts[lo][0] : parts[hi][1]].strip(" ,;:")
    if lo > 0:
        text = "…" + text
    if hi < len(parts) - 1:
        text = text.rstrip(".,;: ") + "…"
    return text


def statement(sentence: str, limit: int = FIRST_CHARS) -> str:
    """A sentence too long for the answer's first ``limit`` characters whose lead-in announces
    a statement after a colon ("Internationally, its talent is well-known: The magazine X
    counted ...") is cut to that statement, which says the fact."""
    if len(sentence) <= limit:
        return sentence
    match = HEADLINE.search(sentence)
    if not match or len(sentence) - match.end() >= limit:
        return sentence
    return "…" + sentence[match.end() :]


def compose_fact(
    report: EvidenceReport, question: str, margin: float = 0.08, near: float = 0.3
) -> Composed:
    """The answering sentence first (with ``[n]``), then one supporting sentence that says
    something else: its neighbour in the passage if it scores within ``near`` (it sets the
    scene or carries on), else another that scores within ``margin``."""
    asked, _ = split_context(question)
    fits = quotable(report)
    if not fits:
        return Composed("")
    best = typed_first(asked, reply_first(report, fits, margin), fits, near)
    support = supporting(report, [best, *[e for e in fits if e is not best]], best, margin, near)
    support = other_part(asked, best, fits, near) or support  # "..., and how many are ...?"
    if support is not None and leads_to(report, asked, best, support):
        paired = in_order(report, asked, support, best)
        if paired is not None:
            return paired
    # a name and more asked ("which is it and how many staff?"): not cut to one of them
    commas = not asks_name_and_more(asked)
    first = statement(shorten(best.sentence, asked, FIRST_CHARS, commas=commas))
    if support is not None and carries_answer(asked, first, best, support):
        first = shorten(best.sentence, asked, PAIR_LEAD, commas=True, anchored=False)
    parts = [f"{first} [{best.n}]"]
    if support is not None:
        parts.append(f"{shorten(support.sentence, asked)} [{support.n}]")
    return Composed(with_note(" ".join(parts), report.language), answer_span(asked, first))


ASKING = re.compile(
    r"\b(what|which|who|whom|where|when|how many|how much|why|quel|quelle|quels|quelles|qui|"
    r"combien|où|quand|pourquoi)\b",
    re.IGNORECASE,
)
NAME_ASKED = {"which", "who", "whom", "quel", "quelle", "quels", "quelles", "qui"}


def asks_name_and_more(question: str) -> bool:
    """Whether the question asks for a name and something else ("which is it and how many
    staff does it have?"): the name may stand at the other end of the answering sentence."""
    asking = {m.group(0).lower() for m in ASKING.finditer(question)}
    return len(asking) > 1 and bool(asking & NAME_ASKED)


def leads_to(report: EvidenceReport, asked: str, best: Evidence, support: Evidence) -> bool:
    """The supporting sentence comes right before the answer, which refers back to it ("In
    particular, NeuroSpin..."), or in the same paragraph when the answer holds no answering
    words to push back (a yes/no question: "However, it is essential... We do not aim...")."""
    if support.n != best.n or support.position != best.position - 1:
        return False
    if REFERS_BACK.match(best.sentence):
        return True
    return report.same_paragraph(best, support) and not answer_span(asked, best.sentence)


def carries_answer(asked: str, first: str, best: Evidence, support: Evidence) -> bool:
    """The next sentence carries the answer on and holds the answering words the first lacks
    ("... a hub program for precision medicine. It is a project with Cap Digital")."""
    next_one = support.n == best.n and support.position == best.position + 1
    if not next_one or not REFERS_BACK.match(support.sentence) or answer_span(asked, first):
        return False
    return bool(answer_span(asked, support.sentence))


def in_order(
    report: EvidenceReport, asked: str, lead: Evidence, follow: Evidence
) -> Composed | None:
    """An answer that refers back comes after what it refers to ("The Region contains the
    CEA... In particular, NeuroSpin..."), that one cut to the clause around the answering words
    (or the question's words); None when the answer would no longer stand in the first 150
    characters."""
    first = shorten(lead.sentence, asked, PAIR_LEAD, commas=True)
    if first == lead.sentence:
        first = shorten(lead.sentence, asked, PAIR_LEAD)
    second = shorten(follow.sentence, asked)
    text = f"{first} [{lead.n}] {second} [{follow.n}]"
    span = answer_span(asked, second) or asked_word(asked, second)  # "medclinik parent?"
    if span and text.find(span) + len(span) > FIRST_CHARS:
        return None
    return Composed(with_note(text, report.language), answer_span(asked, text))


def asked_word(asked: str, sentence: str) -> str:
    """The first word of the sentence that the question holds, or ""."""
    terms = whole_terms(asked)
    return next((w for w in re.findall(r"[\w’'-]+", sentence) if set(tokenize(w)) & terms), "")


def supporting(
    report: EvidenceReport, fits: list[Evidence], best: Evidence, margin: float, near: float
) -> Evidence | None:
    """The sentence that completes the answer: the one the answer refers back to ("In
    particular, ..."), the one that carries it on ("This includes..."), a neighbour that
    scores well (of its paragraph first), or another close answer."""
    distinct = [e for e in fits[1:] if overlap(e.sentence, best.sentence) < 0.6]
    for ev in distinct:
        if ev.n != best.n:
            continue
        if ev.position == best.position - 1 and REFERS_BACK.match(best.sentence):
            return ev
        if ev.position == best.position + 1 and REFERS_BACK.match(ev.sentence):
            return ev
    adjacent = [
        e
        for e in distinct
        if e.n == best.n and abs(e.position - best.position) == 1 and e.score >= best.score - near
    ]
    if adjacent:  # a neighbour of the same paragraph first: it continues the same thought
        return max(adjacent, key=lambda e: (report.same_paragraph(e, best), e.score))
    for ev in distinct[:5]:
        if ev.score >= best.score - margin:
            return ev
    return None
