"""More question shapes, English and French, beside :mod:`assistant.answer.shapes`: whether
an organisation exists that the asker could turn to ("is there an organisation that supports
...?", "existe-t-il un programme auquel se raccrocher ?", "vers quel institut me tourner ?",
"is anyone building ...?": who to work with), who heads a named organisation (a fact, even
with "à qui m'adresser"), and whether a thing is in Paris or in its suburbs (where it is)."""

from __future__ import annotations

import re

from assistant.answer.partner_shapes import asks_partner
from assistant.answer.questions import asking, question_parts
from assistant.answer.shapes import LOCATE_THERE, asks_where
from ingest.directory.departements import DEPARTEMENTS

THERE_IS = (
    r"(is there|are there|y a-t-il|y a t il|y a-t'il|existe-t-il|existe-t-elle|existe-t-ils|"
    r"existe t il|est-ce qu['’]il (y a|existe)|il existe|"
    # spoken French asks with the statement's words: "y a un cluster qui ... ?"
    r"(il )?y a)"
)
SOUGHT = (
    r"(organi[sz]ations?|organismes?|programmes?|programs?|initiatives?|networks?|réseaux?|"
    r"reseaux?|clusters?|pôles?|poles?|bodies|body|structures?|dispositifs?|institutes?|"
    r"instituts?|incubators?|incubateurs?|platforms?|plateformes?|projets?|projects?|"
    r"consortium|consortia|associations?|agenc(y|ies)|agences?|hubs?|one|anyone|anybody|"
    r"someone|somebody|quelqu['’]un)"
)
# a relative clause that says what the organisation sought does (not where it is placed)
DOES = r"(that|which|who|whom|qui|que|auquel|auxquels|auxquelles|à laquelle|dont|to join)"
EXISTS = re.compile(
    rf"\b{THERE_IS}\s+(an?|any|some|une?|des|d['’]|du)?\s*(\w+\s+){{0,2}}?{SOUGHT}\b"
    rf"[^?]{{0,50}}?\b{DOES}\b",
    re.IGNORECASE,
)
# "is anyone building a single point of contact?", "quelqu'un construit-il ...?"
ANYONE = re.compile(
    r"\b(is|are) (anyone|anybody|someone|somebody|any organi[sz]ations?|any groups?) "
    r"(\w+ )?(building|doing|running|offering|organi[sz]ing|coordinating|working|leading|"
    r"setting up|creating|developing|supporting|helping)\b|"
    r"\bquelqu['’]un (qui )?(construi|organis|coordonn|port|pilot|mont|propos|travaill)\w*",
    re.IGNORECASE,
)
# "vers quel institut de la région me tourner ?", "vers quelles équipes nous orienter ?"
TURN_TO = re.compile(
    r"\bvers (quel|quelle|quels|quelles|lequel|laquelle|lesquel\w*)\b[^?]{0,60}?"
    r"\b(me|nous|se|m['’]|s['’]|on) ?(tourner|orienter|diriger|adresser)\b|"
    r"\bwhich (\w+ ){1,4}?(should|could|can|do) (i|we) (turn|go|reach out) to\b|"
    # "which ones should be on my list?", "lesquelles devraient figurer sur ma liste ?"
    r"\b(which|what|quels?|quelles?|lesquel\w*)\s+(\w+\s+){0,3}?(should|would|ought to|"
    r"devrai\w*|devrai\w*|devraient)\s+(be on|make|go on|figurer sur|être sur|etre sur)\s+"
    r"(my|our|the|ma|notre|la)\s+(short\s?)?(list|liste)\b",
    re.IGNORECASE,
)
# "qui est à la tête de Medicen ?", "who heads Genopole?": a person, a fact of the sources
NAMED = r"(?-i:[A-ZÀ-Þ])"
HEADS = re.compile(
    r"\b(qui (est|sont|était|etait) (à la tête|a la tete|aux commandes|le (directeur|président|"
    r"president|pdg|patron|dirigeant|responsable)|la (directrice|présidente|presidente|"
    r"dirigeante|responsable))|qui (dirige|préside|preside|pilote)|who (heads|leads|runs|"
    r"chairs|directs|manages|is (at the head|the head|in charge|the (ceo|head|director|"
    r"president|chair|chairman|chairwoman|boss))))\b"
    rf"\s*((of|de|du|des|d['’])\s*)?(the\s+|la\s+|le\s+|l['’])?{NAMED}",
    re.IGNORECASE,
)
# "c'est dans Paris intra-muros ou en banlieue ?", "is it in Paris proper or the suburbs?"
SUBURBS = (
    r"(banlieue|suburbs?|outskirts|périphérie|peripherie|petite couronne|grande couronne|"
    r"en dehors|hors de paris|outside)"
)
PARIS_OR_SUBURBS = re.compile(
    r"\b(dans|à|a|en|in|inside|within)\s+(paris|la ville)(\s+(intra-muros|intra muros|même|"
    r"meme|proper|itself|city|centre|center))?\s*,?\s*(ou|or)\s+(bien\s+)?((in|en|dans)\s+)?"
    rf"(the\s+|la\s+|sa\s+|its\s+)?{SUBURBS}\b",
    re.IGNORECASE,
)


