"""A message addressed to the assistant rather than asking about the ecosystem, English and
French: about the assistant itself (help in any phrasing: "what topics do you cover?", "vous
pouvez m'aider ?"), or asking it to act for the user (book, send, introduce, register). Shapes
only, never the answer to one question."""

from __future__ import annotations

import re

from ingest.store.text import STOPWORDS, fold

# words of a message about the assistant and the conversation, not about the ecosystem
META_WORDS = set(
    """
    you u your ya whats thing hi hello hey morning afternoon evening good day greetings thanks
    thank help helps helping ask asking asked cover covers covering know knows answer answers
    questions question topics topic subjects subject things stuff kind kinds sort sorts type
    types do does work works use used using able offer offers talk talking chat assistant app
    tool bot service purpose serve serves meant made for here there anything something else
    exactly really please ok okay great nice cool hi! can could may might would should
    bonjour bonsoir salut coucou merci aide aider aidez aides vous tu te toi ton ta tes vos
    votre peux pouvez pourriez pourrais sers sert servez servir sujets sujet themes theme
    questions question demander demande poser repondre reponds repondez couvrez couvres
    couvrir connais connaissez savez sais savoir faire fais faites quoi ici bien
    outil assistant application chose choses genre type types sorte chatbot chatbots robot c
    new newcomer explain tell describe nouveau nouvelle nouveaux expliquer expliquez m
    kinda sorta
    actually just basically precisely exactement vraiment donc alors concretement precisement
    juste au fait sources source appuyez appuies appuyer basez fondez rely
    like likes love enjoy favorite favourite prefer feel feeling working aimes aimez preferes
    preferez etes es docs documents document cite cites citez citing renseigner renseignez
    renseignes informer come comes coming reponse reponses vient viennent venir provient
    proviennent info infos information draw draws base tell
    """.split()
)
SECOND_PERSON = re.compile(r"\b(you|u|vous|tu|toi|t['’])\b", re.IGNORECASE)
# the assistant's own: "what are your sources?", "quelles sont vos sources ?"
YOUR_OWN = re.compile(r"\b(your|votre|vos|ton|ta|tes)\b", re.IGNORECASE)
ABOUT_HELP = re.compile(
    r"\b(help|aide|aider|topics?|sujets?|thèmes?|themes?|ask|questions?|demander)\b", re.IGNORECASE
)
ASSISTANT_VERBS = re.compile(
    r"\b(help|ask|cover|covers|know|do|does|answer|offer|serve|sers|sert|servez|aider|aide|"
    r"demander|poser|couvr\w*|conna\w*|savez|sais|faire|fais|faites|topics?|sujets?|r[ée]pond\w*|"
    r"renseign\w*|us(?:e|es|ing)|rel(?:y|ies|ying)|"
    r"thèmes?|themes?|questions?)\b",
    re.IGNORECASE,
)


# whether the assistant takes questions on a topic: "can u answer questions about biotech around
# paris?", "je peux vous poser des questions sur les hôpitaux ?" (its scope, whatever the topic)
TAKES_QUESTIONS = re.compile(
    r"\b(answer|handle|take|field)\s+((any|some|my|a few|few)\s+)?questions?\s+(about|on|"
    r"regarding)\b|\b(ask|poser)\s+((you|vous|te)\s+)?((some|a few|des|quelques)\s+)?"
    r"questions?\s+(about|on|sur|à propos|a propos|concernant)\b|\br[ée]pond(re|s|ez)\s+(à|a)\s+"
    r"(des|mes|nos)\s+questions\s+(sur|à propos|a propos|concernant)\b",
    re.IGNORECASE,
)
ASKER = re.compile(r"\b(can i|could i|may i|puis-je|je peux|on peut)\b", re.IGNORECASE)


# what the last answer was about, pointed at: "... what you know about it?", "... sur lui ?"
POINTED = re.compile(
    r"\b(about|on|of|sur|de)\s+(it|him|her|them|this one|that one|lui|elle|eux|elles|ça|cela)\b",
    re.IGNORECASE,
)


