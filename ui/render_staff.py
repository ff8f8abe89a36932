"""HTML for the Staff desk: the report of an ingest (add, refresh, remove).

Pure functions, no Gradio; every string is escaped with ``ui/render.py``'s :func:`esc`.
"""

from __future__ import annotations

from typing import Any

from ingest.report import detail as report_detail
from ui.render import esc


def report_html(report: Any, action: str = "Refresh") -> str:
    """An ingest report (``IngestReport``): the summary line and one row per source, with the
    same words as ``paris-health ingest`` prints (:func:`ingest.report.detail`)."""
    rows = []
    for item in report.items:
        detail = report_detail(item)  # the words of the command line's report line
        rows.append(
            f'<tr><td><span class="ph-status ph-status-{esc(item.status)}">{esc(item.status)}'
            f"</span></td><td><code>{esc(item.source_id)}</code></td>"
            f"<td>{esc(item.location)}</td><td>{esc(detail)}</td></tr>"
        )
    table = (
        '<table class="ph-report-table"><thead><tr><th>Status</th><th>Source</th>'
        f"<th>Location</th><th>Details</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No source to process.</p>"
    )
    return (
        f'<div class="ph-report"><div class="ph-report-head">{esc(action)}: '
        f"{esc(report.summary())}</div>{table}</div>"
    )


def source_label(source: Any) -> str:
    """How a source is named to staff: its title, else its web address or file name."""
    if getattr(source, "title", None):
        return str(source.title)
    location = str(getattr(source, "location", "") or "")
    if location.startswith(("http://", "https://")):
        return location.split("://", 1)[1].removeprefix("www.").rstrip("/")
    return location.replace("\\", "/").rsplit("/", 1)[-1] or str(getattr(source, "id", ""))
