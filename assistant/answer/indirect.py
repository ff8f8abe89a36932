"""An indirect question asked directly: "tell me where Guerbet is based" is "where is Guerbet
based?", "do you know if Medicen has members abroad?" is "has Medicen members abroad?",
"savez-vous si X est à Paris ?" is "est-ce que X est à Paris ?"; and a French where-question
whose subject stands before its inverted verb asked with "est-ce que": "où Guerbet est-il
installé ?" is "où est-ce que Guerbet est installé ?", "Et Roche, où est-il installé ?" is "où
est installé Roche ?". The readings of what is asked (where, when, whether) then see the
question they know.
"""

from __future__ import annotations

import re

from ingest.store.text import detect_language

# what asks for the question that follows: "can you tell me", "do you know", "j'aimerais savoir"
LEAD = re.compile(
    r"^\s*(?:(?:please|pls|kindly|svp|s['’]il (?:te|vous) pla[iî]t)\s*,?\s+)?"
    r"(?:(?:(?:can|could|would|will) (?:you|u)\s+(?:please\s+)?)?(?:tell|show) (?:me|us)|"
    r"let (?:me|us) know|(?:do|d['’]) ?(?:you|u) (?:happen to )?know|any idea|"
    r"(?:do|would) you have any idea|"
    r"i(?:['’]d| would) (?:like|love) to (?:know|understand)|i (?:want|need) to know|"
    r"i(?:['’]m| am) (?:wondering|curious)|i (?:was )?wonder(?:ing)?|"
    r"(?:dites|dis|indiquez|indique)[- ](?:moi|nous)|(?:savez|sais)[- ](?:vous|tu)|"
    r"(?:vous savez|tu sais)|est-ce que (?:vous savez|tu sais)|"
    r"(?:(?:pouvez|pourriez)[- ]vous|(?:peux|pourrais)[- ]tu|vous pouvez|tu peux)\s+"
    r"(?:me |nous )?(?:dire|indiquer|préciser|preciser)|"
    r"(?:j['’]aimerais|je voudrais|je veux|je souhaite|je souhaiterais) (?:bien )?savoir|"
    r"je me demande)"
    r"\s*[,:]?\s+(?=(?:where|when|who|whom|whose|what|which|how|why|whether|if|o[uù]|quand|qui|"
    r"quel\w*|comment|pourquoi|combien|si|s['’]il|s['’]ils)\b)",
    re.IGNORECASE,
)
AUXILIARY = r"is|are|was|were|has|have|had|will|would|can|could|should"
# "where Guerbet is based in France": the asking word, its subject, the auxiliary (not "how many
# staff are there": what is counted is the subject)
WH_FIRST = re.compile(
    r"^(?P<wh>(?:where|when|why|how(?! many\b| much\b)(?: \w+)?)\b)\s+"
    rf"(?P<np>(?:(?!(?:{AUXILIARY}|do|does|did)\b)[\w'’&.\-]+\s+){{0,5}}?"
    rf"(?!(?:{AUXILIARY})\b)[\w'’&.\-]+)\s+"
    rf"(?P<aux>{AUXILIARY})\b(?P<rest>[^?]*)$",
    re.IGNORECASE,
)
# "who the CEO of Medicen is", "what its budget was": the auxiliary closes the clause
WH_LAST = re.compile(
    rf"^(?P<wh>who|whom|what)\s+(?P<np>[^?,]{{1,60}}?)\s+(?P<aux>{AUXILIARY})\s*$",
    re.IGNORECASE,
)
# "if Guerbet is in Paris", "whether Medicen has members abroad"
IF_FIRST = re.compile(
    rf"^(?:if|whether)\s+(?P<np>(?:(?!(?:{AUXILIARY})\b)[\w'’&.\-]+\s+){{0,5}}?"
    rf"(?!(?:{AUXILIARY})\b)[\w'’&.\-]+)\s+(?P<aux>{AUXILIARY})\b(?P<rest>[^?]*)$",
    re.IGNORECASE,
)
# "où Guerbet est-il installé": a French where-question whose subject (a name, a noun phrase)
# stands before its verb and the pronoun that repeats it (the readings of the other asking words
# know that order: "comment un médecin peut-il se connecter ...")
INVERTED = re.compile(
    r"(?P<before>^|[:.;!?]\s+)(?P<wh>o[uù])\s+"
    # not a pronoun ("où se trouve-t-il", "où en est-il"), nor one before its verb ("où la voit-il")
    r"(?P<np>(?!(?:est-ce|il|elle|ils|elles|on|en|y|se|lui|leur|me|te|nous|vous|ne)\b)"
    r"(?![smtnlcdj]['’]\s*[\w’']+-)(?!(?:le|la|les)\s+[\w’']+-)[^?,;:]{1,60}?)"
    # where it is, not where it did something ("où Sanofi a-t-il ouvert son labo ?": a fact)
    r"\s+(?P<verb>est|sont|(?:se\s+)?trouve|(?:se\s+)?trouvent|(?:se\s+)?situe|(?:se\s+)?situent)"
    r"-(?:t-)?(?:il|elle|ils|elles)\b(?P<rest>[^?]*)$",
    re.IGNORECASE,
)
# what opens a reply, not a name: "Merci, où est-il installé ?", "Ok, où se trouve-t-elle ?"
OPENING = re.compile(
    r"(?i)^(?:merci|bonjour|bonsoir|salut|ok|okay|d['’]accord|parfait|super|g[ée]nial|top|cool|"
    r"tr[èe]s bien|bien|bon|oui|non|alors|donc|ah|oh|thanks|thank you|great|hello|hi|hey|yes|no|"
    r"so|well|right|sure|perfect|nice)$"
)
# "Et Roche, où est-il installé ?": a name put first, then the question with its pronoun
NAME_FIRST = re.compile(
    r"^\s*(?:(?:and|et|mais|but)\s+)?(?P<name>(?-i:[A-ZÀ-Þ])[\w'’&.\-]*(?:\s+[\w'’&.\-]+){0,3}?)"
    r"\s*[,:]\s*(?P<wh>o[uù]|quand)\s+(?P<verb>(?:se\s+)?[\w’']+?)-(?:t-)?(?:il|elle|ils|elles)\b"
    r"(?P<rest>[^?]*)\?*\s*$",
    re.IGNORECASE,
)


