"""Where the staff desk's tokens (:meth:`~assistant.services.staff.StaffAuth.token`) find the
secret that signs them and the tokens signed out before they expire: in this process's memory
(:class:`MemoryTokens`, the default: tokens die with the process), or in the shared database
(:class:`DatabaseTokens`, what the app uses), so that a token one replica signed resumes on
every replica, and a sign-out on one is refused on all. Signed-out tokens are forgotten once
they have expired anyway."""

from __future__ import annotations

import secrets
import threading
from typing import Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from ingest.database import Database
from ingest.database.tables import app_secrets, revoked_tokens

SECRET_NAME = "staff_token"


class TokenBook(Protocol):
    def secret(self) -> bytes: ...

    def revoked(self, nonce: str) -> bool: ...

    def revoke(self, nonce: str, expires: float, now: float) -> None: ...


class MemoryTokens:
    """A random secret of this process; its signed-out nonces (bounded: expired ones go)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)
        self._revoked: dict[str, float] = {}  # nonce -> when the token expires
        self._lock = threading.Lock()

    def secret(self) -> bytes:
        return self._secret

    def revoked(self, nonce: str) -> bool:
        return nonce in self._revoked

    def revoke(self, nonce: str, expires: float, now: float) -> None:
        with self._lock:
            for old in [n for n, e in self._revoked.items() if e <= now]:
                del self._revoked[old]
            self._revoked[nonce] = expires


class DatabaseTokens:
    """The secret in the shared database's ``app_secrets`` (created once, by whichever process
    first needs it), signed-out nonces in ``revoked_tokens``; times are wall-clock seconds."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._secret: bytes | None = None

    def secret(self) -> bytes:
        if self._secret is None:
            self._secret = bytes.fromhex(self._stored_secret())
        return self._secret

    def _stored_secret(self) -> str:
        query = select(app_secrets.c.value).where(app_secrets.c.name == SECRET_NAME)
        with self.database.engine.begin() as conn:
            found = conn.execute(query).scalar()
            if found is not None:
                return str(found)
            try:
                with conn.begin_nested():  # another replica may create it at the same time
                    conn.execute(
                        insert(app_secrets).values(name=SECRET_NAME, value=secrets.token_hex(32))
                    )
            except IntegrityError:
                pass
            return str(conn.execute(query).scalar_one())

    def revoked(self, nonce: str) -> bool:
        query = select(revoked_tokens.c.nonce).where(revoked_tokens.c.nonce == nonce)
        with self.database.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def revoke(self, nonce: str, expires: float, now: float) -> None:
        with self.database.engine.begin() as conn:
            conn.execute(delete(revoked_tokens).where(revoked_tokens.c.expires <= now))
            try:
                with conn.begin_nested():  # signed out twice (two tabs): once is enough
                    conn.execute(insert(revoked_tokens).values(nonce=nonce, expires=expires))
            except IntegrityError:
                pass
