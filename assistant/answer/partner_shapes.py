"""Question shapes that ask whom to work with (``partner``), English and French: who to work
with, talk to, contact; which labs work on something; which organisation could host, help or
introduce the asker; which one to choose. Shapes only, never the answer to one question."""

from __future__ import annotations

import re

from assistant.answer.shapes import WE, siting

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
    r"(work|collaborate|partner|team up|cooperate|talk|speak|reach out|turn|contact|approach|"
    r"go through|go thru)"
    r"( with| to| for)?\b|"
    r"\bwho to (work with|collaborate with|talk to|contact|partner with)\b|"
    # whoever the asker describes: "who could a biotech working on X team up with here?"
    rf"\b(who|whom)\s+{MODAL}\s+([\w'’-]+\s+){{1,8}}?(?<!the ){JOIN}\s+with\b"
    r"(?=(\s+[\w'’-]+){0,3}\W*$)|"
    # "who in the region works on that and could team up with us?": with the asker
    rf"\b(who|whom|which \w+)\b[^?.]{{0,80}}\b{MODAL}\s+(\w+\s+)?{JOIN}\s+with\s+(us|me)\b|"
    r"\b(which|what) (labs?|laborator(y|ies)|teams?|research (groups?|teams?)|researchers|"
    r"experts?|scientists) (\w+ )?(work|works|working|specialis|specializ|are active|focus)\w*|"
    rf"\b(which|what) (\w+ )?{ONE_ORG} ((in|at|near|around) [\w\-]+ )?(\w+ )?{WORKS_ON}\b|"
    r"\b(which|what) \w+ (are |is )?(\w+ )?(working|work|works|active) (on|in) (this|that)\b|"
    r"\b(find|finding|looking for|look for|need|needs|seek|seeking|search for|potential|"
    r"possible|good|best|right) (a |an |some |the )?(\w+ )?partners?\b(?!['’]s)|"
    r"\bpartners? (for|on) (our|my|a|an|this|us|me)\b|"
    rf"\bavec qui\b|\bavec (quel(le)?s?|lesquel(le)?s) (\w+ ){{0,3}}?{JOIN}\b|"
    r"\bà qui (nous |m['’]|s['’]|me |se )?(adresser|parler|nous adresser)\b|"
    r"\b(qui |(quels?|quelles?) ((?!sont|est|pour|de|moyens?|adresses?)\w+ ){1,2}?)(contacter|"
    r"solliciter|approcher)\b|"
    r"\b(quels?|quelles?) (\w+ ){1,3}(je|j['’]|nous|on) ?(devrais|devrions|doit|dois|devons|"
    r"pourrais|pourrions|peux|pouvons|peut|vais|irais) (\w+ )?(contacter|approcher|solliciter|"
    r"rencontrer|m['’]adresser|nous adresser|travailler avec|collaborer avec|parler)\b|"
    r"\b(quels?|quelles?) (labos?|laboratoires?|équipes?|equipes?|chercheurs|experts?)\b"
    r"[^?]{0,20}\b(travaill|spécialis|specialis|actif|active)\w*|"
    r"\b(trouver|cherche|cherchons|recherche|recherchons|besoin d['’]un) (des |un |une |de )?"
    r"(\w+ )?partenaires?\b",
    re.IGNORECASE,
)
# what one joins rather than who: "is there an existing consortium we could plug into?"
GROUPING = r"(consortium|consortia|programmes?|programs?|projects?|initiatives?|platforms?|hubs?)"
# "big companies ... that I could partner with?": the organisations sought named before it
RELATIVE = re.compile(  # or unsaid after what is sought: "a facility near Paris I should approach"
    rf"\b((that|which|who|whom|whose|qui|que|with whom|avec qui|avec lesquel\w*)\s+{WE}|"
    rf"(anyone|anybody|someone|somebody|something|{ONE_ORG}|{GROUPING}|facility|lab)\s+"
    rf"(\w+\s+){{0,4}}?(i|we))\s+{MODAL}\s+(\w+\s+)?({JOIN}|approach|contact|talk to|"
    r"reach out to|join|plug into|plug in to|be part of|take part in|get involved (in|with)|"
    r"rejoindre|intégrer|integrer)\b",
    re.IGNORECASE,
)
PARTNER_MORE = re.compile(
    # "which incubators could host me?", "vers qui me tourner ?", "à qui m'adresser ?"
    rf"\b(which|what|quels?|quelles?)\s+(\w+\s+){{1,3}}?{MODAL}\s+(\w+\s+)?({JOIN}|"
    r"host|help|support|accompany|mentor|take (?:me|us) in|welcome|house|héberger|heberger|"
    r"accueillir|aider|accompagner|"
    r"m['’]aider|m['’]accueillir|m['’]héberger|m['’]accompagner|nous aider)\b|"
    r"\b(vers|à|a) qui (me |nous |se |m['’]|s['’])?(tourner|orienter|adresser)\b",
    re.IGNORECASE,
)
# a go-between asked for: "who could put me in touch with hospitals?", "qui pourrait me présenter"
INTRODUCE = re.compile(
    rf"\b(who|whom|qui)\s+{MODAL}\s+(put|get|bring)\s+(me|us)\s+in\s+(touch|contact)\b|"
    rf"\b(who|whom)\s+{MODAL}\s+(connect|introduce|link|refer)\s+(me|us)\b|"
    # the one sought by what it could do: "we need a local cluster that can introduce us to ..."
    rf"\b(that|which)\s+{MODAL}\s+(connect|introduce|link|refer)\s+(me|us)\s+(to|with)\b|"
    rf"\bqui\s+{MODAL}\s+(me|nous)\s+(mettre en (relation|contact)|présenter|presenter)\b|"
    # "who can help us reach hospitals?", "qui peut m'aider à les approcher ?"
    rf"\b(who|whom)\s+{MODAL}\s+help\s+(me|us)\s+(to\s+)?(approach|reach|contact|meet|access)\b|"
    rf"\bqui\s+{MODAL}\s+(m['’]|nous\s+)aider\s+(à|a)\s+(les\s+|l['’]|la\s+|le\s+)?"
    r"(approcher|contacter|rencontrer|joindre|atteindre)\b",
    re.IGNORECASE,
)
# "which facility should I look at?": the asker choosing an organisation (never a place)
CHOOSE = re.compile(
    r"\b(which|what|quels?|quelles?)\s+(\w+\s+){1,2}?(should|could|can|do|would|dois|devrais|"
    r"devrions|pourrais|pourrions|peux)[- ](i|we|je|nous|on|"
    # the asker's own team: "which institutions should my oncology lab approach?"
    r"(my|our|mon|ma|notre|nos)\s+(\w+\s+){0,2}?(lab|laboratory|team|company|start-?up|firm|"
    r"group|labo|laboratoire|équipe|equipe|entreprise|société|societe|boîte|boite))\s+"
    r"(look at|look into|consider|visit|go to|turn to|apply to|approach|regarder|viser|"
    r"solliciter|approcher|contacter)\b",
    re.IGNORECASE,
)


def asks_partner(question: str) -> bool:
    """Who to work with, talk to, contact; which labs work on something; which organisation
    could host, help or join the asker (or a named organisation); which one to choose."""
    if any(p.search(question) for p in (PARTNER, PARTNER_MORE, RELATIVE, INTRODUCE)):
        return True
    return bool(CHOOSE.search(question)) and not siting(question)
