"""What the assistant does not cover, whatever the words: the weather, a joke, the asker's own
life (a home, a school for their children, their job, studies, taxes, benefits, investments),
everyday life in the city (where to eat or sleep, timetables), translating or editing the
asker's text, a forecast, and their own care (``care.CARE``). A part of
``question_kind.classify``; shapes only, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.care import CARE

OUT_OF_SCOPE = re.compile(
    r"\b(weather|forecast|météo|joke|blague|poem|poème|poeme|song|chanson|recipe|recette|"
    r"football|horoscope|lottery|bitcoin|crypto|stock price|cours de bourse)\b|"
    # the weather asked in other words: "il va faire (il fait) quel temps à Saclay demain ?",
    # "il fera beau ce week-end ?", "will it rain tomorrow?"
    r"\bquel temps (?:fait|fera|va)\b|\b(?:faire|fait|fera) quel temps\b|"
    r"\b(?:fera|fait|va faire)(?:-t-il)? (?:beau|chaud|froid)\b|\b(?:va|vas|va-t-il) pleuvoir\b|"
    r"\b(?:will|is) it (?:going to )?(?:rain|snow|be sunny|be cold|be hot)\b|"
    # living in the city, the asker's own taxes: "a nicer place to live", "mes impôts"
    r"\b(?:nicer|better|best|good|cheaper|nice) (?:place|city|town|area) to live\b|"
    r"\bwhere (?:to|should (?:i|we)) live\b|\bcost of living\b|"
    # "which neighbourhood should we live in?", "quel quartier pour habiter avec deux enfants ?"
    r"\b(?:should|could|can) (?:i|we) live\b(?! and work)|"
    r"\bpour (?:y )?(?:habiter|vivre|se loger)\b(?! et travailler)|"
    # a school for the asker's children: "a good school for my kids", "une école pour mes enfants",
    # "which international school in the west would you recommend for my two kids?"
    r"\b(?:schools?|[ée]coles?|cr[èe]ches?|nurser(?:y|ies)|daycare|lyc[ée]es?|coll[èe]ges?)\b"
    r"[^?]{0,60}?\b(?:for|pour) (?:my|our|mes|nos|mon|ma|notre) (?:\w+ ){0,2}(?:kids?|children|"
    r"son|daughter|enfants?|fils|fille)\b|"
    # a home to find: "un appart pas cher à Villejuif", "a flat near Saclay", "une coloc"
    r"\b(?:apartments?|appartements?|apparts?|logements?|colocs?|colocations?|flatshares?|"
    r"accommodation|airbnb|(?:rent|find|cheap)\s+(?:a\s+)?flat)\b|"
    r"\bo[uù] (?:habiter|vivre|se loger)\b|"
    # the asker's own job: "est-ce que je devrais demander une mutation ?", "should I quit my job?"
    r"\b(?:should|shall) i\b[^?]{0,40}\b(?:quit|resign|leave|change) my (?:job|post|position)\b|"
    # "should i quit and join a startup or tough it out?", "dois-je abandonner ma thèse ?"
    r"\b(?:should|shall) i (?:just )?(?:quit|drop out|tough it out|stick it out)\b|"
    r"\b(?:dois-je|devrais-je|je devrais|est-ce que je devrais)\b[^?]{0,20}\b(?:arr[êe]ter|"
    r"abandonner|l[âa]cher) (?:ma|mon) (?:th[èe]se|doctorat|phd|master|[ée]tudes)\b|"
    r"\b(?:should|shall) i (?:ask|apply) for a (?:transfer|raise|promotion)\b|"
    r"\b(?:dois-je|devrais-je|je devrais|je dois|est-ce que je devrais)\b[^?]{0,30}\b(?:mutation|"
    r"d[ée]missionner|changer de (?:poste|travail|job|boulot)|augmentation)\b|"
    # the asker's own benefits and studies: "aurai-je droit au chômage ?", "quel master ?"
    r"\b(?:ch[ôo]mage|unemployment benefits?|p[ôo]le emploi|france travail|arr[êe]t maladie|"
    r"sick leave)\b|\b(?:un|une|a|an) (?:master|mba|formation|licence|bachelor|degree)\b[^?]{0,40}"
    r"\b(?:conseill\w*|recommand\w*|recommend\w*|lequel|laquelle|which one)\b|"
    # "quel master faire pour bosser dans la biotech ?", "which degree should I take?"
    r"\b(?:quel|quelle|quels|which|what) (?:masters?|mba|formations?|licences?|bachelors?|"
    r"degrees?|dipl[ôo]mes?|[ée]tudes|cursus|phd|doctorat)\b[^?]{0,20}\b(?:faire|choisir|suivre|"
    r"pr[ée]parer|should (?:i|we)|(?:do|to) (?:take|do|choose|pick|study))\b|"
    r"\b(?:my|our) (?:income )?tax returns?\b|\b(?:declare|file|pay) (?:my|our) (?:income )?"
    r"taxes\b|\b(?:d[ée]clar\w*|pay\w*) (?:mes|nos) imp[ôo]ts\b|"
    # everyday life in the city, not its health ecosystem: where to eat, sleep, go out ("un bon
    # resto près de la gare de Lyon ?", "a nice hotel near the summit?"; the Hôtel-Dieu is a
    # hospital)
    r"\b(recommend\w*|conseill\w*|suggest\w*|good|nice|cheap|best|bons?|bonnes?|sympa|"
    r"meilleure?s?)\b[^?.]{0,30}\b(rest\w{0,3}rants?|restos?|brasseries?|hotels?|hôtels?(?!-))(?![\w-])|"
    r"\b(where|o[uù]) (to )?(eat|sleep|stay|manger|dormir|sortir)\b|"
    # "any good place for lunch near the summit?", "où déjeuner près du palais ?"
    r"\b(place|spot|somewhere|endroit|coin)s? (for|to have|to grab|pour) (a )?(lunch|dinner|"
    r"breakfast|brunch|coffee|drinks?|d[ée]jeuner|d[îi]ner|boire un verre|prendre un caf[ée])\b|"
    r"\b(where|o[uù]) (can i |could i |can we |to |peut-on |puis-je )?(have |grab |get )?"
    r"(lunch|dinner|breakfast|brunch|d[ée]jeuner|d[îi]ner)\b|"
    # getting about the city ("how do I get to X from CDG?", "comment se rendre à X ?"), the
    # time, translating a text; "how do we get to market?" stays a question
    r"\bhow (do|can|should|would) (i|we) get (to|from|there)\b[^?]{0,60}\b(airport|a[ée]roport|"
    r"cdg|orly|station|gare|metro|métro|rer|train|bus|taxi|by car)\b|"
    r"\b(directions|itinerary) to\b|\bcomment (se|me|nous) rendre (à|a|au|aux|jusqu)|"
    # a timetable: "which train goes from Paris to Lyon?", "quel bus pour Évry ?"
    r"\b(which|what|quel|quels|quelle) (trains?|metros?|métros?|bus|buses|flights?|vols?|rer|"
    r"trams?) (goes|go|runs?|leaves?|from|to|for|pour|va|vont|part)\b|"
    r"\b(itin[ée]raire|what time is it|quelle heure est-il)\b|"
    r"\btranslate (this|that|it|these|the following)\b|\b(traduis|traduisez)\b|"
    r"\btranslate (in)?to (french|english|german|spanish|italian|chinese|japanese)\b|"
    # a text put into a language, asked of the assistant: "tu peux me traduire en allemand :
    # « ... » ?" (not "how does Medicen translate research into French start-ups?")
    r"(^\s*|\b(can|could|would) (you|u) (please )?|\b(please|pls|kindly) |"
    r"\b(peux|pouvez|pourriez|pourrais)[- ](tu|vous) (me |nous )?|"
    r"\b(tu|vous) (peux|pouvez|pourrais|pourriez) (me |nous )?)(traduire|traduis|traduisez|"
    r"translate)\b[^?]{0,30}\b(en|in|into|to|vers) (anglais|fran[çc]ais|allemand|espagnol|"
    r"italien|chinois|japonais|english|french|german|spanish|italian|chinese|japanese)\b"
    r"(?=\s*(?:[:?.!«\"“'‘]|$))|"
    # work on the user's own text asked of the assistant: "proofread our pitch deck", "pouvez-
    # vous traduire ma lettre ?" ("does Medicen review our application?" asks about Medicen)
    r"(^\s*|\b(can|could|would|will) (you|u) (please )?|\b(please|pls|kindly) |"
    r"\b(peux|pouvez|pourriez|pourrais)[- ](tu|vous) (me |nous )?|"
    r"\b(tu|vous) (peux|pouvez|pourrais|pourriez) (me |nous )?|\bmerci de )"
    r"(translate|proofread|proof-read|correct|edit|rewrite|reword|polish|improve|review|"
    r"traduire|relis|relire|relisez|corrige[rz]?|r[ée][ée]cri[st]|r[ée][ée]crire|reformule[rz]?|"
    r"am[ée]liore[rz]?)[\s-]+(moi\s+|nous\s+)?(my|our|this|the attached|ma|mon|mes|notre|nos|"
    r"cette|ce|ces)\s+([\w-]+\s+){0,2}?(letter|lettre|e-?mail|mail|courriel|cv|resume|"
    r"r[ée]sum[ée]|application|candidature|text|texte|document|pitch|deck|draft|paragraph|"
    r"paragraphe|essay|message|post|contract|contrat|file|fichier|abstract|proposal|bio|"
    r"pr[ée]sentation|article|dossier)s?\b|"
    r"\bhow (do|can) (i|we) say\b(?!\s+that)|\bcomment (on )?dit-on\b|"
    r"\bhow (do|would|can) (you|u|one) say\b[^?]{0,60}\bin (english|french|german|spanish|"
    r"italian|chinese|mandarin|japanese|korean|arabic|portuguese|russian|dutch)\b|"
    r"\bcomment (?:on )?(?:dit|dire)\b[^?]{0,60}\ben (?:anglais|allemand|espagnol|italien|"
    r"japonais|chinois|arabe|portugais|russe|cor[ée]en)\b|"
    # a forecast asked of the assistant, the markets: "can you predict Sanofi's stock?"
    r"\b(can|could|would) (you|u) (predict|forecast|guess)\b|\b(peux|pouvez)[- ](tu|vous) "
    r"(pr[ée]dire|pr[ée]voir|deviner)\b|\b(share price|stock market|stock exchange)\b|"
    # where shares are heading: "biotech stocks going up??"
    r"\b(stocks|shares)\b[^?.]{0,20}\b(go(ing)? (up|down)|goes (up|down)|"
    r"ris(e|es|ing)|fall(s|ing)?|drop(s|ping)?|climb(s|ing)?|crash(es|ing)?|monter|baisser|"
    r"grimper|chuter|remonter)\b|"
    # the asker's own investments: "should I buy Sanofi shares?", "faut-il acheter des actions"
    r"\b(should|shall|can|could|would) (i|we)\b[^?.]{0,20}\b(buy|sell|invest in|put (my|our) "
    r"(savings|money|cash) (in|into))\b[^?.]{0,30}\b(shares|stocks?|equities)\b|"
    r"\b(faut[- ]il|dois[- ]je|devrais[- ]je|devrions[- ]nous|"
    r"je dois|je devrais|on doit)\b[^?.]{0,20}\b(acheter|vendre)\b[^?.]{0,30}\bactions\b|"
    # a document of the asker's own, which the assistant never sees: "tu peux me résumer le
    # rapport que je t'ai envoyé ?", "the file I sent you yesterday"
    r"\b(que|qu['’]|dont) (je|nous|on) (t['’]|vous |te |l['’])?(ai|avons|a) (envoy|transmis|"
    r"partag|joint|attach|t[ée]l[ée]vers)\w*|\b(i|we)(['’]ve| have)? (sent|shared|attached|"
    r"uploaded|forwarded|emailed) (you|to you)\b|\b(my|our) (attached|uploaded) \w+|"
    # what the assistant itself would do or foresees: "what would you do?", "do you think
    # they'll make it?", "tu penses qu'ils vont y arriver ?" (not "what do you think of X?")
    r"\bwhat would (you|u) do(?=\s*(?:[?.!]|$|in my|in our|if|about (it|this|that)))|"
    r"\bif (you|u) were (me|us|in my shoes)\b|"
    r"\b(que|qu['’]est-ce que) (tu|vous) fer(ais|iez)\b|\b(à|a) (ta|votre) place\b|"
    r"\bdo (you|u) think (they|it|he|she|we|i)(['’]ll| will| would| can| could)"
    r"( actually| really| ever)? (make it|succeed|pull it off|get there|reach it|achieve it)\b|"
    r"\b(tu penses|vous pensez|penses-tu|pensez-vous|tu crois|vous croyez|crois-tu|"
    r"croyez-vous) qu['’]\s*(ils?|elles?|on)\b[^?.]{0,20}\b(r[ée]ussir|y arriver)\b|"
    # the assistant's own tastes and choices: "do you like X?", "would you use it yourself?",
    # "which stocks would you personally buy?" (not "what do you know about X?", "your own view:
    # is X the leading cluster?", "si vous aimez la recherche, ...")
    r"\bdo (you|u) (personally |really )?(like|love|prefer|enjoy)\b|"
    # a choice asked of the assistant: "would you put a start-up in Paris or in Boston?"
    r"\bwould (you|u) (personally )?(put|place|set up|locate|open|go for|go with|pick|choose)\b"
    r"[^?]{0,60}\bor\b|"
    r"\bwould (you|u) (personally )?(use|buy|choose|pick|invest in)\b[^?.]{0,30}"
    r"\b(yourself|personally|right now)\b|"
    r"(?<!\bsi )\b(tu|vous) (aimes|aimez|pr[ée]f[ée]res|"
    r"pr[ée]f[ée]rez|utiliserais|utiliseriez|ach[eè]terais|ach[eè]teriez)\b|"
    # what becomes of the asker's messages: "est-ce que mes messages sont enregistrés ?"
    r"\b(my|mes) (messages|conversations?|chats?|questions)\b[^?.]{0,20}"
    r"\b(stored|saved|recorded|kept|logged|enregistr\w+|stock[ée]\w*|conserv[ée]\w*|"
    r"sauvegard[ée]\w*)|"
    rf"{CARE}",
    re.IGNORECASE,
)
