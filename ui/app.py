"""The Gradio app: cited chat, organisation directory and (optionally) the staff desk.

``build_app(services)`` composes the tabs over the services (:class:`Services`, typed; the
application builds them: ``assistant/app/cli/serve.py``); ``launch(services)`` builds it and
serves it on ``settings.host:settings.port``. The layout reads as the pipeline, one module a job:

- ``chat_actions.py`` (answers) with ``chat_layout.py`` (layout, events), ``feedback.py``
  (thumbs per answer, comment) and ``conversations.py`` (kept in the browser's local storage);
  ``directory_tab.py``; ``staff_actions.py`` (one handler per action, returning a result; the API's
  adapters raise) with ``staff_layout.py`` (layout, the page's adapters: errors beside the
  control, confirmation before removal);
- ``alerts.py``: dismissible messages beside a control; ``history.py``: the Chatbot's value as
  conversation turns;
- ``render.py`` (escaping, the answer and its sources), ``render_sources.py`` (the sources of every
  answer of a conversation, the citation script), ``render_directory.py``, ``render_staff.py``:
  HTML, everything escaped;
- ``theme.py`` and ``assets/app.css``: the look (light and dark).

There is no retrieval, prompt, login or file logic in ``ui/``: that lives in the services.

API endpoints
-------------
Every event has a stable ``api_name``; call them with ``gradio_client``::

    from gradio_client import Client
    client = Client("http://127.0.0.1:7860")
    history, sources_html, answer, _ = client.predict(
        "How many hospitals does AP-HP have?", [], "any", "any", api_name="/ask")
    history, sources_html, answer, _ = client.predict(
        "And how many professionals?", history, "any", "any", api_name="/ask")  # follow-up

``/ask`` (message: str, history: list, doc_type: str, kind: str)
    -> (history: list, sources_html: str, answer: dict, message: str).
    Answers ``message`` from the sources (streams in the browser). ``history`` is the chat as a
    previous call returned it (``[]`` for a new conversation): messages
    ``{"role": "user"|"assistant", "content": [{"type": "text", "text": ...}]}``, the answer text
    with its citations ``[n]`` as links. ``doc_type`` filters on the document type
    (``any``, ``article``, ``interview``, ``organisation``, ``web-page``) and ``kind`` on the
    organisation kind (``any``, ``cluster``, ``pharma-group``, ...). ``answer`` is the plain
    record, ``Answer.to_json()`` (the ``ask --json`` contract): ``{id, answer, grounded,
    sources: [{n, title, url, text, score, metadata, date, highlight}], timings_ms, question,
    standalone, cited, language, backend}``; ``message`` is the cleared input box (always
    ``""``).
``/new_conversation`` () -> (history: [], sources_html: str, answer: None, feedback_html: str).
``/feedback`` (rating: int, answer: dict, comment: str = "", user: str = "") -> status_html.
    Stores a thumbs up (``1``) or down (``-1``) for ``answer`` (the record ``/ask`` returned)
    with its question and sources' titles and links: one row per answer and user (the calling
    session when none is given), the last vote wins; a comment is kept until another one
    replaces it. A user belongs to the session that first voted as it: another session naming
    it is refused. Refused, with a one-line error: a record over 200 kB, a comment over 2,000
    characters, more than 30 votes per session (120 per address) in 10 minutes, a full store.
``/directory_search`` (query: str, kind: str, city: str, domain: str) -> table
    ``{"headers": [name, kind, city, domains, website], "data": [[...], ...]}`` (``[]`` when
    nothing matches). Empty strings (or ``any`` for kind and city) mean no filter. Whole words,
    any accents and case, French terms, the best matches first; a city filter keeps only the
    organisations of that town (``outside the region``: those outside the Paris Region), never
    one whose place is unknown.
``/find_partners`` (description: str) -> html: str.
    Organisations ranked for a project description, each with why it fits (its matching
    domains, its kind), the passage that justifies it and a mark when it is outside the Paris
    Region; "No good match" when none shares a field word with the description.

Staff desk (only when ``staff_user`` and ``staff_password`` are set). The login is per session:
call ``/staff_login`` first with the same client; any other staff endpoint called without it
fails with ``Login required``. (In the page, the browser keeps a signed, expiring token: a
reload stays signed in until the session ends or the person signs out.)

``/staff_login`` (username: str, password: str) -> (status: str, sources: table).
``/staff_logout`` () -> status: str.
``/staff_sources`` () -> sources: table ``{"headers": [id, title, kind, status, last fetch,
    location, reason], "data": [...]}``.
``/staff_add_url`` (url: str) -> (report_html: str, sources: table).
``/staff_add_file`` (upload: a file, e.g. ``gradio_client.handle_file(path)``; .html, .htm,
    .txt, .md or a directory .csv) -> (report_html: str, sources: table). The file is copied
    under its own name to ``DATA_DIR/files/`` and ingested; an unsupported type is refused.
``/staff_refresh`` () -> (report_html: str, sources: table). Re-ingests the whole manifest; the
    report lists each source as added / updated / unchanged / removed / failed (with a reason).
``/staff_history`` () -> table ``{"headers": [started, trigger, outcome, summary, changes],
    "data": [...]}``: the latest refreshes (manual, scheduled, cli), newest first.
``/staff_remove`` (source_id: str, force: bool = False) -> (report_html: str, sources: table).
    The page's menu offers the sources added at run time, by title, and asks for confirmation;
    a seed source (from the tracked ``corpus/sources.yaml``) is refused unless ``force``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr  # the analytics switch is in ui/__init__.py, which runs first

from assistant.services import (
    ChatService,
    CorpusService,
    DirectoryService,
    FeedbackStore,
    StaffAuth,
)
from ingest.settings import Settings
from ui.chat_actions import ChatActions
from ui.chat_layout import ChatLayout
from ui.common import ANY
from ui.directory_tab import DirectoryTab
from ui.feedback import FeedbackPanel
from ui.staff_actions import StaffActions
from ui.staff_layout import StaffLayout
from ui.theme import THEME, stylesheet

TITLE = "Paris Region Health Assistant"
HEADER = """
<div class="ph-header">
  <div class="ph-logo" aria-hidden="true">PH</div>
  <div>
    <h1>Paris Region Health Assistant</h1>
    <p>Cited answers about the Paris Region health ecosystem &mdash; hospitals, research
    institutes, clusters, companies &mdash; drawn only from the curated sources.</p>
  </div>
