"""Question shapes for the directory's answers, English and French: where something is or where
to set up (``locate``), who to work with (``partner``), and a message about the assistant itself
(help in any phrasing). Shapes only, never the answer to one question."""

from __future__ import annotations

import re

from ingest.store.text import STOPWORDS, fold

WE = r"(we|i|us|my|our|one|a|an|the|nous|je|on|notre|mon|ma|nos|un|une)"
SET_UP = (
    r"(set up|setup|settle|locate|relocate|establish|base|open|install|start|move|be based|"
    r"implanter|installer|établir|etablir|s['’]implanter|s['’]installer|s['’]établir|ouvrir)"
)
ASKS_WHERE = (
    r"(should|could|can|would|might|must|to|do|does|is it best to|devrions|devrais|devons|dois|"
    r"pourrions|pourrais|peut-on|peut|faut-il|vaut-il|conseillez|nous|me|m['’]|s['’]|se)"
)
PLACE_NOUN = (
    r"(parts?|districts?|towns?|city|cities|campus|campuses|locations?|places?|sites?|"
    r"cluster of places|parties?|zones?|secteurs?|villes?|communes?|endroits?|territoire|"
    r"département|departement|quartiers?|arrondissements?)"
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
    r"autres|la plupart|concurrents)"
)
LOCATE_SITING = re.compile(
    rf"\b(where|où)\s+{ASKS_WHERE}\b[^?]{{0,60}}(?<![dl][’'])\b{SET_UP}\b|"
    rf"\b(where|où)\s+((have|did|do|ont|sont)\s+)?(the\s+|les\s+)?{OTHERS}\b[^?]{{0,40}}"
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
    r"(?i)^\s*(and |et )?(where is|where are|where's|where can i find|"
    r"(où|ou) (se trouve(nt)?|est|sont|est situé(e)?s?|sont situé(e)?s?|est basé(e)?|"
    r"sont basé(e)?s|se situe(nt)?))\b"
    r"(?! (it|they|he|she|il|elle|ils|elles|its|their|his|her|sa|son|ses|leur|leurs)\b)",
)
LOCATE_AFTER = re.compile(  # "et X, il est situé où ?", "X is located where?", "X cest ou en idf"
    r"\b(c['’]?est|est|sont|se trouve(nt)?|se situe(nt)?|is|are)\s+((situé|basé|installé|implanté|"
    r"located|based|situated)(e|es|s)?\s+)?(où|ou|where)(\s+(exactement|exactly|précisément|"
    r"precisely))?(\s+(in|en|dans|à|a|around|near|autour de)(\s+[\w\-’']+){1,3})?\s*\??\s*$",
    re.IGNORECASE,
)
# the town or département after "in": never the region itself
TOWN = (
    r"(?:(?:the|le|la|les)\s+|l['’])?(?!(?:the|le|la|les)\s)"
    r"(?!(paris region|region|île-de-france|ile-de-france|france|europe)\b)([A-ZÉÈ\d][\w’'\-]+)"
)
# "which organisations are in Villejuif?", "quels organismes sont à Villejuif ?"
LOCATE_TOWN = re.compile(
    r"\b(which|what|quels|quelles)\b[^?]{0,40}\b(are|is|sont|se trouvent)( \w+)? "
    r"(based |located |situated |basés |situés |installés )?(in|at|à|a|en|dans)\s+"
    rf"{TOWN}",
    re.IGNORECASE,
)
# an organisation's seat: "doctolib hq?", "where do pharma groups have their head offices?"
SEAT = re.compile(
    r"(?i)\b(hq|headquarters|headquartered|head ?offices?|main offices?|registered office|"
    r"si[èe]ges?( sociaux| social)?)\b",
)
# "is there a pharma lab based in the 93?", "y a-t-il un labo installé dans le 93 ?": whether a
# place holds organisations (something placed there, or a département by its number)
THERE = r"(is there|are there|y a-t-il|y a t il|y a-t'il|il y a|existe-t-il|est-ce qu['’]il y a)"
PLACED = r"(based|located|situated|established|set up|installed|(install|implant|bas|situ)[ée]\w*)"
LOCATE_THERE = re.compile(
    rf"(?i)\b{THERE}\b[^?]{{0,60}}?\b({PLACED}\s+(in|at|à|a|en|dans)|"
    rf"(in|dans|en) (the|le))\s+{TOWN}"
)
MODAL = (
    r"(could|can|might|should|would|may|pourrais|pourrions|pourrait|pourraient|peux|pouvons|"
    r"peut|peuvent|devrais|devrions)"
)
JOIN = (
    r"(partner|work|collaborate|team up|cooperate|associate|ally|join forces|collaborer|"
    r"travailler|coopérer|cooperer|s['’]associer|s['’]allier|m['’]associer|nous associer)"
)
ONE_ORG = r"(institute|institut|hospital|company|firm|organi[sz]ation|cluster|start-?up|network)"
WORKS_ON = r"(works on|speciali[sz]es in|is active in|focuses on|(is |are )?(dedicated|devoted) to)"
PARTNER = re.compile(
    rf"\b(who|whom|which \w+( \w+)?) (could|can|should|might|would|do|to) ({WE} )?(\w+ )?"
    r"(work|collaborate|partner|team up|cooperate|talk|speak|reach out|turn|contact|approach)"
    r"( with| to| for)?\b|"
    r"\bwho to (work with|collaborate with|talk to|contact|partner with)\b|"
    r"\b(which|what) (labs?|laborator(y|ies)|teams?|research (groups?|teams?)|researchers|"
    r"experts?|scientists) (\w+ )?(work|works|working|specialis|specializ|are active|focus)\w*|"
    rf"\b(which|what) (\w+ )?{ONE_ORG} ((in|at|near|around) [\w\-]+ )?(\w+ )?{WORKS_ON}\b|"
    r"\b(which|what) \w+ (are |is )?(\w+ )?(working|work|works|active) (on|in) (this|that)\b|"
    r"\b(find|finding|looking for|look for|need|needs|seek|seeking|search for|potential|"
    r"possible|good|best|right) (a |an |some |the )?(\w+ )?partners?\b(?!['’]s)|"
    r"\bpartners? (for|on) (our|my|a|an|this)\b|"
    rf"\bavec qui\b|\bavec (quel(le)?s?|lesquel(le)?s) (\w+ ){{0,3}}?{JOIN}\b|"
    r"\bà qui (nous |m['’]|s['’]|me |se )?(adresser|parler|nous adresser)\b|"
    r"\bqui (contacter|solliciter|approcher)\b|"
    r"\b(quels?|quelles?) (\w+ ){1,3}(je|j['’]|nous|on) ?(devrais|devrions|doit|dois|devons|"
    r"pourrais|pourrions|peux|pouvons|peut|vais|irais) (\w+ )?(contacter|approcher|solliciter|"
    r"rencontrer|m['’]adresser|nous adresser|travailler avec|collaborer avec|parler)\b|"
    r"\b(quels?|quelles?) (labos?|laboratoires?|équipes?|equipes?|chercheurs|experts?)\b"
    r"[^?]{0,20}\b(travaill|spécialis|specialis|actif|active)\w*|"
    r"\b(trouver|cherche|cherchons|recherche|recherchons|besoin d['’]un) (des |un |une |de )?"
    r"(\w+ )?partenaires?\b",
    re.IGNORECASE,
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
        or SEAT.search(question)
    )


