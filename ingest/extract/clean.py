"""The ``clean`` stage: drop what is never content (scripts, hidden elements...) and the site
furniture (menus, banners, share rows, related lists, link farms), in place."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString

from ingest.extract.dom import (
    attr_text,
    is_gone,
    is_wrapper,
    link_density,
    normalize_space,
    text_len,
    words,
)

ALWAYS_DROP = words(
    "script style noscript template svg math iframe frame frameset object embed canvas video "
    "audio map button select input textarea option dialog link meta head title nav aside "
    "footer menu"
)

_BOILERPLATE_TOKENS = words(
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


def _looks_boilerplate(tag: Tag) -> bool:
    """Whether the tag's id, class, role or aria-label names site furniture."""
    role = attr_text(tag, "role").lower().strip()
    if role in _BOILERPLATE_ROLES:
        return True
    label = attr_text(tag, "aria-label")
    if label and _BOILERPLATE_LABEL.search(label):
        return True
    names = [attr_text(tag, "id"), *attr_text(tag, "class").split()]
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
    if tag.has_attr("hidden") or attr_text(tag, "aria-hidden").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attr_text(tag, "style")))


def _holds_content(tag: Tag, page_len: int) -> bool:
    """Whether removing ``tag`` would remove the page's content (a wrapper with a bad name)."""
    if tag.name in ("html", "body", *_CONTENT_TAGS) or attr_text(tag, "role") == "main":
        return True
    if tag.find(_CONTENT_TAGS) or tag.find(role="main"):
        return True
    if page_len == 0 or text_len(tag) < 0.5 * page_len or link_density(tag) >= 0.5:
        return False
    paragraphs = [p for p in tag.find_all("p") if text_len(p) >= 40]
    return tag.find("h1") is not None or len(paragraphs) >= 3


def _inside_content(tag: Tag) -> bool:
    return any(
        parent.name in _CONTENT_TAGS or attr_text(parent, "role") == "main"
        for parent in tag.parents
    )


def _should_drop(tag: Tag, page_len: int) -> bool:
    if tag.name == "header":
        return not _inside_content(tag)
    if tag.name == "form" or _is_hidden(tag) or _looks_boilerplate(tag):
        return not _holds_content(tag, page_len)
    return False


def clean(soup: BeautifulSoup) -> None:
    """Remove non-content nodes and site furniture, in place."""
    for node in soup.find_all(string=True):
        if isinstance(node, PreformattedString):  # comments, CDATA, doctype, <?...?>
            node.extract()
    for tag in soup.find_all(ALWAYS_DROP):
        if not is_gone(tag):
            tag.decompose()
    body = soup.body or soup
    page_len = text_len(body)
    for tag in body.find_all(True):
        if not is_gone(tag) and _should_drop(tag, page_len):
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


def _drop_small_furniture(root: Tag) -> None:
    """Remove unnamed breadcrumbs ("Home » News » ..."), print / send / share link rows and
    legal lines ("© 2020 Site — Privacy — Imprint")."""
    for tag in root.find_all(["p", "div", "ul", "ol", "span", "small"]):
        if is_gone(tag) or tag is root or is_wrapper(tag):
            continue
        links = tag.find_all("a")
        if not links or text_len(tag) > 150:
            continue
        first = normalize_space(links[0].get_text(" ")).casefold()
        breadcrumb = len(links) >= 2 and first in _HOME_LABELS
        text = normalize_space(tag.get_text(" "))
        utility = bool(_UTILITY.search(text)) and link_density(tag) >= 0.5
        legal = bool(_LEGAL.search(text)) and link_density(tag) >= 0.2
        if breadcrumb or utility or legal:
            tag.decompose()


def _drop_related_lists(root: Tag) -> None:
    """Remove 'Related articles' / 'Lire aussi' link lists that carry no telling class."""
    for label in root.find_all(["h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "span", "div"]):
        if is_gone(label) or is_wrapper(label):
            continue
        text = normalize_space(label.get_text(" "))
        if not text or len(text) > 80 or not _RELATED_LABEL.match(text):
            continue
        holder = label  # <p><b>Voir aussi</b></p>: the list follows the <p>
        while isinstance(holder.parent, Tag) and holder.parent is not root:
            if not is_wrapper(holder.parent):
                break
            holder = holder.parent
        if len(text) > 25 and link_density(holder) > 0.5:  # "Lire aussi : <a>title</a>"
            holder.decompose()
            continue
        target = holder.find_next_sibling()
        if isinstance(target, Tag) and target.find("a") and link_density(target) > 0.5:
            target.decompose()
            holder.decompose()


def drop_link_lists(root: Tag) -> None:
    """In a heuristically chosen block, drop link farms (menus without a telling name)."""
    for tag in root.find_all(["ul", "ol", "dl", "div", "section", "table"]):
        if is_gone(tag) or tag is root or is_wrapper(tag):
            continue
        if len(tag.find_all("a")) >= 3 and link_density(tag) > 0.7:
            tag.decompose()
