"""The ``extract`` stage: the main text and the metadata of one web page.

:func:`extract` is a pure function of the page (no I/O, no clock): the same bytes always give the
same :class:`~ingest.models.Page`. It parses with beautifulsoup4 (``html.parser``), then

1. reads the metadata (title, date, author, language) from meta tags, JSON-LD and the markup;
2. drops what is never content (scripts, styles, forms, iframes, SVG, comments, hidden
   elements) and the site furniture (nav, header, footer, aside, and anything whose tag, id,
   class, role or aria-label says menu, cookie/consent banner, breadcrumb, sidebar, share
   buttons, related / read-more / see-also lists, comments, newsletter sign-up, ads);
3. picks the content block: the ``<article>``, else ``<main>`` / ``[role=main]``, else the block
   that a paragraph-score and link-density heuristic prefers;
4. writes it out as text: headings and paragraphs separated by a blank line, list items one per
   line, table rows one per line with cells joined by `` | ``; whitespace (including
   non-breaking and zero-width spaces) normalised; the text of links kept.

:func:`extract_text_file` does the same job for local ``.txt`` / ``.md`` files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement, PreformattedString

from ingest.models import IngestError, Page

PARSER = "html.parser"
MIN_TEXT_CHARS = 20

# --- decoding ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.I)
_SINGLE_BYTE = re.compile(r"^(ascii|latin|iso8859|cp125|cp850|mac-|koi8)")


def decode_html(content: bytes, charset: str | None = None) -> str:
    """Decode an HTML page; never raises.

    Order: a byte-order mark (it always wins, as in browsers), the given charset (the HTTP
    header), the ``<meta charset>`` / http-equiv / XML declaration, then UTF-8, then cp1252.
    A declared charset that fails to decode is skipped. Latin-1 and ASCII are read as cp1252
    (as browsers do), and a page declared in a single-byte charset whose bytes are valid
    UTF-8 with non-ASCII characters is read as UTF-8 (a common misdeclaration). Last resort:
    the likelier of UTF-8 / cp1252 with ``errors="replace"``.
    """
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    for declared in (charset, _declared_charset(content)):
        codec = _codec(declared)
        if codec is None:
            continue
        if _SINGLE_BYTE.match(codec) and _is_utf8_text(content):
            return content.decode("utf-8")
        try:
            return content.decode(codec)
        except (UnicodeError, LookupError):  # LookupError: "base64 is not a text encoding"
            continue
    return _decode_undeclared(content)


def _decode_undeclared(content: bytes) -> str:
    """UTF-8, else cp1252, else the likelier of the two with ``errors="replace"``."""
    for codec in ("utf-8", "cp1252"):
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            continue
    as_utf8 = content.decode("utf-8", errors="replace")
    non_ascii = sum(1 for char in as_utf8 if ord(char) > 127 and char != "\ufffd")
    if non_ascii > as_utf8.count("\ufffd"):
        return as_utf8
    return content.decode("cp1252", errors="replace")


def _declared_charset(content: bytes) -> str | None:
    head = content[:16384]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    """The Python codec name for a declared charset, None if unknown or not usable."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None  # without a BOM such a declaration is wrong (HTML spec: read as UTF-8)
    if codec in ("ascii", "latin-1", "iso8859-1"):
        return "cp1252"
    return codec


def _is_utf8_text(content: bytes) -> bool:
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- whitespace ----------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Collapse all whitespace (NBSP, narrow NBSP, tabs, newlines...) to single spaces."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


# --- boilerplate detection -----------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALWAYS_DROP = _words(
    "script style noscript template svg math iframe frame frameset object embed canvas video "
    "audio map button select input textarea option dialog link meta head title nav aside "
    "footer menu"
)

