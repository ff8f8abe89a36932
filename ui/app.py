"""The Gradio app: cited chat, organisation directory and (optionally) the staff desk.

``build_app(chat, directory, corpus, feedback, settings)`` lays the app out over the services;
``launch(container)`` builds it from a :class:`~assistant.container.Container` and serves it on
``settings.host:settings.port``. There is no retrieval or prompt logic here: every event calls a
service and renders what it returns (see ``ui/render.py``, where everything is HTML-escaped).

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
    record: ``{question, standalone, answer, grounded, cited, language, backend, sources:
    [{n, title, url, date, text, highlight, score, metadata}], timings_ms}``; ``message`` is the
    cleared input box (always ``""``).
``/new_conversation`` () -> (history: [], sources_html: str, answer: None, feedback_html: str).
``/feedback`` (rating: int, answer: dict) -> status_html: str.
    Stores a thumbs up (``1``) or down (``-1``) for ``answer`` (the record ``/ask`` returned)
    with its question and sources.
``/directory_search`` (query: str, kind: str, city: str, domain: str) -> table
    ``{"headers": [name, kind, city, domains, website], "data": [[...], ...]}``. Empty strings
    (or ``any`` for kind and city) mean no filter.
``/find_partners`` (description: str) -> html: str.
    Organisations ranked for a project description, each with the passage that justifies it.

Staff desk (only when ``staff_user`` and ``staff_password`` are set). The login is per session:
call ``/staff_login`` first with the same client; any other staff endpoint called without it
fails with ``Login required``.

``/staff_login`` (username: str, password: str) -> (status: str, sources: table).
``/staff_logout`` () -> status: str.
``/staff_sources`` () -> sources: table ``{"headers": [id, kind, status, last fetch, location,
    reason], "data": [...]}``.
``/staff_add_url`` (url: str) -> (report_html: str, sources: table).
``/staff_add_file`` (upload: a file, e.g. ``gradio_client.handle_file(path)``; .html, .htm,
    .txt, .md or a directory .csv) -> (report_html: str, sources: table). The file is added to
    the corpus under its own name and ingested.
``/staff_refresh`` () -> (report_html: str, sources: table). Re-ingests the whole manifest; the
    report lists each source as added / updated / unchanged / removed / failed (with a reason).
``/staff_remove`` (source_id: str) -> (report_html: str, sources: table).
"""

from __future__ import annotations

import hmac
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402 - after the analytics switch

from ui import render  # noqa: E402

if TYPE_CHECKING:
    from assistant.container import Container
    from assistant.services import (
        Answer,
        ChatService,
        CorpusService,
        DirectoryService,
        FeedbackStore,
    )
    from assistant.settings import Settings
    from ingest.pipeline import IngestReport

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent / "assets"
ANY = "any"
DOC_TYPES = [
    ("Any type", ANY),
    ("Article", "article"),
    ("Interview", "interview"),
    ("Organisation", "organisation"),
    ("Web page", "web-page"),
]
INVESTOR_EXAMPLES = [
    "Why put our R&D centre in the Paris Region?",
    "Which pharma groups are already there?",
    "Who is the single point of contact for oncology?",
]
RESEARCHER_EXAMPLES = [
    "Who runs high-field neuroimaging?",
    "Which institutes should an oncology lab approach?",
    "Qui dirige Medicen ?",
]
DIRECTORY_HEADERS = ["name", "kind", "city", "domains", "website"]
SOURCE_HEADERS = ["id", "kind", "status", "last fetch", "location", "reason"]
UPLOAD_TYPES = [".html", ".htm", ".txt", ".md", ".csv"]
LOGIN_REQUIRED = "Login required: sign in on the Staff desk tab first."
FAILED_LOGIN_DELAY_S = 1.0

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
CHAT_PLACEHOLDER = (
    "<strong>Ask about the Paris Region health ecosystem.</strong><br>"
    "Every answer cites its sources [n]; when the sources do not say, the assistant says so."
)


class App(gr.Blocks):
    """``gr.Blocks`` whose ``launch`` defaults to the app's theme, CSS and offline options."""

    def launch(self, *args: Any, **kwargs: Any) -> Any:
        for key, value in launch_options().items():
            kwargs.setdefault(key, value)
        return super().launch(*args, **kwargs)


