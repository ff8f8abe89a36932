"""Question shapes for the directory's answers, English and French: where something is or where
to set up (``locate``), who to work with (``partner``). Shapes only, never the answer to one
question. A message addressed to the assistant itself is read in ``addressed.py``."""

from __future__ import annotations

import re

from assistant.answer.place_pointed import LOCATE_ANY_IN

WE = r"(we|i|us|my|our|one|a|an|the|nous|je|on|notre|mon|ma|nos|un|une)"
SET_UP = (  # "open" the verb, before its object or a place ("open an office", "open here"), not
    # the adjective of a compound ("Sanofi's open innovation lab")
    r"(set up|setup|settle|locate|relocate|establish|base|open(?!\s+(?!(a|an|our|the|my|its|"
    r"their|one|some|up|shop|in|at|near|here|there|un|une|notre|nos|des|à|a|en|dans|près)\b)"
    r"[a-zà-ÿ\-]+)|install|start|move|be based|"
    r"implanter|installer|établir|etablir|s['’]implanter|s['’]installer|s['’]établir|ouvrir)"
)
# the asker's own unit, placed: "where should our european lab go?"
UNIT = (
    r"(labs?|laborator(y|ies)|offices?|r&d( cent(re|er)s?)?|cent(re|er)s?|headquarters|hq|sites?|"
    r"plants?|factor(y|ies)|facilit(y|ies)|teams?|subsidiar(y|ies)|branch|hub|company|business|"
    r"startup|start-up)"
)
# "where in the region should we ...": the region named between the asking word and its verb
IN_REGION = r"((in|around|near|en|dans)\s+(the\s+|la\s+|l['’])?([\w\-]+\s+){1,2}?)?"
ASKS_WHERE = (
    r"(should|could|can|would|might|must|to|do|does|is it best to|devrions|devrais|devons|dois|"
    r"devrait-on|devrait|doit-on|faudrait-il|"
    r"pourrions|pourrais|peut-on|peut|faut-il|vaut-il|conseillez|nous|me|m['’]|s['’]|se)"
)
PLACE_NOUN = (  # "which department is Orsay in?" (not "which department of the CEA")
    r"(parts?|districts?|towns?|city|cities|campus|campuses|locations?|places?|sites?|"
    r"cluster of places|parties?|zones?|secteurs?|villes?|communes?|endroits?|territoire|"
    r"département|departement|quartiers?|arrondissements?|department(?= (is|are)\b[^?]*\bin ?\?*$))"
)
# a thing done, past: "in which town did Sanofi open its lab?", "dans quelle ville a-t-il
# ouvert...": what happened, a fact of the sources, not where to set up
DONE = (
    r"(did|was|were|had|has been|have been|a-t-(il|elle|on)|ont-(ils|elles)|"
    r"(a|ont|avait|avaient) (été |ete )?\w+(é|és|ée|ées|is|it|ert|erts)\b)"
)
# set up, done by others: "where have other groups put theirs?", "où les autres se sont-ils
# installés ?": where the field's organisations already are, a siting question
SET_UP_DONE = (
    r"(put|placed|set up|settled|located|relocated|established|based|opened|installed|moved|"
    r"(install|implant|établ|etabl)\w*)"
)
OTHERS = (
    r"(other|others|most|many|competitors|peers|rivals|similar|comparable|"
    r"(main |key |big |leading )?(players|companies|acteurs)|"
    r"autres|la plupart|concurrents)"
)
LOCATE_SITING = re.compile(
    rf"\b(where|où)\s+{IN_REGION}{ASKS_WHERE}\b[^?]{{0,60}}(?<![dl][’'])\b{SET_UP}\b|"
    # "where should our european lab go?", "where should we put our lab?": the asker's own unit
    rf"\b(where|où)\s+(should|would|could)\s+((our|my)\s+(\w+\s+)?{UNIT}\s+(go|be)|(we|i)\s+"
    rf"put\s+(our|my)\s+(\w+\s+)?{UNIT})\b|"
    rf"\b(where|où)\s+((have|did|do|are|ont|sont)\s+)?(the\s+|les\s+)?{OTHERS}\b[^?]{{0,40}}"
    rf"\b{SET_UP_DONE}\b|"
    r"\b(which|what) (\w+ )?areas? (of|in) (the )?(paris|region|greater|île|ile)\b|"
    rf"\b(which|what|quel|quelle|quels|quelles)( \w+)? {PLACE_NOUN}\b"
    rf"(?! of (the )?(project|programme|hub))(?![^?]*\b{DONE})|"
    rf"\b(nous|m['’]|s['’]|se) ?(implanter|installer|établir|etablir)\b.*\b(où|ou|quel\w*)\b|"
    r"\bbest (place|location|area) (to|for)\b|\bmeilleur (endroit|emplacement|site)\b",
    re.I,
)
# "where is NeuroSpin?", "où se trouve l'Institut Curie ?": where a thing is now (not where an
# event took place, or where something was opened: those are facts of the sources)
LOCATE_ENTITY = re.compile(
    r"(?i)^\s*(and |et )?(where ((exactly|precisely) )?(is|are)|where's|where can i find|"
    r"(où|ou) (se trouve(nt)?|est|sont|est situé(e)?s?|sont situé(e)?s?|est basé(e)?|"
    r"sont basé(e)?s|se situe(nt)?))\b"
    r"(?! (it|they|he|she|il|elle|ils|elles|its|their|his|her|sa|son|ses|leur|leurs)\b)|"
    # where an event is held: "where does MedXperience take place?", "où se tient X ?", "where
    # was X held?", "où se tenait X ?" (its venue: the directory's)
    r"^\s*(and |et )?(where (does|did|will|do) [^?]{1,60}? (take place|happen)|"
    r"where (is|was|will) [^?]{1,60}? (be )?held\b|(où|ou) (se tien"
    r"(t|nent|dra|drait)|se tenai(t|ent)|se déroul(e|ent|era|ait)|a eu lieu|aura lieu|a lieu|"
    r"avait lieu|se passe(nt|ra)?|s['’]est (tenue?|d[ée]roul[ée]e?|pass[ée]e?)|"
    r"se sont (tenue?s|d[ée]roul[ée]e?s)))\b|"
    # where in a part of the region: "where in the Hauts-de-Seine is Roche?"
    r"^\s*(and |et )?where in (the )?[\w'’\-]+( [\w'’\-]+)? (is|are)\b|"
    # where its sites are: "where do GE and Philips have their sites?"
    r"^\s*(and |et )?where (do|does) [^?]{1,60}? (have|has) (their|its) (main )?(sites?|offices?|"
    r"premises|locations?|facilit(y|ies)|hq|headquarters|head offices?)\b|"
    # the subject put after: "ils sont où les incubateurs A et B ?"
    r"\b(ils|elles|il|elle) (sont|est) (où|ou) (les|la|le|l['’])\s*\w",
)
LOCATE_AFTER = re.compile(  # "et X, il est situé où ?", "X is located where?", "X cest ou en idf"
    r"\b(c['’]?est|est|sont|se trouve(nt)?|se situe(nt)?|is|are|se passe(nt)?|se tien(t|nent)|"
    r"a lieu|a eu lieu|se déroule(nt)?)\s+((situé|basé|installé|implanté|"
    r"located|based|situated)(e|es|s)?\s+)?(où|ou|where)(\s+(exactement|exactly|précisément|"
    r"precisely))?(\s+(in|en|dans|à|a|around|near|autour de|de|du|of)(\s+[\w\-’']+){1,3})?"
    r"\s*(\?\s*$|\?\s+\S|$)",  # "X c'est ou exactement ? dans l'essonne ?": the first
    re.IGNORECASE,
)
# the town or département after "in": never the region itself
TOWN = (
    r"(?:(?:the|le|la|les)\s+|l['’])?(?!(?:the|le|la|les)\s)"
    r"(?!(paris region|region|île-de-france|ile-de-france|idf|france|europe)\b)"
    # an adverb after "in": "which town is Guerbet in exactly?"
    r"(?!(?:exactly|exactement|precisely|précisément|precisement|now|then|currently|actually|"
    r"actuellement|maintenant)\b)"
    r"([A-ZÉÈ\d][\w’'\-]+)\b"
    # "the Paris ecosystem", "the Paris area": the region, not the town
    r"(?!\s+(ecosystem|area|region|scene|market|metropolitan|écosystème|ecosysteme)\b)"
)
IN_DIRECTORY = r"(?:(?:in|dans)\s+(?:your|the|votre|ton|l['’])\s*(?:directory|annuaire)\s*)?"
# placed: "based", "installé", "implantés" (written with or without its accent)
PLACED = r"(based|located|situated|established|set up|installed|(install|implant|bas|situ)[ée]\w*)"
# "which organisations are in Villejuif?", "quels organismes sont à Villejuif ?", "et lesquels
# sont à Suresnes ?"
LOCATE_TOWN = re.compile(
    r"\b(which|what|quels|quelles|lesquels|lesquelles)\b[^?]{0,40}\b(are|is|sont|se trouvent|"
    r"sits?)( \w+)? "
    r"(based |located |situated |basés |situés |installés )?(in|at|à|a|en|dans)\s+"
    rf"{TOWN}|"
    # "who is (who's) based in Suresnes?", "qui est installe a Suresnes ?": placed there, said so
    rf"\b(?:(who|qui)\b (is|are|est|sont)|who['’](s|re)) ({PLACED}|listed|recens[ée]e?s?) "
    rf"(in|at|à|a|en|dans)\s+{TOWN}(?=\s*(?:\(\d+\)\s*)?{IN_DIRECTORY}(?:[?.!,;]|$))",
    re.IGNORECASE,
)
# "who else is based in Suresnes?", "y a autre chose côté santé dans le 78 ?": what else a town
# or a département holds
LOCATE_ELSE = re.compile(
    r"\b(who else|anything else|anyone else|anybody else|qui d['’]autre|quoi d['’]autre|"
    r"autre chose|d['’]autres [\w\-]+)(\s+(is|are|est|sont|based|located|there|côté|cote|"
    r"health|santé|sante))*\s+(in|at|à|a|dans|en)\s+"
    rf"{TOWN}",
    re.IGNORECASE,
)
# "any health orgs in villepinte?", "des labos à Évry ?": a short query for what a town holds
LOCATE_ANY = re.compile(
    r"^\s*(any|are there any|des|quels?|quelles?)\s+([\w\-]+\s+){1,3}?(in|at|around|near|"
    rf"close to|à|a|dans|vers|près de|pres de)\s+{TOWN}\s*\??\s*$",
    re.IGNORECASE,
)
# "is NeuroSpin in Paris proper or out of town?", "est-ce que Guerbet est à Paris ?": whether a
# thing is in the city or the region asks where it is
INSIDE = re.compile(
    r"^\s*(and |et )?(is|are|est-ce que|est-ce qu['’])\s+[^?]{1,60}?\s+((located|based|situated|"
    r"est|sont|situ[ée]e?s?|bas[ée]e?s?)\s+)*(in|inside|outside|out of|within|à|a|en|dans|"
    r"hors de)\s+(paris|the (paris )?region|île-de-france|ile-de-france|idf|town|the city|la ville|"
    r"la région|la region)\b",
    re.IGNORECASE,
)
# the words that make the words before "location" more than a name
NOT_A_NAME = "how|combien|is|are|good|best|great|ideal|strategic|right|nice|new|your|my|our|a|an"
# an organisation's seat: "doctolib hq?", "where do pharma groups have their head offices?"
SEAT = re.compile(
    r"(?i)\b(hq|headquarters|headquartered|head ?offices?|main offices?|registered office|"
    r"si[èe]ges?( sociaux| social)?|post ?codes?|postal codes?|zip ?codes?|codes? posta(l|ux))\b|"
    # a location asked by its noun, the name before it: "guerbet location?", "localisation de X ?"
    # (not "how many staff at its Paris location?", "is paris a good location?")
    rf"^(?!.*\b({NOT_A_NAME})\b)\s*([\w'’&.\-]+\s+){{1,4}}(locations?|localisation|emplacement|"
    r"whereabouts)\s*(\?|$)|"
    # "where" after the name alone: "gustave roussy where" (not "c'était quand X et ou ?", nor a
    # thing of the organisation, "servier r&d centre where", nor a year, "X 2019 where?")
    rf"^(?!.*\b({NOT_A_NAME}|when|quand|what|who|qui|quoi|why|pourquoi|comment|can|could|tell|"
    r"you|vous|tu|and|et|so|alors|ok|but|mais|then|"
    r"cent(re|er)s?|labs?|offices?|sites?|hubs?|platforms?|r&d|\d+)\b)"
    # (what follows a comma or a bracket is told: "X where exactly, need the town")
    r"\s*([\w'’&.\-]+\s+){1,4}(where|o[uù])(\s+(exactly|exactement|then|donc))?\s*(\?|$|[,;(])|"
    r"^\s*(localisation|emplacement)\b|"
    # its address: "l'adresse d'Incuballiance", "the address of X" (the directory's town; not an
    # e-mail's, nor the street address asked as such)
    r"(?<!mail )(?<!web )(?<!ip )(?<!street )(?<!full )(?<!exact )(?<!postal )"
    r"\b(address(es)? (of|for)|adresses? (de|d['’]|du|des)|"
    r"['’]s address)(?! (e-?mail|mail|électronique|electronique|web|ip)\b)"
    r"(?![^?.]{0,40}\b(website|web ?site|site web|url|e-?mail)\b)",
)
# "is there a pharma lab based in the 93?", "y a-t-il un labo installé dans le 93 ?": whether a
# place holds organisations (something placed there, or a département by its number)
THERE = r"(is there|are there|y a-t-il|y a t il|y a-t'il|il y a|existe-t-il|est-ce qu['’]il y a)"
LOCATE_THERE = re.compile(
    rf"(?i)\b{THERE}\b[^?]{{0,60}}?\b({PLACED}\s+(in|at|à|a|en|dans)|"
    rf"(in|dans|en) (the|le))\s+{TOWN}"
)
# "what part of life sciences research...", "quelle part de la recherche": a share, no place
SHARE_OF = re.compile(
    r"\b(what|which|quel|quelle)\s+(part|parts|partie|share|proportion)\s+(of\s|de\s|du\s|des\s|d['’])"
    r"(?!\s*(the\s+|la\s+|les\s+|l['’])?(paris|greater|region|région|ile|île|city|ville|capital|"
    r"territor|zone|area))",
    re.IGNORECASE,
)
# the words that ask where to set up (a verb of settling, what suits), not where a thing is
SETS_UP = re.compile(
    rf"\b{SET_UP}\b|\b(suits?|suited|fits?|best|ideal|meilleure?s?|idéale?s?|convient|conviennent)\b",
    re.IGNORECASE,
)


