"""The words of a share or of the rest of a group before the kind asked ("y a d'autres labos
pharma"): skipped to reach the kind; not a verb ("are", "is", "there"): "what are they called
and which hospitals are they in?" asks no kind. Shapes and the directory's kinds."""

from __future__ import annotations

from assistant.answer.kinds_asked import asked_kinds


def test_the_rest_of_a_group_is_skipped_to_its_kind() -> None:
    assert asked_kinds("y a d'autres labos pharma dans Rueil-Malmaison ?") == ("pharma-group",)


def test_a_verb_after_the_asking_word_is_no_share_of_a_group() -> None:
    assert asked_kinds("what are they called and which hospitals are they in?") == ()
