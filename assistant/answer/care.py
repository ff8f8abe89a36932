"""The asker's own care, or a relative's, which the assistant does not give: medical advice,
symptoms, where to be treated and by whom, at what cost ("how do I treat a headache?", "j'ai de
la fièvre", "which hospital should I go to for a broken arm?", "recommend me a good
oncologist", "my dad has cancer, which hospital is best?"). It answers questions about the
region's health ecosystem, not its care: a part of ``out_of_scope.OUT_OF_SCOPE``. Shapes only,
never the answer to one question."""

from __future__ import annotations

RELATIVE = (
    r"(father|mother|mum|mom|dad|son|daughter|wife|husband|child|kid|parent|grandmother|"
    r"grandfather|grandma|grandpa|brother|sister|partner|friend)"
)
RELATIVE_FR = (
    r"(p[èe]re|m[èe]re|papa|maman|fils|fille|femme|mari|enfant|grand-m[èe]re|grand-p[èe]re|"
    r"fr[èe]re|s(oe|œ)ur|ami|amie|conjoint|conjointe)"
)
# a carer by trade: "a good oncologist", "un bon médecin"
CARER = (
    r"(doctor|gp|dentist|oncologist|cardiologist|dermatologist|paediatrician|pediatrician|"
    r"surgeon|psychiatrist|m[ée]decin|docteur|g[ée]n[ée]raliste|dentiste|oncologue|cardiologue|"
    r"dermatologue|p[ée]diatre|chirurgien|psychiatre)"
)
# a treatment one takes: "which chemo?", "quel traitement ?"
TREATMENT = (
    r"(treatments?|drugs?|medications?|medicines?|chemo(therapy)?|therap(y|ies)|"
    r"traitements?|m[ée]dicaments?|chimio(th[ée]rapie)?|th[ée]rapies?)"
)
# one sought for the asker: the carer ends the clause or is sought somewhere ("a doctor in
# paris?"), not "a doctor investor", "a doctor's opinion", "a physician partner"
SOUGHT = r"(?=\s*(?:[,.?!;]|$)|\s+(?:in|à|a|near|pr[èe]s de|around|for me|pour moi)\b)"
ILLNESS = (
    r"(cancer|disease|illness|tumou?r|diabetes|leuk[a]?emia|sclerosis|alzheimer\w*|parkinson\w*|"
    r"stroke|heart attack|infection|condition|broken \w+|fracture)"
)
ILLNESS_FR = (
    r"(cancer|maladie|tumeur|diab[èe]te|leuc[ée]mie|alzheimer|parkinson|avc|infarctus|"
    r"infection|fracture)"
)
# the illness ends its clause ("has cancer, which ...", "has cancer of the pancreas", "a un
# cancer du sein", "une maladie grave"), not "has a cancer research lab"
ENDS = (
    r"(?:\s+(?:of(?: the)?|du|de la|des|d['’])\s*\w+|\s+(?:grave|rare|chronique|s[ée]v[èe]re|"
    r"incurable))?(?=\s*(?:[,.?!;:]|$)|\s+(?:and|so|since|for|now|et|donc|depuis)\b)"
)
CARE = (
    # medical advice for the asker: the ecosystem, not its care ("le meilleur traitement contre
    # la migraine", "how do I treat a headache?")
    r"\b(best|meilleure?s?)\s+(treatments?|cures?|remed(y|ies)|traitements?|remèdes?|remedes?|"
    r"médicaments?|medicaments?)\b|\bhow (do|can|should) i (treat|cure)\b|"
    r"\bshould i (be )?tak(e|ing)\b(?! part\b| (my|our|the|a|an|it|them)\b)|"
    # the asker's own symptoms: "I've had a cough for three weeks", "j'ai de la fièvre"
    # (ending its clause: "I have an infection diagnostics start-up" tells of a project)
    r"\bi(['’]ve| have)( had| got)? (a |an )?(bad |persistent |terrible )?(cough|fever|headache|"
    r"migraine|cold|flu|rash|sore throat|infection|toothache|pain|lump|swelling|bleeding|"
    r"dizziness|nausea)\b"
    r"(?=\s*(?:[,.?!;]|$)|\s+(?:for|since|and)\b)|\bj['’]ai (de la |une |un )?(fi[èe]vre|toux|"
    r"migraine|grippe|rhume)\b(?=\s*(?:[,.?!;]|$)|\s+(?:depuis|et)\b)|\bj['’]ai mal (à|a|au|aux)\b|"
    r"\bj['’]ai (une |des |un )?(douleurs?|boules?|grosseurs?|saignements?|vertiges?|naus[ée]es)\b|"
    # whether the asker should worry or see someone: "je dois m'inquiéter ?", "should I worry?"
    r"\b(dois-je|je dois|faut-il que je) (m['’]inqui[ée]ter|consulter|m['’]en faire)(?=\s*[?.!]|$)|"
    r"\bshould i (be worried|worry|see a doctor)(?=\s*[?.!]|$)|"
    r"\bcomment (me )?(soigner|guérir|guerir)\b|\bmy (symptoms|headache|migraine|pain)\b|"
    r"\bmes (symptômes|symptomes)\b|"
    # the care of the asker or a relative: where to be treated, by whom, at what cost
    # ("which hospital should he go to?", "for my knee surgery", "quel hôpital consulter ?")
    rf"\b(should|can|could|must) (he|she|my {RELATIVE}) (go|consult|see|get treated|be treated|"
    r"get operated|be operated)\b|\b(should|can|could|must) i (get treated|be treated|get "
    r"operated|be operated|get an appointment)\b|\bfor (my|his|her) (\w+ )?(surgery|operation|"
    r"treatment|care|cancer|disease|illness|diagnosis)\b(?! (research|project|study|program\w*|"
    r"trial|lab|company|start-?up|team)\b)|\b(which|what) (doctor|surgeon|oncologist) (should|"
    r"can|could) (i|he|she|my \w+)\b|\bquel (médecin|medecin|chirurgien|docteur) (consulter|"
    r"voir|choisir)\b|\b(covered|reimbursed) by my (\w+ )?insurance\b|\bma mutuelle\b|"
    r"\b(quel|quels|quelle) (hôpital|hopital|hôpitaux|clinique) (\w+ )?(consulter|choisir)\b|"
    r"\b(me|se|le|la) faire (soigner|opérer|operer)\b"
    # a carer or a place of care sought for oneself ("which hospital should I go to?",
    # "recommend me a good oncologist", "trouve-moi un bon médecin", "i need a cardiologist")
    r"|\b(which|what|quel|quels|quelle) (hospitals?|clinics?|h[ôo]pital|clinique|"
    rf"{CARER})\b[^?]{{0,30}}\b(should|can|could|must|do) (i|he|she|my \w+) "
    r"(go|see|consult|get treated|be treated|get operated|be operated)\b"
    r"|\b(recommend|suggest|find|conseille\w*|recommande\w*|trouve\w*)[\s-]+(me|moi|nous|us) "
    rf"(an? |un |une )?(good |bon |bonne |great )?{CARER}s?\b"
    # one carer sought ("can you recommend a doctor?", "where can I find a dentist?"), not
    # carers in general ("suggest doctors and engineers work together")
    rf"|\b(recommend|suggest|find|conseille\w*|recommande\w*|trouve\w*) (an? |un |une )"
    rf"(good |bon |bonne |great )?{CARER}{SOUGHT}"
    rf"|\b(i need|i['’]m looking for|je cherche|j['’]ai besoin d['’]) ?(an? |un |une )(good |bon "
    rf"|bonne )?{CARER}{SOUGHT}"
    # the carer a recommendation picks for the asker: "tu me conseilles quel médecin ?", "can
    # you recommend me which GP?" (not "suggest which doctors to invite to our board")
    rf"|\b(me|nous)\s+(conseill\w*|recommand\w*)\s+(quel|quelle|quels|quelles)\s+"
    rf"(bon |bonne )?({CARER}|{TREATMENT})|"
    rf"\b(recommend|suggest)\w*\s+(me|us)\s+(which|what)\s+(good )?({CARER}|{TREATMENT})|"
    # the treatment the asker should take: "which drug should I take?"
    rf"\b(which|what|quel|quelle|quels|quelles) {TREATMENT}\b[^?]{{0,30}}\b(should|can|could|"
    r"do) (i|he|she|my \w+) (take|get|have|use|try)\b"
    # a relative's illness ("my dad has cancer", "ma mère est atteinte d'un cancer"), not a
    # relative's project in a field ("my friend has a cancer research lab")
    rf"|\bmy {RELATIVE}(['’]s)? (has|had|has got|is suffering from|suffers from|"
    rf"was (just |recently )?diagnosed with) (an? )?([\w-]+ ){{0,2}}{ILLNESS}{ENDS}"
    rf"|\bmy {RELATIVE} is (ill|sick)\b"
    # the carer the asker or a relative should ask or go to: "should she ask her oncologist
    # ...?", "should I go to an emergency room?" (a relative's chemo told first is no question:
    # "my mum is starting chemo, is there an app ...?")
    rf"|\b(should|can|could|must) (i|he|she|my {RELATIVE}) (ask|see|call|tell) (my|his|her|their) "
    rf"{CARER}\b(?!\s+about\b)"
    rf"|\b(should|can|could|must) (i|he|she|my {RELATIVE}) go to (the |an? )?([\w-]+ ){{0,2}}"
    r"((emergency|emergencies|er|a&e|casualty|urgences)\b|(hospital|clinic|doctor)"
    r"(?=\s*(?:[,.?!;]|$)|\s+(?:now|today|tonight|right away)\b))"
    rf"|\b(mon|ma) {RELATIVE_FR} (a|a eu) (un |une |le |la |des |du )?{ILLNESS_FR}{ENDS}"
    rf"|\b(mon|ma) {RELATIVE_FR} (est (atteinte?|malade)|souffre)\b"
    # the one place or carer that best treats an illness or an operation: "which is the best
    # hospital in paris for heart surgery?" (not "the best hospital for cancer research", "the
    # best hospitals for gene therapy in France")
    rf"|\b(best|meilleure?)\s+(hospital|clinic|h[ôo]pital|clinique|{CARER})\b"
    rf"[^?,]{{0,30}}\b(for|pour)\s+(an?\s+|une?\s+|la\s+|le\s+)?([\w-]+\s+)?"
    rf"({ILLNESS}|{ILLNESS_FR}|surgery|operations?|chirurgie|op[ée]rations?|{TREATMENT})"
    r"(\s+(?!research|recherche|trials?|essais?|stud|[ée]tud|innovation|start)[\w-]+)?"
    r"(?=\s*(?:[,.?!;:]|$)|\s+(?:in|at|à|a|en|near|pr[èe]s)\b)"
    # the care of a relative's illness: "the best hospital for my mom's cancer"
    rf"|\b(hospitals?|clinics?|doctors?|treatments?|care)\b[^?,]{{0,20}}\bfor my {RELATIVE}['’]s "
    rf"(\w+ )?{ILLNESS}{ENDS}"
    # a sign the asker found on themselves, and what it is: "I found a lump in my breast",
    # "can you tell me whether it's malignant?", "j'ai senti une boule, c'est grave ?"
    r"|\bi (found|felt|noticed|discovered) (a |an )?(lump|swelling|bump|mole|rash)\b"
    r"|\bj['’]ai (trouv[ée]|senti|remarqu[ée]) (une |un )?(boule|grosseur|bosse)\b"
    r"|\b(whether|if|is) (it|this|that)(['’]s| is)? (malignant|benign|cancerous)\b"
    r"|\b(c['’]est|est-ce) (malin|b[ée]nin|canc[ée]reux)\b"
    # a care decision for a relative: "should she skip her next session?", "doit-il arrêter
    # son traitement ?" (not "should they keep the therapy trials in France?")
    rf"|\b(should|can|must) (she|he|my {RELATIVE}) (skip|stop|pause|delay|postpone|"
    r"continue|keep) (taking )?(her|his|their|the )?\s*(next )?(session|treatment|chemo\w*|"
    r"dose|appointment|medication|therapy)s?\b"
    r"|\b(doit|devrait|peut)-(il|elle) (arr[êe]ter|sauter|reporter|suspendre) (sa|son|ses|la|le) "
    r"(prochaine |prochain )?(s[ée]ance|traitement|chimio\w*|rendez-vous|dose)s?\b"
)