</div>
"""


@dataclass(frozen=True)
class Services:
    """What the app calls, each service built by the application (``paris-health serve``)."""

    settings: Settings
    chat: ChatService
    directory: DirectoryService
    feedback: FeedbackStore
    corpus: CorpusService
    staff: StaffAuth


class App(gr.Blocks):
    """``gr.Blocks`` whose ``launch`` defaults to the app's theme, CSS and offline options, and
    to its upload cap (Gradio's upload route answers 413 past it)."""

    upload_bytes = 20_000_000

    def launch(self, *args: Any, **kwargs: Any) -> Any:
        for key, value in launch_options(self.upload_bytes).items():
            kwargs.setdefault(key, value)
        return super().launch(*args, **kwargs)


def upload_cache(keep_s: int) -> tuple[int, int]:
    """Gradio's ``delete_cache`` (every ``frequency`` s, files older than ``age`` s go): anything
    uploaded, used or not, is deleted ``keep_s`` after (the staff desk copies what it keeps)."""
    return min(600, keep_s), keep_s


def launch_options(upload_bytes: int = App.upload_bytes) -> dict[str, Any]:
    return {
        "theme": THEME,
        "css": stylesheet(),
        "footer_links": ["api"],  # Gradio 6's replacement for show_api: the "Use via API" page
        "ssr_mode": False,
        "enable_monitoring": False,
        "show_error": False,  # unexpected exceptions show a generic error, never a trace
        "max_file_size": upload_bytes,
    }


def launch(services: Services) -> None:
    """Serve the app built from the services; block until stopped."""
    settings = services.settings
    app = build_app(services)
    shown = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    print(f"paris-health: serving on http://{shown}:{settings.port}", flush=True)
    if not services.staff.enabled:
        print(
            "paris-health: staff desk disabled (set PARIS_HEALTH_STAFF_USER and "
            "PARIS_HEALTH_STAFF_PASSWORD to enable it)",
            flush=True,
        )
    scheduler = start_scheduler(services)
    app.queue(**queue_options(settings.concurrency_limit, settings.queue_max_size))
    try:
        app.launch(server_name=settings.host, server_port=settings.port)
    finally:
        if scheduler is not None:
            scheduler.stop()


def queue_options(concurrency_limit: int, max_size: int) -> dict[str, Any]:
    """The queue (``concurrency_limit`` and ``queue_max_size``, chosen from the load test of
    docs/reliability.md): a few events at a time keep the CPU cores busy without one long
    answer holding the others back; past ``max_size`` waiting requests, new ones are refused
    with "queue full" instead of waiting for minutes."""
    return {"default_concurrency_limit": concurrency_limit, "max_size": max_size}


def start_scheduler(services: Services) -> Any:
    """The background refresh of ``PARIS_HEALTH_REFRESH_EVERY`` (None when unset)."""
    interval = services.settings.refresh_every_s
    if interval is None:
        return None
    from assistant.services.scheduler import RefreshScheduler

    scheduler = RefreshScheduler(services.corpus, interval)
    scheduler.start()
    print(f"paris-health: refreshing the sources every {services.settings.refresh_every}")
    return scheduler


def build_app(services: Services) -> gr.Blocks:
    """The app over the services: the tabs composed, layout and calls only."""
    chat = ChatLayout(ChatActions(services.chat), FeedbackPanel(services.feedback))
    directory = DirectoryTab(services.directory)
    staff = None
    if services.staff.enabled:
        staff = StaffLayout(StaffActions(services.corpus, services.staff))
    kinds, cities = directory.choices()
    keep_s = services.settings.upload_keep_s
    with App(title=TITLE, analytics_enabled=False, delete_cache=upload_cache(keep_s)) as app:
        app.upload_bytes = services.settings.max_upload_bytes
        gr.HTML(HEADER, js_on_load=None, elem_id="ph-header-block")
        signed_in = gr.State(False)  # per session: True once signed in to the staff desk
        if staff is not None:
            staff.browser_state()
        with gr.Tabs():
            chat.build(kinds)
            directory.build(kinds, cities)
            _fill_menus_on_load(app, chat, directory)
            chat.on_load(app)
            if staff is not None:
                staff.build(signed_in)
                staff.on_load(app)
        chat.build_api()
    return app


def _fill_menus_on_load(app: gr.Blocks, chat: ChatLayout, directory: DirectoryTab) -> None:
    """On each page load: the kinds and cities the directory holds now, and its table."""

    def fill_menus() -> tuple[Any, ...]:
        kinds, cities = directory.choices()
        return (
            gr.update(choices=kinds),
            gr.update(choices=kinds),
            gr.update(choices=cities),
            directory.directory_search("", ANY, ANY, ""),
        )

    menus = [chat.kind_filter, directory.kind, directory.city, directory.table]
    app.load(fill_menus, None, menus, api_visibility="private")