# "on cherche une plateforme d'IRM ...", "we're looking for an incubator": an organisation sought
LOOKING_FOR = re.compile(
    r"\b((je|on|nous) (re)?cherch(e|ons)|(we|i)(['’]re|['’]m| are| am)? (looking|searching) for|"
    rf"(we|i) (seek|need))\s+(an?|une?|des|some|a few)\s+(\w+\s+){{0,2}}?{SOUGHT}\b|"
    # "help me find a lab doing MRI", "aidez-moi à trouver une équipe ..."
    r"\b(help (me|us) (to )?find|(can|could) (you|u) find( me| us)?|aide[rz]?[- ](moi|nous) (à|a) "
    r"trouver|m['’]aider (à|a) trouver|trouve[rz]?[- ](moi|nous))\s+(an?|une?|des|some|a few|"
    rf"the right|a good|un bon|une bonne)\s+(\w+\s+){{0,2}}?({SOUGHT}|labs?|laborator(y|ies)|"
    r"labos?|laboratoires?|teams?|équipes?|equipes?|partners?|partenaires?)\b",
    re.IGNORECASE,
)
# "oncology partners paris?", "partenaires oncologie ?": a terse noun phrase naming partners
ASKED_WORD = r"(who|whom|what|which|where|when|how|why|qui|que|quoi|quel\w*|où|comment|pourquoi)"
TERSE = re.compile(
    rf"^\s*(?!{ASKED_WORD}\b)([\w\-]+\s+){{0,3}}(?<!['’]s )(partners?|partenaires?|"
    r"collaborators?|collaborateurs?)(\s+(?!(of|de|du|des|d)\b)[\w\-’']+){0,4}\s*[?!.]*\s*$",
    re.IGNORECASE,
)

# "quel institut serait un partenaire naturel ?", "which cluster would be a good partner for us?"
WOULD_BE_PARTNER = re.compile(
    r"\b(which|what|quel|quelle|quels|quelles)\s+(\w+\s+){1,3}?(would|could|might|serait|"
    r"seraient|pourrait|pourraient)\s+(be\s+|être\s+|etre\s+)?(an?|une?|des|the|le|la|les|my|our|"
    r"mon|ma|notre|nos|mes)\s+(\w+\s+)?(partners?|partenaires?|collaborators?|collaborateurs?)\b",
    re.IGNORECASE,
)


def seeks_partner(question: str) -> bool:
    """Who to work with or turn to (:func:`shapes.asks_partner`, whether an organisation exists
    that could help, "vers quel X me tourner", an organisation looked for, "X partners?"), never
    who heads a named organisation."""
    if HEADS.search(question):
        return False
    if any(p.search(question) for p in (TURN_TO, ANYONE, LOOKING_FOR, TERSE, WOULD_BE_PARTNER)):
        return True
    if asks_partner(question):
        return True
    return bool(EXISTS.search(question)) and not LOCATE_THERE.search(question)


