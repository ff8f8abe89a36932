"""What a question asks of a subject beyond what the sources state at their date: what came of
it ("what were the results of the SUMIL project?", "did the CSIS lead to a new law?"), whether a
state still holds today ("is he still president?"), or a time before the one they give ("which
company did he work for before he joined Medicen?"), a year they never mention; and the shapes
of the sentences that say so. The dated sources answer only where they say it. Shapes of
questions and sentences, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Container

from assistant.answer.questions import asking

IC = re.IGNORECASE
# what came of a subject, asked by its fruit ("what were the results of the SUMIL project?",
# "did the CSIS lead to a new law?", "quelles mesures ont été adoptées ?"): the sources must
# say that something came of it, not only that it exists or is planned
RESULT = re.compile(
    r"\b(results?|outcomes?|achievements?|impact|r[ée]sultats?|retomb[ée]es|bilan)\s+(of|de|du|"
    r"des|d['’])|\bwhat (results|outcomes)\b|\bquels? r[ée]sultats?\b|['’]s results?\s*\?|"
    r"\b(its|their|ses|leurs) (results?|outcomes?|r[ée]sultats?)\s*\?|"
    # what it led to ("did it lead to a new law?"), not what it led ("did Medicen lead a project?")
    r"\b(did|has|have|had)\b[^?]{0,60}\b(lead|led|result|resulted)\s+(to|in)\b|"
    r"\b(did|has|have|had)\b[^?]{0,60}\b(produced?|yield(ed)?|shown?|showed|brought about|"
    r"bring about|delivered?)\s+(any|a|an|some|concrete|real)?\s*(results?|outcomes?|"
    r"improvements?|benefits?)\b|\bwhat did\b[^?]{0,60}\bachieve\b|"
    r"\bdonn\w* des r[ée]sultats\b|"
    r"\b(a-t-(il|elle)|ont-(ils|elles)|est-ce qu\S*|a|ont)\s+([^?]{0,60}\s)?(abouti|d[ée]bouch[ée]|"
    r"men[ée]|conduit)\s+(à|a|sur)\b|"
    # measures decided at an event ("which measures were adopted at the CSIS?"); not steps an
    # organisation takes ("what steps has Medicen taken?")
    r"\b(measures?|decisions?|mesures|d[ée]cisions)\b[^?]{0,60}\b(adopted|decided|agreed|"
    r"announce[ds]?|came out|introduced|adopt[ée]e?s?|prise?s?|pris|d[ée]cid[ée]e?s?|"
    r"annonc[ée]e?s?)\b",
    IC,
)
# a sentence that says something came of a subject: "it led to ...", "carried out 3100 projects"
RESULT_SAID = re.compile(
    r"\b(led to|leads to|resulted|results? in|produced|achieved|improved|improvements?|"
    r"delivered|outcomes?|successful(ly)?|enabled|made it possible|gave rise|adopted|passed|"
    r"introduced|carried out|completed|approved|r[ée]sult\w*|abouti|permis|adopt[ée]\w*|"
    r"r[ée]alis[ée]\w*)\b",
    IC,
)
# whether a state holds to this day ("is he still president?", "is it still open?", "est-il
# toujours en poste ?"): the sources, dated, must say it holds now
STILL = re.compile(r"\b(still|anymore|any longer|no longer|toujours|encore|plus jamais)\b", IC)
NOW = re.compile(
    r"\b(still|now|currently|today|these days|to this day|remains?|continues? to|toujours|encore|"
    r"actuellement|aujourd['’]hui|d[ée]sormais|reste)\b",
    IC,
)
YES_NO_FR = re.compile(r"(?<!qu['’])\b(est-ce qu\S*|\w+-t?-?(il|elle|ils|elles|on))\b", IC)
# a time before or after the role or the place the sources give ("which company did he work
# for before he joined Medicen?", "son poste précédent", "where did he go next?"): the sources
# must speak of that other time
FORMER = re.compile(
    r"\bbefore (he|she|they|it|joining|becoming|taking|being|moving|his|her|their)\b|"
    r"\bprior to (joining|becoming|taking|his|her|their)\b|\b(previous|former|prior|earlier|"
    r"next) (jobs?|roles?|positions?|posts?|employers?|company|career|work)\b|"
    r"\b(used to work|worked before|after (he|she) (left|leaves)|after leaving|previously|"
    r"before that|beforehand)\b|"
    # where someone worked before a name: "où travaillait-il avant Medicen ?"
    r"\b(work|worked|working|travaill\w*|employ\w*)\b[^?]{0,40}\b(before|avant)\s+"
    r"(?-i:[A-ZÀ-Þ])|"
    r"\bavant (de|d['’])\s*(rejoindre|devenir|prendre|arriver|int[ée]grer|être|etre)\b|"
    r"\b(poste|emploi|employeur|fonction)s? (pr[ée]c[ée]dente?s?|ant[ée]rieure?s?)\b|"
    r"\b(pr[ée]c[ée]dente?|ancienne?) (poste|emploi|employeur|fonction)\b|\bauparavant\b|"
    # "et avant ça il bossait où ?", "what was his career path?", "quel parcours ?"
    r"\bavant (ça|ca|cela)\b|\b(his|her|their|son|sa)\s+(career( path)?|background|parcours)\b|"
    r"\b(career path|parcours) (of|de|d['’])|\bquel parcours\b",
    IC,
)
FORMER_SAID = re.compile(
    r"\b(before|previously|formerly|former|prior to|until|used to|earlier|ex-\w+|avant|"
    r"auparavant|ancienn?e?|pr[ée]c[ée]demment|jusqu['’]en)\b",
    IC,
)
# the edition after those the sources tell ("when is the next edition?", "la prochaine, c'est
# quand ?", "the next one"): they must speak of one to come
NEXT_NOUN = (
    r"(editions?|éditions?|one|sessions?|events?|summits?|meetings?|councils?|conferences?|calls?|"
    r"rounds?|rencontres?|réunions?|appels?|sommets?|conseils?)"
)
NEXT = re.compile(
    r"\b(the|its|la|le|sa|son|leur)\s+(next|upcoming|following|prochaine?|suivante?)"
    # the noun, a few words on ("the next Strategic Council"), or the question's end
    rf"(\s+([\w-]+\s+){{0,3}}?{NEXT_NOUN}\b|(?=\s*(\?|$|,|of\b|de\b|du\b|will\b|be\b|is\b|"
    r"va\b|sera\b|aura\b|est\b|elle\b|il\b)))",
    IC,
)
NEXT_SAID = re.compile(
    r"\b(next|upcoming|following|forthcoming|prochaine?s?|suivante?s?|[àa] venir)\b", IC
)
# a year the question names as one: "in 2022", "since 2010", "MedXperience 2019" (after a name);
# not a number of things ("2000 members")
YEAR = re.compile(
    r"(?:\b(?:in|en|for|pour|of|de|since|depuis|during|durant|until|by|d['’]ici|year|ann[ée]e|"
    r"early|late|fin|d[ée]but|mi|the|this|that|and|et|"  # "the 2019 summit", "and 2017?"
    r"edition|[ée]dition|summit|sommet|conference|congress|congr[èe]s|forum|salon)[\s-]+|"
    r"(?-i:[A-ZÀ-Þ])[\w-]*\s+)((?:19|20)\d\d)(?![\w-])|"
    r"\b((?:19|20)\d\d)(?=\s+(?:edition|[ée]dition|summit|session)\b)",
    IC,
)


# a year named from today: the sources, dated, cannot tell which one it is
RELATIVE_YEAR = re.compile(
    r"\b(last|this|next|past) year\b|\b(l['’]an|l['’]ann[ée]e) (derni[eè]re?|prochaine?|"
    r"pass[ée]e?)\b|\bcette ann[ée]e\b",
    IC,
)


# a word that asks: a part before a comma without one is told ("moving next year, which ...?")
ASKING_WORD = re.compile(
    r"\b(what|which|who|whom|when|where|how|why|quel\w*|qui|quoi|quand|où|comment|combien|"
    r"pourquoi|is|are|does|do|did|will|would|can|could|has|have|had|was|were|should|may|might|"
    r"est-ce|va|vont|aura|sera|y a)\b",
    re.IGNORECASE,
)


# a part that frames the question rather than tells: "In 2019, where will it take place?"
FRAMES = re.compile(
    r"^\s*(in|en|for|pour|during|pendant|by|d['’]ici|from|à partir de|after|apr[èe]s)\b", IC
)


def told_before(question: str) -> str:
    """The clauses that ask (``questions.asking``, what is told first set aside), without the
    parts before a comma that ask nothing: "since last year we've been looking, who else is
    based in Suresnes?" -> "who else is based in Suresnes?" (not a frame: "In 2019, where
    ...?")."""
    parts = asking(question, told_first=True)[0].split(",")
    while len(parts) > 1 and not ASKING_WORD.search(parts[0]) and not FRAMES.match(parts[0]):
        parts = parts[1:]
    return ",".join(parts).strip()


def unspoken_year(question: str, known: Container[str]) -> str:
    """A year the question asks of (:func:`told_before`) that the corpus never mentions
    ("MedXperience 2019" of sources that speak of 2018), or one named from today ("last year"),
    else "": nothing they say is of that year; a year the asker only tells is none."""
    question = told_before(question)
    relative = RELATIVE_YEAR.search(question)
    if relative:
        return relative.group(0)
    years = (m.group(1) or m.group(2) for m in YEAR.finditer(question))
    return next((y for y in years if y not in known), "")
