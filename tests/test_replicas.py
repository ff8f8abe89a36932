"""Replicas sharing one store: each replica's keyword index follows the chunks other processes
commit (``assistant/retrieval/follow.py``).

Fast: the real keyword index (tantivy, one per replica's data directory) and a real Chroma
collection that two stores share, the reader on a fake clock; a writer commits, the reader's
follower catches up (from empty, one added source, a removed one), never while an ingest of its
data directory holds the lock, and retrieval finds the new chunk by keyword.

Slow: a real ``chroma run``, two ``paris-health serve`` processes with their own empty data
directories (real HTTP on 127.0.0.1, driven by gradio_client): a file added through A's staff
desk is cited by B within 2 s and is in B's keyword index; removed on A, B stops citing it; a
command-line ``paris-health ingest`` against the server is cited by both."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeClock, FakeEmbedder

from assistant.retrieval import HybridRetriever
from assistant.retrieval.follow import KeywordFollower
from ingest.lock import ingest_lock
from ingest.manifest import source_id_for_file
from ingest.settings import Settings
from ingest.store.keyword_index import KeywordIndex
from ingest.store.text import tokenize
from ingest.store.vectorstore import VERSION_TTL_S, VectorStore

sys.path.insert(0, str(Path(__file__).parent / "load"))
import replicas as cluster  # noqa: E402 - tests/load/replicas.py

MEDICEN = "Medicen is the health cluster of the Paris Region."
GENOPOLE = "Genopole is the biocluster of Evry, with 90 biotech companies."
CARDIOPOLIS = "Cardiopolis is a cardiology cluster founded in Creteil in 2019."


class Replica:
    """A writer's store, and a second replica: its own store on the same collection (a fake
    clock), its own keyword index in its own data directory, its follower."""

    def __init__(self, tmp_path: Path) -> None:
        settings = Settings(data_dir=tmp_path / "a")
        embedder = FakeEmbedder()
        self.writer = VectorStore.from_settings(settings, embedder)
        self.clock = FakeClock()
        self.store = VectorStore(self.writer.client, settings.collection, embedder, self.clock)
        self.data_dir = tmp_path / "b"
        self.keyword = KeywordIndex.at(self.data_dir, settings.collection)
        self.follower = KeywordFollower(self.store, self.keyword, self.data_dir)

    def commit(self, source: str, chunk_id: str, text: str) -> None:
        """What an ingest in another process does to the store: add, then a new version."""
        vectors = self.writer.embedder.embed_documents([text])
        self.writer.add([chunk_id], [text], [{"source_id": source, "title": source}], vectors)
        self.writer.refresh_version()

    def remove(self, chunk_id: str) -> None:
        self.writer.delete([chunk_id])
        self.writer.refresh_version()

    def later(self) -> None:
        self.clock.sleep(VERSION_TTL_S)

    def found(self, words: str) -> list[str]:
        return [chunk.id for chunk, _ in self.keyword.search(tokenize(words), 5)]


@pytest.fixture
def replica(tmp_path: Path) -> Replica:
    return Replica(tmp_path)


def test_an_empty_data_directory_builds_its_keyword_index_from_the_store(
    replica: Replica,
) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    replica.commit("genopole", "g1", GENOPOLE)
    done = replica.follower.follow()
    assert done is not None and (done.added, done.deleted) == (2, 0)
    assert replica.keyword.snapshot() == {"m1": (MEDICEN, "medicen"), "g1": (GENOPOLE, "genopole")}
    assert replica.found("biocluster Evry") == ["g1"]
    assert replica.follower.follow() is None  # same version: nothing read


def test_a_source_added_or_removed_elsewhere_is_followed_once_the_version_is_read_again(
    replica: Replica,
) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    replica.follower.follow()
    replica.commit("cardiopolis", "c1", CARDIOPOLIS)
    assert replica.follower.follow() is None  # the version is trusted for VERSION_TTL_S
    assert replica.found("cardiology Creteil") == []
    replica.later()
    done = replica.follower.follow()
    assert done is not None and (done.added, done.deleted) == (1, 0)
    assert replica.found("cardiology Creteil") == ["c1"]
    assert replica.keyword.ids_by_source() == {"medicen": {"m1"}, "cardiopolis": {"c1"}}
    replica.remove("c1")
    replica.later()
    done = replica.follower.follow()
    assert done is not None and (done.added, done.deleted) == (0, 1)
    assert replica.found("cardiology Creteil") == []
    assert replica.keyword.ids() == replica.store.ids() == {"m1"}


def test_an_ingest_of_the_data_directory_is_never_interleaved_with_a_catch_up(
    replica: Replica,
) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    with ingest_lock(replica.data_dir):  # this replica's staff desk is writing both indexes
        assert replica.follower.follow() is None
        assert replica.keyword.count() == 0
    done = replica.follower.follow()  # not recorded as synced: the next look catches up
    assert done is not None and done.added == 1


def test_retrieval_follows_the_store_by_keyword_and_dense(replica: Replica) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    retriever = HybridRetriever(replica.store, replica.keyword, follower=replica.follower)
    assert [p.id for p in retriever.retrieve("Medicen health cluster", 1)] == ["m1"]
    replica.commit("cardiopolis", "c1", CARDIOPOLIS)
    replica.later()
    found = [p for p in retriever.retrieve("cardiology cluster Creteil", 5) if p.id == "c1"]
    assert found and found[0].bm25 > 0 and found[0].dense > 0


def test_the_keyword_ids_are_read_again_only_after_a_commit_by_someone_else(
    replica: Replica, monkeypatch: pytest.MonkeyPatch
) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    replica.follower.follow()
    scans: list[int] = []
    scan = replica.keyword.ids
    monkeypatch.setattr(replica.keyword, "ids", lambda: scans.append(1) or scan())
    replica.commit("genopole", "g1", GENOPOLE)
    replica.later()
    assert replica.follower.follow() is not None and scans == []  # its own commit: kept
    # this data directory's own ingest writes the keyword index (here: a chunk the store lacks)
    replica.keyword.add(["x1"], [CARDIOPOLIS], [{"source_id": "x"}])
    replica.keyword.commit()
    replica.commit("cardiopolis", "c1", CARDIOPOLIS)
    replica.later()
    done = replica.follower.follow()
    assert scans == [1] and done is not None and (done.added, done.deleted) == (1, 1)
    assert replica.keyword.ids() == replica.store.ids() == {"m1", "g1", "c1"}


def test_a_store_that_cannot_be_read_leaves_the_keyword_index_as_it_was(
    replica: Replica, monkeypatch: pytest.MonkeyPatch
) -> None:
    replica.commit("medicen", "m1", MEDICEN)
    replica.follower.follow()
    replica.commit("cardiopolis", "c1", CARDIOPOLIS)
    replica.later()

    def away(ids: object) -> None:
        raise ConnectionError("the Chroma server is away")

    monkeypatch.setattr(replica.store, "get", away)
    assert replica.follower.follow() is None  # logged; the question goes on
    assert replica.keyword.ids() == {"m1"}
    monkeypatch.undo()
    done = replica.follower.follow()
    assert done is not None and done.added == 1 and replica.keyword.ids() == {"m1", "c1"}


# --- real replicas ----------------------------------------------------------------------------

VISIBLE_S = 2.0  # a change committed through one process is answered by every replica within


def keyword_ids(data_dir: Path, source_id: str) -> set[str]:
    """The chunk ids of ``source_id`` in a replica's keyword index (read from its folder)."""
    index = KeywordIndex.at(data_dir, Settings().collection)
    return index.ids_by_source({source_id}).get(source_id, set())


