"""The Staff desk tab (only when staff credentials are set): sign in, then list, add, refresh and
remove the sources of the corpus.

Endpoints: ``/staff_login``, ``/staff_logout``, ``/staff_sources``, ``/staff_add_url``,
``/staff_add_file``, ``/staff_refresh`` and ``/staff_remove`` (see ``ui/app.py``). The login is a
per-session ``gr.State``; every staff endpoint checks it on the server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.services import CorpusService, StaffAuth
from assistant.services.staff import LoginRefused
from ui import render
from ui.common import error, one_line, table
from ui.render_staff import report_html

if TYPE_CHECKING:
    from ingest.report import IngestReport

log = logging.getLogger(__name__)

SOURCE_HEADERS = ["id", "kind", "status", "last fetch", "location", "reason"]
HISTORY_HEADERS = ["started", "trigger", "outcome", "summary", "changes"]
UPLOAD_TYPES = [".html", ".htm", ".txt", ".md", ".csv"]  # what the file picker offers
LOGIN_REQUIRED = "Login required: sign in on the Staff desk tab first."
TITLE = "Staff desk"


def require_login(logged_in: Any, auth: StaffAuth) -> None:
    """Server-side guard of every staff endpoint: the per-session state set by the login, a
    session that expires (``staff_session_s``)."""
    if not auth.session_valid(logged_in):
        raise error(LOGIN_REQUIRED, title=TITLE)


def client_key(request: gr.Request | None) -> str:
    """Whom failed sign-ins are counted against: the client's address."""
    client = getattr(request, "client", None)
    return str(getattr(client, "host", "") or "")


def progress_callback(progress: gr.Progress) -> Callable[[int, int, str], None]:
    """The corpus service's progress reports shown on Gradio's progress bar."""

    def update(done: int, total: int, label: str) -> None:
        if total <= 0:
            progress(1.0, desc="Done")
        else:
            desc = f"Ingesting {label}" if label else "Finishing"
            progress((done, total), desc=desc, unit="sources")

    return update


def upload_path(upload: Any) -> Path:
    """The server-side path of a ``gr.File`` value (a path string or a file object)."""
    return Path(upload if isinstance(upload, str) else getattr(upload, "name", str(upload)))


