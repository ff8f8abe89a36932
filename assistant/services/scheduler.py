"""The scheduled refresh of ``serve``: every ``refresh_every`` (e.g. ``24h``) a background thread
refreshes the sources through the corpus service, under the same ingest lock as a manual
refresh (a refresh already running makes this one ``skipped``), and the run lands in the staff
desk's refresh history."""

from __future__ import annotations

import logging
import threading

from assistant.services.corpus import CorpusService
from ingest.models import IngestError
from ingest.report import IngestReport

log = logging.getLogger(__name__)


class RefreshScheduler:
    """``start()`` a daemon thread that calls :meth:`run_once` every ``interval_s``;
    ``stop()`` ends it. The first refresh comes one interval after the start."""

    def __init__(self, corpus: CorpusService, interval_s: float) -> None:
        if interval_s <= 0:
            raise ValueError("the refresh interval must be positive")
        self.corpus = corpus
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> IngestReport | None:
        """One scheduled refresh: its report, or None when it was skipped or failed (the
        history says why). Never raises: the server keeps serving."""
        try:
            report = self.corpus.refresh(trigger="scheduled")
        except IngestError as exc:
            log.warning("scheduled refresh not run: %s", exc.reason)
            return None
        except Exception:
            log.exception("scheduled refresh failed")
            return None
        if report.changed or not report.ok:
            log.warning("scheduled refresh: %s", report.summary())
        return report

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="paris-health-refresh", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.run_once()
