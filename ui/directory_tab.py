"""The Directory tab: search the organisations, and find partners for a project.

Endpoints: ``/directory_search`` and ``/find_partners`` (see ``ui/app.py``).
"""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from assistant.services import DirectoryService
from assistant.services.directory import OUTSIDE_REGION, Facets
from ui.alerts import alert_box, catching
from ui.common import ANY, error, one_line, table
from ui.render import safe_url
from ui.render_directory import SCROLL_JS, directory_cards, partners_html, search_summary

log = logging.getLogger(__name__)

DIRECTORY_HEADERS = ["name", "kind", "city", "domains", "website"]
PROJECT_PLACEHOLDER = (
    "e.g. We develop an AI tool for early cancer diagnosis "
    "from medical imaging and need a clinical partner."
)

Choices = list[tuple[str, str]]


def place_choices(facets: Facets) -> Choices:
    """The place menu: any place, each commune of the region with its département, then
    "outside the region" when the directory holds organisations there."""
    places = [("Any place", ANY)]
    for city in facets.cities:
        code = facets.departements.get(city, "")
        places.append((f"{city} ({code})" if code else city, city))
    if facets.outside:
        places.append(("Outside the region", OUTSIDE_REGION))
    return places


def _site(url: str) -> str:
    """The website cell: a safe http(s) address (the Markdown column shows it as a link)."""
    return safe_url(url) or ""


