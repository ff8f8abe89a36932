"""Who a vote belongs to, decided by the server: a browser keeps a voter id that the server signed
(so a reload keeps its votes, and nobody can make up another browser's id); an API caller is its
Gradio session. A client-supplied user name is never an owner."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

ID_BYTES = 8


@dataclass(frozen=True)
class Voter:
    """``user_id`` names the vote (one per answer), ``owner`` may change it; ``session`` and
    ``address`` are what the rate limit counts."""

    user_id: str
    owner: str
    session: str = ""
    address: str = ""


def session_owner(session_hash: str) -> str:
    """The owner key of a Gradio session (a digest: the session hash is not stored)."""
    return "s:" + hashlib.sha256(session_hash.encode()).hexdigest()[:24]


class VoterTokens:
    """Voter ids signed with a secret of this server process: ``<id>.<signature>``. After a
    restart, a browser's old token no longer verifies and it is given a new one."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, voter_id: str) -> str:
        return hmac.new(self._secret, voter_id.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        voter_id = secrets.token_hex(ID_BYTES)
        return f"{voter_id}.{self._sign(voter_id)}"

    def verify(self, token: object) -> str | None:
        """The voter id of a token this server issued, else None."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        voter_id, signature = token.split(".")
        if len(voter_id) != 2 * ID_BYTES:
            return None
        return voter_id if hmac.compare_digest(signature, self._sign(voter_id)) else None

    def voter(self, token: object, session_hash: str, address: str = "") -> Voter:
        """A browser's voter: its signed id, else (no valid token) its session."""
        session = session_owner(session_hash) if session_hash else ""
        voter_id = self.verify(token)
        if voter_id is not None:
            return Voter(voter_id, "b:" + voter_id, session_hash, address)
        return Voter(session, session, session_hash, address)
