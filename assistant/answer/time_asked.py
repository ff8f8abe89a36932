"""What a question asks of a subject beyond what the sources state at their date: what came of
it ("what were the results of the SUMIL project?", "did the CSIS lead to a new law?"), whether a
state still holds today ("is he still president?"), or a time before the one they give ("which
company did he work for before he joined Medicen?"), a year they never mention; and the shapes
of the sentences that say so. The dated sources answer only where they say it. Shapes of
questions and sentences, never the answer to one question."""

from __future__ import annotations

import re
from collections.abc import Collection

IC = re.IGNORECASE
# what came of a subject, asked by its fruit ("what were the results of the SUMIL project?",
# "did the CSIS lead to a new law?", "quelles mesures ont été adoptées ?"): the sources must
# say that something came of it, not only that it exists or is planned
RESULT = re.compile(
    r"\b(results?|outcomes?|achievements?|impact|r[ée]sultats?|retomb[ée]es|bilan)\s+(of|de|du|"
    r"des|d['’])|\bwhat (results|outcomes)\b|\bquels? r[ée]sultats?\b|"
    r"\b(did|has|have|had)\b[^?]{0,60}\b(lead|led|result|resulted|produced?|yield(ed)?|shown?|"
    r"showed|brought about|bring about)\s+(to|in|any|a|an|some|concrete|real)\b|"
    r"\b(a-t-(il|elle)|ont-(ils|elles)|est-ce qu\S*|a|ont)\s+([^?]{0,60}\s)?(abouti|d[ée]bouch[ée]|"
    r"men[ée]|conduit)\s+(à|a|sur)\b|"
    r"\b(measures?|decisions?|steps|actions|mesures|d[ée]cisions)\b[^?]{0,40}\b(adopted|taken|"
    r"decided|agreed|adopt[ée]e?s?|prise?s?|pris|d[ée]cid[ée]e?s?)\b",
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
STILL = re.compile(r"\b(still|any ?more|any longer|no longer|toujours|encore|plus jamais)\b", IC)
NOW = re.compile(
    r"\b(still|now|currently|today|these days|to this day|remains?|continues? to|toujours|encore|"
    r"actuellement|aujourd['’]hui|d[ée]sormais|reste)\b",
    IC,
)
YES_NO_FR = re.compile(r"\b(est-ce qu\S*|\w+-t?-?(il|elle|ils|elles|on))\b", IC)
# a time before or after the role or the place the sources give ("which company did he work
# for before he joined Medicen?", "son poste précédent", "where did he go next?"): the sources
# must speak of that other time
FORMER = re.compile(
    r"\bbefore (he|she|they|it|joining|becoming|taking|being|moving|his|her|their)\b|"
    r"\bprior to (joining|becoming|taking|his|her|their)\b|\b(previous|former|prior|earlier|"
    r"next) (jobs?|roles?|positions?|posts?|employers?|company|career|work)\b|"
    r"\b(used to work|worked before|after (he|she) (left|leaves)|after leaving)\b|"
    # where someone worked before a name: "où travaillait-il avant Medicen ?"
    r"\b(work|worked|working|travaill\w*|employ\w*)\b[^?]{0,40}\b(before|avant)\s+"
    r"(?-i:[A-ZÀ-Þ])|"
    r"\bavant (de|d['’])\s*(rejoindre|devenir|prendre|arriver|int[ée]grer|être|etre)\b|"
    r"\b(poste|emploi|employeur|fonction)s? (pr[ée]c[ée]dente?s?|ant[ée]rieure?s?)\b|"
    r"\b(pr[ée]c[ée]dente?|ancienne?) (poste|emploi|employeur|fonction)\b|\bauparavant\b",
    IC,
)
FORMER_SAID = re.compile(
    r"\b(before|previously|formerly|former|prior to|until|used to|earlier|ex-\w+|avant|"
    r"auparavant|ancienn?e?|pr[ée]c[ée]demment|jusqu['’]en)\b",
    IC,
)
# a year the question names: "where will MedXperience 2019 take place?", "in 2022"
YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")


def unspoken_year(question: str, known: Collection[str]) -> str:
    """A year the question names that the corpus never mentions ("MedXperience 2019" of sources
    that speak of 2018), else "": nothing they say is of that year."""
    return next((y for y in YEAR.findall(question) if y not in known), "")