@pytest.mark.slow  # a real `chroma run`, two real `serve` processes, the real embedder
def test_two_replicas_answer_what_either_or_the_command_line_adds(
    tmp_path: Path, corpus_copy: Path
) -> None:
    with cluster.cluster(tmp_path / "cluster", corpus_copy, replicas=2) as running:
        a, b = running.urls
        assert keyword_ids(
            running.data_dirs[1], "medicen-roques-interview-2018"
        )  # built from the store
        source_id, seconds = cluster.add_on_a_answer_on_b(a, b, tmp_path)
        assert seconds is not None and seconds < VISIBLE_S, seconds
        assert keyword_ids(running.data_dirs[1], source_id)  # B searches its words too

        report = cluster.staff(a).predict(source_id, False, api_name="/staff_remove")[0]
        assert "removed" in report, report
        gone = cluster.seconds_until(lambda: not cluster.cites(b, cluster.QUESTION, source_id), 5)
        assert gone is not None and gone < VISIBLE_S, gone
        assert not keyword_ids(running.data_dirs[1], source_id)

        upload = tmp_path / "genopole-cron.md"
        upload.write_text(GENOPOLE_FILE, encoding="utf-8")
        cron = {**running.env, "PARIS_HEALTH_DATA_DIR": str(tmp_path / "cron")}
        done = cluster.cli(cron, "ingest", "--file", str(upload), "--no-progress")
        assert done.returncode == 0, done.stderr
        added = source_id_for_file(upload)
        for replica in (a, b):
            seen = cluster.seconds_until(lambda r=replica: cluster.cites(r, ZORGLAB, added), 5)
            assert seen is not None and seen < VISIBLE_S, (replica, seen)
        for data_dir in running.data_dirs:
            assert keyword_ids(data_dir, added)


