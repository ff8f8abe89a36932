"""A message that names a kind of organisation and a place, and nothing else ("e-health
startups in idf?", "incubateurs à Paris ?"): it asks for the organisations of that kind there.
Shapes only."""

from __future__ import annotations

import re

PLURAL_KINDS = (
    r"organi[sz]ations|organismes|companies|firms|entreprises|sociétés|societes|institutes|"
    r"instituts|institutions|clusters|pôles|poles|incubators|incubateurs|start-?ups|groups|"
    r"groupes|hospitals|hôpitaux|hopitaux|laboratories|labs|labos|laboratoires|universities|universit[ée]s|"
    r"networks|réseaux|players|acteurs|pharma|biotechs|medtechs|bodies|cos"  # "pharma cos in X"
)
# a kind and a place, nothing else: "e-health startups in idf?", "incubateurs à Paris ?", "y a
# d'autres labos pharma dans Rueil-Malmaison ?"
KIND_IN_PLACE = re.compile(
    r"^\s*(?:(?:(?:il )?y a(?:-t-il)?|are there|is there) )?"
    r"(?:any |some |des |les |other |any other |d['’] ?autres )?"
    r"(?:(?!(?:how|why|what|which|who|where|when|do|does|are|is|can|comment|pourquoi|quels?|"
    rf"quelles?)\b)[\w\-]+ ){{0,2}}(?:{PLURAL_KINDS}) "
    r"(?:in|en|à|a|dans|around|near) (?:the |le |la |les |l['’])?[\w\-'’]+(?: \(?[\w\-]+\)?)?"
    r"\s*\?*\s*$",
    re.IGNORECASE,
)
