"""The Staff desk tab (only when staff credentials are set): sign in, then list, add, refresh and
remove the sources of the corpus.

Endpoints: ``/staff_login``, ``/staff_logout``, ``/staff_sources``, ``/staff_add_url``,
``/staff_add_file``, ``/staff_refresh`` and ``/staff_remove`` (see ``ui/app.py``). The login is a
per-session ``gr.State``; every staff endpoint checks it on the server. The handlers here raise
``gr.Error`` for their API callers; the page's layout and events (errors shown beside the control,
confirmation before removal) are in ``ui/staff_page.py``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.services import CorpusService, StaffAuth
from assistant.services.staff import LoginRefused
from ui import render
from ui.common import error, one_line, table
from ui.render_staff import report_html, source_label

if TYPE_CHECKING:
    from ingest.report import IngestReport

log = logging.getLogger(__name__)

SOURCE_HEADERS = ["id", "title", "kind", "status", "last fetch", "location", "reason"]
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


def discard_upload(path: Path | None) -> None:
    """Delete a file Gradio's upload route saved (and its folder once empty) after use: nothing
    else is touched. What is never used goes with ``delete_cache`` (``ui/app.py``)."""
    if path is None:
        return
    folder = Path(gr.utils.get_upload_folder()).resolve()
    target = path.resolve()
    if folder not in target.parents:
        return
    target.unlink(missing_ok=True)
    if target.parent != folder:
        with contextlib.suppress(OSError):  # not empty (another upload): left to delete_cache
            target.parent.rmdir()


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
            rows.append(
                [
                    source.id,
                    source_label(source),
                    source.kind,
                    status,
                    fetched,
                    source.location,
                    reason,
                ]
            )
        return table(SOURCE_HEADERS, rows)

    def removable_ids(self, logged_in: Any) -> Any:
        """The choices of the "Source" menu: the sources staff may remove (not the seed ones of
        the tracked manifest), by title or location; nothing for a session not signed in."""
        if not self.auth.session_valid(logged_in):
            return gr.update()
        try:
            rows = [r for r in self.corpus.sources() if not r.seed]
        except Exception:  # noqa: BLE001 - the table shows the error
            return gr.update()
        return gr.update(choices=[(source_label(r.source), r.source.id) for r in rows], value=None)

    def removable_label(self, row: Any) -> str:
        return source_label(row.source)

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
        """The file is added under its own name (the upload has a temporary one, deleted once
        read, whatever the outcome)."""
        path = upload_path(upload) if upload else None
        try:
            require_login(logged_in, self.auth)
            if path is None:
                raise error("Choose a file to upload first.", title=TITLE)
            on_progress, file = progress_callback(progress), path
            return self._run(
                "Add file", lambda: self.corpus.add_upload(file, file.name, progress=on_progress)
            )
        finally:
            discard_upload(path)

    def staff_refresh(self, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        require_login(logged_in, self.auth)
        on_progress = progress_callback(progress)
        return self._run("Refresh", lambda: self.corpus.refresh(progress=on_progress))

    def staff_remove(self, source_id: str, logged_in: Any, force: bool = False) -> Any:
        """Remove a source added at run time; a seed source only with ``force``."""
        require_login(logged_in, self.auth)
        source_id = (source_id or "").strip()
        if not source_id:
            raise error("Choose the source to remove.", title=TITLE)
        return self._run("Remove", lambda: self.corpus.remove(source_id, force=bool(force)))

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
