"""The region a question names with its elided article ("L'Ile-de-France accueille ...") is no
subject of the question, as it is without the article. Shapes only."""

from __future__ import annotations

from assistant.answer.subjects import SCOPE, subject_names


def test_the_region_with_its_article_is_no_subject() -> None:
    names = subject_names("L'Ile-de-France accueille beaucoup d'établissements pharma ?", [])
    assert not any("Ile-de-France" in name for name in names)
    assert subject_names("L'Île-de-France attire-t-elle des biotechs ?", []) == []

    # the names asked beside it still are
    assert subject_names("L'Île-de-France attire-t-elle Vega Health ?", []) == ["Vega Health"]


def test_the_scope_matches_the_region_with_an_elided_article() -> None:
    assert SCOPE.fullmatch("L'Ile-de-France")
    assert SCOPE.fullmatch("d'Île-de-France")
    assert not SCOPE.fullmatch("L'Oréal")


def test_a_name_with_an_elided_article_keeps_it() -> None:
    """The article is stripped only from the region: "L'Oréal" stays whole."""
    assert subject_names("L'Oréal a un labo ?", []) == ["L'Oréal"]