_BOILERPLATE_TOKENS = _words(
    """
    nav navbar navigation menu menubar submenu megamenu topbar toolbar skip skiplink skiplinks
    breadcrumb breadcrumbs ariane cookie cookies consent gdpr rgpd cmp tarteaucitron didomi
    onetrust axeptio cookiebot sidebar sidenav share sharing sharer social
    socials partage partager addthis sharethis related similar recommended recommendations
    readmore seealso lireaussi voiraussi comment comments disqus respond newsletter subscribe
    subscription signup abonnement ad ads advert adverts advertisement advertising
    adsense sponsor sponsored publicite promo footer masthead pagination pager tags
    tagcloud popup modal toast print search searchform login
    """
)
_BOILERPLATE_PHRASES = (
    "read-more",
    "see-also",
    "lire-aussi",
    "a-lire",
    "voir-aussi",
    "more-news",
    "more-articles",
    "sur-le-meme-sujet",
    "site-header",
    "page-header-top",
    "header-top",
    "global-header",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "d-none",
    "is-hidden",
)
# whole id / class names only: "hidden" is furniture, "field--label-hidden" is not
_BOILERPLATE_EXACT = frozenset(
    {"header", "top", "banner", "bandeau", "hidden", "hide", "invisible"}
)
_BOILERPLATE_ROLES = frozenset(
    {
        "navigation",
        "menu",
        "menubar",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "toolbar",
    }
)
_BOILERPLATE_LABEL = re.compile(
    r"\b(menu|navigation|nav|breadcrumbs?|fil d.ariane|cookies?|consent|share|partag\w*|"
    r"social|réseaux sociaux|newsletter|related|lire aussi|voir aussi|see also|footer|"
    r"pied de page|advert\w*|publicit\w*)\b",
    re.I,
)
_RELATED_LABEL = re.compile(
    r"^\W*(related( articles| posts| news| content| stories)?|read (also|more|next)|"
    r"see also|more (news|articles|stories|on this topic)|you (may|might) also like|"
    r"(à |a )?lire (aussi|également|egalement|la suite)|voir aussi|sur le même sujet|"
    r"articles? (liés|similaires|connexes|associés)|dans la même rubrique|"
    r"pour aller plus loin|nos autres actualités|autres actualités|à découvrir aussi)\b",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_CONTENT_TAGS = ("main", "article")


def _tokens(value: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", _CAMEL.sub(r"\1 \2", value).lower()) if t]


def _attr_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _looks_boilerplate(tag: Tag) -> bool:
    """Whether the tag's id, class, role or aria-label names site furniture."""
    role = _attr_text(tag, "role").lower().strip()
    if role in _BOILERPLATE_ROLES:
        return True
    label = _attr_text(tag, "aria-label")
    if label and _BOILERPLATE_LABEL.search(label):
        return True
    names = [_attr_text(tag, "id"), *_attr_text(tag, "class").split()]
    return any(_boilerplate_name(name) for name in names if name)


def _boilerplate_name(name: str) -> bool:
    """Whether one id or class name (``cookie-banner``, ``navMenu``, ``sr-only``) is furniture."""
    tokens = _tokens(name)
    if not tokens:
        return False
    joined = "-".join(tokens)
    if joined in _BOILERPLATE_EXACT or _BOILERPLATE_TOKENS.intersection(tokens):
        return True
    return any(f"-{phrase}-" in f"-{joined}-" for phrase in _BOILERPLATE_PHRASES)


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or _attr_text(tag, "aria-hidden").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(_attr_text(tag, "style")))


def _gone(tag: Tag) -> bool:
    """Whether ``tag`` was decomposed. (``Tag.decomposed`` goes through ``Tag.__getattr__``,
    which searches the whole subtree for a child named ``_decomposed``: quadratic overall.)"""
    return bool(tag.__dict__.get("_decomposed"))


def _text_len(tag: Tag) -> int:
    return len(normalize_space(tag.get_text(" ")))


def _link_density(tag: Tag) -> float:
    total = _text_len(tag)
    if not total:
        return 0.0
    linked = sum(_text_len(a) for a in tag.find_all("a"))
    return min(linked / total, 1.0)


def _holds_content(tag: Tag, page_len: int) -> bool:
    """Whether removing ``tag`` would remove the page's content (a wrapper with a bad name)."""
    if tag.name in ("html", "body", *_CONTENT_TAGS) or _attr_text(tag, "role") == "main":
        return True
    if tag.find(_CONTENT_TAGS) or tag.find(role="main"):
        return True
    if page_len == 0 or _text_len(tag) < 0.5 * page_len or _link_density(tag) >= 0.5:
        return False
    paragraphs = [p for p in tag.find_all("p") if _text_len(p) >= 40]
    return tag.find("h1") is not None or len(paragraphs) >= 3


def _inside_content(tag: Tag) -> bool:
    return any(
        parent.name in _CONTENT_TAGS or _attr_text(parent, "role") == "main"
        for parent in tag.parents
    )


def _should_drop(tag: Tag, page_len: int) -> bool:
    if tag.name == "header":
        return not _inside_content(tag)
    if tag.name == "form" or _is_hidden(tag) or _looks_boilerplate(tag):
        return not _holds_content(tag, page_len)
    return False


def _clean(soup: BeautifulSoup) -> None:
    """Remove non-content nodes and site furniture, in place."""
    for node in soup.find_all(string=True):
        if isinstance(node, PreformattedString):  # comments, CDATA, doctype, <?...?>
            node.extract()
    for tag in soup.find_all(ALWAYS_DROP):
        if not _gone(tag):
            tag.decompose()
    body = soup.body or soup
    page_len = _text_len(body)
    for tag in body.find_all(True):
        if not _gone(tag) and _should_drop(tag, page_len):
            tag.decompose()
    _drop_related_lists(body)
    _drop_small_furniture(body)


_HOME_LABELS = frozenset({"home", "accueil", "homepage", "page d'accueil", "page d’accueil"})
_UTILITY = re.compile(
    r"\b(print|imprimer|send to a friend|envoyer à un ami|e-?mail this|share|partager|"
    r"back to top|haut de page|retour en haut)\b",
    re.I,
)
_LEGAL = re.compile(
    r"\b(privacy( policy)?|imprint|impressum|legal (notice|information)|mentions légales|"
    r"terms (of use|and conditions)|conditions générales|all rights reserved|"
    r"tous droits réservés|plan du site|sitemap)\b|©",
    re.I,
)


def _is_wrapper(tag: Tag) -> bool:
    """A tag with a single child element and no text of its own (checks look at the child)."""
    children = [child for child in tag.children if isinstance(child, Tag)]
    if len(children) != 1:
        return False
    return all(
        isinstance(child, Tag) or not str(child).strip() or isinstance(child, PreformattedString)
        for child in tag.children
    )


def _drop_small_furniture(root: Tag) -> None:
    """Remove unnamed breadcrumbs ("Home » News » ..."), print / send / share link rows and
    legal lines ("© 2020 Site — Privacy — Imprint")."""
    for tag in root.find_all(["p", "div", "ul", "ol", "span", "small"]):
        if _gone(tag) or tag is root or _is_wrapper(tag):
            continue
        links = tag.find_all("a")
        if not links or _text_len(tag) > 150:
            continue
        first = normalize_space(links[0].get_text(" ")).casefold()
        breadcrumb = len(links) >= 2 and first in _HOME_LABELS
        text = normalize_space(tag.get_text(" "))
        utility = bool(_UTILITY.search(text)) and _link_density(tag) >= 0.5
        legal = bool(_LEGAL.search(text)) and _link_density(tag) >= 0.2
        if breadcrumb or utility or legal:
            tag.decompose()


def _drop_related_lists(root: Tag) -> None:
    """Remove 'Related articles' / 'Lire aussi' link lists that carry no telling class."""
    for label in root.find_all(["h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "span", "div"]):
        if _gone(label) or _is_wrapper(label):
            continue
        text = normalize_space(label.get_text(" "))
        if not text or len(text) > 80 or not _RELATED_LABEL.match(text):
            continue
        holder = label  # <p><b>Voir aussi</b></p>: the list follows the <p>
        while isinstance(holder.parent, Tag) and holder.parent is not root:
            if not _is_wrapper(holder.parent):
                break
            holder = holder.parent
        if len(text) > 25 and _link_density(holder) > 0.5:  # "Lire aussi : <a>title</a>"
            holder.decompose()
            continue
        target = holder.find_next_sibling()
        if isinstance(target, Tag) and target.find("a") and _link_density(target) > 0.5:
            target.decompose()
            holder.decompose()


# --- choosing the content block ------------------------------------------------------------


def _largest(tags: Iterable[Tag]) -> tuple[Tag | None, int]:
    best: Tag | None = None
    best_len = 0
    for tag in tags:
        length = _text_len(tag)
        if length > best_len:
            best, best_len = tag, length
    return best, best_len


def _main_blocks(soup: BeautifulSoup) -> list[Tag]:
    """The content: the largest ``<article>`` (unless it is small next to ``<main>``), else
    ``<main>`` / ``[role=main]``, else the blocks the paragraph heuristic picks."""
    body = soup.body or soup
    articles = [a for a in body.find_all("article") if _link_density(a) < 0.5]  # no teasers
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
        _drop_link_lists(block)
    return blocks


def _prefer_article(article: Tag, article_len: int, blocks: list[Tag]) -> bool:
    """Without <main>: the article, unless the heuristic found more text elsewhere."""
    for block in blocks:
        if block is article or article in block.parents or block in article.parents:
            return True
    return article_len >= sum(_text_len(block) for block in blocks)


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
    return {key: (tag, score * (1 - _link_density(tag))) for key, (tag, score) in scores.items()}


def _good_paragraph(tag: Tag) -> bool:
    if tag.name != "p" or _link_density(tag) >= 0.25:
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


def _drop_link_lists(root: Tag) -> None:
    """In a heuristically chosen block, drop link farms (menus without a telling name)."""
    for tag in root.find_all(["ul", "ol", "dl", "div", "section", "table"]):
        if _gone(tag) or tag is root or _is_wrapper(tag):
            continue
        if len(tag.find_all("a")) >= 3 and _link_density(tag) > 0.7:
            tag.decompose()


# --- text output ---------------------------------------------------------------------------

_BLOCK_TAGS = _words(
    "address article aside blockquote body caption center dd details div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p "
    "pre section summary table tbody tfoot thead ul"
)
_CELL = "\x1f"


_LAYOUT_CELL_CONTENT = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]


def _is_layout_row(row: Tag) -> bool:
    """A table row used for page layout: its cells hold paragraphs, lists or tables."""
    return any(
        cell.find(_LAYOUT_CELL_CONTENT) is not None
        for cell in row.find_all(["td", "th"], recursive=False)
    )


@dataclass
class _Block:
    kind: str  # "p", "li" or "row"
    text: str


class _TextWriter:
    """Collects inline text and cuts it into blocks at block-level boundaries."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self._buffer: list[str] = []
        self._rows = 0  # > 0 while inside a data-table row: block boundaries become spaces
        self._row_kinds: list[bool] = []  # open <tr>s: True for data rows, False for layout

    def text(self, value: str) -> None:
        self._buffer.append(value)

    def open(self, tag: Tag) -> None:
        if tag.name == "tr":
            data = not _is_layout_row(tag)
            self._row_kinds.append(data)
            if data:
                self.flush("row" if self._rows else "p")
                self._rows += 1
            else:
                self.cut()
        elif tag.name in ("td", "th") and self._in_data_row():
            self._buffer.append(_CELL)
        elif tag.name == "li":
            self.cut("li" if tag.find_parent("li") else "p")  # an unclosed <li> nests the next
        elif tag.name in _BLOCK_TAGS or tag.name in ("br", "td", "th"):
            self.cut()

    def close(self, tag: Tag) -> None:
        if tag.name == "tr":
            if self._row_kinds and self._row_kinds.pop():
                self._rows -= 1
                self.flush("row")
            else:
                self.cut()
        elif tag.name in ("td", "th") and self._in_data_row():
            self._buffer.append(_CELL)
        elif tag.name == "li":
            self.cut("li")
        elif tag.name in _BLOCK_TAGS or tag.name in ("td", "th"):
            self.cut()

    def _in_data_row(self) -> bool:
        return bool(self._row_kinds) and self._row_kinds[-1]

    def cut(self, kind: str = "p") -> None:
        if self._rows:
            self._buffer.append(" ")
        else:
            self.flush(kind)

    def flush(self, kind: str = "p") -> None:
        raw = "".join(self._buffer)
        self._buffer = []
        cells = [normalize_space(cell) for cell in raw.split(_CELL)]
        text = " | ".join(cell for cell in cells if cell)
        if text:
            self.blocks.append(_Block(kind if _CELL not in raw or kind == "row" else "row", text))

    def result(self) -> str:
        self.flush()
        parts: list[str] = []
        previous: _Block | None = None
        for block in self.blocks:
            if previous is not None:
                same_list = previous.kind == block.kind and block.kind in ("li", "row")
                parts.append("\n" if same_list else "\n\n")
            parts.append(block.text)
            previous = block
        return "".join(parts)


def _walk(root: Tag) -> Iterator[tuple[str, PageElement]]:
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


def to_text(*roots: Tag) -> str:
    """The text of ``roots`` with paragraph structure (see the module docstring)."""
    writer = _TextWriter()
    for root in roots:
        for event, node in _walk(root):
            if event == "text":
                writer.text(str(node))
            elif event == "open":
                writer.open(node)  # type: ignore[arg-type]
            else:
                writer.close(node)  # type: ignore[arg-type]
        writer.flush()
    return writer.result()


# --- metadata ------------------------------------------------------------------------------


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    """The first non-empty ``content`` of a meta tag whose name / property / itemprop /
    http-equiv is one of ``names`` (case-insensitive), in the order of ``names``."""
    wanted = [name.lower() for name in names]
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = normalize_space(_attr_text(tag, "content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = _attr_text(tag, attr).strip().lower()
            if key in wanted:
                found.setdefault(key, content)
    return next((found[name] for name in wanted if name in found), None)


_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "medicalscholarlyarticle",
        "analysisnewsarticle",
        "reportagenewsarticle",
        "webpage",
        "medicalwebpage",
        "aboutpage",
        "event",
        "pressrelease",
    }
)


def _json_ld(soup: BeautifulSoup) -> list[dict[str, object]]:
    """All JSON-LD objects of the page (``@graph`` flattened), article-like types first."""
    objects: list[dict[str, object]] = []
    for script in soup.find_all("script"):
        if "ld+json" not in _attr_text(script, "type").lower():
            continue
        try:
            data = json.loads(script.get_text(), strict=False)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])

    def rank(obj: dict[str, object]) -> int:
        types = obj.get("@type", [])
        names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        return 0 if any(str(t).lower() in _ARTICLE_TYPES for t in names) else 1

    return sorted(objects, key=rank)


def _ld_value(objects: list[dict[str, object]], key: str) -> object | None:
    for obj in objects:
        value = obj.get(key)
        if value:
            return value
    return None


def _person_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in _person_names(item)]
    return []


# titles

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/)\s+")


def clean_title(
    title: str, site_name: str | None = None, heading: str | None = None, guess: bool = True
) -> str:
    """Strip a site-name prefix or suffix: ``"Page | Site"``, ``"Page - Site"``, ``"Site – Page"``.

    The h1 wins when it is the title's first part or any part between separators; a known
    site name is stripped at either end; otherwise (if ``guess``) a short last segment (four
    words at most) is taken for the site name."""
    title = normalize_space(title)
    if heading and title.casefold().startswith(heading.casefold()):
        rest = title[len(heading) :]
        if not rest or _TITLE_SEPARATOR.match(rest):
            return title[: len(heading)]
    matches = list(_TITLE_SEPARATOR.finditer(title))
    if not matches:
        return title
    if heading and heading.casefold() in (p.casefold() for p in _TITLE_SEPARATOR.split(title)):
        return normalize_space(heading)
    first, last = matches[0], matches[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if site_name:
        site = normalize_space(site_name).casefold()
        if tail.casefold() == site or site in tail.casefold():
            return head
        if title[: first.start()].casefold() == site:
            return title[first.end() :]
    if guess and len(tail.split()) <= 4 and len(tail) <= 40 and len(head) >= len(tail):
        return head
    return title


def _title(info: _HeadInfo, heading: str | None) -> str | None:
    """og:title (site name stripped only when known), else <title> (site name stripped), else
    the first h1 of the content, else the JSON-LD headline."""
    if info.og_title:
        return clean_title(info.og_title, info.site_name, guess=False)
    if info.html_title:
        return clean_title(info.html_title, info.site_name, heading)
    return heading or info.headline


# dates

_MONTHS = {
    **dict.fromkeys(("january", "jan", "janvier", "janv"), 1),
    **dict.fromkeys(("february", "feb", "février", "fevrier", "févr", "fevr", "fév"), 2),
    **dict.fromkeys(("march", "mar", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr"), 4),
    **dict.fromkeys(("may", "mai"), 5),
    **dict.fromkeys(("june", "jun", "juin"), 6),
    **dict.fromkeys(("july", "jul", "juillet", "juil"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("october", "oct", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "décembre", "decembre", "déc"), 12),
}
_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_D_MONTH_Y = re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_D_Y = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def normalize_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for ISO 8601, ``YYYYMMDD``, day-first ``DD/MM/YYYY`` and English or
    French month names; the raw text when it has a year but no parseable date; else None."""
    value = normalize_space(value)
    for pattern, order in ((_YMD, "ymd"), (_COMPACT, "ymd"), (_DMY, "dmy")):
        match = pattern.search(value)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            date = _valid_date(parts["y"], parts["m"], parts["d"])
            if date:
                return date
    for pattern, order in ((_D_MONTH_Y, "dmy"), (_MONTH_D_Y, "mdy")):
        for match in pattern.finditer(value):
            fields = dict(zip(order, match.groups(), strict=True))
            month = _MONTHS.get(fields["m"].lower())
            date = _valid_date(int(fields["y"]), month, int(fields["d"])) if month else None
            if date:
                return date
    return value[:40] if re.search(r"(?<!\d)\d{4}(?!\d)", value) else None


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_DATE_META = (
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "publication_date",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
)


def _declared_date(soup: BeautifulSoup, objects: list[dict[str, object]]) -> str | None:
    """Publication date from article:published_time, JSON-LD datePublished, itemprop
    datePublished, then date meta tags (Dublin Core, citation_..., ...)."""
    candidates: list[object] = [
        _meta(soup, "article:published_time", "og:published_time", "datepublished"),
        _ld_value(objects, "datePublished"),
    ]
    marked = soup.find(itemprop="datePublished")
    if isinstance(marked, Tag):
        candidates.append(
            _attr_text(marked, "datetime") or _attr_text(marked, "content") or marked.get_text()
        )
    candidates.append(_meta(soup, *_DATE_META))
    return _first_date(candidates)


def _time_date(blocks: list[Tag], page: Tag) -> str | None:
    """The ``<time datetime>`` of the content blocks (a pubdate / "published" one first), else
    the first of the cleaned page."""
    candidates: list[object] = []
    for scope in (*blocks, page):
        times = scope.find_all("time", datetime=True)
        preferred = [t for t in times if t.has_attr("pubdate") or "publi" in str(t.attrs)]
        candidates.extend(_attr_text(t, "datetime") for t in preferred or times[:1])
    return _first_date(candidates)


def _first_date(candidates: Iterable[object]) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            date = normalize_date(candidate)
            if date:
                return date
    return None


# authors

_BYLINE = re.compile(r"^(by|par|written by|écrit par|auteur\s*:|author\s*:)\s+", re.I)


def _clean_author(value: str) -> str | None:
    value = _BYLINE.sub("", normalize_space(value))
    if not value or re.match(r"^(https?:|www\.|@)", value) or len(value) > 120:
        return None
    return value


def _author(soup: BeautifulSoup, objects: list[dict[str, object]]) -> str | None:
    """meta author, article:author, JSON-LD author, rel=author, itemprop=author, dc.creator."""
    candidates: list[str | None] = [
        _meta(soup, "author"),
        _meta(soup, "article:author"),
        ", ".join(_person_names(_ld_value(objects, "author"))),
    ]
    for link in soup.find_all("a", rel=True):
        if "author" in _attr_text(link, "rel").lower().split():
            candidates.append(link.get_text(" "))
            break
    marked = soup.find(itemprop="author")
    if isinstance(marked, Tag):
        named = marked.find(itemprop="name")
        source = named if isinstance(named, Tag) else marked
        candidates.append(_attr_text(source, "content") or source.get_text(" "))
    candidates.append(_meta(soup, "dc.creator", "dcterms.creator"))
    for candidate in candidates:
        author = _clean_author(candidate) if candidate else None
        if author:
            return author
    return None


# language

# three-letter codes and language names, as some sites write them, to ISO 639-1
_ALIASES = {
    "fra": "fr",
    "fre": "fr",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "english": "en",
    "anglais": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "german": "de",
    "deutsch": "de",
    "spanish": "es",
    "español": "es",
}


def normalize_language(value: str | None) -> str | None:
    """``fr-FR``, ``fr_FR``, ``FR``, ``fra``, ``French`` -> ``fr``; None when it is not a
    language tag."""
    if not value:
        return None
    alias = _ALIASES.get(value.strip().casefold())
    if alias:
        return alias
    match = re.match(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*(?:[,;]|$)", value)
    if not match:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else _ALIASES.get(code)


def _language(soup: BeautifulSoup) -> str | None:
    """``<html lang>``, then og:locale, then http-equiv content-language / language metas."""
    html = soup.find("html")
    candidates = [
        _attr_text(html, "lang") or _attr_text(html, "xml:lang") if isinstance(html, Tag) else "",
        _meta(soup, "og:locale"),
        _meta(soup, "content-language"),
        _meta(soup, "language", "dc.language", "dcterms.language"),
    ]
    for candidate in candidates:
        language = normalize_language(candidate)
        if language:
            return language
    return None


@dataclass(frozen=True)
class _HeadInfo:
    """What can be read before the page is cleaned (head tags, JSON-LD, bylines)."""

    og_title: str | None
    html_title: str | None
    site_name: str | None
    headline: str | None
    date: str | None
    author: str | None
    language: str | None


def _head_info(soup: BeautifulSoup) -> _HeadInfo:
    objects = _json_ld(soup)
    headline = _ld_value(objects, "headline")
    site = _meta(soup, "og:site_name", "application-name")
    ld_publisher = _ld_value(objects, "publisher")
    if not site and isinstance(ld_publisher, dict) and isinstance(ld_publisher.get("name"), str):
        site = str(ld_publisher["name"])
    html_title = normalize_space(soup.title.get_text()) if soup.title else ""
    return _HeadInfo(
        og_title=_meta(soup, "og:title", "twitter:title"),
        html_title=html_title or None,
        site_name=site,
        headline=normalize_space(headline) if isinstance(headline, str) else None,
        date=_declared_date(soup, objects),
        author=_author(soup, objects),
        language=_language(soup),
    )


def _first_heading(*scopes: Tag) -> str | None:
    for scope in scopes:
        h1 = scope.find("h1")
        if isinstance(h1, Tag):
            text = normalize_space(h1.get_text(" "))
            if text:
                return text
    return None


# --- public API ----------------------------------------------------------------------------


def extract(content: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
    """The main text and metadata of an HTML page (pure: no I/O).

    ``charset`` is the one the HTTP header declared, if any. Raises IngestError("page has no
    main text") when fewer than 20 characters of content remain.
    """
    html = content if isinstance(content, str) else decode_html(content, charset)
    soup = BeautifulSoup(html, PARSER)
    info = _head_info(soup)
    _clean(soup)
    blocks = _main_blocks(soup)
    text = to_text(*blocks)
    if len(text) < MIN_TEXT_CHARS:
        raise IngestError("page has no main text")
    page = soup.body or soup
    return Page(
        text=text,
        title=_title(info, _first_heading(*blocks, page)) or None,
        date=info.date or _time_date(blocks, page),
        author=info.author,
        language=info.language,
        url=url,
    )


def decode_text(content: bytes) -> str:
    """Decode a local text file: a BOM, else UTF-8, else cp1252 (never raises)."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    return _decode_undeclared(content)


_MD_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def extract_text_file(content: bytes | str, name: str) -> Page:
    """A Page from a local ``.txt`` / ``.md`` file: whitespace and NBSP normalised within lines,
    blank-line paragraphs kept (runs of blank lines collapsed); title from the first Markdown
    ``# `` heading, else None. Raises IngestError when the file has no text."""
    text = content if isinstance(content, str) else decode_text(content)
    lines = [normalize_space(line) for line in text.splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not body:
        raise IngestError(f"{name} has no text")
    title = next((m.group(1) for line in lines if (m := _MD_TITLE.match(line))), None)
    return Page(text=body, title=title)