def launch_options() -> dict[str, Any]:
    return {
        "theme": THEME,
        "css": CSS,
        "footer_links": ["api"],  # Gradio 6's replacement for show_api: the "Use via API" page
        "ssr_mode": False,
        "enable_monitoring": False,
        "show_error": False,  # unexpected exceptions show a generic error, never a trace
        "max_file_size": "20mb",
    }


def launch(container: Container) -> None:
    """Serve the app built from the container's services; block until stopped."""
    settings = container.settings
    app = build_app(
        container.chat, container.directory, container.corpus, container.feedback, settings
    )
    shown = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    print(f"paris-health: serving on http://{shown}:{settings.port}", flush=True)
    if not settings.staff_enabled:
        print(
            "paris-health: staff desk disabled (set PARIS_HEALTH_STAFF_USER and "
            "PARIS_HEALTH_STAFF_PASSWORD to enable it)",
            flush=True,
        )
    app.queue(default_concurrency_limit=4)
    app.launch(server_name=settings.host, server_port=settings.port)


# --- helpers ---------------------------------------------------------------------------------


def _icon(name: str) -> str | None:
    path = ASSETS / name
    return str(path) if path.is_file() else None


def _table(headers: list[str], rows: list[list[str]]) -> dict[str, Any]:
    return {"headers": headers, "data": rows or [["" for _ in headers]]}


def _filters(doc_type: str | None, kind: str | None) -> dict[str, str]:
    filters: dict[str, str] = {}
    for key, value in (("type", doc_type), ("kind", kind)):
        value = (value or "").strip()
        if value and value.lower() != ANY:
            filters[key] = value
    return filters


def _message_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            str(part.get("text", ""))
            for part in content
            if isinstance(part, dict) and part.get("type", "text") == "text"
        )
    if isinstance(content, dict) and "text" in content:
        return str(content["text"])
    return ""


