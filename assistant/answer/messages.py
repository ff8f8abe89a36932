"""What the assistant says, per language, when the sources do not hold the answer."""

from __future__ import annotations

DECLINE = {
    "en": "I could not find that in the sources.",
    "fr": "Je n'ai pas trouvé la réponse dans les sources.",
}