def asked_directly(message: str) -> str:
    """The message with its indirect question asked directly (the message else)."""
    named = NAME_FIRST.match(message)
    if named and not OPENING.match(named.group("name")):
        rest = named.group("rest").strip()
        verb = named.group("verb")
        return f"{named.group('wh')} {verb} {rest + ' ' if rest else ''}{named.group('name')} ?"
    lead = LEAD.match(message)
    body = message[lead.end() :] if lead else message
    end = re.search(r"\s*[?.!]*\s*$", body)
    clause = body[: end.start()] if end else body
    clause = re.sub(r"(?i)\b(\w+) t-(il|elle|ils|elles)\b", r"\1-t-\2", clause)  # "a t-elle"
    french = INVERTED.search(clause)
    if french:
        np, verb, rest = french.group("np"), french.group("verb"), french.group("rest")
        asked = f"{french.group('wh')} est-ce que {np} {verb}{rest} ?"
        return f"{clause[: french.start()]}{french.group('before')}{asked}"
    if not lead:
        return message
    if re.match(r"(?i)si\s", clause):  # "si X est à Paris": "est-ce que X est à Paris ?"
        return f"est-ce que {clause[3:]} ?"
    if re.match(r"(?i)s['’]ils?\b", clause):  # "s'il": "est-ce qu'il"
        return f"est-ce qu{clause[1:]} ?"
    found = WH_FIRST.match(clause)
    if found:
        wh, aux, np = found.group("wh"), found.group("aux"), found.group("np")
        return f"{wh} {aux} {np}{found.group('rest')}?"
    found = IF_FIRST.match(clause)
    if found:
        return f"{found.group('aux')} {found.group('np')}{found.group('rest')}?"
    last = WH_LAST.match(clause)
    if last:
        return f"{last.group('wh')} {last.group('aux')} {last.group('np')}?"
    return f"{clause} ?" if detect_language(clause) == "fr" else f"{clause}?"  # "qui dirige X ?"