# "big companies ... that I could partner with?": the organisations sought named before it
RELATIVE = re.compile(
    rf"\b(that|which|who|whom|whose|qui|que|with whom|avec qui|avec lesquel\w*)\s+{WE}\s+"
    rf"{MODAL}\s+(\w+\s+)?{JOIN}\b",
    re.IGNORECASE,
)
PARTNER_MORE = re.compile(
    # "which incubators could host me?", "vers qui me tourner ?", "à qui m'adresser ?"
    rf"\b(which|what|quels?|quelles?)\s+(\w+\s+){{1,3}}?{MODAL}\s+(\w+\s+)?({JOIN}|"
    r"host|help|support|accompany|mentor|héberger|heberger|accueillir|aider|accompagner|"
    r"m['’]aider|m['’]accueillir|m['’]héberger|m['’]accompagner|nous aider)\b|"
    r"\b(vers|à|a) qui (me |nous |se |m['’]|s['’])?(tourner|orienter|adresser)\b",
    re.IGNORECASE,
)
# a go-between asked for: "who could put me in touch with hospitals?", "qui pourrait me présenter"
INTRODUCE = re.compile(
    rf"\b(who|whom|qui)\s+{MODAL}\s+(put|get|bring)\s+(me|us)\s+in\s+(touch|contact)\b|"
    rf"\b(who|whom)\s+{MODAL}\s+(connect|introduce|link|refer)\s+(me|us)\b|"
    rf"\bqui\s+{MODAL}\s+(me|nous)\s+(mettre en (relation|contact)|présenter|presenter)\b",
    re.IGNORECASE,
)
# "which facility should I look at?": the asker choosing an organisation (never a place)
CHOOSE = re.compile(
    r"\b(which|what|quels?|quelles?)\s+(\w+\s+){1,2}?(should|could|can|do|would|dois|devrais|"
    r"devrions|pourrais|pourrions|peux)[- ](i|we|je|nous|on)\s+(look at|look into|consider|"
    r"visit|go to|turn to|apply to|approach|regarder|viser|solliciter|approcher|contacter)\b",
    re.IGNORECASE,
)


