"""One message for a vector store that does not answer (a stopped `chroma run` server), the same
in the CLI and the app."""

from __future__ import annotations


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


def store_unavailable(exc: BaseException) -> StoreUnavailableError:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return StoreUnavailableError(
        f"vector store unavailable ({reason[:160]}): try again when it is back"
    )
