"""The shared state's database (docs/database.md): two replicas, each with its own data
directory, over one database see the same source state, feedback and sign-in throttle, and
take turns to ingest. Fast on an SQLite file both name; the same on a real PostgreSQL
(tests/pgserver.py) marked slow. Also: migrations run twice or at once, an older data directory,
a PostgreSQL URL without its driver."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import FakeBackend, FakeClock, FakeEmbedder
from pydantic import SecretStr
from sqlalchemy import select

from assistant.app.cli import cli
from assistant.app.container import Container
from assistant.services.rate_limit import RateLimited
from assistant.services.staff import LoginRefused, StaffAuth
from assistant.services.staff_tokens import DatabaseTokens
from assistant.services.throttle import DatabaseBook
from ingest.database import Database, DatabaseError, open_database
from ingest.database.tables import revoked_tokens
from ingest.models import IngestError, Source
from ingest.settings import Settings
from ingest.state import StateStore

REPO = Path(__file__).resolve().parents[1]
WEB = Source(id="web-news", kind="url", location="https://example.org/news.html")
ANSWER = {"question": "Combien d'hôpitaux ?", "answer": "L'AP-HP en a 38 [1].", "sources": []}


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    from pgserver import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(postgres: str) -> str:
    """A fresh database of the test server for each test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    plain = postgres.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres.rsplit("/", 1)[0] + f"/{name}"


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shared' / 'database.sqlite'}"


def replicas(tmp_path: Path, corpus: Path, url: str, **more: object) -> tuple[Container, Container]:
    """Two apps over one database, each with its own data directory (and embedded index)."""
    apps = []
    for name in ("a", "b"):
        settings = Settings(
            data_dir=tmp_path / name,
            corpus_dir=corpus,
            database_url=url,
            **more,  # type: ignore[arg-type]
        )
        apps.append(Container(settings, embedder=FakeEmbedder(), backend=FakeBackend()))
    (tmp_path / "shared").mkdir(exist_ok=True)
    return apps[0], apps[1]


# --- what every replica sees ---------------------------------------------------------------------


def check_feedback_and_state_are_shared(a: Container, b: Container) -> None:
    a.catalog.add([WEB])
    assert [row.source.id for row in b.corpus.sources()][-1] == WEB.id
    a.feedback.record_answer(-1, ANSWER, "faux: 39", user_id="u1", owner="s1")
    rows = b.feedback.all()
    assert [(r["rating"], r["comment"], r["question"]) for r in rows] == [
        (-1, "faux: 39", ANSWER["question"])
    ]
    a.state.record(
        "medxperience-2018", "documents/aphp.txt", "added", "", 7, "2026-12-04T10:00:00+00:00"
    )
    state = b.state.all()["medxperience-2018"]
    assert (state.status, state.chunks, state.last_fetch) == (
        "added",
        7,
        "2026-12-04T10:00:00+00:00",
    )


def check_votes_share_one_rate(a: Container, b: Container) -> None:
    """A session voting on A and B alike gets one rate (``feedback_per_session=3``)."""
    for n, app in enumerate((a, b, a)):
        answer = {**ANSWER, "answer": f"Réponse {n} [1]."}
        app.feedback.record_answer(1, answer, user_id="u2", owner="s2", session="s2")
    with pytest.raises(RateLimited, match="too many votes from this client: try again in"):
        b.feedback.record_answer(
            1, {**ANSWER, "answer": "Une de plus."}, user_id="u2", owner="s2", session="s2"
        )


