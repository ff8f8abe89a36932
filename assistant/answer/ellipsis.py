"""Elliptic follow-ups: "and in Saclay?", "et curie ?", "what about oncology?" restate the
previous question with the new term in place of its own term of the same sort."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.ellipsis_named import restate_named
from assistant.answer.relative_year import YEAR
from ingest.store.text import STOPWORDS, fold, words

if TYPE_CHECKING:
    from assistant.answer.gazetteer import Gazetteer

FOLLOW_UP_OPENINGS = ("and ", "et ", "what about", "et pour", "how about")

ELLIPSIS = re.compile(
    r"^\s*(?:and|et|but|mais)?\s*(?:what about|how about|and|et|quid de|qu['’]en est-il)?\s*"
    r"(?P<place>(?:in|at|à|a|au|aux|en|dans|near|près de)\s+)?"
    r"(?:(?:for|of|with|on|pour|de|du|des|chez|avec|sur)\s+)?"
    r"(?:(?P<article>the|le|la|les)\s+)?(?:[ld]['’])?"
    r"(?P<name>[^?!.]+?)\s*[?!.]*\s*$",
    re.IGNORECASE,
)
NAMES = re.compile(r"[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ](?:\s+[A-ZÀ-ÖØ-Þ][\w\-’'&]*[\wÀ-ÿ])*")
PLACE_BEFORE = re.compile(r"\b(in|at|à|au|aux|en|near)\s+$", re.IGNORECASE)
# the word before a term says what it is: a place (after "in", "à"), a thing named by a
# common noun (after "the", "le"), a field or topic (after "on", "about", "sur")
PLACE_WORDS = frozenset("in at à au aux en near dans".split())
ARTICLES = frozenset("the le la les l' un une a an".split())
TOPIC_WORDS = frozenset("on about sur for pour of de du des d' with avec against contre".split())
TOKEN = re.compile(r"[ld]['’](?=\w|$)|\w[\w\-&]*(?:['’]s\b)?", re.IGNORECASE)


def restate_ellipsis(question: str, previous: str, known: Gazetteer | None = None) -> str:
    """ "And in Saclay?" after "Which organisations are in Villejuif?": the previous question
    with the new term in place of its own term of the same sort: a place for a place ("and in
    the yvelines?"), a name for a name ("et curie ?" after "Où se trouve Gustave Roussy ?"
    -> "Où se trouve Curie ?"), a noun after an article for one ("and the president?" after
    "Who is the CEO of Medicen?"), a field for a field ("what about oncology?" after "... works
    on infectious diseases?"); "" when it is no elliptic "and X?" or has no such term."""
    opening = question.lower().startswith(FOLLOW_UP_OPENINGS + ("but ", "mais ", "quid "))
    match = ELLIPSIS.match(question) if opening else None
    name = match.group("name").strip() if match else ""
    if not match or not name or len(name.split()) > 4:
        return ""
    if (named := restate_named(name, question, previous, known)) is not None:
        return named  # "and lilly?": an organisation for an organisation
    place, article = bool(match.group("place")), bool(match.group("article"))
    years = list(YEAR.finditer(previous))
    if YEAR.fullmatch(name):  # "what about 2017?": a year for the year ("... in 2016?")
        old = years[-1].span() if years else None
    elif NAMES.fullmatch(name):
        old = _name_slot(previous, place)
    elif _one_term(name):  # a lowercase name or a term ("AI and precision medicine")
        old = _term_slot(previous, place, article)
        if (
            old and previous[old[0]].isupper() and (place or not article)
        ):  # in a name's place: a name
            name = " ".join(w[:1].upper() + w[1:] for w in name.split())
    else:
        return _shared_frame(question, previous)
    if old is None:
        return ""
    start, end = old
    end -= 2 if re.search(r"['’]s$", previous[start:end]) else 0  # keep "'s"
    elided = re.search(r"\b([ld])['’]$", previous[:start], re.IGNORECASE)
    if elided:  # "l'Institut Curie" -> "Gustave Roussy", "d'Inserm" -> "de Genopole"
        start -= 2
        own = f"{match.group('article')} {name}" if article else name  # "sur la cardiologie"
        name = own if elided.group(1).lower() == "l" else f"de {name}"
    return f"{previous[:start]}{name}{previous[end:]}"


COORDINATION = frozenset("and or et ou".split())


def _one_term(name: str) -> bool:
    """A term or terms joined by "and", "or" ("AI and precision medicine"): content words
    between the conjunctions, none at either end."""
    own = words(name)
    if not own or fold(own[0]) in COORDINATION or fold(own[-1]) in COORDINATION:
        return False
    return all(fold(w) in COORDINATION or fold(w) not in STOPWORDS for w in own)


def _name_slot(previous: str, place: bool) -> tuple[int, int] | None:
    """The previous question's last name (the last one after "in", "à" when ``place``)."""
    runs = _names(previous)
    at_place = [m for m in runs if PLACE_BEFORE.search(previous[: m.start()])]
    others = [m for m in runs if m not in at_place]
    chosen = (at_place or others) if place else (others or at_place)
    return chosen[-1].span() if chosen else None


def _names(text: str) -> list[re.Match[str]]:
    """The runs of capitalised words of ``text`` that are not all common words."""
    return [
        m for m in NAMES.finditer(text) if not all(fold(w) in STOPWORDS for w in words(m.group(0)))
    ]


def _term_slot(previous: str, place: bool, article: bool) -> tuple[int, int] | None:
    """The previous question's last term of the sort a lowercase follow-up term is: after a
    place word when it says "in"; after an article when it has one; else a lowercase field
    after a preposition ("on infectious diseases"), else the one name it has."""
    terms = _terms(previous)
    if place or article:
        kinds = PLACE_WORDS if place else ARTICLES
        chosen = [span for span, before in terms if kinds.intersection(before.split())]
        return chosen[-1] if chosen else None
    fields = [
        span
        for span, before in terms
        if TOPIC_WORDS.intersection(before.split()) and previous[span[0]].islower()
    ]
    if fields:
        return fields[-1]
    # a lowercase word may be a name or a common noun ("and funding?"): it takes the place
    # of a name only when the previous question names one thing and nothing else
    return _name_slot(previous, False) if len(_names(previous)) == 1 else None


def _terms(text: str) -> list[tuple[tuple[int, int], str]]:
    """The runs of content words of ``text`` (a capitalised run apart from a lowercase one),
    each with its span (a parenthesis after it included: "Essonne (91)") and the word before."""
    terms: list[tuple[tuple[int, int], str]] = []
    before, start, end, upper = "", -1, -1, False
    for token in TOKEN.finditer(text):
        word = token.group(0)
        content = fold(word) not in STOPWORDS and not word.endswith(("'", "’"))
        joined = start >= 0 and not text[end : token.start()].strip()
        if content and joined and word[:1].isupper() == upper:
            end = token.end()
            continue
        if start >= 0:
            terms.append(((start, end), before))
            start = -1
        if content:
            start, end, upper = token.start(), token.end(), word[:1].isupper()
            before = _word_before(text, start)
    if start >= 0:
        terms.append(((start, end), before))
    return [(_with_parenthesis(text, span), before) for span, before in terms]


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` ("l'" for an elided article), with the preposition before
    that article ("sur la" in "sur la neurologie", "in the" in "in the Essonne")."""
    found = [w.lower().replace("’", "'") for w in TOKEN.findall(text[:start])]
    if len(found) > 1 and found[-1] in ARTICLES and found[-2] in PLACE_WORDS | TOPIC_WORDS:
        return f"{found[-2]} {found[-1]}"
    return found[-1] if found else ""


def _with_parenthesis(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span extended over the parenthesis that follows it: "Essonne (91)"."""
    after = re.match(r"\s*\([^()]*\)", text[span[1] :])
    return (span[0], span[1] + after.end()) if after else span


CONTRACTED = re.compile(r"\b(who|what|where|how)['’]s\b", re.IGNORECASE)


def _shared_frame(question: str, previous: str) -> str:
    """ "and how many staff?" after "how many hospitals does AP-HP run": a follow-up that
    opens with the previous question's own common words, then names a new term, asks the
    previous question of that term ("how many staff does AP-HP run"); else ""."""
    rest = CONTRACTED.sub(r"\1 is", re.sub(r"^\s*(and|et|but|mais)\s+", "", question, flags=re.I))
    own = list(TOKEN.finditer(rest))
    theirs = list(TOKEN.finditer(previous))
    shared = 0
    while (
        shared < min(len(own), len(theirs))
        and fold(own[shared].group(0)) == fold(theirs[shared].group(0))
        and fold(own[shared].group(0)) in STOPWORDS
    ):
        shared += 1
    new = own[shared:]
    if not shared or not 0 < len(new) <= 4 or shared >= len(theirs):
        return ""
    if any(fold(w.group(0)) in STOPWORDS for w in new):
        return ""
    at = theirs[shared].start()
    slot = next((span for span, _ in _terms(previous) if span[0] == at), None)
    if slot is None:
        return ""
    term = rest[new[0].start() : new[-1].end()]
    return f"{previous[:at]}{term}{previous[slot[1] :]}"


# "What else? Any other foreign companies that moved in?", "D'autres entreprises qui ... ?":
# more of what the previous answer listed
MORE = re.compile(
    r"^\s*(?:(?:and\s+|so\s+)?(?:what|who) else\s*[?!.,]*\s*|"
    r"(?:et\s+)?quoi d['’]autre\s*[?!.,]*\s*)?"
    r"(?:(?:are there|were there|is there)\s+)?"
    r"(?:(?P<en>any|some)\s+other|(?P<fr>d['’]autres))\s+"
    r"(?P<noun>[^?!.]+?)(?:\s+(?:that|which|who|qui)\s+(?P<verb>[^?!.]+?))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)


def more_of(question: str) -> str:
    """ "Any other foreign companies that moved in?" asks for more of a list: "Which other
    foreign companies moved in?" ("Quels sont les autres incubateurs ?"); "" when it does not."""
    match = MORE.match(question)
    if not match:
        return ""
    verb = f" {match.group('verb')}" if match.group("verb") else ""
    if match.group("en"):
        return f"Which other {match.group('noun')}{verb}?"
    return f"Quels sont les autres {match.group('noun')}{verb} ?"


# "Where is the French one, Guerbet, based?": the name in apposition is the subject
APPOSITION = re.compile(
    rf"\b(?:the|le|la|l['’])\s+(?:[\w\-]+\s+)?(?:one|celui|celle)(?:\s+[\w\-]+)?,\s*"
    rf"(?P<name>{NAMES.pattern}),?"
)
# "Does it play any other role?": something besides what the last exchange was about
OTHER = re.compile(r"\b(other|else|autres?)\b", re.IGNORECASE)
# words that hedge what is asked without changing it ("il est où exactement ?")
HEDGES = re.compile(r"\s+(exactement|exactly|précisément|precisely)\b", re.IGNORECASE)

# a French question's inverted subject: "Servier veut-il", "Medicen a-t-elle"
INVERTED = re.compile(r"\s+[\w’']+-(?:t-)?(?:il|elle|ils|elles)\b", re.IGNORECASE)
# an answer that opens with a place: "À Paris-Saclay, d'ici 2021.", "In Évry."
WHICH = re.compile(r"\s*((and|et)\s+)?(which|who|quel|quelle|quels|quelles|qui)\b", re.I)
PLACE_ANSWER = re.compile(r"(?i:à|a|au|aux|en|in|at|near|dans|près de)\s+[A-ZÀ-ÖØ-Þ]")


# "son siège social", "sa date de création", "sa plateforme d'imagerie médicale": the noun
# phrase a possessive opens, its noun, one adjective and its complements ("sa stratégie repose
# sur quoi ?": a verb follows, no owned phrase ends there)
OF = r"(?:\s+(?:d['’]|de\s+|du\s+|des\s+)[\w\-]+)*?"
# what follows the owned phrase ("son siège, il est où ?", "leur site web c'est quoi ?")
ENDS = r"(?:pour|en|à|au|aux|dans|il|elle|ils|elles|est|sont|c['’]est|ce sont)"
OWNED = (
    rf"\b(son|sa|ses|leur|leurs)\s+([\w\-]+{OF}(?:\s+(?!(?:d['’]|de|du|des|{ENDS})\b)[\w\-]+)?"
    rf"{OF})(?=\s*[,?!.]|\s+{ENDS}\b|\s*$)"
)
FRENCH_POSSESSIVE = {"son": "le", "sa": "la", "ses": "les", "leur": "le", "leurs": "les"}


# an answer that opens with a quantity ("Half of", "Over 20", "La moitié des", "Environ 70") is
# about what it counts, not about the quantity
QUANTITY = re.compile(
    r"(?:(?i:half|most|all|some|many|few|none|over|about|around|nearly|almost|roughly|"
    r"approximately|more than|less than|fewer than|up to|at least|two thirds|a third|a quarter|"
    r"la moitié|la plupart|plus de|moins de|environ|près de|pres de|presque|au moins|un tiers|"
    r"deux tiers|un quart)\b\s*(?:\d[\d\s,.]*)?|\d[\d\s,.]*)\s*(?i:%|percent|pour ?cent)?\s*"
    r"(?i:of|de|des|du|d['’])?\s*(?i:the|les|la|le|l['’])?\s*"
)


# a question that asks who someone is, at its start or after what opens it ("je suis
# journaliste, qui est le président de Medicen ?")
ASKED_WHO = re.compile(r"(?:^|[,:;.]\s*)\s*((and|et|so|alors)\s+)?(who|whom|qui)\b", re.IGNORECASE)


# the asking words a French or a spoken question ends on: "et le président c'est qui ?", "and
# the president is who?"
ASKED_LAST = re.compile(
    r"\s+(?:c['’]est|c|est|sont|is|was|are|were)\s+(?:qui|quoi|o[uù]|quand|combien|who|what|"
    r"where|when)\s*[?!.]*\s*$",
    re.IGNORECASE,
)


def owned_by(question: str, of: str, owner: str) -> str:
    """The question with its owner after what it asks of ("and who's the president?" -> "and
    who's the president of Medicen?"), before the asking words it ends on ("et le président
    c'est qui ?" -> "et le président de Medicen c'est qui ?")."""
    last = ASKED_LAST.search(question)
    if last and last.start() > 0:
        return f"{question[: last.start()]} {of} {owner}{last.group(0).rstrip(' ?!.')} ?"
    return f"{question.rstrip(' ?!.')} {of} {owner}?"


# the region, which a follow-up's subject is not: "the Paris region", "Île-de-France"
REGION_NAME = re.compile(r"^(?:ile-de-france|idf)$")  # the region by its own name, folded
REGION_RUN = re.compile(r"^(?:paris|france)$|^paris region$")  # it, when "region" follows
REGION_AFTER = re.compile(r"^\s+(?:region|area|r[ée]gion)\b", re.IGNORECASE)


def named_runs(text: str) -> list[str]:
    """The runs of capitalised words that name something, the region named as the region left
    out ("Is Guerbet actually based in the Paris region?": Guerbet)."""
    runs = []
    for m in NAMES.finditer(text):
        own = words(m.group(0))
        while own and fold(own[0]) in STOPWORDS:  # "Is Guerbet ...": Guerbet
            own = own[1:]
        run = " ".join(own)
        region = REGION_RUN.match(fold(run)) and REGION_AFTER.match(text[m.end() :])
        if own and not region and not REGION_NAME.match(fold(run)):
            runs.append(run)
    return runs