def asks_partner(question: str) -> bool:
    """Who to work with, talk to, contact; which labs work on something; which organisation
    could host, help or join the asker (or a named organisation); which one to choose."""
    if any(p.search(question) for p in (PARTNER, PARTNER_MORE, RELATIVE, INTRODUCE)):
        return True
    return bool(CHOOSE.search(question)) and not siting(question)


def siting(question: str) -> bool:
    """Where to set up (a place for the asker's field), rather than where a thing is."""
    return bool(LOCATE_SITING.search(question)) and not SHARE_OF.search(question)


def sets_up(question: str) -> bool:
    """A verb of settling or a word of what suits: "where should we set up", "which part
    suits"; "which town is X's lab in?" has none (it asks where a thing is)."""
    return bool(SETS_UP.search(question))


def town_asked(question: str) -> str:
    """The capitalised town of "which organisations are in Villejuif?", else ""."""
    match = LOCATE_TOWN.search(question) or LOCATE_THERE.search(question)
    return match.group(match.lastindex or 0) if match else ""


# words of a message about the assistant and the conversation, not about the ecosystem
META_WORDS = set(
    """
    you u your ya hi hello hey morning afternoon evening good day greetings thanks thank
    help helps helping ask asking asked cover covers covering know knows answer answers
    questions question topics topic subjects subject things stuff kind kinds sort sorts type
    types do does work works use used using able offer offers talk talking chat assistant app
    tool bot service purpose serve serves meant made for here there anything something else
    exactly really please ok okay great nice cool hi! can could may might would should
    bonjour bonsoir salut coucou merci aide aider aidez aides vous tu te toi ton ta tes vos
    votre peux pouvez pourriez pourrais sers sert servez servir sujets sujet themes theme
    questions question demander demande poser repondre reponds repondez couvrez couvres
    couvrir connais connaissez savez sais savoir faire fais faites quoi ici bien
    outil assistant application chose choses genre type types sorte chatbot chatbots robot c
    actually just basically precisely exactement vraiment donc alors concretement precisement
    juste au fait sources source appuyez appuies appuyer basez fondez rely
    """.split()
)
SECOND_PERSON = re.compile(r"\b(you|u|vous|tu|toi|t['’])\b", re.IGNORECASE)
ABOUT_HELP = re.compile(
    r"\b(help|aide|aider|topics?|sujets?|thèmes?|themes?|ask|questions?|demander)\b", re.IGNORECASE
)
ASSISTANT_VERBS = re.compile(
    r"\b(help|ask|cover|covers|know|do|does|answer|offer|serve|sers|sert|servez|aider|aide|"
    r"demander|poser|couvr\w*|conna\w*|savez|sais|faire|fais|faites|topics?|sujets?|"
    r"thèmes?|themes?|questions?)\b",
    re.IGNORECASE,
)


def about_assistant(message: str) -> bool:
    """A message about the assistant itself, with no word about the ecosystem: "what topics do
    you cover?", "salut, tu sers à quoi ?", "vous pouvez m'aider ?"."""
    if not (SECOND_PERSON.search(message) or ABOUT_HELP.search(message)):
        return False
    if not ASSISTANT_VERBS.search(message):
        return False
    return not content_words(message)


def content_words(message: str) -> list[str]:
    """The words left once the stopwords and the words about the assistant are gone."""
    words = re.findall(r"\w+", fold(message))
    return [w for w in words if w not in STOPWORDS and w not in META_WORDS and len(w) > 1]