# "lequel de A, B et C est à Paris ?", "which of them are located outside the region?": which
# of the things named is in a place (a capitalised one, after its article)
WHICH_ONE_IN = re.compile(
    r"\b(which|lequel|laquelle|lesquels|lesquelles)\b[^?]{0,80}?\b(is|are|est|sont|se trouvent|"
    r"se trouve|se situe|se situent)(?P<negated>n['’]t|\s+not|\s+pas)?\s+"
    r"((based|located|situated|basée?s?|située?s?|installée?s?)\s+)?"
    r"((in|at|à|dans|en)\s+((the|le|la|les)\s+|l['’])?((?-i:[A-ZÉÎ])|\d\d\b|"
    # a département typed in lower case: "lequel est en seine-saint-denis ?"
    rf"(?:{'|'.join(re.escape(name) for name in DEPARTEMENTS.values())})\b)|"
    r"(outside|hors|en dehors)\b)",
    re.IGNORECASE,
)


# whether a thing is in a place: "Is OncoDesign actually based in the Paris region?", "Gustave
# Roussy est-il situé à Villejuif ?" ("which of those isn't in Paris?": ``WHICH_ONE_IN``)
IS_IN = re.compile(
    r"^\s*(and\s+|et\s+)?(is|are)\s+(?!there\b|it\b|this\b|that\b|these\b|those\b)[^?]{2,50}?"
    r"\s+((really|actually|still)\s+)?(based\s+|located\s+|situated\s+|headquartered\s+)?"
    r"(in|at|outside)\s+((the|la|le)\s+)?(?-i:[A-ZÉÎ])|"
    r"\b(est|sont)-(il|elle|ils|elles)\s+((vraiment|bien)\s+)?(basée?s?|située?s?|installée?s?|"
    r"implantée?s?)\s+(à|a|en|dans|hors)\b",
    re.IGNORECASE,
)


def seeks_place(question: str) -> bool:
    """Where something is (:func:`shapes.asks_where`), whether it is in Paris or outside, in a
    place, which of the things named is in a place."""
    return (
        asks_where(question)
        or bool(PARIS_OR_SUBURBS.search(question))
        or bool(WHICH_ONE_IN.search(question))
        or bool(IS_IN.search(question))
    )


# a word that asks: a part without one ("vous savez si X est installé dans le coin, et dans
# quelle commune ?") asks no other thing
ASKS = re.compile(
    r"\b(what|which|who|whom|when|how|why|quel\w*|qui|quoi|quand|comment|combien|pourquoi)\b",
    re.IGNORECASE,
)


def where_parts(question: str) -> tuple[list[str], list[str]]:
    """The parts of the asking clauses that ask where ("Where is X based") and those that ask
    something else ("and what year did it open Y?"); ([], []) when no part asks where."""
    parts = question_parts(asking(question)[0])
    where = [part for part in parts if seeks_place(part)]
    besides = [part for part in parts if part not in where and ASKS.search(part)]
    return (where, besides) if where else ([], [])


def without_suburbs(question: str) -> str:
    """The question less its "in Paris or in the suburbs" (words that frame a place asked)."""
    return PARIS_OR_SUBURBS.sub(" ", question)


# "an organisation that supports companies in diagnostics": a go-between sought (a cluster, a
# network, an incubator), not a company of the field
SUPPORTS = re.compile(
    r"\b(organi[sz]ations?|organismes?|structures?|bodies|body|anyone|quelqu['’]un)\s+"
    r"(that|which|who|qui)\s+(\w+\s+)?(supports?|helps?|accompan\w+|backs?|assists?|"
    r"soutien\w*|aide\w*|accompagne\w*|appuie\w*)\b",
    re.IGNORECASE,
)