def about_assistant(message: str) -> bool:
    """A message about the assistant itself, with no word about the ecosystem: "what topics do
    you cover?", "salut, tu sers à quoi ?", "vous pouvez m'aider ?"; or asking whether it takes
    questions on a topic ("can u answer questions about hospitals around paris?")."""
    if POINTED.search(message):  # "can you explain what you know about it?": of the last answer
        return False
    addressed = SECOND_PERSON.search(message) or ASKER.search(message)
    if addressed and TAKES_QUESTIONS.search(message):
        return True
    if YOUR_OWN.search(message) and not content_words(message):
        return True
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
# and French: an imperative (at the start of a sentence or after a one-word opening: "parfait,
# rédige-moi ..."; or after "now", "then", "go ahead and" opening one: "ok thanks, now book the
# meeting"), or a verb of acting after "can you", "please", "peux-tu"...
ADDRESSED = (
    r"(?:^|[.!?;]\s*|^\s*\w+\s*,\s*|(?:^|[.!?;,]\s*)(?:now|then|just|go ahead and)\s+|"
    r"\b(?:please|pls|kindly)\s+|"
    r"\b(?:can|could|would|will|won['’]t) (?:you|u)\s+(?:please\s+)?|"
    r"\bi(?: want| need| would like|['’]d like) (?:you|u) to\s+|"
    r"\b(?:peux|pourrais|pouvez|pourriez|veux|voulez|voudriez)[- ](?:tu|vous)\s+"
    r"(?:me\s+|m['’]\s*|nous\s+|leur\s+|lui\s+)?|"
    # spoken French keeps the statement's order: "vous pouvez me prendre un rdv ?", "tu peux ..."
    r"\b(?:tu|vous)\s+(?:peux|pourrais|pouvez|pourriez|voudrais|voudriez)\s+"
    r"(?:me\s+|m['’]\s*|nous\s+|leur\s+|lui\s+)?|"
    r"\bmerci de\s+(?:bien vouloir\s+)?(?:me\s+|nous\s+)?|\bs['’]il (?:te|vous) pla[iî]t,?\s+|"
    # formal French: "je vous serais reconnaissant de bien vouloir transmettre ...", "veuillez"
    r"\b(?:je vous serais|nous vous serions|je vous saurais|nous vous saurions) "
    r"(?:reconnaissante?s?|oblig[ée]e?s?|gré) de\s+"
    r"(?:bien vouloir\s+)?(?:me\s+|nous\s+)?|\bveuillez\s+(?:me\s+|nous\s+)?)"
)
NAMED = r"(?-i:[A-ZÀ-Þ])"  # a name: a capital, whatever the case of the rest
ACT_EN = (
    r"(?:book|schedule|arrange|organi[sz]e|set up|plan|reserve|get|set (?:me|us) up with)\s+"
    r"(?:me\s+|us\s+)?"
    r"(?:a|an|the|my|our)?\s*(?:\w+\s+)?(?:meeting|call|appointment|visit|slot|room|demo|table|"
    r"seat|ticket|trip|introduction|intro)s?\b|"
    r"(?:send|write|draft|forward)\s+(?:\w+\s+)?(?:(?:an?|the|my|our)\s+)?(?:\w+\s+){0,2}?"
    r"(?:e-?mails?|mails?|messages?|letters?|invitations?|requests?|applications?|cv|note|"
    r"files?|attachments?|documents?|deck|forms?|brochures?|pdfs?|contracts?|catalog(?:ue)?s?)\b|"
    rf"(?:send|write|forward|e-?mail|mail|message|text)\s+(?:(?:it|them|this|my|our|the)\s+)?"
    rf"(?:\w+\s+){{0,2}}?to\s+(?:the\s+)?{NAMED}|"
    r"(?:e-?mail|call|phone|ring|text|contact|reach out to|write to)\s+"
    rf"(?:them|him|her|me|us|(?:the\s+)?{NAMED})|"
    # whoever it is, for the user: "contact doctolib for me", "call them on our behalf"
    r"(?:e-?mail|call|phone|ring|text|message|contact|reach out to|write to)\s+"
    r"(?:[\w'’&-]+\s+){1,3}?for (?:me|us)\b|"
    # the conversation handled like a document, a reminder, a contact: "email this to my boss",
    # "export this as a pdf", "remind me tomorrow", "add Medicen to my contacts"
    r"(?:e-?mail|send|forward|share|text)\s+(?:this|that|it|these)\b|"
    r"send (?:me|us)\s+(?:\w+\s+){0,4}?by (?:e-?mail|mail|post)\b|"
    r"(?:export|print|save|download|store)\s+(?:this|that|it|(?:the|this|our) "
    r"(?:conversation|chat))\b|"
    # "remind me tomorrow to call X" ("remind me, what were the three pillars?" asks)
    r"remind (?:me|us) (?:to|tomorrow|later|next|in an?|in \d)\b|"
    r"set (?:me |us )?(?:a|an) (?:reminder|alarm)\b|"
    r"add\s+(?:\w+\s+){1,3}?to (?:my|our) (?:contacts|calendar|agenda|address book|crm)\b|"
    r"(?:find|get|rent)\s+(?:me|us)\s+(?:an?\s+)?(?:flat|apartment|house|office space|room|"
    r"hotel|place to stay|accommodation)\b|hire\s+(?:an?\s+)?\w+\s+for (?:me|us)\b|"
    r"do (?:it|this|that|our \w+(?: \w+)?|my \w+(?: \w+)?) for (?:me|us)\b|"
    # an errand on an appointment or a contact: "cancel my meeting", "invite Medicen to ..."
    r"(?:cancel|reschedule|postpone|invite|ping|notify|follow up with|chase|rsvp)\s+"
    r"(?:(?:me|us|my|our|the|a|an|them|him|her|it|to|for|with)\b|(?-i:[A-ZÀ-Þ]))|"
    # a booking confirmed ("confirm the town of X" asks whether it is so)
    r"confirm\s+(?:(?:my|our|the|a|an)\s+)?(?:\w+\s+)?(?:meeting|appointment|booking|"
    r"reservation|registration|attendance|slot|seat|ticket|order|call|visit)s?\b|"
    r"(?:introduce|connect|present)\s+(?:me|us)\b|put (?:me|us) in (?:touch|contact)\b|"
    r"(?:get|be) in (?:touch|contact) with\b|"
    # a message passed on: "let Medicen know we ...", "ask Stéphane Roques if he'd meet us"
    rf"(?:tell|ask|inform|notify|remind|warn|let)\s+(?:them|him|her|{NAMED}[\w\-&]*"
    rf"(?:\s+{NAMED}[\w\-&]*)*)\s+(?:that|if|whether|about|we|we['’]re|i|i['’]m|to|our|my|know)\b|"
    # a thing made for the user: "make me a slide deck", "write a LinkedIn post"
    r"(?:make|create|build|prepare|design|draw|write)\s+(?:me\s+|us\s+)?(?:an?\s+)?(?:\w+\s+)?"
    r"(?:slides?|slide deck|deck|presentation|brochure|poster|logo|spreadsheet|post|tweet|code|"
    r"scripts?|scrapers?|programs?|programmes?|bots?|apps?|functions?|quer(?:y|ies)|macros?)\b|"
    # the sources fetched for the user: "scrape the aphp website", "crawl their site"
    r"(?:scrape|crawl)\s+(?:[\w'’-]+\s+){0,3}?(?:website|site|pages?|directory|data|list)s?\b|"
    r"(?:register|enrol|enroll|sign|subscribe)\s+(?:me|us|my|our|"
    r"(?:\w+\s+)?(?:people|persons|colleagues|attendees|participants|delegates))\b|"
    r"(?:buy|order|pay|purchase|book)\s+(?:me\s+|us\s+)?(?:a|an|the|some|my|our)\b|"
    r"(?:apply|fill (?:in|out)|submit|negotiate)\s+(?:for\s+|to\s+)?(?:me|us|my|our|the|a|an)\b|"
    rf"(?:apply|submit)\s+(?:it\s+|this\s+)?to\s+{NAMED}[^?.]*\bfor (?:me|us)\b"
)
ACT_FR = (
    r"(?:r[ée]serve[rz]?|prend(?:s|re)|prenez|fixe[rz]?|organise[rz]?|planifie[rz]?)[\s-]+"
    r"(?:moi\s+|nous\s+)?(?:un|une|le|la|des|mon|ma|mes|notre|nos|deux|trois|quatre|\d+)?\s*"
    r"(?:rendez-vous|rdv|r[ée]union|entretien|"
    r"appel|visite|cr[ée]neau|place|billet|salle)s?\b|"
    r"(?:prends|prenez|prendre)[- ](?:moi|nous)?\s*(?:un )?rendez-vous|"
    r"(?:envoie[rz]?|envoyer|envoyez|[ée]cri[st]|[ée]crire|[ée]crivez|r[ée]dige[rz]?|fais|faites|"
    r"transmet(?:s|tre|tez)?|(?:fais|faire|faites) suivre)(?:[- ](?:moi|nous))?\s*"
    # an aside before the object: "rédiger, à l'attention de la direction, une lettre"
    r"(?:,[^,?]{1,80},)?\s+"
    r"(?:\w+\s+)?(?:un|une|le|la|les|notre|nos|mon|ma|mes)?\s*(?:e-?mail|mail|courriel|message|"
    r"lettre|invitation|demande|candidature|cv|dossier|fichier|document|pi[èe]ce jointe|script|"
    r"code|programme|"
    r"brochure|plaquette|formulaire|pdf|contrat)s?\b|"
    r"(?:envoie[rz]?|envoyer|envoyez|transmet(?:s|tre|tez)?|[ée]cri[st]|[ée]crire|[ée]crivez)\s+"
    r"(?:\w+\s+){0,3}?"
    rf"(?:[àa]|au|aux)\s+(?:l['’]\s*)?{NAMED}|"
    r"(?:inscri[st]|inscrivez|inscrire|pr[ée]sente[rz]?|pr[ée]sentez)[- ](?:moi|nous)\b|"
    # what is the user's, registered: "inscris ma start-up à Incuballiance" ("register my ...")
    r"(?:inscris|inscrivez)\s+(?:ma|mon|mes|notre|nos)\b|"
    r"\b(?:m|nous)['’ ]\s*(?:inscrire|pr[ée]senter|mettre en (?:relation|contact))\b|"
    r"(?:(?:mets|mettez|mettre)[- ](?:moi|nous) |mettre )en (?:relation|contact)\b|"
    rf"(?:appel(?:le[rz]?|er|ez)|t[ée]l[ée]phone[rz]?|contacte[rz]?)\s+(?:les?\b|la\b|l['’]|{NAMED})|"
    r"(?:prend(?:s|re)|prenez|entrer|entre[zr]?)\s+(?:en\s+)?contact\s+avec\b|"
    # an errand on an appointment or a contact: "annule mon rendez-vous", "relance Agoranov"
    r"(?:annule[rz]?|reporte[rz]?|d[ée]place[rz]?|invite[rz]?|relance[rz]?)\s+"
    r"(?:(?:mon|ma|mes|notre|nos|le|la|les|leur|lui)\b|l['’]|(?-i:[A-ZÀ-Þ]))|"
    r"confirme[rz]?\s+(?:(?:mon|ma|mes|notre|nos|le|la|les)\s+|l['’]\s*)?(?:rendez-vous|rdv|"
    r"r[ée]union|r[ée]servation|inscription|participation|pr[ée]sence|cr[ée]neau|place|billet|"
    r"commande|appel|visite)s?\b|"
    # a thing made for the user: "fais-moi un tableau Excel", "crée-nous un fichier"
    r"(?:fais|faites|cr[ée]e[sz]?|pr[ée]pare[sz]?)[- ](?:moi|nous)\s+(?:un|une)\s+(?:tableau|"
    r"tableur|fichier|document|excel|pdf|pr[ée]sentation|diaporama)\b|"
    # a reminder, the conversation kept, sent or printed: "mets-moi un rappel", "envoie-moi ça",
    # "envoie-le sur mon adresse"
    r"(?:envoie|envoyez)-(?:le|la|les)\b|"
    r"(?:mets|mettez)[- ](?:moi|nous) un rappel\b|"
    r"(?:envoie|envoyez)[- ](?:moi|nous)\s+(?:ça|ca|cela|le|la|les)\b|"
    r"(?:enregistre[rz]?|sauvegarde[rz]?|imprime[rz]?|exporte[rz]?)\s+(?:ça|ca|cela|cette|la|"
    r"notre)\b|"
    # a message passed on: "demande à Medicen si ...", "demande-leur", "prévenez Medicen"
    rf"demande[rz]?\s+(?:[àa]|au|aux)\s+(?:l['’]\s*)?{NAMED}|demande[rz]?-(?:leur|lui)\b|"
    rf"(?:pr[ée]vien[st]|pr[ée]venez|pr[ée]venir|informe[rz]?)\s+(?:{NAMED}|l['’]|les?\b|la\b)|"
    r"(?:ach[eè]te[rz]?|commande[rz]?|paie[rz]?|payez|remplis|remplir|remplissez)[\s-]+"
    r"(?:moi\s+|nous\s+|pour (?:moi|nous)\s+)?(?:un|une|le|la|les|mon|ma|notre|des|deux|trois|"
    r"quatre|\d+)\b|"
    r"(?:d[ée]pose[rz]?|soumet(?:s|tre|tez)|postule[rz]?)\s+(?:pour\s+)?(?:moi\s+|nous\s+)?"
    r"(?:ma|mon|mes|notre|nos)\b"
)
ACTION = re.compile(rf"{ADDRESSED}(?:{ACT_EN}|{ACT_FR})", re.IGNORECASE)
# "je veux que tu m'inscrives", "j'aimerais que vous contactiez ...": asked in the subjunctive
WISHED = re.compile(
    r"\b(?:veux|voudrais|voudrions|aimerais|aimerions|souhaite|souhaiterais|souhaitons)\s+que\s+"
    r"(?:tu|vous)\s+(?:(?:m['’]\s*|me\s+|nous\s+)?(?:inscri|envoi|envoy|contact|appel|r[ée]serv|"
    r"transmett|[ée]crivi|rempliss|pr[ée]ven)|(?:m['’]\s*|me\s+|nous\s+)pr[ée]sent)\w*",
    re.IGNORECASE,
)
# in the user's stead: "pouvez-vous déposer le dossier à ma place ?", "file it on our behalf"
BEHALF = re.compile(
    r"\b(on|in) (my|our) (behalf|stead|name)\b|\b(à|a) (ma|notre) place\b|"
    r"\ben (mon|notre) nom\b|\bde (ma|notre) part\b",
    re.IGNORECASE,
)


