"""The Staff desk's layout and events.

In the page, nothing raises: a wrong password, a bad URL or a failed removal shows as a dismissible
message beside the control that caused it (``ui/alerts.py``), and the form, the table and the
last report stay as they were; an address the run refused (a private one, a page not found) is
said there too, in a sentence (``ui/render_staff.py``). Removing a source asks for confirmation
in the page first. The page's table is HTML (titles, where each source comes from, what its last
run did; no server path); the API's table (ids, locations) is a hidden DataFrame.

A sign-in is kept in the browser: a token the server signed and that expires with the session
(:meth:`StaffAuth.token`), resumed on page load, revoked and forgotten on sign-out.

Each action is one handler of :class:`ui.staff_actions.StaffActions` returning a result; the page's
events here and the API endpoints (``/staff_login``, ``/staff_sources``, ``/staff_add_url``,
``/staff_add_file``, ``/staff_refresh``, ``/staff_remove``: events of hidden buttons, since their
outputs differ from the page's and they need the session's state) are thin adapters over it, so
API callers still get an error to catch; ``/staff_history`` is the history button's own event.
``/staff_logout`` is the Sign out button's own event.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui.alerts import alert, alert_box
from ui.common import table
from ui.render import esc
from ui.render_staff import row_label, sources_table_html
from ui.staff_actions import (
    HISTORY_HEADERS,
    SOURCE_HEADERS,
    UPLOAD_TYPES,
    StaffActions,
    StaffResult,
    client_key,
    progress_callback,
)

TOKEN_KEY = "paris-health-staff-session"
# BrowserState's own encryption key; the token inside is signed by the server (StaffAuth)
TOKEN_SECRET = "paris-health-staff-session-store"  # noqa: S105 - not a credential


def menu(result: StaffResult) -> Any:
    """The "Source" menu: the removable sources of the result's listing (read once)."""
    if result.listing is None:
        return gr.update()
    return gr.update(choices=result.listing.removable, value=None)


def page_outputs(result: StaffResult) -> tuple[Any, ...]:
    """(report, table, source menu, message): the result, or its refusal beside the control
    with nothing else changed; a refusal the run found (an address not added) is said beside
    the control too."""
    if result.error:
        return gr.skip(), gr.skip(), gr.skip(), alert(result.error)
    result.notify()
    return result.report, result.table_html(), menu(result), alert(result.inline)


