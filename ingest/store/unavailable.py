"""One message for a vector store that does not answer (a stopped `chroma run` server), the same
in the CLI and the app."""

from __future__ import annotations

import errno


class StoreUnavailableError(RuntimeError):
    """The vector store did not answer; the request can be tried again once it is back."""


def is_store_down(exc: BaseException) -> bool:
    """A connection failure of the Chroma client (its own errors, httpx's, the OS's)."""
    module = type(exc).__module__
    return (
        isinstance(exc, ConnectionError)
        or "Connect" in type(exc).__name__
        or (module.startswith(("chromadb", "httpx")) and "connect" in str(exc).lower())
        or "could not connect to a chroma server" in str(exc).lower()  # chromadb.HttpClient
    )


def is_disk_full(exc: BaseException) -> bool:
    """``ENOSPC``, or SQLite's "database or disk is full" (Chroma's own errors say it so)."""
    text = str(exc).lower()
    return (
        getattr(exc, "errno", None) == errno.ENOSPC
        or "disk is full" in text
        or ("no space left" in text)
    )


DISK_FULL = (
    "the disk of the data directory is full: the vector index cannot be opened (Chroma writes "
    "when it opens); free some space and try again (`paris-health sources` still works)"
)


def store_unavailable(exc: BaseException) -> StoreUnavailableError:
    if is_disk_full(exc):
        return StoreUnavailableError(DISK_FULL)
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return StoreUnavailableError(
        f"vector store unavailable ({reason[:160]}): try again when it is back"
    )