class DirectoryTab:
    """The handlers of the Directory tab over the directory service, and its layout."""

    def __init__(self, directory: DirectoryService) -> None:
        self.directory = directory

    # --- handlers --------------------------------------------------------------------------
    def choices(self) -> tuple[Choices, Choices]:
        """The kind and place menus: "any", then the values the directory holds (the places:
        its communes in the region, "Villejuif (94)", then "outside the region")."""
        try:
            facets = self.directory.facets()
        except Exception:  # noqa: BLE001 - an empty index still shows the app
            log.exception("cannot list organisations")
            facets = Facets(kinds=[], cities=[])
        return [("Any kind", ANY)] + [(k, k) for k in facets.kinds], place_choices(facets)

    def directory_search(self, query: str, kind: str, city: str, domain: str) -> dict[str, Any]:
        """The organisations that match, as a table; empty or ``any`` means no filter."""
        kind = "" if (kind or ANY) == ANY else kind
        city = "" if (city or ANY) == ANY else city
        try:
            rows = self.directory.search(query or "", kind, city, (domain or "").strip())
        except Exception as exc:
            log.exception("directory search failed")
            raise error(f"Directory search failed: {one_line(exc)}") from exc
        return table(
            DIRECTORY_HEADERS,
            [[r.name, r.kind, r.city, ", ".join(r.domains), _site(r.website)] for r in rows],
        )

    def summary(self, value: Any, query: str, kind: str, city: str, domain: str) -> tuple[str, str]:
        """The line above the table (how many organisations match, or that none does), and the
        same rows as cards (shown instead of the table on a narrow screen)."""
        rows = value.get("data") if isinstance(value, dict) else getattr(value, "values", None)
        rows = [list(row) for row in list(rows if rows is not None else []) if any(row)]
        filters = [f for f in (query, domain) if (f or "").strip()]
        filters += [f for f in (kind, city) if f and f != ANY]
        return search_summary(len(rows), filters), directory_cards(DIRECTORY_HEADERS, rows)

    def find_partners(self, description: str) -> str:
        """Organisations ranked for a project description, each with its passage."""
        if not (description or "").strip():
            raise error("Describe the project in a few lines first.")
        try:
            matches = self.directory.find_partners(description)
        except ValueError as exc:
            raise error(one_line(exc)) from exc
        except Exception as exc:
            log.exception("find partners failed")
            raise error(f"Could not rank partners: {one_line(exc)}") from exc
        return partners_html(matches)

    # --- layout ----------------------------------------------------------------------------
    def build(self, kinds: Choices, cities: Choices) -> None:
        """The tab and its events, inside the app's ``gr.Tabs``."""
        with gr.Tab("Directory", id="directory"):
            gr.Markdown(
                "Search the organisations of the Paris Region health ecosystem, "
                "or describe a project to find partners.",
                elem_classes="ph-intro",
            )
            self._search_row(kinds, cities)
            self.summary_line = gr.HTML("", js_on_load=None, elem_id="ph-dir-summary")
            self.table = gr.DataFrame(
                value=table(DIRECTORY_HEADERS, []),
                datatype=["str", "str", "str", "str", "markdown"],
                headers=DIRECTORY_HEADERS,
                interactive=False,
                wrap=True,
                max_height=420,
                elem_id="ph-directory",
                label="Organisations",
                column_widths=["230px", "160px", "130px", "300px", "230px"],
                show_search="none",
            )
            self.cards = gr.HTML("", js_on_load=None, elem_id="ph-dir-cards")  # a phone's table
            self._partner_box()
            self.partners = gr.HTML(
                "", js_on_load=SCROLL_JS, label="Partners", elem_id="ph-partners"
            )
        self._wire()

    def _search_row(self, kinds: Choices, cities: Choices) -> None:
        with gr.Row(equal_height=False, elem_classes="ph-dir-row"):
            self.query = gr.Textbox(
                label="Search",
                placeholder="name, domain, keyword...",
                scale=3,
                elem_id="ph-dir-query",
            )
            self.kind = gr.Dropdown(
                kinds, value=ANY, label="Kind", allow_custom_value=True, scale=2
            )
            self.city = gr.Dropdown(
                cities,
                value=ANY,
                label="Place",
                allow_custom_value=True,
                scale=2,
                elem_id="ph-dir-place",
            )
            self.domain = gr.Textbox(label="Domain", placeholder="e.g. oncology", scale=2)
            self.search = gr.Button(
                "Search", variant="primary", scale=1, min_width=100, elem_id="ph-dir-search"
            )

    def _partner_box(self) -> None:
        with gr.Column(elem_classes="ph-partner-box"):
            gr.Markdown(
                "### Find partners\nDescribe your project: the organisations "
                "that fit come ranked, each with the passage that justifies it."
            )
            with gr.Row(equal_height=False, elem_classes="ph-dir-row"):
                self.project = gr.Textbox(
                    show_label=False,
                    lines=3,
                    elem_id="ph-project",
                    scale=5,
                    placeholder=PROJECT_PLACEHOLDER,
                )
                self.partners_button = gr.Button(
                    "Find partners",
                    variant="primary",
                    scale=1,
                    min_width=140,
                    elem_id="ph-find-partners",
                )
            self.partners_alert = alert_box("ph-partners-alert")
            self.api_partners = gr.Button("find_partners", visible=False)

    # --- events ----------------------------------------------------------------------------
    def _wire(self) -> None:
        search_io: dict[str, Any] = {
            "inputs": [self.query, self.kind, self.city, self.domain],
            "outputs": self.table,
        }
        summary: dict[str, Any] = {
            "fn": self.summary,
            "inputs": [self.table, self.query, self.kind, self.city, self.domain],
            "outputs": [self.summary_line, self.cards],
            "api_visibility": "private",
        }
        self.search.click(self.directory_search, api_name="directory_search", **search_io).then(
            **summary
        )
        for trigger in (self.query.submit, self.domain.submit, self.kind.input, self.city.input):
            trigger(self.directory_search, api_visibility="private", **search_io).then(**summary)
        self.table.change(**summary)
        find = catching(self.find_partners, 1)  # in the page, an error shows beside the box
        out = [self.partners, self.partners_alert]
        for trigger in (self.partners_button.click, self.project.submit):
            trigger(find, self.project, out, api_visibility="private")
        self.api_partners.click(
            self.find_partners, self.project, self.partners, api_name="find_partners"
        )
