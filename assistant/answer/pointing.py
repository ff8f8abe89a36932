"""What in a follow-up points back at what was named before: the pronouns that stand for
someone or something ("it", "ils", "that"), the words that point ("there", "dedans"), what the
last answer was about (``referent_of``), and whether a question needs the conversation to be
read at all."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.citations import CITATION
from assistant.answer.descriptions import PARTITIVE, WHICH_ONE
from assistant.answer.ellipsis import FOLLOW_UP_OPENINGS, PLACE_ANSWER, QUANTITY, WHICH, more_of
from assistant.answer.numbers import WORD
from assistant.answer.referents import ORDINAL, THAT_THING, common, names_in
from assistant.answer.spelling import spellings
from ingest.store.text import STOPWORDS, fold, split_sentences, tokenize, words

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer

# pronouns that stand for something named before: an organisation, a project, a place
THING_PRONOUNS = set("it its they them their il elle ils elles lui leur leurs son sa ses".split())
# pronouns that stand for someone or something named before
STRONG_PRONOUNS = THING_PRONOUNS | set("he she him her his ones".split())
# words that may point back, or not ("this project", "en Île-de-France")
WEAK_PRONOUNS = set(
    "this that these those there one ce cette ces celui celle y en same also là-bas la-bas "
    "dedans là-dedans la-dedans".split()
)
PRONOUNS = STRONG_PRONOUNS | WEAK_PRONOUNS
# what points back at the subject just named: "there", "it", "they", "y" (not "il y a"), "ça";
# not the impersonal "il" nor "there" after a verb that makes it existential ("are there ...?")
SUBJECT_POINTER = re.compile(
    r"\b(?:it|its|they|them|their|ils|elles|eux|leur|leurs|ça|ca|cela)\b|"
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bthere\b|"
    r"\by\b(?!\s+(?:a|en|avait|aura)\b|\s*a-t)",
    re.IGNORECASE,
)
# a French object pronoun before its verb: "qui le dirige ?", "on la trouve où ?", "comment la
# contacter ?" (an infinitive after "comment", "où"; "pour le cancer" is a noun's article)
CLITIC = (
    r"\b(?P<before>(?<!est )(?:qui|on|je|tu|nous|vous|ne)"
    r"(?=\s+(?:le|la|l['’])\s*[a-zà-ÿ]+(?:e|es|ent|ons|ez|ait|aient|er|ir|re)\b)|"
    r"(?:comment|où)(?=\s+(?:le|la|l['’])\s*[a-zà-ÿ]+(?:er|ir|re|oir)\b))"
    r"\s+(?:le\s+|la\s+|l['’]\s*)(?P<verb>[a-zà-ÿ]+)\b"
)
IMPERSONAL = re.compile(r"\bil (?=y a\b|y avait\b|faut\b)", re.IGNORECASE)  # "il y a", "il faut"
# "that", "this" standing alone for a thing ("is that in Paris?", "who runs this?"), not before
# the noun they point with ("that town"), joining a clause ("the lab that works on ...") or
# standing for what was said ("why is that?")
THAT = re.compile(
    r"^\s*(?:and\s+)?(?:where|who|which|what)\b[^?]*?\b(?P<end>that|this)\s*(?:[?!.]|$)|"
    r"\b(?:is|was|are|were)\s+(?P<subject>that|this)\s+(?:in|at|near|inside|outside|located|"
    r"based|situated|run|owned|part)\b",  # "is that in Paris?", "was this run by the CEA?"
    re.IGNORECASE,
)


def points_back(question: str) -> bool:
    """The question holds a pronoun that stands for someone or something named before ("il y a"
    is impersonal: "et il y a quelles boîtes dedans ?" points back by "dedans" only)."""
    personal = IMPERSONAL.sub("", question)
    strong = any(t in STRONG_PRONOUNS for t in map(str.lower, words(personal)))
    clitic = re.search(CLITIC, question, re.IGNORECASE) is not None  # "qui le dirige ?"
    return strong or clitic or that_pointing(question) is not None


def that_pointing(question: str) -> tuple[int, int] | None:
    """Where "that" or "this" stands for a thing in the question, else None."""
    match = THAT.search(question)
    if match is None:
        return None
    group = "end" if match.group("end") else "subject"
    return match.start(group), match.end(group)


# "those two companies", "ces trois instituts": the items the last answer named, counted
COUNTED_BACK = re.compile(rf"\b(those|these|ces)\s+({WORD})\b", re.IGNORECASE)


def needs_context(question: str, answer: str = "", named: bool = False) -> bool:
    """A question that does not name its own subject: a pronoun standing for someone named
    before ("When was he appointed?"), a follow-up opening ("And ...", "What about ..."), very
    few terms, a pointing word ("there", "these") without a name or enough terms of its own, or
    one that points at a thing the last answer (``answer``) named ("those centres").
    "Who runs high-field neuroimaging?" names its subject and stays as it is; so does one that
    names (``named``) an organisation of the directory in lower case ("which commune is
    incuballiance in?")."""
    tokens = [w.lower() for w in words(question)]
    content = set(tokenize(question))
    capitalised = [w for w in words(question)[1:] if w[:1].isupper() and fold(w) not in STOPWORDS]
    names = named or bool(capitalised)
    own_subject = names or len(content) >= 4
    return (
        question.strip().lower().startswith(FOLLOW_UP_OPENINGS)
        or bool(more_of(question) or ORDINAL.search(question))
        or any(t in STRONG_PRONOUNS for t in tokens)
        or re.search(r"\b(the|that|this|these|those)\s+(\w+\s+)?ones?\b", question, re.I)
        is not None
        or COUNTED_BACK.search(question) is not None
        or re.search(rf"\bthat{THAT_THING}", question, re.IGNORECASE) is not None
        or (len(content) <= 3 and not names)
        or PARTITIVE.search(question) is not None
        or WHICH_ONE.match(question) is not None  # "lesquels sont à Paris ?": of those
        or (any(t in WEAK_PRONOUNS for t in tokens) and not own_subject)
        or points_at_answer(question, answer)
    )


# "those centres", "ces projets": things of the last answer, when it names them; not "that"
# or "this", a conjunction as often ("I heard that Pfizer is in Paris"), nor a name after them
DEMONSTRATED = re.compile(r"\b(?:these|those|ces)\s+([\w-]+)", re.IGNORECASE)


def points_at_answer(question: str, answer: str) -> bool:
    """ "How many projects did those centres run?" after "... four clinical experimentation
    centers": the demonstrative points at what the last answer named, though the question has
    words enough of its own."""
    said = set(tokenize(answer))
    return any(
        m.group(1)[0].islower() and set(spellings(tokenize(m.group(1)))) & said
        for m in DEMONSTRATED.finditer(question)
    )


# "who else is in that town?", "et dans cette ville ?": the place the last answer named
PLACE_POINTER = re.compile(
    r"\b(that|this|the same|same|cette|cet|ce|la m[eê]me|le m[eê]me)\s+(town|city|commune|place|"
    r"ville|d[eé]partement|department)\b",
    re.IGNORECASE,
)


def place_pointed(question: str, answer: str, known: Gazetteer | None) -> str:
    """ "who else is in that town?" after "Philips est à Suresnes (92150)" -> "who else is in
    Suresnes?": the town of the directory the last answer names first; "" when the question
    points at no place or the answer names none."""
    match = PLACE_POINTER.search(question)
    places = known.places_in(answer) if match and known is not None else []
    if not match or not places:
        return ""
    return f"{question[: match.start()]}{places[0]}{question[match.end() :]}"


YES = r"(yes|no|oui|non|indeed|en effet)"  # a reply's opening word, before what it says
YES_NO = re.compile(rf"\s*{YES}\s*[.!]?\s*", re.IGNORECASE)  # alone: "Yes."
SPEAKS = re.compile(r",?\s+(says|said|explains|notes|adds|confirms|believes|thinks|dit|explique)\b")
# "The MedXperience article says ...": the source that says it, not what it is about
SOURCE = re.compile(r"\s+(article|interview|piece|report|page|text|document|source|post)s?\b", re.I)


def referent_of(question: str, answer: str) -> str:
    """What an answer is about: its answer span (the name that answered "who"), else the
    name that opens its first sentence (after "Yes," or "Non,") unless the question asked
    which one and named it (then the last name the answer adds), else the first name it adds
    to a question asking for a thing by its noun ("what projects ...?"), else ""."""
    from assistant.answer.spans import NAME_RUN, answer_span  # spans imports us, indirectly

    sentences = split_sentences(CITATION.sub("", answer))
    if sentences and YES_NO.fullmatch(sentences[0]):  # "Yes. GE set up ...": what follows it
        sentences = sentences[1:]
    first = sentences[:1]
    if not first:
        return ""
    opening = re.sub(rf"^\s*{YES}\b\s*[,;:\-–—]?\s*", "", first[0], flags=re.I)
    opening = ATTRIBUTED.sub("", opening)  # "Selon son CEO, « ... »": what is said, not who
    opening = PRESENTED.sub("", opening)  # "C'est l'AP-HP (...)": AP-HP
    counted = QUANTITY.match(opening)  # "Half of Inserm's units ...": Inserm; "Over 20 ...": none
    opening = re.sub(r"^(\S+)['’]s\b", r"\1", opening[counted.end() :]) if counted else opening
    if PLACE_ANSWER.match(opening):  # "À Paris-Saclay.": where it is, not what it is
        return ""
    match = NAME_RUN.match(opening)
    if match and SPEAKS.match(opening[match.end() :]):  # "Stéphane Roques says ...": who speaks
        return ""
    match = None if match and SOURCE.match(opening[match.end() :]) else match
    if match and not _unnamed(match.group(0)):
        said = match.group(0) in names_in(question) and WHICH.match(question)
        new = [n for n in names_in(first[0]) if fold(n) not in fold(question)] if said else []
        return new[-1] if new else _owned_name(match.group(0))  # "NeuroSpin ... du CEA": CEA
    span = answer_span(question, first[0])
    if span[:1].isupper() and not QUANTITY.match(span):
        return span
    new = [n for n in names_in(first[0]) if fold(n) not in fold(question) and not _unnamed(n)]
    return _owned_name(new[0]) if new and THING_ASKED.match(question) else ""


# an answer that presents what it names: "C'est l'AP-HP", "It's the Curie Institute"
PRESENTED = re.compile(
    r"^\s*(?:c['’]est|it['’]s|it is|il s['’]agit d['’e]|ce sont)\s+(?:l['’]|la |le |les |the )?",
    re.IGNORECASE,
)


def _unnamed(run: str) -> bool:
    """A run of capitalised words that names nothing: common words, elided ones too ("C'est"),
    and months only ("The July" of "The July 2018 Strategic Council")."""
    from assistant.answer.spans import MONTHS

    return all(common(w) or re.fullmatch(MONTHS, w, re.I) for w in words(run))


# a question asking for a thing by its noun: "what collaborative projects does Medicen foster?",
# "quels projets ...": what its answer names first, beyond the question's names, answers it
THING_ASKED = re.compile(
    r"\s*((and|et)\s+)?(what|which|quel|quelle|quels|quelles)\s+((kinds?|sorts?|types?) of\s+)?"
    r"(?!(is|are|was|were|does|do|did|can|could|will|would|should|has|have|had|about|if|sont|"
    r"est|a|ont)\b)[^\W\d_]",
    re.IGNORECASE,
)


# who says what the answer says, leading it: "Selon son CEO, ", "According to Medicen, "
ATTRIBUTED = re.compile(r"^\s*(selon|d['’]apr[èe]s|according to|as per)\s+[^,.;:]{1,60},\s*", re.I)


def _owned_name(run: str) -> str:
    """A name run as the thing it names: "The CEA's NeuroSpin" -> "NeuroSpin" (the owner's
    name and the article before it are not the thing)."""
    named = run.split()
    while len(named) > 1 and fold(named[0]) in STOPWORDS:
        named = named[1:]
    owner = next((i for i, w in enumerate(named[:-1]) if re.search(r"['’]s$", w)), None)
    return " ".join(named[owner + 1 :] if owner is not None else named)


# "the structuring one": the item of the last answer's list that the words before "one" name
ITEM_ONE = re.compile(r"\b(?:the|that|this)\s+(?P<item>[\w\-]+(?:\s+[\w\-]+)?)\s+ones?\b", re.I)


def named_item(question: str, answer: str) -> str:
    """ "what does the structuring one mean?" after "three pillars: promoting, structuring and
    animating" -> "what does structuring mean?": the words before "one", when the last answer
    says them (one of the things it named); "" otherwise."""
    match = ITEM_ONE.search(question)
    if not match or fold(match.group("item")) in STOPWORDS:
        return ""
    item = match.group("item")
    if not re.search(rf"\b{re.escape(fold(item))}\b", fold(answer)):
        return ""
    return f"{question[: match.start()]}{item}{question[match.end() :]}"


# a French verb inverted after an asking word, its pronoun the subject: "pourquoi
# a-t-elle choisi la France ?", "et combien a-t-elle de salariés ?" (not "y a-t-il", impersonal;
# not "le premier a-t-il ...", whose subject is named; not "où est-il situé ?", read as asked)
INVERTED_ASK = re.compile(
    r"(?P<ask>^\W*(?:(?:et|mais|alors|donc|ok)\W+)*(?:pourquoi|quand|comment|combien|"
    r"[àa] quoi|de quoi|depuis quand|depuis combien de temps)\s+)"
    r"(?P<verb>(?<!\by )[a-zàâçéèêëîïôûùüÿ]+)-(?:t-)?(?P<pronoun>il|elle|ils|elles)\b",
    re.IGNORECASE,
)


def uninverted(question: str) -> str:
    """The question with its inverted pronoun put before its verb, as spoken French says it
    ("pourquoi elle a choisi la France ?"): where a name can stand for it."""
    return INVERTED_ASK.sub(
        lambda m: f"{m.group('ask')}{m.group('pronoun')} {m.group('verb')}", question, count=1
    )