class StaffTab:
    """The handlers of the Staff desk over the corpus service and the staff sign-in, and its
    layout. The parameter names of the handlers are those of the API endpoints."""

    def __init__(self, corpus: CorpusService, auth: StaffAuth) -> None:
        self.corpus = corpus
        self.auth = auth

    # --- handlers: session -----------------------------------------------------------------
    def staff_login(
        self, username: str, password: str, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        try:
            session = self.auth.login(username, password, client_key(request))
        except LoginRefused as exc:
            raise error(str(exc), title=TITLE) from exc
        gr.Info("Signed in to the staff desk.")
        status = f"Signed in as **{render.md_text(username)}**."
        return session, status, gr.update(visible=False), gr.update(visible=True), self.table()

    def staff_logout(self) -> tuple[Any, ...]:
        return False, "Signed out.", gr.update(visible=True), gr.update(visible=False)

    def table(self) -> dict[str, Any]:
        """The sources of the corpus with their ingest state."""
        rows = []
        for row in self.corpus.sources():
            reason = row.state.reason if row.state else ""
            source = row.source
            status, fetched = row.status, row.last_fetch
            rows.append([source.id, source.kind, status, fetched, source.location, reason])
        return table(SOURCE_HEADERS, rows)

    def removable_ids(self, logged_in: Any) -> Any:
        """The choices of the "Source id" menu: the sources staff may remove (not the seed ones
        of the tracked manifest); nothing for a session not signed in."""
        if not self.auth.session_valid(logged_in):
            return gr.update()
        try:
            return gr.update(choices=[r.source.id for r in self.corpus.sources() if not r.seed])
        except Exception:  # noqa: BLE001 - the table shows the error
            return gr.update()

    def staff_history(self, logged_in: Any) -> dict[str, Any]:
        """The latest refreshes (manual, scheduled, CLI) with what each changed."""
        require_login(logged_in, self.auth)
        runs = self.corpus.history()
        rows = [[r.started, r.trigger, r.outcome, r.summary, r.changes] for r in runs]
        return table(HISTORY_HEADERS, rows)

    # --- handlers: sources -----------------------------------------------------------------
    def staff_sources(self, logged_in: Any) -> dict[str, Any]:
        require_login(logged_in, self.auth)
        return self.table()

    def staff_add_url(self, url: str, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        require_login(logged_in, self.auth)
        url = (url or "").strip()
        if not render.safe_url(url):
            raise error("Give an absolute http:// or https:// URL.", title=TITLE)
        on_progress = progress_callback(progress)
        return self._run(
            "Add URL",
            lambda: self.corpus.add_urls([url], progress=on_progress, public_only=True),
        )

    def staff_add_file(
        self,
        upload: Any,
        logged_in: Any,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Any:
        """The file is added under its own name (the upload has a temporary one)."""
        require_login(logged_in, self.auth)
        if not upload:
            raise error("Choose a file to upload first.", title=TITLE)
        path = upload_path(upload)
        on_progress = progress_callback(progress)
        return self._run(
            "Add file", lambda: self.corpus.add_upload(path, path.name, progress=on_progress)
        )

    def staff_refresh(self, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        require_login(logged_in, self.auth)
        on_progress = progress_callback(progress)
        return self._run("Refresh", lambda: self.corpus.refresh(progress=on_progress))

    def staff_remove(self, source_id: str, logged_in: Any) -> Any:
        require_login(logged_in, self.auth)
        source_id = (source_id or "").strip()
        if not source_id:
            raise error("Choose the id of the source to remove.", title=TITLE)
        return self._run("Remove", lambda: self.corpus.remove(source_id))

    def _run(self, action: str, call: Callable[[], IngestReport]) -> tuple[str, Any]:
        """Run a corpus operation: its report (and a toast), and the sources table after it."""
        try:
            report = call()
        except Exception as exc:
            if not isinstance(exc, ValueError) and type(exc).__name__ != "IngestError":
                log.exception("%s failed", action)
            raise error(f"{action} failed: {one_line(exc)}", title=TITLE) from exc
        if report.failed:
            reasons = "; ".join(f"{i.source_id}: {i.reason}" for i in report.failed[:3])
            gr.Warning(render.esc(f"{len(report.failed)} source(s) failed: {reasons}"))
        else:
            gr.Info(render.esc(f"{action}: {report.summary()}"))
        return report_html(report, action), self.table()

    # --- layout ----------------------------------------------------------------------------
    def build(self, signed_in: gr.State) -> None:
        """The tab and its events; ``signed_in`` is the per-session login state."""
        self.signed_in = signed_in
        with gr.Tab("Staff desk", id="staff"):
            with gr.Column(visible=True, elem_classes="ph-login") as self.login_box:
                gr.Markdown("### Staff sign-in\nManage the sources of the corpus.")
                self.username = gr.Textbox(label="Username", max_lines=1)
                self.password = gr.Textbox(label="Password", type="password", max_lines=1)
                self.login = gr.Button("Sign in", variant="primary")
            self.status = gr.Markdown("", label="Status")
            with gr.Column(visible=False) as self.desk:
                with gr.Row():
                    gr.Markdown("### Sources")
                    self.reload = gr.Button("Reload list", size="sm", scale=0, min_width=120)
                    self.logout = gr.Button("Sign out", size="sm", scale=0, min_width=100)
                self.sources = gr.DataFrame(
                    value=table(SOURCE_HEADERS, []),
                    headers=SOURCE_HEADERS,
                    interactive=False,
                    wrap=True,
                    max_height=360,
                    label="Sources",
                    elem_id="ph-staff-sources",
                )
                self._actions()
                self.report = gr.HTML(
                    "", js_on_load=None, label="Report", elem_id="ph-staff-report"
                )
                with gr.Accordion("Refresh history", open=False):
                    self.show_history = gr.Button("Show refresh history", size="sm")
                    self.history = gr.DataFrame(
                        value=table(HISTORY_HEADERS, []), interactive=False, wrap=True
                    )
        self._wire_session()
        self._wire_sources()

    def _actions(self) -> None:
        with gr.Row(equal_height=False):
            with gr.Column():
                gr.Markdown("#### Add a web page")
                self.url = gr.Textbox(show_label=False, placeholder="https://example.org/page")
                self.add_url = gr.Button("Add URL", variant="primary")
            with gr.Column():
                gr.Markdown("#### Upload a file (HTML, txt, md, directory CSV)")
                self.upload = gr.File(
                    show_label=False, file_types=UPLOAD_TYPES, type="filepath", height=110
                )
                self.add_file = gr.Button("Add file", variant="primary")
            with gr.Column():
                gr.Markdown("#### Refresh or remove")
                self.refresh = gr.Button("Refresh all sources", variant="primary")
                self.remove_id = gr.Dropdown([], label="Source id", allow_custom_value=True)
                self.remove = gr.Button("Remove source", variant="stop", elem_id="ph-remove")

    # --- events ----------------------------------------------------------------------------
    def _wire_session(self) -> None:
        after_login: dict[str, Any] = {
            "fn": self.after_login,
            "inputs": self.signed_in,
            "outputs": [self.password, self.remove_id],
            "api_visibility": "private",
        }
        login_io: dict[str, Any] = {
            "inputs": [self.username, self.password],
            "outputs": [self.signed_in, self.status, self.login_box, self.desk, self.sources],
        }
        self.login.click(self.staff_login, api_name="staff_login", **login_io).success(
            **after_login
        )
        self.password.submit(self.staff_login, api_visibility="private", **login_io).success(
            **after_login
        )
        self.logout.click(
            self.staff_logout,
            None,
            [self.signed_in, self.status, self.login_box, self.desk],
            api_name="staff_logout",
        )

    def after_login(self, logged_in: Any) -> tuple[str, Any]:
        """Clear the password box and fill the "Source id" menu."""
        return "", self.removable_ids(logged_in)

    def _wire_sources(self) -> None:
        update_ids: dict[str, Any] = {
            "fn": self.removable_ids,
            "inputs": self.signed_in,
            "outputs": self.remove_id,
            "api_visibility": "private",
        }
        state, out = self.signed_in, [self.report, self.sources]
        self.show_history.click(self.staff_history, state, self.history, api_name="staff_history")
        self.reload.click(
            self.staff_sources, state, self.sources, api_name="staff_sources"
        ).success(**update_ids)
        for button, fn, inputs, name in (
            (self.add_url, self.staff_add_url, [self.url, state], "staff_add_url"),
            (self.add_file, self.staff_add_file, [self.upload, state], "staff_add_file"),
            (self.refresh, self.staff_refresh, [state], "staff_refresh"),
            (self.remove, self.staff_remove, [self.remove_id, state], "staff_remove"),
        ):
            button.click(fn, inputs, out, api_name=name).success(**update_ids)