# the assistant asked to do something itself: "can you ... on our behalf?" ("do you know an agency
# that could file it on our behalf?" asks for a name)
ASKED_OF_YOU = re.compile(
    r"\b(can|could|would|will) (you|u)\b(?! know)|\b(peux|pouvez|pourriez|pourrais)[- ](tu|vous)\b|"
    r"\b(tu|vous) (peux|pouvez|pourrais|pourriez)\b|^\s*(please|merci de)\b|\bque (tu|vous)\b",
    re.IGNORECASE,
)


def asks_to_act(message: str) -> bool:
    """A request that the assistant do something for the user rather than answer: "book me a
    meeting with Medicen", "can you introduce us to Genopole?", "inscris-moi à MedXperience",
    or anything it is asked to do in the user's stead ("... à ma place ?")."""
    message = message.strip()
    return bool(
        ACTION.search(message)
        or WISHED.search(message)
        or (BEHALF.search(message) and ASKED_OF_YOU.search(message))
    )


# a text to write from what the sources say is a question about its topic: "draft a short
# paragraph for my slide deck explaining what X is meant to do", "write me a two-line summary of
# what X does", "rédige-moi un paragraphe sur X" (a letter, an e-mail, a deck: ``ACTION``)
WRITE_UP = re.compile(
    r"^\s*(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would) (?:you|u)\s+(?:please\s+)?|"
    r"(?:peux|pourrais|pouvez|pourriez)[- ](?:tu|vous)\s+(?:me\s+|nous\s+)?)?"
    r"(?:write|draft|give|prepare|put together|r[ée]dige[rz]?|[ée]cri[st]|[ée]crire|[ée]crivez|"
    r"fais|faites|faire|donne[zr]?)(?:[- ](?:moi|nous))?\s+(?:me\s+|us\s+)?"
    r"(?:a|an|one|two|three|\d+|un|une|deux|trois|quelques)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:paragraphs?|summary|blurb|overview|description|sentences?|lines?|paragraphes?|r[ée]sum[ée]|"
    r"phrases?|lignes?)\s+(?:(?:for|pour)\s+(?:my|our|the|a|mon|ma|notre|la|le|un|une)\s+"
    r"(?:[\w-]+\s+){0,3}?)?(?:(?:explaining|about|on|describing|summari[sz]ing|of|that explains?|"
    r"to explain|expliquant|sur|qui explique|pour expliquer|d[ée]crivant|de|du|des)\b\s*|d['’])",
    re.IGNORECASE,
)


# what the text is to say, asked: "what X is meant to do", "ce que fait X", "why ..."
ASKS_WHAT = re.compile(
    r"^(?:what|why|how|who|which|where|when|ce que|ce qu['’]|pourquoi|comment|qui|quoi|quel\w*|"
    r"o[uù])\b",
    re.IGNORECASE,
)


def written_up(message: str) -> str:
    """The question a text to write from the sources asks (``WRITE_UP``, then what it is to
    say, asked: "what X does"), else the message ("a summary of the MedInTechs Summit" is read
    as written, in its own language)."""
    match = WRITE_UP.match(message)
    rest = message[match.end() :].strip() if match else ""
    return rest if ASKS_WHAT.match(rest) and len(rest.split()) >= 2 else message
