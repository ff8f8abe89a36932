"""The keyword index follows the store: replicas that share one Chroma server.

Each ``serve`` keeps its keyword index (tantivy) in its own data directory, but the chunks live in
the shared store, and any process may write them (another replica's staff desk, a command-line
ingest). Every ingest gives the store a new index version (``VectorStore.refresh_version``); a
replica reads the version at most once per ``VERSION_TTL_S`` (one small request) and, when it
moved, catches up from the store: every chunk id the store holds (ids only, by pages) against
every id its keyword index holds, the missing chunks' texts and metadata read by id and added,
the gone ones deleted, then one commit (atomic: searches see the old index or the new one).
The keyword index's ids are kept between catch-ups while its commit stamp stays the same (read
again only after a commit by someone else: this data directory's own ingest).

Chunk ids are content hashes (``ingest/chunk.py``): an id held by both holds the same text, so
the diff of the two id sets is the whole work. A replica started on an empty data directory
builds its keyword index the same way, on a background thread; meanwhile retrieval answers from
Chroma alone (``dense.py`` falls back while the two counts differ).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ingest.lock import ingest_lock
from ingest.models import IngestError
from ingest.store.keyword_index import KeywordIndex
from ingest.store.vectorstore import READ_PAGE, VectorStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CatchUp:
    """What one catch-up did."""

    added: int
    deleted: int
    seconds: float
    version: str


class KeywordFollower:
    """Keeps ``keyword`` on the chunks of ``store`` (see the module's docstring)."""

    def __init__(self, store: VectorStore, keyword: KeywordIndex, data_dir: Path) -> None:
        self.store = store
        self.keyword = keyword
        self.data_dir = data_dir  # its ingest lock: one writer of the keyword index at a time
        self.synced: str | None = None  # the store's version the keyword index last matched
        self._lock = threading.Lock()
        self._known: tuple[int, set[str]] | None = None  # (keyword opstamp, its chunk ids)

    def follow(self) -> CatchUp | None:
        """Catch up when the store's version moved since the last catch-up (cheap otherwise:
        the version is read at most once per ``VERSION_TTL_S``). Never waits: while another
        thread catches up, or an ingest of this data directory writes the keyword index itself,
        it returns None at once and the question is answered with the index as it is."""
        version = self.store.version
        if version == self.synced or not self._lock.acquire(blocking=False):
            return None
        try:
            with ingest_lock(self.data_dir):
                return self._catch_up(version)
        except IngestError:  # an ingest here is writing both indexes: the next look catches up
            return None
        except Exception as exc:  # noqa: BLE001 - the store away: the question says so itself
            log.warning("keyword index not caught up: %s: %s", type(exc).__name__, exc)
            return None
        finally:
            self._lock.release()

    def start(self) -> threading.Thread:
        """Catch up on a background thread (a replica starting on an empty data directory)."""
        thread = threading.Thread(target=self.follow, name="keyword-follower", daemon=True)
        thread.start()
        return thread

    def _catch_up(self, version: str) -> CatchUp:
        started = time.perf_counter()
        in_store = self.store.ids()
        in_keyword = self._keyword_ids()
        missing = sorted(in_store - in_keyword)
        gone = in_keyword - in_store
        try:
            for page in _pages(missing, READ_PAGE):
                chunks = self.store.get(page)
                self.keyword.add(
                    [c.id for c in chunks], [c.text for c in chunks], [c.metadata for c in chunks]
                )
            self.keyword.delete(gone)
            self.keyword.commit()
        except BaseException:
            self.keyword.rollback()  # nothing half-written stays buffered for the next commit
            raise
        stamp = self.keyword.opstamp()
        self._known = None if stamp is None else (stamp, (in_keyword - gone).union(missing))
        self.synced = version
        done = CatchUp(len(missing), len(gone), time.perf_counter() - started, version)
        if missing or gone:
            log.info(
                "keyword index caught up with the store (version %s): %d chunks added, "
                "%d deleted in %.2f s",
                version,
                done.added,
                done.deleted,
                done.seconds,
            )
        return done

    def _keyword_ids(self) -> set[str]:
        """The keyword index's chunk ids: kept from the last catch-up while nobody committed."""
        stamp = self.keyword.opstamp()
        if self._known is not None and stamp is not None and self._known[0] == stamp:
            return self._known[1]
        return self.keyword.ids()


def _pages(ids: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
