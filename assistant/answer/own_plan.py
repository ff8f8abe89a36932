"""Where a named organisation or a person itself means to settle ("where does Medicen want to
set up a presence in Europe?", "where will Servier establish its centre?", "where does he want
to set up ...?"): a plan the sources tell, answered from the passages, not places suggested for
the asker's field. The asker's own siting ("where should we set up?", "where should a biotech
settle?") names no one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.organisations import Organisation, named_in
from assistant.answer.shapes import SET_UP
from assistant.answer.subjects import in_scope

# the one who settles, the subject of the verb the asking word opens: "where does Medicen want
# to set up", "where in Europe does Medicen want to establish", "where will Servier set up"
SETTLER = re.compile(
    r"\bwhere\s+(?:in\s+[\w-]+\s+)?(?:does|did|will|would|is|was|has|have|do|can|could|should)\s+"
    r"(?P<who>[^?,;]{1,40}?)\s+(?:(?:really\s+)?(?:want|wants|wanna|plans?|planning|intends?|"
    rf"hopes?|aims?|going|gonna|expects?)\s+(?:to\s+)?)?{SET_UP}\b",
    re.IGNORECASE,
)
OWNING = re.compile(r"\b(have|has|had|keep|keeps|its|their|his|her)\b|['’]s\b", re.IGNORECASE)
# not "they" (the asker's team) nor "it" ("where would it be best to set up?": the asker's)
THIRD = re.compile(r"\b(he|she|il|elle)\b", re.IGNORECASE)
PERSON = re.compile(r"\b[A-ZÀ-Þ][a-zà-ÿ]+\s+[A-ZÀ-Þ][a-zà-ÿ]+")  # "Stéphane Roques" (condense's)


def own_plan(question: str, organisations: Sequence[Organisation]) -> bool:
    """The question asks where a named organisation (not the region) or a third person means to
    settle."""
    found = SETTLER.search(question)
    if not found:
        return False
    who = found.group("who")
    if OWNING.search(who):  # "where does X have its base?": where X is, the directory's
        return False
    return bool(THIRD.search(who) or PERSON.search(who)) or any(
        not in_scope(o) for o in named_in(who, organisations)
    )
