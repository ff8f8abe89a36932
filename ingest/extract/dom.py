"""DOM helpers shared by every stage: whitespace normalisation, attribute and text measures,
and a non-recursive walk of the tree."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import Tag
from bs4.element import NavigableString, PageElement, PreformattedString

# --- whitespace ----------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Collapse all whitespace (NBSP, narrow NBSP, tabs, newlines...) to single spaces."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


# --- tags ----------------------------------------------------------------------------------


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def attr_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def is_gone(tag: Tag) -> bool:
    """Whether ``tag`` was decomposed. (``Tag.decomposed`` goes through ``Tag.__getattr__``,
    which searches the whole subtree for a child named ``_decomposed``: quadratic overall.)"""
    return bool(tag.__dict__.get("_decomposed"))


def text_len(tag: Tag) -> int:
    return len(normalize_space(tag.get_text(" ")))


def link_density(tag: Tag) -> float:
    total = text_len(tag)
    if not total:
        return 0.0
    linked = sum(text_len(a) for a in tag.find_all("a"))
    return min(linked / total, 1.0)


def is_wrapper(tag: Tag) -> bool:
    """A tag with a single child element and no text of its own (checks look at the child)."""
    children = [child for child in tag.children if isinstance(child, Tag)]
    if len(children) != 1:
        return False
    return all(
        isinstance(child, Tag) or not str(child).strip() or isinstance(child, PreformattedString)
        for child in tag.children
    )


# --- walking -------------------------------------------------------------------------------


def walk(root: Tag) -> Iterator[tuple[str, PageElement]]:
    """('open' | 'close' | 'text', node) events in document order, without recursion."""
    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Tag):
            if closing:
                yield "close", node
                continue
            yield "open", node
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            yield "text", node