class StaffLayout:
    """The Staff desk tab over :class:`StaffActions`'s handlers."""

    def __init__(self, tab: StaffActions) -> None:
        self.tab = tab

    # --- page adapters: never raise, a message beside the control instead ----------------------
    def page_login(
        self, username: str, password: str, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Signed in: the desk; refused (or throttled): the form stays, the password is cleared,
        a message."""
        result = self.tab.login(username, password, client_key(request))
        if result.error:
            return (*[gr.skip()] * 5, "", gr.skip(), alert(result.error), gr.skip())
        result.notify()
        hide, show = gr.update(visible=False), gr.update(visible=True)
        token = self.tab.auth.token(result.session)  # kept by the browser: a reload signs in
        shown = (result.session, result.status, hide, show, result.table_html())
        return (*shown, "", menu(result), "", token)

    def page_resume(self, token: Any) -> tuple[Any, ...]:
        """On page load: the session of the browser's token, while it is open and not signed
        out (the desk shown); else the sign-in form, and a stale token forgotten."""
        session = self.tab.auth.resume(token)
        if session is None:
            return (*[gr.skip()] * 6, "" if token else gr.skip())
        result = self.tab.sources(session)
        hide, show = gr.update(visible=False), gr.update(visible=True)
        status = "Signed in (this browser stays signed in until you sign out or it expires)."
        return session, status, hide, show, result.table_html(), menu(result), gr.skip()

    def forget_token(self, token: Any) -> str:
        """Signed out: the token no longer resumes (server side), and the browser forgets it."""
        self.tab.auth.revoke(token)
        return ""

    def page_add_url(self, url: str, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return page_outputs(self.tab.add_url(url, logged_in, progress_callback(progress)))

    def page_add_file(
        self,
        upload: Any,
        logged_in: Any,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Any:
        return page_outputs(self.tab.add_file(upload, logged_in, progress_callback(progress)))

    def page_refresh(self, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return page_outputs(self.tab.refresh(logged_in, progress_callback(progress)))

    def page_reload(self, logged_in: Any) -> Any:
        return page_outputs(self.tab.sources(logged_in))[1:]

    def ask_remove(self, source_id: str, logged_in: Any) -> tuple[Any, ...]:
        """The confirmation row for the chosen source, or a message when none is chosen."""
        if not self.tab.auth.session_valid(logged_in):
            return gr.update(visible=False), "", alert("Sign in first.")
        rows = {r.source.id: r for r in self.tab.corpus.sources()}
        row = rows.get((source_id or "").strip())
        if row is None:
            return gr.update(visible=False), "", alert("Choose the source to remove.")
        if row.seed:
            return gr.update(visible=False), "", alert("Seed sources are kept (use the CLI).")
        text = (
            f'<div class="ph-confirm-text">Remove <strong>{esc(row_label(row))}</strong>?'
            " Its passages leave the index; adding it again fetches it anew.</div>"
        )
        return gr.update(visible=True), text, ""

    def page_remove(self, source_id: str, logged_in: Any) -> tuple[Any, ...]:
        hide = gr.update(visible=False)
        return (*page_outputs(self.tab.remove(source_id, logged_in)), hide)

    # --- layout ------------------------------------------------------------------------------
    def browser_state(self) -> None:
        """The session's token, kept in the browser; made outside the tabs (a component in a tab
        not shown yet reads its stored value only once the tab is opened: too late for load)."""
        self.token = gr.BrowserState("", storage_key=TOKEN_KEY, secret=TOKEN_SECRET)

    def build(self, signed_in: gr.State) -> None:
        self.signed_in = signed_in
        with gr.Tab("Staff desk", id="staff"):
            with gr.Column(visible=True, elem_classes="ph-login") as self.login_box:
                gr.Markdown("### Staff sign-in\nManage the sources of the corpus.")
                self.username = gr.Textbox(label="Username", max_lines=1)
                self.password = gr.Textbox(label="Password", type="password", max_lines=1)
                self.login = gr.Button("Sign in", variant="primary", elem_id="ph-sign-in")
                self.login_alert = alert_box("ph-login-alert")
            self.status = gr.Markdown("", label="Status")
            with gr.Column(visible=False) as self.desk:
                self._table()
                self._actions()
                self.report = gr.HTML(
                    "", js_on_load=None, label="Report", elem_id="ph-staff-report"
                )
                with gr.Accordion("Refresh history", open=False):
                    self.show_history = gr.Button("Show refresh history", size="sm")
                    self.history = gr.DataFrame(
                        value=table(HISTORY_HEADERS, []), interactive=False, wrap=True
                    )
            self._api_buttons()
        self._wire_page()
        self._wire_api()

    def _table(self) -> None:
        with gr.Row():
            gr.Markdown("### Sources")
            self.reload = gr.Button("Reload list", size="sm", scale=0, min_width=120)
            self.logout = gr.Button("Sign out", size="sm", scale=0, min_width=100)
        self.sources_html = gr.HTML(
            sources_table_html([]),
            js_on_load=None,
            label="Sources",
            elem_id="ph-staff-sources",
            max_height=420,
        )
        self.table_alert = alert_box("ph-table-alert")

    def _actions(self) -> None:
        with gr.Row(equal_height=False):
            with gr.Column():
                gr.Markdown("#### Add a web page")
                self.url = gr.Textbox(
                    show_label=False, placeholder="https://example.org/page", elem_id="ph-url"
                )
                self.add_url = gr.Button("Add URL", variant="primary", elem_id="ph-add-url")
                self.url_alert = alert_box("ph-url-alert")
            with gr.Column():
                gr.Markdown("#### Upload a file (HTML, txt, md, directory CSV)")
                self.upload = gr.File(
                    show_label=False, file_types=UPLOAD_TYPES, type="filepath", height=110
                )
                self.add_file = gr.Button("Add file", variant="primary")
                self.file_alert = alert_box("ph-file-alert")
            with gr.Column():
                gr.Markdown("#### Refresh or remove")
                self.refresh = gr.Button("Refresh all sources", variant="primary")
                self.remove_id = gr.Dropdown(
                    [], label="Source added here", allow_custom_value=True, elem_id="ph-remove-id"
                )
                self.remove = gr.Button("Remove source", variant="stop", elem_id="ph-remove")
                with gr.Column(visible=False, elem_classes="ph-confirm") as self.confirm:
                    self.confirm_text = gr.HTML("", js_on_load=None)
                    with gr.Row():
                        self.confirm_yes = gr.Button(
                            "Yes, remove", variant="stop", size="sm", elem_id="ph-remove-yes"
                        )
                        self.confirm_no = gr.Button("Cancel", size="sm", elem_id="ph-remove-no")
                self.remove_alert = alert_box("ph-remove-alert")

    def _api_buttons(self) -> None:
        """Hidden: the API endpoints' own events (they raise errors for API callers)."""
        with gr.Row(visible=False):
            self.api = {
                name: gr.Button(name, visible=False)
                for name in ("login", "sources", "add_url", "add_file", "refresh", "remove")
            }
            self.force = gr.Checkbox(False, label="force", visible=False)
            # the API's table (ids, server locations): the page shows ``sources_html``
            self.sources = gr.DataFrame(
                value=table(SOURCE_HEADERS, []), headers=SOURCE_HEADERS, visible=False
            )

    def on_load(self, app: gr.Blocks) -> None:
        """A reload keeps a signed-in desk: the browser's token resumed (:meth:`page_resume`)."""
        outputs = [self.signed_in, self.status, self.login_box, self.desk, self.sources_html]
        outputs += [self.remove_id, self.token]
        app.load(self.page_resume, self.token, outputs, api_visibility="private")

    # --- events ------------------------------------------------------------------------------
    def _wire_page(self) -> None:
        private: dict[str, Any] = {"api_visibility": "private"}
        state, ids = self.signed_in, self.remove_id
        login_out = [
            self.signed_in,
            self.status,
            self.login_box,
            self.desk,
            self.sources_html,
            self.password,
            ids,
            self.login_alert,
            self.token,
        ]
        for trigger in (self.login.click, self.password.submit):
            trigger(self.page_login, [self.username, self.password], login_out, **private)
        self.logout.click(
            self.tab.staff_logout,
            None,
            [self.signed_in, self.status, self.login_box, self.desk],
            api_name="staff_logout",
        ).then(self.forget_token, self.token, self.token, **private)
        reload_out = [self.sources_html, ids, self.table_alert]
        self.reload.click(self.page_reload, state, reload_out, **private)
        for button, fn, inputs, box in (
            (self.add_url, self.page_add_url, [self.url, state], self.url_alert),
            (self.add_file, self.page_add_file, [self.upload, state], self.file_alert),
            (self.refresh, self.page_refresh, [state], self.table_alert),
        ):
            button.click(fn, inputs, [self.report, self.sources_html, ids, box], **private)
        confirm_out = [self.confirm, self.confirm_text, self.remove_alert]
        self.remove.click(self.ask_remove, [ids, state], confirm_out, **private)
        self.confirm_no.click(lambda: gr.update(visible=False), None, self.confirm, **private)
        self.confirm_yes.click(
            self.page_remove,
            [ids, state],
            [self.report, self.sources_html, ids, self.remove_alert, self.confirm],
            **private,
        )

    def _wire_api(self) -> None:
        tab, state, api = self.tab, self.signed_in, self.api
        api["login"].click(
            tab.staff_login,
            [self.username, self.password],
            [self.signed_in, self.status, self.login_box, self.desk, self.sources],
            api_name="staff_login",
        )
        api["sources"].click(tab.staff_sources, state, self.sources, api_name="staff_sources")
        self.show_history.click(tab.staff_history, state, self.history, api_name="staff_history")
        out = [self.report, self.sources]
        for name, fn, inputs in (
            ("add_url", tab.staff_add_url, [self.url, state]),
            ("add_file", tab.staff_add_file, [self.upload, state]),
            ("refresh", tab.staff_refresh, [state]),
            ("remove", tab.staff_remove, [self.remove_id, state, self.force]),
        ):
            api[name].click(fn, inputs, out, api_name=f"staff_{name}")
