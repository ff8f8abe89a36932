"""The shapes of a question that asks for a kind of value (a phone number, an email, an
address, a rate, a price, an amount, hours, the steps of a procedure, who may have something,
who won, a story, a reason, a duration, an age, a measure, a date; whether a plan came true, a
yes or no), in English and French, in the order they are checked (``value_kinds.asked_value``).
Shapes of questions, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.meaning import MEANING_ASKED
from assistant.answer.questions import AGE_ASKED, DATE_ASKED, WEBSITE_QUESTION

IC = re.IGNORECASE
# what one signs in to: a platform, an app, a site
PORTAL = r"(platform|plateforme|app|application|appli|portal|portail|site|website|service|tool)"
# a view asked of someone ("did Roques think the CSIS was a game changer?", "does he believe
# ...?", "pense-t-il que ...?"): what they said of it answers, not a yes or a no said as such
OPINION = re.compile(
    r"\b(think|thinks|thought|believe[sd]?|feel|feels|felt|reckons?|reckoned|pense\w*|"
    r"croi[st]|croyait|trouve-t-il|trouvait|estime-t-il)\b",
    IC,
)
ASKS = {  # the kind of value -> the shape of a question asking for one (checked in this order)
    "email": re.compile(r"\b(e-?mail|courriel|adresse (e-?mail|électronique|mail))\b", IC),
    "website": WEBSITE_QUESTION,  # "got a website for them?", "le site web de X ?"
    "phone": re.compile(r"\b(tele)?phone\b|\btéléphone\b|\bt[ée]l\b|\bnum[ée]ro\b", IC),
    "address": re.compile(
        r"\b(what|what['’]s|which|give|quelle|l['’])\b.{0,30}\b(address|adresse)\b|"
        r"\b(address|adresse) (of|de|du|des)\b|\bpost(al )?code\b|\bcode postal\b|"
        r"['’]s (postal |street )?address\b|"
        r"\b(address|adresse)\s*[?!.]*\s*$",  # closing a terse question: "X address?"
        IC,
    ),
    "rate": re.compile(r"\b(rate|taux|percentage|pourcentage)\b", IC),
    "price": re.compile(
        r"\b(prices?|fees?|tarifs?|prix|rents?|rental|loyers?)\b|\bhow much\b.*\bcosts?\b|"
        # a cost compared: "is it cheaper to run a lab here than in Munich?"
        r"\b(cheaper|costlier|(more|less) (expensive|costly)|(moins|plus) ch[eè]re?s?)\b|"
        r"\b(what|the) costs? of\b|\bcombien\b.*\bco[uû]te|"
        # what a way in costs: "c'était combien l'entrée ?", "how much is a ticket?"
        r"\bcombien\s+(?:co[uû]t\w*\s+)?(?:l['’]|le |la |les |un |une )\s*(?:entr[ée]e|billets?|"
        r"tickets?|pass|inscription|adh[ée]sion|cotisation|abonnement)\b|"
        r"\b(?:entr[ée]e|billets?|tickets?|pass|inscription|adh[ée]sion|cotisation)\b[^?]{0,40}"
        r"\bcombien\b(?!\s+d['’e])|"
        r"\bhow much (?:is|was|are|were|will be) (?:(?:a|an|the|one)\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:tickets?|pass|entry|admission|registration|membership|subscription|badge)\b"
        # what it costs, not how much there is now: "how much is medicen membership now?"
        r"(?=\s*(?:[?.!,]|$|per\b|a (?:year|month)\b|fees?\b|for\b|to\b|cost))|"
        # "what did a ticket to the summit cost?", "what will a desk there cost us?"
        # (not what something costs someone: "what did going abroad cost the country?"); what
        # a way in costs: "what does it cost to get in?"
        r"\bwhat (did|does|do|will|would|might)\b[^?]{0,80}\bcost\b"
        r"(?=\s*(?:[?.!]|$|in\b|per\b|to (?:get|join|attend|enter|register|apply|become)\b))|"
        # whether it costs nothing: "is Doctolib free for patients?", "c'est gratuit ?" (not
        # "free to choose"), or must be paid: "does Doctolib charge patients?", "do I need to
        # pay?", "faut-il payer une cotisation ?" (not "in charge of")
        r"\b(is|are|was|were|be|c['’]est|est-(il|elle|ce))\b[^?]{0,40}\b(free|gratuite?s?)\b"
        r"(?!\s+to\s+(?!(join|attend|enter|use|register|visit)\b))|"
        r"\bfree\b(?=\s*(\?|$|of charge|for\b|to (join|attend|enter|use|register|visit)\b))|"
        r"\b(do|does|did|will|would|can)\b[^?]{0,50}\bcharg(e|es|ed|ing)\b(?!\s+(of|with)\b)|"
        r"\b(for free|at no cost|free of charge|sans frais)\b|\b(gratuit\w*|payant\w*)\b|"
        r"\b(need|needs|have|has|must|required) to pay\b|\b(cotisations?|membership fees?)\b|"
        r"\b(faut|fai[ts]|faire|font|doi[tv]\w*|dev\w+)(-\w+)?(\s+-?\w+)?\s+payer\b",
        IC,
    ),
    "amount": re.compile(
        r"\b(budgets?|revenues?|turnover|chiffre d['’]affaires?|funding|raised|levée|salary|equity|"
        r"salaries|salaires?|amounts?|montants?|valuations?|valorisations?)\b|"
        # what someone earns: "how much does the CEO make a year?", "il gagne combien ?"
        r"\bhow much\b.{0,30}\b(earn|earns|make|makes|paid|get paid)\b|"
        # who pays best: "which one pays engineers the best?", "qui paie le mieux ?"
        r"\b(pays?|paie|paye)\b[^?]{0,30}\b(best|most|well|le mieux|le plus)\b|"
        r"\b(gagne|gagnent|touche|touchent)\b.{0,20}\bcombien\b|"
        # the size of money put in: "how big is the investment?", "l'ampleur de l'investissement"
        r"\bhow (big|large)\b[^?]{0,30}\b(investments?|budgets?|grants?|funds?|funding|"
        r"subsid\w*)\b|\b(taille|ampleur)\s+(de\s+l['’]|du\s+|des\s+)(investissement|budget|"
        r"financement|subvention)s?\b|"
        # what is put into something: "how much will Servier invest?", "combien va-t-il investir ?"
        r"\bhow much\b.{0,40}\b(invest\w*|spen[dt]\w*|raised?)\b|"
        # "how much are they putting into it?", "combien ils mettent dedans ?"
        r"\bhow much\s+(are|is|will|did|does|do|would|has|have)\b.{0,30}\b(put|puts|putting|"
        r"pour\w*|sink\w*|pump\w*|inject\w*|commit\w*)\s+(in|into)\b|"
        r"\bcombien\s+(ils|elles|il|elle|on|vont|va)\b[^?]{0,30}\b(mett\w*|met|inject\w*)\b|"
        r"\bcombien\b(?!\s+(de|d['’]))[^?]{0,40}\b(invest\w*|d[ée]pens\w*|lev[ée]\w*)\b|"
        r"\b(invest\w*|d[ée]pens\w*|lev[ée]\w*)\b.{0,30}\bcombien\b|"
        r"\bcombien\b.{0,30}\b(gagne|gagnent|touche|touchent)\b|"
        # money given or put in: "how much money did it put in?", "financé à hauteur de combien ?",
        # "a grant ..., and how much is it?"
        r"\bhow much (money|funding|cash|capital)\b|\b[àa] hauteur de combien\b|"
        r"\bfinanc\w*\b[^?]{0,30}\bcombien\b|\bcombien\b[^?]{0,30}\bfinanc\w*\b|"
        r"\b(grants?|subsid\w*|subventions?)\b[^?]{0,60}\bhow much\b",
        IC,
    ),
    "hours": re.compile(
        r"\b(opening (hours|times)|hours|horaires?|heures? d['’]ouverture)\b|"
        # "what time does the museum open?", "à quelle heure ferme-t-il ?"
        r"\bwhat time (does|do|is|are|will)\b[^?]{0,40}\b(open|opens|close|closes)\b|"
        r"\b(à|a) quelle heure\b[^?]{0,40}\b(ouvr|ferm)\w*",
        IC,
    ),
    # the steps to apply, join, register ("how do I apply to Agoranov?", "quelle est la procédure
    # pour candidater ?"): the sources must describe them
    "procedure": re.compile(
        r"\b(procedure|procédure|processus|démarches?|formalit(y|ies|és?))\b|"
        r"\bsteps (to|for)\b|"
        # what must be handed in, and getting a title recognised: "quels papiers il faut pour le
        # visa ?", "how do I get my diploma recognised?"
        r"\b(quels|which|what) (papiers|documents|pi[eè]ces|paperwork|justificatifs)\b|"
        r"\bget (my|our|a|an|the) ([\w-]+ ){0,2}(recogni[sz]ed|validated|accredited|certified)\b|"
        r"\b(faire )?(reconna[iî]tre|valider) (mon|ma|mes|notre|nos) ([\w-]+ ){0,2}?"
        r"(dipl[ôo]mes?|titres?|qualifications?)\b|"
        # "the process for an entrepreneur to sign up", "... for getting a trial accepted"
        r"\bprocess (to|for)( [\w'’-]+){0,3}? (to )?(apply|join|becom\w*|register|sign\w* up|"
        r"enrol\w*|get\w*( [\w-]+){0,3} (accepted|approved|admitted))\b|"
        r"\bhow (do|can|should|could|would|to)\b( (i|we|you|u|one))? (apply|join|register|sign up|"
        r"enrol|enroll|become a member|get accepted|book|use|submit|subscribe|"
        # getting into a platform ("how can I connect to the X platform?"), not to other players
        rf"(connect|log in|sign in) (to|into) (the|a|an|this) ([\w-]+ ){{0,2}}{PORTAL})\b|"
        r"\bcomment\b( (faire pour|puis-je|peut-on|on peut|je peux|on fait pour))? "
        r"(candidater|postuler|s['’]inscrire|m['’]inscrire|nous inscrire|adh[ée]rer|"
        r"devenir membre|[êe]tre accept[ée]|int[ée]grer|soumettre|d[ée]poser|s['’]abonner)\b|"
        # "comment un médecin peut-il se connecter à la plateforme X ?", "... s'abonner à X ?"
        r"\bcomment\b( [\w'’-]+){0,3}? (peut|peuvent|puis|pouvons)(-[\w]+)* (s['’]abonner|"
        rf"soumettre|d[ée]poser|s['’]inscrire|se connecter [àa] (la|une|l['’]) ?([\w-]+ ){{0,2}}"
        rf"{PORTAL})\b",
        IC,
    ),
    # who may have something ("am I eligible for the French Tech Visa?", "est-ce qu'on a droit
    # au CIR ?"): the sources must say who is
    "eligibility": re.compile(
        r"\b(eligible|éligibles?|eligibility|éligibilité|qualify|qualifies|qualified for|"
        r"entitled to|(ai-je|avons-nous|a-t-on|on a|j['’]ai|nous avons) droit)\b",
        IC,
    ),
    # who won a contest or a call ("qui a gagné l'appel à projets ?", "which projects were
    # selected?"): the sources must name its winners
    "winner": re.compile(
        r"\b(who|qui|which \w+|what \w+|quels? \w+|quelles? \w+) (won|a gagn[ée]|ont gagn[ée]|"
        r"a remport[ée]|ont remport[ée]|were (eventually |finally )?selected|was selected|"
        r"a [ée]t[ée] (s[ée]lectionn|retenu)\w*|ont [ée]t[ée] (s[ée]lectionn|retenu)\w*)|"
        r"\b(winners?|laur[ée]ats?|gagnants?)\b",
        IC,
    ),
    # a subject's past told as a story ("what's the history of AP-HP?"): dated events
    "history": re.compile(r"\b(history|histoire|historique)\b", IC),
    # why a subject made a choice ("why did GE pick Paris over London?", "pourquoi Sanofi
    # a-t-il choisi Gentilly ?"): the sources must give its reason
    "reason": re.compile(
        r"\b(why|pourquoi)\b.{0,60}\b(did|was|were|has|have|had|a-t-(il|elle)|ont-(ils|elles)|"
        r"a|ont|avait)\b.{0,40}\b(pick(ed)?|chose|chosen|select(ed)?|decided?|opt(ed)?|prefer(red)?|"
        r"left|leave|quit|join(ed)?|moved?|choisi|opté|opte|préféré|prefere|décidé|decide|"
        r"quitté|quitte|rejoint|rejoindre|"
        # a change it made: "why did Medicen change its CEO?", "pourquoi a-t-il remplacé ..."
        r"change[ds]?|changé|replaced?|remplacé|"
        r"renamed|rebaptisé|closed?|fermé|dropped|abandoned?|abandonné|stopped|arrêté)\b|"
        r"\bwhy did\b.{0,60}\bchoose\b(?!\s+to\b)|"  # "why did Sanofi choose Gentilly?"
        # why a place was chosen: "why there and not somewhere else?", "pourquoi là-bas ?"
        # ("pourquoi la région ...": the article, not "là")
        r"\b(why|pourquoi)\s+(there|that (town|city|place|site|location)|l[àa]-bas|là|"
        r"la(?=\s*([?!.,;]|$|et\b|plut[ôo]t\b))|"
        r"cet endroit|cette (ville|commune))\b",
        IC,
    ),
    # how long something takes ("le délai moyen d'autorisation ?", "how long does it take to
    # get approval?", "combien de temps faut-il ?"): a number of days, weeks, months
    "delay": re.compile(
        r"\bhow long (does|do|did|will|would|should|to|is the wait)\b|\bhow much time\b|"
        r"\bcombien de temps (faut|pour|prend|[çc]a prend|cela prend|dure)\b|"
        r"\b(d[ée]lais?|dur[ée]e|lead time|turnaround|waiting time|average time|time it takes)\b",
        IC,
    ),
    # how long something has lasted ("how long has he been president?"): a date or a span
    # a span ahead counted in its units: "in how many years do they want to get there?"
    "duration": re.compile(
        r"\bhow long\b|\bdepuis (combien de temps|quand)\b|\bin how many (years|months|weeks)\b|"
        r"\bcombien de temps\b|"
        r"\b(dans|d['’]ici) combien d['’](ann[ée]es|ans)\b",
        IC,
    ),
    "age": AGE_ASKED,  # a person's age: the sources must give it, or a birth
    # a measure ("what's the field strength of its scanners?", "quelle surface ?"): a number
    "measure": re.compile(
        r"\b(field strength|strength|capacity|capacité|capacite|size|taille|surface|superficie|"
        r"square met(re|er)s?|m²|teslas?|how (big|large|wide|tall|heavy)|resolution|résolution|"
        r"dimensions?|weight|poids|volume)\b|\b\d+([.,]\d+)?\s?(t|m2|m²|km|ha|mw|kw)\b",
        IC,
    ),
    # a number of people asked by its noun ("what's the headcount?", "what attendance did it
    # draw?", "l'effectif ?"), or a number asked bare ("what's the exact number?"): a count
    "count": re.compile(
        r"\b(head ?counts?|attendance|turnout|footfall|effectifs?|fr[ée]quentation|"
        r"(exact|precise|total|actual) number|nombre (exact|pr[ée]cis|total))\b"
        r"(?!\s+(of|de|d['’])\b)",  # "the exact number of X": a count of X (COUNT_QUESTION)
        IC,
    ),
    # what a term means ("what does translational medicine mean?"): a sentence that says so
    "meaning": MEANING_ASKED,
    # the day itself ("on what day in July?", "quel jour ?"): a month gives none
    "day": re.compile(
        r"\b(what|which) ((exact|precise) )?day\b|\bquel jour\b|\b(exact|precise) date\b|"
        r"\bdate (exacte|pr[ée]cise)\b",
        IC,
    ),
    "date": DATE_ASKED,
}

# whether anyone did or is ("has any company from Canada already done that?"): no subject's
# outcome, no yes/no about a subject
ANYONE = r"(any|anyone|anybody|someone|somebody)"
# the words that ask whether it came true, after "did", "has": "did it ever open?"
CAME_TRUE_MARK = (
    r"actually|finally|eventually|really|ever|end(?:ed)? up|fini|already|finalement|vraiment|"
    r"déjà|deja|reach(?:ed)?|achieved?|met|meet|hit|doubled?|managed?|succeeded|succeed|atteint|"
    r"doublé|double|réussi|reussi"
)
# whether something planned came true ("did it actually open on schedule?", "has Medicen
# reached its target?", "ils ont finalement ouvert ?"): the sources must say it was done
OUTCOME = re.compile(
    r"^\W*((and|so|ok|okay|et|alors|mais)\W+)*(did|has|have|had|a-t-(il|elle)|ont-(ils|elles)|"
    rf"est-ce qu['’](il|elle|ils|elles)|est-ce que)\b(?!\s+{ANYONE}\b)"
    rf"[^?]{{0,60}}\b(?P<mark>{CAME_TRUE_MARK})\b|"
    # that it came true, said as such: "et ils y sont arrivés ?", "did they make it?", "any
    # sign that it produced X?", "... yet?"
    r"^\W*(is there )?any (sign|evidence|proof)s?\b|\byet\s*[?.!]*\s*$|"
    r"\b(y (sont|est|soient) (arriv|parven)\w*|(ont|a)(-t)?(-(ils|elles|il|elle))? r[ée]ussi|"
    r"objectif atteint|make it|made it|pull(ed)? it off)(?=\s*[?.!]|$)|"
    r"\b(on schedule|on time|as planned|in the end|comme prévu|comme prevu|dans les temps|"
    r"finalement|au final|"
    # what it has come to by now ("what results has it delivered so far?"): the sources, dated,
    # must say it was done
    r"so far|to date|à ce jour|a ce jour|jusqu['’]ici|jusqu['’]à présent|jusqu['’]a present)\b",
    IC,
)
# a yes/no question ("has Philips opened an R&D centre here?", "est-ce que Medicen a un bureau à
# Bruxelles ?"): the sources answer it where they say what is asked of its subject; not whether
# anything or anyone exists ("is there ...?", "has any company ...?")
WHETHER = re.compile(
    r"^\W*((and|so|ok|okay|but|et|alors|mais|donc)\W+)*(did|does|do|is|are|was|were|has|have|"
    rf"had|can|could|will|would|est-ce qu['’]?e?)\b(?!['’]?\s*(there|il y a|il existe|you|u|"
    rf"{ANYONE})\b)",
    IC,
)
# a French yes/no asked by the inverted verb ("Incuballiance accepte-t-il des start-up
# étrangères ?", "les patients peuvent-ils consulter leur dossier ?"), no word that asks what
# ("où est-il ?"), not whether anything exists ("y a-t-il ...?", "existe-t-il ...?")
WHETHER_FR = re.compile(
    r"^(?!.*\b(quel\w*|qui|quoi|quand|où|comment|combien|pourquoi|lequel|laquelle|lesquel\w*)\b)"
    r"(?!(.*[,:;]\s*)?\W*(que|qu['’]))"  # "que fait-il ?" (not "les labs qu'il héberge")
    r".*(?<![\w-])(?<!\by )(?!existe-)(\w+-(t-)?|"
    # typed without hyphens: "a t il travaillé", "est il installé"
    r"(est|sont|a|ont|peut|peuvent|fait|font|doit|doivent|va|vont)\s(t\s)?)(il|elle|ils|elles|on)\b",
    IC,
)
# a yes/no open to anything the sources say: "does it play any other role?", "has Sanofi done
# anything on e-health?", "does it see X or Y as its rival, or someone else?"
OPEN = re.compile(
    r"\b(any ?thing|any other|anyone|any role|something|quelque chose|autre chose|d['’]autres?|"
    r"(some|any)(one|body|where) else|quelqu['’]un d['’]autre)\b",
    IC,
)