GENOPOLE_FILE = (
    "# Zorglab\n\nZorglab is a gene therapy platform of the Evry campus, opened in 2022 with "
    "12 laboratories.\n"
)
ZORGLAB = "When did Zorglab open?"


# --- the whole system: Chroma server, PostgreSQL, two replicas ---------------------------------


def wrong_password_outcome(client: Any) -> str:
    """One wrong password through ``/staff_login``, once the cooldown lets it be checked: the
    refusal's message up to its colon."""
    from gradio_client.exceptions import AppError

    for _ in range(200):
        try:
            status = client.predict(cluster.STAFF_USER, "not-the-password", api_name="/staff_login")
        except AppError as refused:
            message = str(refused)
            if not message.startswith("Wait"):
                return message.split(":")[0]
            time.sleep(0.3)  # too early: not counted, not checked
        else:
            raise AssertionError(f"a wrong password signed in: {status}")
    raise AssertionError("the cooldown never ended")


def listed(env: dict[str, str], data_dir: Path, command: str) -> list[dict[str, Any]]:
    """``paris-health COMMAND --json`` of a process using ``data_dir``, one record a line."""
    done = cluster.cli({**env, "PARIS_HEALTH_DATA_DIR": str(data_dir)}, command, "--json")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow  # a real `chroma run`, a real PostgreSQL, two real `serve` processes
def test_a_cluster_on_postgresql_shares_files_sign_in_and_feedback(
    tmp_path: Path, corpus_copy: Path
) -> None:
    """Issue 18's whole system: every process with the Chroma server's URL, the PostgreSQL URL
    and one files folder, each replica its own data directory. A file added through A's staff
    desk is cited by B within 2 s, B's refresh reads it (unchanged, not failed) and
    ``paris-health sources`` lists it; a vote given on A is listed on B; six wrong passwords
    alternating between A and B lock the sign-in on both, the right one then refused on both."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError
    from pgserver import postgres_server

    with postgres_server() as pg_url:
        shared = {
            "PARIS_HEALTH_DATABASE_URL": pg_url,
            "PARIS_HEALTH_FILES_DIR": str(tmp_path / "f"),
        }
        with cluster.cluster(tmp_path / "cluster", corpus_copy, 2, shared) as running:
            a, b = running.urls
            source_id, seconds = cluster.add_on_a_answer_on_b(a, b, tmp_path)
            assert seconds is not None and seconds < VISIBLE_S, seconds
            report, table = cluster.staff(b).predict(api_name="/staff_refresh")
            assert ", 0 failed" in report, report
            assert {row[0]: row[3] for row in table["data"]}[source_id] == "unchanged"
            cli_rows = listed(running.env, tmp_path / "cli", "sources")
            assert {r["id"]: r["status"] for r in cli_rows}[source_id] == "unchanged"

            asker = Client(a, verbose=False)
            record = asker.predict(cluster.QUESTION, [], "any", "any", api_name="/ask")[2]
            asker.predict(-1, record, "the date is wrong", "", api_name="/feedback")
            votes = listed(running.env, running.data_dirs[1], "feedback")  # B's settings
            assert [(v["rating"], v["comment"]) for v in votes] == [(-1, "the date is wrong")]

            clients = [Client(url, verbose=False) for url in (a, b)]
            outcomes = [wrong_password_outcome(clients[n % 2]) for n in range(6)]
            assert outcomes == ["Wrong username or password."] * 5 + [
                "Too many failed sign-ins from this address"
            ], outcomes
            for client in clients:
                with pytest.raises(AppError, match="Too many failed sign-ins"):
                    client.predict(
                        cluster.STAFF_USER, cluster.STAFF_PASSWORD, api_name="/staff_login"
                    )
