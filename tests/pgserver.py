"""A real PostgreSQL for the shared-state tests: Debian's ``postgresql`` binaries, a cluster in a
temporary folder owned by an unprivileged user (PostgreSQL refuses to run as root), listening on
a free port of 127.0.0.1, waited for, stopped and deleted."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from chromaserver import free_port

READY_S = 60


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding initdb and pg_ctl (None when absent)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _runner() -> tuple[list[str], int | None]:
    """How to run a command as an unprivileged user: as ourselves when not root, else as
    ``postgres`` (Debian's package creates it) or ``nobody``."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            uid = pwd.getpwnam(user).pw_uid
            return ["runuser", "-u", user, "--"], uid
    raise RuntimeError("no unprivileged user to run PostgreSQL as")


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh cluster; yields its ``postgresql+psycopg://`` URL (database ``postgres``)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (make test)")
    prefix, uid = _runner()
    root = Path(tempfile.mkdtemp(prefix="paris-health-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if uid is not None:
        for path in (root, sock):
            os.chown(path, uid, -1)
    port = free_port()
    user = "paris"
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    try:
        subprocess.run(
            [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust"],
            check=True,
            capture_output=True,
        )
        options = f"-h 127.0.0.1 -p {port} -k {sock} -c fsync=off"
        subprocess.run(
            [*pg_ctl, "-o", options, "-l", str(root / "log"), "-w", "-t", str(READY_S), "start"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
