"""The sources panel of a whole conversation: every answer keeps its own sources, so a citation
in an older answer still finds its card. Pure functions over the answer records (``/ask``'s
``answer``, ``Answer.to_json()``), plus the script that makes a citation scroll to its card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ui.render import SOURCES_PLACEHOLDER, answer_key, esc, sources_html

# Installed once by the sources panel (gr.HTML js_on_load): a click on a citation [n] scrolls
# the panel to its card, opens it (and the earlier answer's group it is in) and marks it; the
# page never leaves for the source's site (that link is inside the card).
CITATION_JS = """
if (!window.__phCitations) {
  window.__phCitations = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#ph-src-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const card = document.getElementById(link.getAttribute('href').slice(1));
    if (!card) return;
    for (let node = card.parentElement; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    card.querySelectorAll('details').forEach((d) => { d.open = true; });
    document.querySelectorAll('.ph-source.ph-flash').forEach((c) => c.classList.remove('ph-flash'));
    card.classList.add('ph-flash');
    card.scrollIntoView({block: 'center'});
    card.setAttribute('tabindex', '-1');
    card.focus({preventScroll: true});
  }, true);
}
"""


@dataclass(frozen=True)
class SourceView:
    """A source of an answer record, with the attributes ``render`` shows."""

    n: int
    title: str = ""
    url: str = ""
    date: str = ""
    text: str = ""
    highlight: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: dict[str, Any]) -> SourceView:
        meta = raw.get("metadata")
        return cls(
            n=int(raw.get("n") or 0),
            title=str(raw.get("title") or ""),
            url=str(raw.get("url") or ""),
            date=str(raw.get("date") or ""),
            text=str(raw.get("text") or ""),
            highlight=str(raw.get("highlight") or ""),
            metadata=meta if isinstance(meta, dict) else {},
        )


def record_key(record: dict[str, Any]) -> str:
    """The key of the answer's anchors, as ``ChatActions.ask`` made them."""
    return answer_key(str(record.get("question") or ""), str(record.get("answer") or ""))


def record_sources_html(record: dict[str, Any]) -> str:
    sources = [SourceView.of(s) for s in record.get("sources") or [] if isinstance(s, dict)]
    cited = [int(n) for n in record.get("cited") or [] if str(n).isdigit()]
    return sources_html(sources, cited, bool(record.get("grounded")), record_key(record))


def conversation_sources_html(
    answers: Sequence[dict[str, Any] | None], latest_html: str | None = None
) -> str:
    """The latest answer's sources in full (``latest_html`` when the caller has rendered them
    already), then each earlier answer's under its question."""
    records = [a for a in answers if isinstance(a, dict) and a.get("answer")]
    if not records:
        return SOURCES_PLACEHOLDER
    latest, earlier = records[-1], records[-2::-1]
    if latest_html is None:
        latest_html = record_sources_html(latest)
    groups = [
        '<details class="ph-earlier"><summary>Sources of an earlier answer: '
        f'<span class="ph-earlier-q">{esc(record.get("question") or "")}</span></summary>'
        f"{record_sources_html(record)}</details>"
        for record in earlier
    ]
    return latest_html + "".join(groups)
