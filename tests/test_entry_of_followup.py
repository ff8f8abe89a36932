"""A follow-up that asks an entry's value of the organisation it points at ("whats their
website" after an answer naming Incuballiance): the organisation is the referent ``condense``
put first in the context ("(Incuballiance; any incubator ...?)"), and its entry answers. Fast:
fake directory rows; slow: through the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.condense import Turn
from assistant.answer.organisations import from_passages
from assistant.retrieval.passage import Passage
from assistant.services.entry_answers import entry_answer


def _entry(name: str, kind: str, city: str, website: str = "", parents: str = "") -> Passage:
    meta = {"title": name, "kind": kind, "city": city, "website": website, "parents": parents}
    meta |= {"doc_id": f"dir#{name.lower()}", "region": "in"}
    return Passage(f"p-{name}", f"{name} is a {kind} in {city}.", meta, 0.0)


ORGS = from_passages(
    [
        _entry("Incuballiance", "incubator", "Orsay", "https://www.incuballiance.fr"),
        _entry("Vega Health", "cluster", "Saclay", "https://vega.example"),
        _entry("Zeta Scan", "lab", "Gif-sur-Yvette", parents="Vega Health"),
    ]
)
STANDALONE = "what's their website? (Incuballiance; any incubator close to the Saclay area? ...)"


def test_the_website_of_the_organisation_a_follow_up_points_at() -> None:
    passages: list[Passage] = []
    assert entry_answer("whats their website", passages, ORGS, "en", STANDALONE) == (
        "The website of Incuballiance: https://www.incuballiance.fr [1]."
    )
    assert [p.id for p in passages] == ["p-Incuballiance"]


def test_the_referent_is_the_name_before_the_semicolon_only() -> None:
    """The earlier question after ";" may name another organisation ("Vega Health"): the
    follow-up points at the referent, not at it."""
    standalone = "what's their website? (Incuballiance; is there an incubator near Vega Health?)"
    assert entry_answer("whats their website", [], ORGS, "en", standalone).startswith(
        "The website of Incuballiance:"
    )
    # a context of one question alone: the organisation it names
    earlier = "what's their website? (tell me about Vega Health?)"
    assert entry_answer("whats their website", [], ORGS, "en", earlier).startswith(
        "The website of Vega Health:"
    )


def test_without_its_context_a_follow_up_names_no_entry() -> None:
    assert entry_answer("whats their website", [], ORGS, "en") == ""
    assert entry_answer("whats their website", [], ORGS, "en", "whats their website") == ""


def test_who_runs_the_organisation_pointed_at() -> None:
    standalone = "who runs it? (Zeta Scan; what does it scan?)"
    assert entry_answer("who runs it?", [], ORGS, "en", standalone) == (
        "Zeta Scan is part of Vega Health [1]."
    )


def test_a_question_that_names_its_organisation_keeps_it() -> None:
    standalone = "what's Vega Health's website? (Incuballiance; any incubator?)"
    assert entry_answer("what's Vega Health's website?", [], ORGS, "en", standalone) == (
        "The website of Vega Health: https://vega.example [1]."
    )


@pytest.mark.slow
def test_a_follow_up_gets_the_website_through_the_real_index(built_index: Path) -> None:
    from assistant.app.container import Container
    from ingest.settings import Settings

    chat = Container(Settings(data_dir=built_index)).chat
    history = [
        Turn("user", "any incubator close to the Saclay area?"),
        Turn("assistant", "Incuballiance, in Orsay, hosts innovative project leaders [1]."),
    ]
    answer = chat.ask("whats their website", history)
    assert "https://www.incuballiance.fr" in answer.answer, (answer.standalone, answer.answer)
    assert answer.cited and all(f"[{n}]" in answer.answer for n in answer.cited)
