"""The help reply: what the assistant covers, for whom, and example questions, one per line
("- question": :func:`example_questions` gives them back, for a UI to turn into buttons); the
reply to small talk, and to a question it does not cover."""

from __future__ import annotations

import re

from assistant.answer.labels import text
from assistant.answer.messages import DECLINE

EXAMPLES = {
    "en": [
        "Who is the CEO of Medicen?",
        "Which incubators support health start-ups?",
        "Compare Medicen and Cap Digital",
        "Where is NeuroSpin?",
        "Who could we work with on medical imaging?",
    ],
    "fr": [
        "Qui dirige Medicen ?",
        "Quels incubateurs soutiennent les start-up de santé ?",
        "Comparez Medicen et Cap Digital",
        "Où se trouve l'Institut Curie ?",
        "Avec qui travailler sur l'imagerie médicale ?",
    ],
}
AUDIENCE = {
    "en": (
        "It is meant for investors, researchers and entrepreneurs; every answer cites its "
        "sources [n], and says so when they do not hold the answer. Try for example:"
    ),
    "fr": (
        "Il s'adresse aux investisseurs, aux chercheurs et aux entrepreneurs ; chaque réponse "
        "cite ses sources [n], et le dit quand elles ne contiennent pas la réponse. Essayez "
        "par exemple :"
    ),
}
THANKS = re.compile(r"\b(thanks?|thank you|merci)\b", re.IGNORECASE)
WELCOME = {"en": "You're welcome.", "fr": "Avec plaisir."}


def help_reply(question: str, language: str) -> str:
    lines = [text("scope", language), AUDIENCE[language]]
    lines += [f"- {q}" for q in EXAMPLES[language]]
    body = "\n".join(lines)
    return f"{WELCOME[language]} {body}" if THANKS.search(question) else body


def example_questions(reply: str) -> list[str]:
    """The example questions of a help reply (its "- " lines), in order."""
    return [line[2:].strip() for line in reply.splitlines() if line.startswith("- ")]


def out_of_scope_reply(language: str) -> str:
    return f"{DECLINE[language]} {text('scope', language)}"


CANNOT_ACT = {
    "en": "I can't do that: I don't act on anyone's behalf (no bookings, emails or introductions).",
    "fr": (
        "Je ne peux pas le faire : je n'agis pour le compte de personne (ni réservation, "
        "ni e-mail, ni mise en relation)."
    ),
}


def action_reply(language: str) -> str:
    """The reply to a request to act for the user ("book me a meeting with Medicen")."""
    return f"{CANNOT_ACT[language]} {text('scope', language)}"


def reply_text(question: str, kind: str, language: str) -> str:
    """What a question answered without the sources gets: the help reply, the reply to a
    request to act, or the out-of-scope decline."""
    if kind == "help":
        return help_reply(question, language)
    if kind == "action":
        return action_reply(language)
    return out_of_scope_reply(language)