# a request that the assistant act for the user (book, send, introduce, register...), English
# and French: an imperative, or a verb of acting after "can you", "please", "peux-tu"...
ADDRESSED = (
    r"(?:^|[.!?;]\s*|\b(?:please|pls|kindly)\s+|"
    r"\b(?:can|could|would|will|won['’]t) (?:you|u)\s+(?:please\s+)?|"
    r"\bi(?: want| need| would like|['’]d like) you to\s+|"
    r"\b(?:peux|pourrais|pouvez|pourriez|veux|voulez|voudriez)[- ](?:tu|vous)\s+(?:me\s+|nous\s+)?|"
    r"\bmerci de\s+(?:me\s+|nous\s+)?|\bs['’]il (?:te|vous) pla[iî]t,?\s+)"
)
NAMED = r"(?-i:[A-ZÀ-Þ])"  # a name: a capital, whatever the case of the rest
ACT_EN = (
    r"(?:book|schedule|arrange|organi[sz]e|set up|plan|reserve)\s+(?:me\s+|us\s+)?"
    r"(?:a|an|the|my|our)?\s*(?:\w+\s+)?(?:meeting|call|appointment|visit|slot|room|demo|table|seat|ticket|trip)s?\b|"
    r"(?:send|write|draft|forward)\s+(?:\w+\s+)?(?:an?\s+)?(?:e-?mails?|mails?|messages?|letters?|"
    r"invitations?|requests?|applications?|cv|note)\b|"
    rf"(?:send|write|forward|e-?mail|mail|message|text)\s+(?:it\s+)?to\s+{NAMED}|"
    r"(?:e-?mail|call|phone|ring|text|contact|reach out to|write to)\s+"
    rf"(?:them|him|her|me|us|{NAMED})|"
    r"(?:introduce|connect|present)\s+(?:me|us)\b|put (?:me|us) in (?:touch|contact)\b|"
    r"(?:register|enrol|enroll|sign|subscribe)\s+(?:me|us)\b|"
    r"(?:buy|order|pay|purchase|book)\s+(?:me\s+|us\s+)?(?:a|an|the|some|my|our)\b|"
    r"(?:apply|fill (?:in|out)|submit)\s+(?:for\s+|to\s+)?(?:me|us|my|our|the|a|an)\b"
)
ACT_FR = (
    r"(?:r[ée]serve[rz]?|prend(?:s|re)|prenez|fixe[rz]?|organise[rz]?|planifie[rz]?)\s+"
    r"(?:moi\s+|nous\s+)?(?:un|une|le|la|des)?\s*(?:rendez-vous|rdv|r[ée]union|entretien|"
    r"appel|visite|cr[ée]neau|place|billet|salle)s?\b|"
    r"(?:prends|prenez|prendre)[- ](?:moi|nous)?\s*(?:un )?rendez-vous|"
    r"(?:envoie[rz]?|envoyer|envoyez|[ée]cri[st]|[ée]crire|[ée]crivez|r[ée]dige[rz]?)\s+"
    r"(?:\w+\s+)?(?:un|une|le|la)?\s*(?:e-?mail|mail|courriel|message|lettre|invitation|"
    r"demande|candidature|cv)s?\b|"
    r"(?:envoie[rz]?|envoyer|envoyez|transmet(?:s|tre|tez)?)\s+(?:\w+\s+){0,3}?"
    rf"(?:[àa]|au|aux)\s+(?:l['’]\s*)?{NAMED}|"
    r"(?:inscri[st]|inscrivez|inscrire|pr[ée]sente[rz]?|pr[ée]sentez)[- ](?:moi|nous)\b|"
    r"\b(?:m|nous)['’ ]\s*(?:inscrire|pr[ée]senter|mettre en (?:relation|contact))\b|"
    r"(?:(?:mets|mettez|mettre)[- ](?:moi|nous) |mettre )en (?:relation|contact)\b|"
    rf"(?:appelle[rz]?|t[ée]l[ée]phone[rz]?|contacte[rz]?)\s+(?:les?\b|la\b|l['’]|{NAMED})|"
    r"(?:ach[eè]te[rz]?|commande[rz]?|paie[rz]?|payez|remplis|remplir|remplissez)\s+"
    r"(?:moi\s+|nous\s+)?(?:un|une|le|la|les|mon|ma|notre)\b|"
    r"(?:d[ée]pose[rz]?|soumet(?:s|tre|tez)|postule[rz]?)\s+(?:pour\s+)?(?:moi\s+|nous\s+)?"
    r"(?:ma|mon|mes|notre|nos)\b"
)
ACTION = re.compile(rf"{ADDRESSED}(?:{ACT_EN}|{ACT_FR})", re.IGNORECASE)


def asks_to_act(message: str) -> bool:
    """A request that the assistant do something for the user rather than answer: "book me a
    meeting with Medicen", "can you introduce us to Genopole?", "inscris-moi à MedXperience"."""
    return bool(ACTION.search(message.strip()))