def asks_where(question: str) -> bool:
    """Where something is, where to set up, which organisations a town holds."""
    return bool(
        siting(question)
        or LOCATE_ENTITY.search(question)
        or LOCATE_AFTER.search(question)
        or LOCATE_TOWN.search(question)
        or LOCATE_THERE.search(question)
        or LOCATE_ANY.search(question)
        or LOCATE_ELSE.search(question)
        or SEAT.search(question)
        or INSIDE.search(question)
    )


def siting(question: str) -> bool:
    """Where to set up (a place for the asker's field), rather than where a thing is."""
    question = NOUN_BASE.sub(r"\1 \2seat", question)
    return bool(LOCATE_SITING.search(question)) and not SHARE_OF.search(question)


def sets_up(question: str) -> bool:
    """A verb of settling or a word of what suits: "where should we set up", "which part
    suits"; "which town is X's lab in?" has none (it asks where a thing is)."""
    return bool(SETS_UP.search(NOUN_BASE.sub(r"\1 \2seat", question)))


# "base" the noun after a possessive ("where's their french base then?"), not the verb ("where
# should we base our lab?", "where would you base, Paris or Saclay?")
NOUN_BASE = re.compile(r"\b(their|its|his|her|leur|leurs|sa|son)\s+((?:\w+\s+)?)base\b", re.I)


def town_asked(question: str) -> str:
    """The capitalised town of "which organisations are in Villejuif?", else ""."""
    match = (
        LOCATE_TOWN.search(question)
        or LOCATE_THERE.search(question)
        or LOCATE_ANY.search(question)
        or LOCATE_ELSE.search(question)
        or LOCATE_ANY_IN.search(question)
    )
    return match.group(match.lastindex or 0) if match else ""
