"""The Staff desk tab (only when staff credentials are set): sign in, then list, add, refresh and
remove the sources of the corpus.

One handler per action (``login``, ``sources``, ``add_url``, ``add_file``, ``refresh``,
``remove``) returns a :class:`StaffResult`: a refusal, or the report and the source list read once
after it. Two thin adapters turn it into outputs: the API endpoints' (``staff_login``,
``staff_sources``, ``staff_add_url``, ``staff_add_file``, ``staff_refresh``, ``staff_remove``
here: a refusal raises ``gr.Error``; see ``ui/app.py``) and the page's (``ui/staff_layout.py``:
the message beside the control, the "Source" menu updated). Every action checks the login.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.services import CorpusService, StaffAuth
from assistant.services.staff import LoginRefused
from ingest.models import IngestError
from ui import render
from ui.common import error, one_line, table
from ui.render_staff import (
    item_label,
    plain_reason,
    refusal_sentence,
    report_html,
    row_label,
    sources_table_html,
)

if TYPE_CHECKING:
    from ingest.report import IngestReport

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None] | None

SOURCE_HEADERS = ["id", "title", "kind", "status", "last fetch", "location", "reason"]
HISTORY_HEADERS = ["started", "trigger", "outcome", "summary", "changes"]
UPLOAD_TYPES = [".html", ".htm", ".txt", ".md", ".csv"]  # what the file picker offers
LOGIN_REQUIRED = "Login required: sign in on the Staff desk tab first."
NOT_A_URL = "Write the full web address, starting with http:// or https://."
TITLE = "Staff desk"


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


@dataclass(frozen=True)
class Listing:
    """The sources of the corpus, read once: the API's table, the page's (``html``: titles,
    plain words, no server path), each source's title by id (``names``) and the "Source"
    menu's choices (the sources staff may remove, not the seed ones of the tracked manifest,
    by title or location)."""

    table: dict[str, Any]
    removable: list[tuple[str, str]]
    html: str = ""
    names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StaffResult:
    """What a staff action did: a refusal (``error``, shown beside the control in the page,
    raised for API callers), or its report, the sources after it and a notice (a toast)."""

    error: str = ""
    report: str = ""
    listing: Listing | None = None
    session: Any = False
    status: str = ""
    notice: str = ""
    warning: bool = False
    inline: str = ""  # a refusal the run found (an address not added), beside the field too

    def table(self) -> dict[str, Any]:
        return self.listing.table if self.listing else table(SOURCE_HEADERS, [])

    def table_html(self) -> str:
        return self.listing.html if self.listing else sources_table_html([])

    def notify(self) -> None:
        """The notice as a toast."""
        if self.notice:
            (gr.Warning if self.warning else gr.Info)(render.esc(self.notice))

    def raise_or_notify(self) -> None:
        """For API callers: the refusal as a ``gr.Error``; else the notice as a toast."""
        if self.error:
            raise error(self.error, title=TITLE)
        self.notify()


class StaffActions:
    """The Staff desk's actions over the corpus service and the staff sign-in, and their API
    adapters (whose parameter names are those of the endpoints)."""

    def __init__(self, corpus: CorpusService, auth: StaffAuth) -> None:
        self.corpus = corpus
        self.auth = auth

    # --- actions: one each, a result, never raising for a refusal -----------------------------
    def login(self, username: str, password: str, client: str) -> StaffResult:
        try:
            session = self.auth.login(username, password, client)
        except LoginRefused as exc:
            return StaffResult(error=str(exc))
        return StaffResult(
            session=session,
            status=f"Signed in as **{render.md_text(username)}**.",
            listing=self.listing(),
            notice="Signed in to the staff desk.",
        )

    def sources(self, logged_in: Any) -> StaffResult:
        if not self.auth.session_valid(logged_in):
            return StaffResult(error=LOGIN_REQUIRED)
        return StaffResult(listing=self.listing())

    def add_url(self, url: str, logged_in: Any, progress: Progress = None) -> StaffResult:
        url = (url or "").strip()
        refused = "" if render.safe_url(url) else NOT_A_URL
        return self._run(
            logged_in,
            refused,
            "Add URL",
            lambda: self.corpus.add_urls([url], progress=progress, public_only=True),
        )

    def add_file(self, upload: Any, logged_in: Any, progress: Progress = None) -> StaffResult:
        """The file is added under its own name (the upload has a temporary one, deleted once
        read, whatever the outcome)."""
        path = upload_path(upload) if upload else None
        try:
            if path is None:
                return self._run(logged_in, "Choose a file to upload first.", "Add file", None)
            file = path
            return self._run(
                logged_in,
                "",
                "Add file",
                lambda: self.corpus.add_upload(file, file.name, progress=progress),
            )
        finally:
            discard_upload(path)

    def refresh(self, logged_in: Any, progress: Progress = None) -> StaffResult:
        return self._run(logged_in, "", "Refresh", lambda: self.corpus.refresh(progress=progress))

    def remove(self, source_id: str, logged_in: Any, force: bool = False) -> StaffResult:
        """Remove a source added at run time; a seed source only with ``force``."""
        source_id = (source_id or "").strip()
        refused = "" if source_id else "Choose the source to remove."
        return self._run(
            logged_in,
            refused,
            "Remove",
            lambda: self.corpus.remove(source_id, force=bool(force)),
        )

    def listing(self) -> Listing:
        """The sources of the corpus with their ingest state: one read."""
        rows, removable, names = [], [], {}
        listed = self.corpus.sources()
        for row in listed:
            source = row.source
            reason = row.state.reason if row.state else ""
            label = names[source.id] = row_label(row)
            rows.append(
                [source.id, label, source.kind, row.status, row.last_fetch, source.location, reason]
            )
            if not row.seed:
                removable.append((label, source.id))
        html = sources_table_html(listed)
        return Listing(table(SOURCE_HEADERS, rows), removable, html, names)

    def _run(
        self,
        logged_in: Any,
        refused: str,
        action: str,
        call: Callable[[], IngestReport] | None,
    ) -> StaffResult:
        """A corpus operation, once signed in and its input valid: its report (and a notice),
        and the sources after it."""
        if not self.auth.session_valid(logged_in):
            return StaffResult(error=LOGIN_REQUIRED)
        if refused or call is None:
            return StaffResult(error=refused)
        try:
            report = call()
        except Exception as exc:
            if not isinstance(exc, ValueError | IngestError):  # expected: one line, no trace
                log.exception("%s failed", action)
            return StaffResult(error=f"{action} failed: {one_line(exc)}")
        listing = self.listing()
        if report.failed:
            reasons = " ".join(
                f"{item_label(i, listing.names)}: {plain_reason(i.reason)}"
                for i in report.failed[:3]
            )
            notice, warning = f"{len(report.failed)} source(s) failed. {reasons}", True
        else:
            notice, warning = f"{action}: {report.summary()}", False
        return StaffResult(
            report=report_html(report, action, listing.names),
            listing=listing,
            notice=notice,
            warning=warning,
            inline=refusal_sentence(report) if action == "Add URL" else "",
        )

    # --- API adapters: a refusal raises for the caller ----------------------------------------
    def staff_login(
        self, username: str, password: str, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        result = self.login(username, password, client_key(request))
        result.raise_or_notify()
        hide, show = gr.update(visible=False), gr.update(visible=True)
        return result.session, result.status, hide, show, result.table()

    def staff_logout(self) -> tuple[Any, ...]:
        return False, "Signed out.", gr.update(visible=True), gr.update(visible=False)

    def staff_history(self, logged_in: Any) -> dict[str, Any]:
        """The latest refreshes (manual, scheduled, CLI) with what each changed."""
        if not self.auth.session_valid(logged_in):
            raise error(LOGIN_REQUIRED, title=TITLE)
        runs = self.corpus.history()
        rows = [[r.started, r.trigger, r.outcome, r.summary, r.changes] for r in runs]
        return table(HISTORY_HEADERS, rows)

    def staff_sources(self, logged_in: Any) -> dict[str, Any]:
        result = self.sources(logged_in)
        result.raise_or_notify()
        return result.table()

    def staff_add_url(self, url: str, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return api_outputs(self.add_url(url, logged_in, progress_callback(progress)))

    def staff_add_file(
        self,
        upload: Any,
        logged_in: Any,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Any:
        return api_outputs(self.add_file(upload, logged_in, progress_callback(progress)))

    def staff_refresh(self, logged_in: Any, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return api_outputs(self.refresh(logged_in, progress_callback(progress)))

    def staff_remove(self, source_id: str, logged_in: Any, force: bool = False) -> Any:
        return api_outputs(self.remove(source_id, logged_in, force))


def api_outputs(result: StaffResult) -> tuple[str, dict[str, Any]]:
    """(report, sources table) for an API caller; a refusal raised."""
    result.raise_or_notify()
    return result.report, result.table()
