"""Replicas sharing one store: each replica's keyword index follows the chunks other processes
commit (``assistant/retrieval/follow.py``).

Fast: the real keyword index (tantivy, one per replica's data directory) and a real Chroma
collection that two stores share, the reader on a fake clock; a writer commits, the reader's
follower catches up (from empty, one added source, a removed one), never while an ingest of its
data directory holds the lock, and retrieval finds the new chunk by keyword."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock, FakeEmbedder

from assistant.components.keyword_index import KeywordIndex
from assistant.components.vectorstore import VERSION_TTL_S, VectorStore
from assistant.retrieval import HybridRetriever
from assistant.retrieval.follow import KeywordFollower
from assistant.settings import Settings
from assistant.text import tokenize
from ingest.lock import ingest_lock

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