def check_sources_cli_lists_the_other_replicas_state(b: Container, url: str, tmp: Path) -> None:
    """``paris-health sources`` of replica B, a process of its own naming the same URL."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PARIS_HEALTH_DATA_DIR": str(tmp / "b-cli"),
        "PARIS_HEALTH_CORPUS_DIR": str(b.settings.corpus_dir),
        "PARIS_HEALTH_DATABASE_URL": url,
    }
    listed = subprocess.run(
        [sys.executable, "-c", "from assistant.app.cli import main; main()", "sources", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    rows = {r["id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert (rows["medxperience-2018"]["status"], rows["medxperience-2018"]["chunks"]) == (
        "added",
        7,
    )
    votes = subprocess.run(
        [sys.executable, "-c", "from assistant.app.cli import main; main()", "feedback", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert votes.returncode == 0, votes.stderr
    listed_votes = [json.loads(line) for line in votes.stdout.splitlines()]
    assert [v["id"] for v in listed_votes] == [v["id"] for v in b.feedback.all()]
    assert (-1, "faux: 39") in [(v["rating"], v["comment"]) for v in listed_votes]


def check_six_wrong_passwords_lock_both(a: Container, b: Container) -> None:
    """Six wrong passwords, alternating between two replicas' sign-ins (each waiting out the
    cooldown): the fifth locks the client out on both, the sixth is refused unread, and even
    the right password is refused on both. Counted apart (in each process's memory), each
    replica would have seen only three and locked nothing."""
    clock = FakeClock()
    auths = [
        StaffAuth("staff", SecretStr("pw"), sleep=clock.sleep, clock=clock, book=DatabaseBook(db))
        for db in (a.database, b.database)
    ]
    outcomes = []
    for n in range(6):
        clock.now += 120  # past any cooldown
        with pytest.raises(LoginRefused) as refused:
            auths[n % 2].login("staff", f"guess-{n}", "203.0.113.9")
        outcomes.append(str(refused.value).split(":")[0])
    assert outcomes == ["Wrong username or password."] * 5 + [
        "Too many failed sign-ins from this address"
    ]
    for auth in auths:
        with pytest.raises(LoginRefused, match="Too many failed sign-ins"):
            auth.login("staff", "pw", "203.0.113.9")
        assert auth.session_valid(auth.login("staff", "pw", "198.51.100.7"))  # another client


def check_staff_tokens_work_on_both(a: Container, b: Container) -> None:
    """A token A signed resumes on B (one secret, in the database); signed out on A, it is
    refused on both, while another stays open; every token dies when it expires, on both; the
    sign-outs of expired tokens are forgotten. With a secret and sign-outs per process, B
    would refuse A's token, and A's sign-out would leave it open on B."""
    clock = FakeClock()
    on_a, on_b = (
        StaffAuth(
            "staff",
            SecretStr("pw"),
            session_s=3600,
            sleep=clock.sleep,
            clock=clock,
            book=DatabaseBook(db),
            tokens=DatabaseTokens(db),
        )
        for db in (a.database, b.database)
    )
    token = on_a.token(on_a.login("staff", "pw", "192.0.2.1"))
    other = on_b.token(on_b.login("staff", "pw", "192.0.2.2"))
    assert on_b.resume(token) is not None and on_a.resume(other) is not None
    on_a.revoke(token)
    assert on_b.resume(token) is None and on_a.resume(token) is None
    assert on_b.resume(other) is not None
    clock.now += 3600
    assert on_a.resume(other) is None and on_b.resume(other) is None
    later = on_b.token(on_b.login("staff", "pw", "192.0.2.3"))
    on_b.revoke(later)  # the expired sign-out is cleaned on the way
    with a.database.engine.connect() as conn:
        kept = conn.execute(select(revoked_tokens.c.nonce)).scalars().all()
    assert kept == [later.rsplit(".", 2)[1]]


def check_the_second_ingest_is_busy(a: Container, b: Container) -> None:
    """A refresh on A is paused in the middle (its progress callback waits); B's refresh, on
    another data directory, is refused as busy and kept as skipped; once A is done, B runs."""
    b.catalog.remove(WEB.id)  # removed on B, gone on A too (and no fetch: no network here)
    assert WEB.id not in [row.source.id for row in a.corpus.sources()]
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def pausing(done: int, total: int, source_id: str) -> None:
        started.set()
        release.wait(30)

    def run_a() -> None:
        try:
            a.corpus.refresh(progress=pausing)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=run_a)
    thread.start()
    try:
        assert started.wait(60)
        with pytest.raises(IngestError, match=r"^another ingest is running on (sqlite|postgres)"):
            b.corpus.refresh()
    finally:
        release.set()
        thread.join(60)
    assert not errors
    outcomes = [(r.trigger, r.outcome) for r in b.corpus.history()]
    assert outcomes[:2] == [("manual", "ok"), ("manual", "skipped")]  # shared history
    assert b.corpus.refresh().ok


def test_two_replicas_share_state_on_one_sqlite_file(tmp_path: Path, corpus_copy: Path) -> None:
    url = sqlite_url(tmp_path)
    a, b = replicas(tmp_path, corpus_copy, url, feedback_per_session=3)
    check_feedback_and_state_are_shared(a, b)
    check_votes_share_one_rate(a, b)
    check_sources_cli_lists_the_other_replicas_state(b, url, tmp_path)
    check_six_wrong_passwords_lock_both(a, b)
    check_staff_tokens_work_on_both(a, b)
    check_the_second_ingest_is_busy(a, b)


def test_a_file_added_on_one_replica_is_read_by_another_from_the_shared_files_folder(
    tmp_path: Path, corpus_copy: Path
) -> None:
    """With ``files_dir`` shared (``PARIS_HEALTH_FILES_DIR``), a file added on A is kept there
    as ``files/...``: B's refresh reads it (its own index: added, then unchanged) even once A's
    data directory is gone, and a removal on B deletes the shared copy. Without it, the copy
    was under A's data directory and B's refresh failed it ("file not found")."""
    files = tmp_path / "shared-files"
    a, b = replicas(tmp_path, corpus_copy, sqlite_url(tmp_path), files_dir=files)
    upload = tmp_path / "zorglab.md"
    upload.write_text("# Zorglab\n\nZorglab is a gene therapy platform in Evry.\n", "utf-8")
    assert a.corpus.add_upload(upload, "zorglab.md").ok
    (added,) = a.catalog.added()
    assert added.location == "files/documents/zorglab.md"
    assert (files / "documents" / "zorglab.md").is_file()
    assert not (tmp_path / "a" / "files").exists()
    shutil.rmtree(tmp_path / "a")  # another machine: B never sees A's data directory
    first = b.corpus.refresh()
    assert first.ok, first.summary()
    assert [i.status for i in first.items if i.source_id == added.id] == ["added"]
    again = b.corpus.refresh()
    assert [i.status for i in again.items if i.source_id == added.id] == ["unchanged"]
    b.corpus.remove(added.id)
    assert not (files / "documents" / "zorglab.md").exists()


@pytest.mark.slow
def test_two_replicas_share_state_on_postgresql(
    tmp_path: Path, corpus_copy: Path, pg_url: str
) -> None:
    a, b = replicas(tmp_path, corpus_copy, pg_url, feedback_per_session=3)
    assert a.database.is_postgres and a.database is not b.database
    check_feedback_and_state_are_shared(a, b)
    check_votes_share_one_rate(a, b)
    check_sources_cli_lists_the_other_replicas_state(b, pg_url, tmp_path)
    check_six_wrong_passwords_lock_both(a, b)
    check_staff_tokens_work_on_both(a, b)
    check_the_second_ingest_is_busy(a, b)


@pytest.mark.slow
def test_the_apps_own_sign_in_counts_failures_on_every_replica(
    tmp_path: Path, corpus_copy: Path, pg_url: str
) -> None:
    """The container's StaffAuth (real clock and sleep): two failures on A make B wait."""
    a, b = replicas(tmp_path, corpus_copy, pg_url, staff_user="staff", staff_password="pw")
    for _ in range(2):
        with pytest.raises(LoginRefused, match="Wrong"):
            a.staff.login("staff", "bad", "192.0.2.1")
    with pytest.raises(LoginRefused, match="^Wait"):
        b.staff.login("staff", "pw", "192.0.2.1")


# --- the writer lock: a killed holder, the command line's busy exit ----------------------------

HOLDER = (
    "import sys, time; from pathlib import Path\n"
    "from ingest.database import open_database; from ingest.lock import ingest_lock\n"
    "with ingest_lock(Path(sys.argv[1]), open_database(sys.argv[2], Path(sys.argv[1]))):\n"
    "    print('held', flush=True); time.sleep(120)"
)


def on(app: Container, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """The CLI's commands run on ``app`` (its fakes: no model)."""
    import assistant.app.cli.corpus as corpus_cli

    monkeypatch.setattr(corpus_cli, "container", lambda ctx, **_: app)
    return CliRunner()


def check_a_killed_holder_frees_the_lock(
    tmp_path: Path, corpus: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process (another machine's data directory) holds the writer lock: the CLI's
    ingest on B exits 75 with the busy line naming the database; killed by SIGKILL, the holder
    leaves no stale lock: B's ingest runs at once."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "holder"), url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    _, b = replicas(tmp_path, corpus, url)
    runner = on(b, monkeypatch)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        busy = runner.invoke(cli, ["ingest", "--no-progress"])
        assert busy.exit_code == 75, busy.output
        assert busy.stderr.strip() == f"Error: another ingest is running on {b.database.label}"
        assert "password" not in busy.stderr
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
    done = runner.invoke(cli, ["ingest", "--no-progress"])
    assert done.exit_code == 0 and "3 added" in done.stdout, done.output


def test_a_killed_holder_leaves_no_stale_lock_on_sqlite(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_a_killed_holder_frees_the_lock(tmp_path, corpus_copy, sqlite_url(tmp_path), monkeypatch)


@pytest.mark.slow
def test_a_killed_holder_leaves_no_stale_lock_on_postgresql(
    tmp_path: Path, corpus_copy: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_a_killed_holder_frees_the_lock(tmp_path, corpus_copy, pg_url, monkeypatch)


# --- migrations ------------------------------------------------------------------------------


def check_migrations(url: str, data_dirs: list[Path]) -> None:
    """Two processes open the fresh database at once (each migrates it): all succeed; run
    again, the migration changes nothing (same revision, rows kept)."""
    opening = "import sys; from pathlib import Path; from ingest.database import open_database\n"
    opening += "print(open_database(sys.argv[1], Path(sys.argv[2])).revision())"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", opening, url, str(d)], stdout=subprocess.PIPE, text=True, env=env
        )
        for d in data_dirs
    ]
    outputs = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0] * len(runs)
    assert outputs == [Database.head()] * len(runs)
    database = open_database(url, data_dirs[0])
    StaffAuth("s", SecretStr("p"), sleep=lambda _: None, book=DatabaseBook(database)).check(
        "x", "y"
    )
    database.migrate()
    database.migrate()
    assert database.revision() == Database.head() == "0005"
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT client FROM login_throttle").all() == [("",)]


def test_migrations_at_once_and_twice_on_sqlite(tmp_path: Path) -> None:
    check_migrations(sqlite_url(tmp_path), [tmp_path / f"d{n}" for n in range(2)])


@pytest.mark.slow
def test_migrations_at_once_and_twice_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    check_migrations(pg_url, [tmp_path / f"d{n}" for n in range(2)])


# --- an older data directory; a URL without its driver ---------------------------------------


def test_an_older_data_directory_keeps_its_source_state(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``state.sqlite`` of an older version (the default, no URL set): its source state and
    refresh history are copied into the database once, the file kept as ``*.imported``; the
    CLI lists them."""
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / "state.sqlite") as old:
        old.execute(
            "CREATE TABLE source_state (source_id TEXT PRIMARY KEY, location TEXT NOT NULL, "
            "status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', chunks INTEGER NOT NULL "
            "DEFAULT 0, last_fetch TEXT NOT NULL DEFAULT '')"
        )
        old.execute(
            "CREATE TABLE refresh_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT "
            "NULL, trigger TEXT NOT NULL, outcome TEXT NOT NULL, summary TEXT NOT NULL, "
            "changes TEXT NOT NULL DEFAULT '')"
        )
        old.execute(
            "INSERT INTO source_state VALUES ('medxperience-2018', 'documents/aphp.txt', 'failed', "
            "'HTTP 503', 12, '2025-01-02T03:04:05+00:00')"
        )
        old.execute("INSERT INTO refresh_runs VALUES (1, '2025-01-02', 'cli', 'ok', '3 added', '')")
    (data / "sources.yaml").write_text(
        f"sources:\n- id: {WEB.id}\n  kind: url\n  location: {WEB.location}\n"
        "removed:\n- organisations\n",
        encoding="utf-8",
    )
    app = Container(Settings(data_dir=data, corpus_dir=corpus_copy), embedder=FakeEmbedder())
    listed = on(app, monkeypatch).invoke(cli, ["sources", "--json"])
    rows = {r["id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert (rows["medxperience-2018"]["status"], rows["medxperience-2018"]["reason"]) == (
        "failed",
        "HTTP 503",
    )
    assert rows["medxperience-2018"]["chunks"] == 12
    assert WEB.id in rows and "organisations" not in rows  # the run-time layer, copied too
    assert [(r.trigger, r.summary) for r in app.corpus.history()] == [("cli", "3 added")]
    kept = ("state.sqlite.imported", "sources.yaml.imported", "database.sqlite")
    assert all((data / name).exists() for name in kept)
    settings = Settings(data_dir=data, corpus_dir=corpus_copy)
    again = Container(settings, database=open_database(None, data))
    assert len(again.state.runs()) == 1  # opened again: nothing copied twice
    assert [s.id for s in again.catalog.added()] == [WEB.id]


def test_a_database_of_the_first_revision_is_brought_up_to_date(tmp_path: Path) -> None:
    """A database an earlier version of this code created (revision 0001) gets the catalog's
    tables when it opens; its rows are kept."""
    first = Database(sqlite_url(tmp_path))
    (tmp_path / "shared").mkdir()
    first.migrate("0001")
    with first.engine.begin() as conn:  # as that version wrote it: no title column yet
        conn.exec_driver_sql(
            "INSERT INTO source_state (source_id, location, status, reason, chunks, last_fetch) "
            "VALUES ('x', 'documents/x.txt', 'added', '', 3, '2026-01-01')"
        )
    assert first.revision() == "0001"
    database = open_database(sqlite_url(tmp_path), tmp_path / "data")
    assert database.revision() == Database.head()
    assert StateStore(database).all()["x"].chunks == 3


def test_a_postgresql_url_without_its_driver_says_which_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(DatabaseError) as refused:
        Database("postgresql://u:secret@db.example/ph")
    assert str(refused.value) == (
        "a PostgreSQL database needs the postgres extra: pip install 'paris-health[postgres]'"
    )
    with pytest.raises(DatabaseError, match="^unsupported database 'mysql'"):
        Database("mysql://u@h/db")
    assert Database("sqlite:////tmp/x.sqlite").label == "sqlite:////tmp/x.sqlite"


def test_a_database_server_that_refuses_is_one_line_without_the_password(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as refused:
        open_database("postgresql://u:secret@127.0.0.1:1/ph", tmp_path)
    message = str(refused.value)
    assert message.startswith("database postgresql+psycopg://u:***@127.0.0.1:1/ph: ")
    assert "secret" not in repr(Settings(database_url="postgresql://u:secret@127.0.0.1:1/ph"))
    assert "secret" not in message and "\n" not in message
