"""What the assistant says, per language, when the sources do not hold the answer."""

from __future__ import annotations

DECLINE = {
    "en": "I could not find that in the sources.",
    "fr": "Je n'ai pas trouvé la réponse dans les sources.",
}
NEAREST = {  # after a decline that still lists the passages
    "en": "The nearest passages are listed below.",
    "fr": "Les passages les plus proches sont listés ci-dessous.",
}
ABOUT = {  # after a decline by answer type: what the sources hold about the subject
    "en": "They say about {subject}:",
    "fr": "À propos de « {subject} », elles disent :",
}
UNCOVERED = {  # after a decline of a comparison with a side the sources never name
    "en": "They say nothing of {side}, so they cannot compare the two.",
    "fr": "Elles ne disent rien de {side} : elles ne permettent pas de comparer les deux.",
}
# after a decline of a question kept to a place the best sentences never name, or asking for a
# kind of thing the corpus never speaks of
UNSAID = {
    "en": "They say nothing of {what}.",
    "fr": "Elles ne disent rien de « {what} ».",
}
UNSPOKEN_YEAR = {  # after a decline of a question about a year the sources never mention
    "en": "They say nothing of {year}.",
    "fr": "Elles ne disent rien de {year}.",
}
NAMED_ONLY = {  # after a decline of the rest of a group: the members the sources name
    "en": "Of that group, they name only {named}:",
    "fr": "De ce groupe, elles ne nomment que {named} :",
}
NAMED_NONE = {  # after a decline of a group's members: the sentence that counts them unnamed
    "en": "They mention them without naming them:",
    "fr": "Elles les mentionnent sans les nommer :",
}
