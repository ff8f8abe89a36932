"""The ``content`` stage: choose the blocks that hold the page's main text (article, main, or
the best blocks by paragraph score and link density)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from ingest.extract.clean import drop_link_lists
from ingest.extract.dom import link_density, normalize_space, text_len

MIN_TEXT_CHARS = 20


def _largest(tags: Iterable[Tag]) -> tuple[Tag | None, int]:
    best: Tag | None = None
    best_len = 0
    for tag in tags:
        length = text_len(tag)
        if length > best_len:
            best, best_len = tag, length
    return best, best_len


def main_blocks(soup: BeautifulSoup) -> list[Tag]:
    """The content: the largest ``<article>`` (unless it is small next to ``<main>``), else
    ``<main>`` / ``[role=main]``, else the blocks the paragraph heuristic picks."""
    body = soup.body or soup
    articles = [a for a in body.find_all("article") if link_density(a) < 0.5]  # no teasers
    article, article_len = _largest(articles)
    mains = [*body.find_all("main"), *body.find_all(role="main")]
    main, main_len = _largest(mains)
    if article_len < MIN_TEXT_CHARS:
        article = None
    if main is not None and main_len >= MIN_TEXT_CHARS:
        return [article] if article is not None and article_len >= 0.5 * main_len else [main]
    blocks = _densest_blocks(body)
    if article is not None and _prefer_article(article, article_len, blocks):
        return [article]
    for block in blocks:
        drop_link_lists(block)
    return blocks


def _prefer_article(article: Tag, article_len: int, blocks: list[Tag]) -> bool:
    """Without <main>: the article, unless the heuristic found more text elsewhere."""
    for block in blocks:
        if block is article or article in block.parents or block in article.parents:
            return True
    return article_len >= sum(text_len(block) for block in blocks)


_PARAGRAPH_CONTAINERS = ["p", "div", "table", "ul", "ol", "dl", "section", "article", "pre"]


def _paragraph_scores(body: Tag) -> dict[int, tuple[Tag, float]]:
    """Readability-style scores: each paragraph (25+ characters) votes for its parent, and half
    as much for its grandparent; a container's score is discounted by its link density."""
    scores: dict[int, tuple[Tag, float]] = {}
    for para in body.find_all(["p", "pre", "blockquote", "td", "li", "dd"]):
        if para.name != "p" and para.find(_PARAGRAPH_CONTAINERS):
            continue  # a layout cell or a wrapper: its paragraphs vote themselves
        text = normalize_space(para.get_text(" "))
        if len(text) < 25:
            continue
        score = 1.0 + text.count(",") + min(len(text) / 100, 3.0)
        for weight, parent in zip((1.0, 0.5), para.parents, strict=False):
            if not isinstance(parent, Tag):
                break
            previous = scores.get(id(parent), (parent, 0.0))[1]
            scores[id(parent)] = (parent, previous + score * weight)
    return {key: (tag, score * (1 - link_density(tag))) for key, (tag, score) in scores.items()}


def _good_paragraph(tag: Tag) -> bool:
    if tag.name != "p" or link_density(tag) >= 0.25:
        return False
    text = normalize_space(tag.get_text(" "))
    return len(text) >= 80 or bool(re.search(r"[.!?…](\s|$)", text))


def _densest_blocks(body: Tag) -> list[Tag]:
    """The best-scoring container, with those of its siblings that score at least a fifth as
    well or are good paragraphs themselves (content split by markup errors), in page order."""
    scores = _paragraph_scores(body)
    if not scores:
        return [body]
    best, best_score = max(scores.values(), key=lambda item: item[1])
    parent = best.parent
    if best is body or body not in best.parents or not isinstance(parent, Tag):
        return [body]
    threshold = 0.2 * best_score
    return [
        sibling
        for sibling in parent.find_all(True, recursive=False)
        if sibling is best
        or scores.get(id(sibling), (sibling, 0.0))[1] >= threshold
        or _good_paragraph(sibling)
    ]