def _history(history: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    """The Chatbot value as simple ``{"role", "content": str}`` messages."""
    out = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") in ("user", "assistant"):
            out.append({"role": str(message["role"]), "content": _message_text(message)})
    return out


def _turns(history: list[dict[str, str]]) -> list[Any]:
    from assistant.answer import Turn

    turns = []
    for message in history:
        text = render.plain(message["content"])
        if text:
            turns.append(Turn(message["role"], text))
    return turns


def _answer_record(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "standalone": answer.standalone,
        "answer": answer.answer,
        "grounded": answer.grounded,
        "cited": list(answer.cited),
        "language": answer.language,
        "backend": answer.backend,
        "sources": [
            {**s.to_json(), "date": s.date, "highlight": s.highlight} for s in answer.sources
        ],
        "timings_ms": {k: round(v, 1) for k, v in answer.timings_ms.items()},
    }


def _one_line(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    return " ".join(str(reason).split())


def _error(message: str, title: str = "Error") -> gr.Error:
    return gr.Error(render.esc(message), title=title, print_exception=False)


def _require_login(logged_in: Any) -> None:
    """Server-side guard of every staff endpoint: the per-session state set by the login."""
    if logged_in is not True:
        raise _error(LOGIN_REQUIRED, title="Staff desk")


def _progress_callback(progress: gr.Progress) -> Callable[[int, int, str], None]:
    def update(done: int, total: int, label: str) -> None:
        if total <= 0:
            progress(1.0, desc="Done")
        else:
            progress(
                (done, total), desc=f"Ingesting {label}" if label else "Finishing", unit="sources"
            )

    return update


# --- the app ---------------------------------------------------------------------------------


def build_app(
    chat: ChatService,
    directory: DirectoryService,
    corpus: CorpusService,
    feedback: FeedbackStore,
    settings: Settings,
) -> gr.Blocks:
    """The app over the services (layout and calls only)."""
    from assistant.services import Answer, Delta

    # --- chat --------------------------------------------------------------------------------
    def ask(
        message: str,
        history: list[dict[str, Any]] | None,
        doc_type: str | None,
        kind: str | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        shown: list[dict[str, str]] = _history(history)
        question = " ".join((message or "").split())
        if not question:
            gr.Warning("Type a question first.")
            yield shown, gr.skip(), gr.skip(), message
            return
        turns = _turns(shown)
        shown = [
            *shown,
            {"role": "user", "content": render.md_text(question)},
            {"role": "assistant", "content": ""},
        ]
        yield shown, render.SOURCES_SEARCHING, gr.skip(), ""
        partial = ""
        final: Answer | None = None
        try:
            for event in chat.stream(question, turns, _filters(doc_type, kind)):
                if isinstance(event, Delta):
                    partial += event.text
                    shown[-1] = {"role": "assistant", "content": render.md_text(partial)}
                    yield shown, gr.skip(), gr.skip(), ""
                elif isinstance(event, Answer):
                    final = event
        except ValueError as exc:
            raise _error(_one_line(exc)) from exc
        except Exception as exc:
            log.exception("answering failed")
            raise _error(f"Could not answer: {_one_line(exc)}") from exc
        if final is None:
            raise _error("Could not answer: no answer came back.")
        key = render.answer_key(final.question, final.answer)
        shown[-1] = {
            "role": "assistant",
            "content": render.answer_markdown(final.answer, final.sources, final.grounded, key),
        }
        sources_html = render.sources_html(final.sources, final.cited, final.grounded, key)
        yield shown, sources_html, _answer_record(final), ""

    def new_conversation() -> tuple[Any, ...]:
        return [], render.SOURCES_PLACEHOLDER, None, ""

    def record_feedback(rating: Any, answer: dict[str, Any] | None) -> str:
        if not isinstance(answer, dict) or not answer.get("answer"):
            gr.Warning("Ask a question first, then rate the answer.")
            return ""
        try:
            value = int(rating)
        except (TypeError, ValueError):
            value = 0
        if value not in (1, -1):
            raise _error("rating is 1 (helpful) or -1 (not helpful)")
        sources = answer.get("sources") or []
        feedback.record(
            value,
            str(answer.get("question", "")),
            str(answer["answer"]),
            [s for s in sources if isinstance(s, dict)],
        )
        gr.Info("Thanks: your feedback was recorded.")
        label = "helpful" if value == 1 else "not helpful"
        return f'<span class="ph-thanks">&#10003; Recorded as {label}</span>'

    # --- directory ---------------------------------------------------------------------------
    def organisation_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        try:
            rows = directory.organisations()
        except Exception:  # noqa: BLE001 - an empty index still shows the app
            log.exception("cannot list organisations")
            rows = []
        kinds = sorted({r.kind for r in rows if r.kind})
        cities = sorted({r.city for r in rows if r.city})
        return (
            [("Any kind", ANY)] + [(k.replace("-", " "), k) for k in kinds],
            [("Any city", ANY)] + [(c, c) for c in cities],
        )

    def directory_search(query: str, kind: str, city: str, domain: str) -> dict[str, Any]:
        kind = "" if (kind or ANY) == ANY else kind
        city = "" if (city or ANY) == ANY else city
        try:
            rows = directory.search(query or "", kind, city, (domain or "").strip())
        except Exception as exc:
            log.exception("directory search failed")
            raise _error(f"Directory search failed: {_one_line(exc)}") from exc
        return _table(
            DIRECTORY_HEADERS,
            [[r.name, r.kind, r.city, r.domains.replace(";", ", "), r.website] for r in rows],
        )

    def find_partners(description: str) -> str:
        if not (description or "").strip():
            raise _error("Describe the project in a few lines first.")
        try:
            matches = directory.find_partners(description)
        except ValueError as exc:
            raise _error(_one_line(exc)) from exc
        except Exception as exc:
            log.exception("find partners failed")
            raise _error(f"Could not rank partners: {_one_line(exc)}") from exc
        return render.partners_html(matches)

    def on_load() -> tuple[Any, ...]:
        kinds, cities = organisation_choices()
        return (
            gr.update(choices=kinds),
            gr.update(choices=kinds),
            gr.update(choices=cities),
            directory_search("", ANY, ANY, ""),
        )

    # --- staff -------------------------------------------------------------------------------
    def source_table() -> dict[str, Any]:
        rows = []
        for row in corpus.sources():
            reason = row.state.reason if row.state else ""
            rows.append(
                [
                    row.source.id,
                    row.source.kind,
                    row.status,
                    row.last_fetch,
                    row.source.location,
                    reason,
                ]
            )
        return _table(SOURCE_HEADERS, rows)

    def source_ids(logged_in: Any) -> Any:
        """The choices of the "Source id" dropdown (nothing for a session not signed in)."""
        if logged_in is not True:
            return gr.update()
        try:
            return gr.update(choices=[row.source.id for row in corpus.sources()])
        except Exception:  # noqa: BLE001 - the table shows the error
            return gr.update()

    def staff_login(username: str, password: str) -> tuple[Any, ...]:
        user = (settings.staff_user or "").encode()
        secret = settings.staff_password.get_secret_value() if settings.staff_password else ""
        ok_user = hmac.compare_digest((username or "").encode(), user)
        ok_password = hmac.compare_digest((password or "").encode(), secret.encode())
        if not (settings.staff_enabled and ok_user and ok_password):
            time.sleep(FAILED_LOGIN_DELAY_S)
            raise _error("Wrong username or password.", title="Staff desk")
        gr.Info("Signed in to the staff desk.")
        status = f"Signed in as **{render.md_text(username)}**."
        return True, status, gr.update(visible=False), gr.update(visible=True), source_table()

    def staff_logout() -> tuple[Any, ...]:
        return False, "Signed out.", gr.update(visible=True), gr.update(visible=False)

    def staff_sources(logged_in: Any) -> dict[str, Any]:
        _require_login(logged_in)
        return source_table()

    def run_staff(action: str, call: Callable[[], IngestReport]) -> tuple[str, Any]:
        try:
            report = call()
        except gr.Error:
            raise
        except Exception as exc:
            if not isinstance(exc, ValueError) and type(exc).__name__ != "IngestError":
                log.exception("%s failed", action)
            raise _error(f"{action} failed: {_one_line(exc)}", title="Staff desk") from exc
        if report.failed:
            reasons = "; ".join(f"{i.source_id}: {i.reason}" for i in report.failed[:3])
            gr.Warning(render.esc(f"{len(report.failed)} source(s) failed: {reasons}"))
        else:
            gr.Info(render.esc(f"{action}: {report.summary()}"))
        return render.report_html(report, action), source_table()

    def staff_add_url(url: str, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        _require_login(logged_in)
        url = (url or "").strip()
        if not render.safe_url(url):
            raise _error("Give an absolute http:// or https:// URL.", title="Staff desk")
        return run_staff(
            "Add URL", lambda: corpus.add_urls([url], progress=_progress_callback(progress))
        )

    def staff_add_file(upload: Any, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        _require_login(logged_in)
        if not upload:
            raise _error("Choose a file to upload first.", title="Staff desk")
        path = Path(upload if isinstance(upload, str) else getattr(upload, "name", str(upload)))
        name = path.name
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            raise _error(
                f"Unsupported file type for {name}: use {', '.join(UPLOAD_TYPES)}.",
                title="Staff desk",
            )
        folder = Path(tempfile.mkdtemp(prefix="paris-health-upload-"))
        try:  # the corpus keeps the file under its own name: copy the upload to that name
            target = folder / name
            shutil.copyfile(path, target)
            return run_staff(
                "Add file",
                lambda: corpus.add_files([target], progress=_progress_callback(progress)),
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def staff_refresh(logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        _require_login(logged_in)
        return run_staff("Refresh", lambda: corpus.refresh(progress=_progress_callback(progress)))

    def staff_remove(source_id: str, logged_in: Any) -> Any:
        _require_login(logged_in)
        source_id = (source_id or "").strip()
        if not source_id:
            raise _error("Choose the id of the source to remove.", title="Staff desk")
        return run_staff("Remove", lambda: corpus.remove(source_id))

    # --- layout ------------------------------------------------------------------------------
    kind_choices, city_choices = organisation_choices()
    with App(title="Paris Region Health Assistant", analytics_enabled=False) as app:
        gr.HTML(HEADER, js_on_load=None, elem_id="ph-header-block")
        staff_state = gr.State(False)  # per session: True once signed in to the staff desk
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=420):
                        chatbot = gr.Chatbot(
                            label="Conversation",
                            show_label=False,
                            elem_id="ph-chatbot",
                            height=470,
                            placeholder=CHAT_PLACEHOLDER,
                            latex_delimiters=[],
                            feedback_options=None,
                            allow_tags=False,
                            sanitize_html=True,
                            render_markdown=True,
                            buttons=["copy"],
                            layout="bubble",
                        )
                        with gr.Row(elem_classes="ph-ask-row"):
                            message = gr.Textbox(
                                show_label=False,
                                container=False,
                                scale=8,
                                max_lines=4,
                                placeholder="Ask about the Paris Region health ecosystem...",
                                elem_id="ph-question",
                                autofocus=True,
                            )
                            send = gr.Button(
                                "Send", variant="primary", scale=1, min_width=90, elem_id="ph-send"
                            )
                        with gr.Row(elem_classes="ph-tools", equal_height=True):
                            type_filter = gr.Dropdown(
                                DOC_TYPES,
                                value=ANY,
                                label="Document type",
                                allow_custom_value=True,
                                elem_id="ph-type-filter",
                            )
                            kind_filter = gr.Dropdown(
                                kind_choices,
                                value=ANY,
                                label="Organisation kind",
                                allow_custom_value=True,
                                elem_id="ph-kind-filter",
                            )
                        with gr.Row(elem_classes="ph-actions", equal_height=True):
                            up = gr.Button(
                                "Helpful",
                                icon=_icon("thumb_up.svg"),
                                size="sm",
                                scale=0,
                                min_width=110,
                                elem_id="ph-up",
                            )
                            down = gr.Button(
                                "Not helpful",
                                icon=_icon("thumb_down.svg"),
                                size="sm",
                                scale=0,
                                min_width=130,
                                elem_id="ph-down",
                            )
                            feedback_status = gr.HTML(
                                "", js_on_load=None, label="Feedback", elem_id="ph-feedback-status"
                            )
                            new_chat = gr.Button(
                                "New conversation",
                                size="sm",
                                scale=0,
                                min_width=160,
                                elem_id="ph-new",
                            )
                            up_value = gr.Number(1, visible=False, precision=0)
                            down_value = gr.Number(-1, visible=False, precision=0)
                        with gr.Row(elem_classes="ph-examples"):
                            gr.Examples(
                                INVESTOR_EXAMPLES,
                                inputs=message,
                                label="For investors",
                                api_visibility="private",
                                elem_id="ph-ex-investors",
                            )
                            gr.Examples(
                                RESEARCHER_EXAMPLES,
                                inputs=message,
                                label="For researchers",
                                api_visibility="private",
                                elem_id="ph-ex-researchers",
                            )
                    with gr.Column(scale=2, min_width=340):
                        sources = gr.HTML(
                            render.SOURCES_PLACEHOLDER,
                            js_on_load=None,
                            label="Sources",
                            elem_id="ph-sources-panel",
                            max_height=640,
                        )
                with gr.Accordion("Answer as JSON (for developers)", open=False):
                    answer_json = gr.JSON(None, label="Last answer", elem_id="ph-answer-json")

            with gr.Tab("Directory", id="directory"):
                gr.Markdown(
                    "Search the organisations of the Paris Region health ecosystem, "
                    "or describe a project to find partners.",
                    elem_classes="ph-intro",
                )
                with gr.Row(equal_height=False, elem_classes="ph-dir-row"):
                    query = gr.Textbox(
                        label="Search",
                        placeholder="name, domain, keyword...",
                        scale=3,
                        elem_id="ph-dir-query",
                    )
                    dir_kind = gr.Dropdown(
                        kind_choices, value=ANY, label="Kind", allow_custom_value=True, scale=2
                    )
                    dir_city = gr.Dropdown(
                        city_choices, value=ANY, label="City", allow_custom_value=True, scale=2
                    )
                    domain = gr.Textbox(label="Domain", placeholder="e.g. oncology", scale=2)
                    search = gr.Button(
                        "Search", variant="primary", scale=1, min_width=100, elem_id="ph-dir-search"
                    )
                table = gr.DataFrame(
                    value=_table(DIRECTORY_HEADERS, []),
                    headers=DIRECTORY_HEADERS,
                    interactive=False,
                    wrap=True,
                    max_height=420,
                    elem_id="ph-directory",
                    label="Organisations",
                    column_widths=["22%", "13%", "12%", "33%", "20%"],
                    show_search="none",
                )
                with gr.Column(elem_classes="ph-partner-box"):
                    gr.Markdown(
                        "### Find partners\nDescribe your project: the organisations "
                        "that fit come ranked, each with the passage that justifies it."
                    )
                    with gr.Row(equal_height=False, elem_classes="ph-dir-row"):
                        project = gr.Textbox(
                            show_label=False,
                            lines=3,
                            elem_id="ph-project",
                            scale=5,
                            placeholder="e.g. We develop an AI tool for early cancer diagnosis "
                            "from medical imaging and need a clinical partner.",
                        )
                        partners_btn = gr.Button(
                            "Find partners",
                            variant="primary",
                            scale=1,
                            min_width=140,
                            elem_id="ph-find-partners",
                        )
                partners = gr.HTML("", js_on_load=None, label="Partners", elem_id="ph-partners")

            if settings.staff_enabled:
                with gr.Tab("Staff desk", id="staff"):
                    with gr.Column(visible=True, elem_classes="ph-login") as login_box:
                        gr.Markdown("### Staff sign-in\nManage the sources of the corpus.")
                        username = gr.Textbox(label="Username", max_lines=1)
                        password = gr.Textbox(label="Password", type="password", max_lines=1)
                        login = gr.Button("Sign in", variant="primary")
                    staff_status = gr.Markdown("", label="Status")
                    with gr.Column(visible=False) as desk:
                        with gr.Row():
                            gr.Markdown("### Sources")
                            reload_btn = gr.Button("Reload list", size="sm", scale=0, min_width=120)
                            logout = gr.Button("Sign out", size="sm", scale=0, min_width=100)
                        sources_table = gr.DataFrame(
                            value=_table(SOURCE_HEADERS, []),
                            headers=SOURCE_HEADERS,
                            interactive=False,
                            wrap=True,
                            max_height=360,
                            label="Sources",
                            elem_id="ph-staff-sources",
                        )
                        with gr.Row(equal_height=False):
                            with gr.Column():
                                gr.Markdown("#### Add a web page")
                                url_box = gr.Textbox(
                                    show_label=False, placeholder="https://example.org/page"
                                )
                                add_url = gr.Button("Add URL", variant="primary")
                            with gr.Column():
                                gr.Markdown("#### Upload a file (HTML, txt, md, directory CSV)")
                                upload = gr.File(
                                    show_label=False,
                                    file_types=UPLOAD_TYPES,
                                    type="filepath",
                                    height=110,
                                )
                                add_file = gr.Button("Add file", variant="primary")
                            with gr.Column():
                                gr.Markdown("#### Refresh or remove")
                                refresh = gr.Button("Refresh all sources", variant="primary")
                                remove_id = gr.Dropdown(
                                    [], label="Source id", allow_custom_value=True
                                )
                                remove = gr.Button(
                                    "Remove source", variant="stop", elem_id="ph-remove"
                                )
                        report = gr.HTML(
                            "", js_on_load=None, label="Report", elem_id="ph-staff-report"
                        )

        # --- events ------------------------------------------------------------------------
        ask_io = {
            "inputs": [message, chatbot, type_filter, kind_filter],
            "outputs": [chatbot, sources, answer_json, message],
        }
        send.click(ask, api_name="ask", **ask_io)  # type: ignore[arg-type]
        message.submit(ask, api_name="ask_submit", api_visibility="private", **ask_io)  # type: ignore[arg-type]
        new_chat.click(
            new_conversation,
            None,
            [chatbot, sources, answer_json, feedback_status],
            api_name="new_conversation",
        )
        up.click(record_feedback, [up_value, answer_json], feedback_status, api_name="feedback")
        down.click(
            record_feedback,
            [down_value, answer_json],
            feedback_status,
            api_name="feedback_down",
            api_visibility="undocumented",
        )
        answer_json.change(lambda: "", None, feedback_status, api_visibility="private")

        search_io = {"inputs": [query, dir_kind, dir_city, domain], "outputs": table}
        search.click(directory_search, api_name="directory_search", **search_io)  # type: ignore[arg-type]
        for trigger in (query.submit, domain.submit, dir_kind.input, dir_city.input):
            trigger(directory_search, api_visibility="private", **search_io)  # type: ignore[arg-type]
        partners_btn.click(find_partners, project, partners, api_name="find_partners")
        project.submit(find_partners, project, partners, api_visibility="private")
        app.load(on_load, None, [kind_filter, dir_kind, dir_city, table], api_visibility="private")

        if settings.staff_enabled:
            after_login = {
                "fn": lambda state: ("", source_ids(state)),
                "inputs": staff_state,
                "outputs": [password, remove_id],
                "api_visibility": "private",
            }
            login_io = {
                "inputs": [username, password],
                "outputs": [staff_state, staff_status, login_box, desk, sources_table],
            }
            login.click(staff_login, api_name="staff_login", **login_io).success(**after_login)  # type: ignore[arg-type]
            password.submit(staff_login, api_visibility="private", **login_io).success(  # type: ignore[arg-type]
                **after_login
            )
            logout.click(
                staff_logout,
                None,
                [staff_state, staff_status, login_box, desk],
                api_name="staff_logout",
            )
            update_ids = {
                "fn": source_ids,
                "inputs": staff_state,
                "outputs": remove_id,
                "api_visibility": "private",
            }
            staff_out = [report, sources_table]
            reload_btn.click(
                staff_sources, staff_state, sources_table, api_name="staff_sources"
            ).success(**update_ids)
            add_url.click(
                staff_add_url, [url_box, staff_state], staff_out, api_name="staff_add_url"
            ).success(**update_ids)
            add_file.click(
                staff_add_file, [upload, staff_state], staff_out, api_name="staff_add_file"
            ).success(**update_ids)
            refresh.click(staff_refresh, staff_state, staff_out, api_name="staff_refresh").success(
                **update_ids
            )
            remove.click(
                staff_remove, [remove_id, staff_state], staff_out, api_name="staff_remove"
            ).success(**update_ids)
    return app


# --- look ------------------------------------------------------------------------------------

THEME = gr.themes.Soft(
    primary_hue=gr.themes.colors.blue,
    secondary_hue=gr.themes.colors.sky,
    neutral_hue=gr.themes.colors.slate,
    font=[gr.themes.LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=[gr.themes.LocalFont("IBM Plex Mono"), "ui-monospace", "monospace"],
    radius_size=gr.themes.sizes.radius_md,
).set(
    body_background_fill="#f5f7fb",
    block_label_background_fill="transparent",
    block_label_text_color="*neutral_600",
    block_title_background_fill="transparent",
    block_title_text_color="*neutral_700",
    button_primary_background_fill="*primary_600",
    button_primary_background_fill_hover="*primary_700",
    button_primary_text_color="white",
    block_border_width="1px",
    block_shadow="0 1px 2px rgba(15, 23, 42, 0.06)",
)

CSS = """
.gradio-container { max-width: 1320px !important; margin: 0 auto !important; }
.ph-header { display: flex; gap: 16px; align-items: center; padding: 18px 22px;
  border-radius: 12px; color: #fff;
  background: linear-gradient(120deg, #0b3d91 0%, #1565c0 55%, #0e7490 100%); }
.ph-header h1 { margin: 0 0 4px 0; font-size: 1.45rem; font-weight: 600; color: #fff; }
.ph-header p { margin: 0; opacity: .9; font-size: .95rem; color: #e6efff; }
.ph-logo { flex: none; width: 46px; height: 46px; border-radius: 10px; display: grid;
  place-items: center; font-weight: 700; letter-spacing: .5px; color: #0b3d91;
  background: #fff; }
.ph-note { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: .85em;
  font-weight: 600; color: #92400e; background: #fef3c7; border: 1px solid #fcd34d; }
#ph-chatbot a { font-weight: 600; color: #1565c0; text-decoration: none; }
#ph-chatbot a:hover { text-decoration: underline; }
.ph-actions { align-items: center; }
.ph-thanks { color: #15803d; font-size: .9rem; }
.ph-sources { font-size: .92rem; line-height: 1.45; }
.ph-sources-head { font-weight: 600; font-size: 1rem; margin: 2px 2px 10px 2px;
  color: #0f172a; }
.ph-count { font-weight: 400; font-size: .8rem; color: #475569; margin-left: 6px; }
.ph-count-warn { color: #92400e; }
.ph-empty p { color: #64748b; margin: 4px 2px; }
.ph-source { border: 1px solid #e2e8f0; border-left: 4px solid #cbd5e1; border-radius: 8px;
  padding: 10px 12px; margin-bottom: 10px; background: #fff; }
.ph-source.ph-cited { border-left-color: #1565c0; }
.ph-source:target { box-shadow: 0 0 0 2px #93c5fd; }
.ph-source-head { display: flex; gap: 8px; align-items: baseline; }
.ph-num { flex: none; display: inline-grid; place-items: center; min-width: 22px; height: 22px;
  border-radius: 6px; background: #e0e7ff; color: #1e3a8a; font-weight: 700;
  font-size: .8rem; }
.ph-title { font-weight: 600; color: #0f172a; }
.ph-title a { color: #0b3d91; text-decoration: none; }
.ph-title a:hover { text-decoration: underline; }
.ph-meta { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 6px 30px;
  font-size: .78rem; color: #64748b; }
.ph-badge { padding: 0 7px; border-radius: 999px; background: #f1f5f9; color: #334155;
  border: 1px solid #e2e8f0; font-size: .76rem; }
.ph-badge-cited { background: #dbeafe; color: #1e40af; border-color: #bfdbfe; }
.ph-passage { white-space: pre-line; color: #334155; margin-left: 30px; }
.ph-passage mark { background: #fef08a; color: #0f172a; padding: 0 2px; border-radius: 3px; }
.ph-more { margin-left: 30px; color: #475569; }
.ph-more .ph-passage { margin-left: 0; }
.ph-more summary { cursor: pointer; font-size: .82rem; }
.ph-sources a, .ph-partners a { padding: 0 !important; }
#ph-directory, #ph-directory *, #ph-staff-sources, #ph-staff-sources * {
  font-family: 'IBM Plex Sans', ui-sans-serif, system-ui, sans-serif !important; }
.ph-full { margin-top: 4px; font-size: .85rem; }
.ph-full summary { cursor: pointer; color: #475569; }
.ph-full .ph-passage { margin: 4px 0 0 0; }
.ph-partners { list-style: none; padding: 0; margin: 8px 0; }
.ph-partner { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 12px;
  margin-bottom: 10px; background: #fff; }
.ph-partner-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.ph-city { color: #475569; font-size: .85rem; }
.ph-site { font-size: .85rem; }
.ph-domains { color: #475569; font-size: .85rem; margin: 4px 0 0 30px; }
.ph-partner blockquote.ph-passage { border-left: 3px solid #bfdbfe; padding-left: 10px;
  margin: 8px 0 4px 30px; }
.ph-from { margin-left: 30px; font-size: .8rem; color: #64748b; }
.ph-login { max-width: 420px; }
.ph-report-head { font-weight: 600; margin: 6px 0; }
.ph-report-table { width: 100%; border-collapse: collapse; font-size: .88rem; }
.ph-report-table, .ph-report-table thead, .ph-report-table tbody, .ph-report-table tr {
  border: none !important; }
.ph-dir-row { align-items: flex-end; }
.ph-partner-box { margin-top: 14px; padding: 4px 14px 14px 14px; border-radius: 10px;
  border: 1px solid #dbe3ef; background: #fff; }
#ph-remove { color: #b91c1c; }
.ph-report-table th, .ph-report-table td { text-align: left; padding: 5px 8px !important;
  border: none !important; border-bottom: 1px solid #e2e8f0 !important; vertical-align: top;
  background: #fff; }
.ph-report-table th { background: #f8fafc; font-weight: 600; }
.ph-report { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 12px;
  background: #fff; }
.ph-status { padding: 0 8px; border-radius: 999px; font-size: .8rem; font-weight: 600; }
.ph-status-added { background: #dcfce7; color: #166534; }
.ph-status-updated { background: #dbeafe; color: #1e40af; }
.ph-status-unchanged { background: #f1f5f9; color: #475569; }
.ph-status-removed { background: #fef3c7; color: #92400e; }
.ph-status-failed { background: #fee2e2; color: #991b1b; }
"""
