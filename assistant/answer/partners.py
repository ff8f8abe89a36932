"""Who to work with: the organisations the directory's partner ranking gives for the field a
question names (the same ranking as the Directory tab's "find partners"), one line each with
kind, place and the sentence that makes it a fit, cited. Plain data in, text out: the ranking
itself comes through a :class:`PartnerFinder` the container wires."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assistant.answer.labels import domain_label, text
from assistant.answer.seeking import DOES, SOUGHT
from assistant.retrieval.glossary import translate_terms
from ingest.directory.org_kinds import kind_label, kind_terms, kinds_by_word
from ingest.store.text import STOPWORDS, fold, split_sentences, tokenize

MAX_PARTNERS = 4  # with their sentence; then a few more by name
MAX_ALSO = 4
MAX_SENTENCE = 110  # characters of the sentence that makes an organisation a fit
MAX_CHARS = 780  # the whole answer stays short
ENTRY_HEADER = re.compile(r"^.{1,60} is an? [^.;,]{1,50}\.$")  # "Philips is a medtech company."
LABEL_LINE = re.compile(r"^[A-Z][\w ]{2,20}: ")


@dataclass(frozen=True)
class PartnerFit:
    """One organisation as the partner ranking gives it (plain data, best first)."""

    name: str
    kind: str
    city: str
    doc_id: str
    score: float
    passage: str  # the passage that justifies the match (a document's, or its own entry)
    domains: tuple[str, ...] = ()  # its domains the field names
    region: str = "unknown"  # in, out or unknown (the Paris Region)
    postcode: str = ""


class PartnerFinder(Protocol):
    def partners(self, description: str, k: int) -> list[PartnerFit]:
        """Organisations ranked for a field or project description, above the relevance floor."""
        ...


@dataclass(frozen=True)
class Cited:
    """A fit ready to show: the sentence to quote and the number of the passage it comes from."""

    fit: PartnerFit
    sentence: str
    n: int
    places: tuple[str, ...] = field(default_factory=tuple)


# the words that ask for partners or places rather than name the field (folded)
ASKING = set(
    """
    who whom whose which could can should would might we i us our my team teams work works
    working worked collaborate collaborating collaboration cooperate partner partners partnering
    partnership talk speak contact contacting reach out approach turn find finding looking look
    seek seeking search need needs potential possible good best right labs lab laboratory
    laboratories researchers experts scientists specialise specialised specialize specialized
    active focus focused where set setup settle locate located relocate establish established
    base based open install move part parts area areas district town towns city cities campus
    place places site sites location region paris ile france de greater suits suit suited fit
    avec qui travailler travaille travaillent collaborer cooperer contacter solliciter approcher
    adresser parler partenaire partenaires trouver cherche cherchons recherche recherchons besoin
    laboratoires labo labos equipe equipes chercheurs specialises actifs ou implanter installer
    etablir ville villes commune communes partie zone endroit quartier secteur territoire dans
    pour sur about on for in near around
    bonjour hello hi vers quel quelle quels quelles tourner orienter diriger parisienne parisien
    existe existe-t-il there anyone anybody someone somebody organisation organization
    organisations organizations organisme organismes programme programmes program programs
    auquel auxquels raccrocher rattacher specifically particulier
    existing exist exists join joining plug plugged consortium consortia initiative initiatives
    """.split()
)


# the asker describing itself: "As a young medtech firm, ...", "We are a medtech company ..."
AS_ASKER = re.compile(
    r"^\s*((as|comme)\s+(an?|une?|the|la|le)|en tant qu['’e])\s*[^,;:?]{1,60}[,;:]", re.I
)
# a noun phrase opening the message before "we": "biotech onco basée à Montréal, on cherche"
OPENING_ASKER = re.compile(
    r"^\s*(?!(in|at|à|a|en|dans|near|around|for|pour|with|avec|and|et|so|ok|okay|but|mais|"
    r"hi|hello|bonjour|salut)\b)[^,;:?]{3,60},\s*(?=(we|on|nous|i|je|j['’]|our|notre)\b)",
    re.I,
)


def told_of_asker(question: str) -> str:
    """The question less all the asker says of itself, its field too: where it is from is no
    place asked ("biotech onco basée à Montréal, on cherche ..." -> "on cherche ...")."""
    return without_asker(OPENING_ASKER.sub("", question, count=1))


WE_ARE = re.compile(
    r"\b(we are|we're|i am|i'm|nous sommes|je suis|on est)\s+(an?|une?)\s+((?:[\w\-]+\s+){0,4})",
    re.IGNORECASE,
)

# the asker as the subject of the question, before what it does: "who could a biotech working
# on infectious diseases team up with?" (the field: infectious diseases, not biotech)
ASKER_SUBJECT = re.compile(
    r"\b((?:who|whom|qui)\s+(?:could|can|should|might|would|pourrait|peut|devrait)\s+)"
    r"(?:an?|une?|my|our|one|mon|ma|notre)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?=(?:working|doing|specialising|specializing|active|focused|focusing|that|which|who|"
    r"travaillant|qui|sp[ée]cialis[ée]e?)\b)",
    re.IGNORECASE,
)

# the asker's own project and who is already in it ("pour un projet avec un industriel pharma",
# "for a project with a pharma company"): not the partner sought
OWN_PROJECT = re.compile(
    r"\b(pour|dans le cadre d['’]|for|on)\s*(an?|une?|notre|mon|our|my)\s+(projet|project|"
    r"programme|program|étude|etude|study)\s+(avec|with)\s+[^?,;:.]+",
    re.IGNORECASE,
)


# the asker's own organisation by its kind: "our startup does contrast ultrasound", "mon labo"
OURS = re.compile(r"\b(our|my|notre|mon|ma|nos|mes)\s+(?P<kind>[\w\-]+)", re.IGNORECASE)


def without_asker(question: str) -> str:
    """The question less the asker's description of itself, which is not the field sought
    ("As a young medtech firm, who could put me in touch with hospitals?" -> "who could put
    me in touch with hospitals?"): an "as a ...," opening, the subject of "who could a biotech
    working on X ...", the kind of "our startup", or "we
    are a <kind of organisation>" up to its last kind word ("we are a medtech company scouting
    sites")."""
    question = OWN_PROJECT.sub("", AS_ASKER.sub("", question, count=1))
    question = ASKER_SUBJECT.sub(lambda m: m.group(1), question, count=1)
    question = OURS.sub(
        lambda m: m.group(1) if fold(m.group("kind")).rstrip("s") in _kind_words() else m.group(0),
        question,
    )
    match = WE_ARE.search(question)
    if not match:
        return question
    words = match.group(3).split()
    kinds = [i for i, w in enumerate(words) if fold(w).rstrip("s") in _kind_words()]
    if not kinds:
        return question
    cut = match.start(3) + len(" ".join(words[: kinds[-1] + 1]))
    return question[: match.start()] + question[cut:]


# "someone who acts as a single point of contact for oncology", "une structure qui fasse
# l'intermédiaire entre ...": the organisation sought, described by what it does
ROLE = re.compile(rf"\b{SOUGHT}\s+{DOES}\s+[^?,;:.]+", re.IGNORECASE)


def _kind_words() -> set[str]:
    return {w.rstrip("s") for w in kinds_by_word()}


def topic(question: str) -> str:
    """The field a partner or locate question names, less the asker's own description: "who
    could we work with on medical imaging?" -> "medical imaging". When the question describes
    the organisation sought by what it does, that description is the field, in its own words
    ("is there someone who acts as a single point of contact for oncology?" -> "acts single
    point contact oncology"), whatever the asker says around it."""
    asked = without_asker(question)
    role = ROLE.search(asked)
    if role:
        words = re.findall(r"[\w\-’']+", role.group(0))
        relative = re.compile(rf"{DOES}$", re.IGNORECASE)
        return " ".join(w for w in words if not relative.match(w) and fold(w) not in STOPWORDS)
    words = re.findall(r"[\w\-’']+", asked)
    kept = [w for w in words if fold(w).strip("'’") not in ASKING | STOPWORDS]
    return " ".join(kept)


def field_terms(field_text: str) -> set[str]:
    """The field's words and, for a French field, the English words of the sources."""
    terms = tokenize(field_text)
    return set(terms) | set(translate_terms(terms))


def fit_sentence(passage: str, names: Sequence[str], field_text: str) -> str:
    """The sentence of ``passage`` that names the organisation and most of the field's words
    (the first sentence when none names it), cut to a short quote."""
    terms = field_terms(field_text)
    folded_names = [fold(n) for n in names if len(n) >= 3]
    best, best_score = "", -1
    for sentence in split_sentences(passage):
        if LABEL_LINE.match(sentence):  # "Domains: ...", "Website: ..." of a directory entry
            continue
        folded = fold(sentence)
        named = any(n in folded for n in folded_names)
        described = not ENTRY_HEADER.match(sentence)  # not the entry's "X is a cluster." line
        score = 3 * len(terms & set(tokenize(sentence))) + named + described
        if score > best_score:
            best, best_score = sentence, score
    return shorten(best, limit=MAX_SENTENCE, keep=terms - kind_terms())  # "institut": no field


# "INRIA, the French national research institute for computer science, ...": an apposition to
# the subject that opens the sentence (never an item of a list)
APPOSITION = re.compile(
    r"^([^,;:()]{2,60})(,\s+(the|an?|le|la|les|l['’]|une?)\s[^,;:()]{3,100},)\s*", re.IGNORECASE
)


def shorten(sentence: str, limit: int = MAX_SENTENCE, keep: set[str] | None = None) -> str:
    """``sentence`` within ``limit`` characters: first without the apposition to its opening
    subject when it holds none of the words to ``keep`` ("INRIA, the French national research
    institute for computer science and automation, shares projects with Inserm" -> "INRIA
    shares projects with Inserm"), then cut at a word."""
    sentence = " ".join(sentence.split())
    if keep is not None:
        match = APPOSITION.match(sentence)
        if match and len(sentence) > limit and not keep & set(tokenize(match.group(2))):
            sentence = f"{match.group(1)} {sentence[match.end() :]}"
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def facts(fit: PartnerFit, language: str, places: Sequence[str] = ()) -> str:
    """ "research institute, Villejuif" (and outside the region when it is)."""
    out = [kind_label(fit.kind, language)] if fit.kind else []
    out += list(places) or ([fit.city] if fit.city else [])
    if fit.region == "out":
        out.append(text("outside_region", language))
    return ", ".join(out)


def compose_partners(cited: Sequence[Cited], language: str) -> str:
    """The ranked organisations, best first, within the answer's length; "" when none."""
    if not cited:
        return ""
    lines = [text("partner_heading", language)]
    also: list[str] = []
    for item in cited:
        fit = item.fit
        about = ", ".join(domain_label(d, language) for d in fit.domains[:2])
        head = f"- {fit.name} ({facts(fit, language, item.places)})"
        line = f"{head}{' — ' + about if about else ''}: {item.sentence} [{item.n}]"
        size = len("\n".join(lines)) + len(line)
        if len(lines) <= MAX_PARTNERS and size < MAX_CHARS - 80:
            lines.append(line)
        elif len(also) < MAX_ALSO:
            also.append(f"{fit.name} [{item.n}]")
    if also:
        lines.append(f"{text('also', language)} {', '.join(also)}.")
    return "\n".join(lines)
