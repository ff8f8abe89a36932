"""Staff sign-in: the one check of the staff desk's credentials, throttled per client, and the
sessions it opens, which expire."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable

from pydantic import SecretStr

from assistant.services.staff_tokens import MemoryTokens, TokenBook
from assistant.services.throttle import ClientRecord, MemoryBook, ThrottleBook

FAILED_LOGIN_DELAY_S = 1.0
MAX_FAILURES = 5
LOCKOUT_S = 900.0
SESSION_S = 8 * 3600.0
MAX_COOLDOWN_S = 60.0


class LoginRefused(ValueError):
    """A sign-in refused: wrong credentials, or a client still cooling down or locked out."""


def wait_text(seconds: float) -> str:
    if seconds >= 90:
        return f"{math.ceil(seconds / 60)} minutes"
    return f"{math.ceil(seconds)} s"


class StaffAuth:
    """Checks a staff username and password against the configured ones (``staff_user`` and
    ``staff_password``). The staff desk is enabled only when both are set.

    Throttled per client (the app passes the client's address): a failed attempt answers after
    ``failed_delay_s``; from the second failure on, the client then waits ``failed_delay_s``,
    doubled at each failure (at most a minute), before its next attempt is even checked; after
    ``max_failures`` failures it is locked out for ``lockout_s``. An attempt too early is refused
    at once, without looking at the password. A success clears the client's record. A session
    (:meth:`login`) lasts ``session_s``. The records are kept in ``book``, the tokens' secret
    and sign-outs in ``tokens``: this process's memory by default, the shared database for
    replicas (with ``clock=time.time``).
    """

    def __init__(
        self,
        user: str | None,
        password: SecretStr | None,
        *,
        failed_delay_s: float = FAILED_LOGIN_DELAY_S,
        max_failures: int = MAX_FAILURES,
        lockout_s: float = LOCKOUT_S,
        session_s: float = SESSION_S,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        book: ThrottleBook | None = None,
        tokens: TokenBook | None = None,
    ) -> None:
        self._user = user or ""
        self._password = password.get_secret_value() if password else ""
        self.failed_delay_s = failed_delay_s
        self.max_failures = max_failures
        self.lockout_s = lockout_s
        self.session_s = session_s
        self._sleep = sleep
        self._clock = clock
        self._book = book or MemoryBook()
        self._tokens = tokens or MemoryTokens()  # by default tokens die with the process

    @property
    def enabled(self) -> bool:
        return bool(self._user and self._password)

    def check(self, username: str | None, password: str | None, client: str = "") -> bool:
        """True for the configured credentials; False for wrong ones or a throttled client."""
        try:
            self.login(username, password, client)
        except LoginRefused:
            return False
        return True

    def login(self, username: str | None, password: str | None, client: str = "") -> float:
        """A new session (its start time, kept in the caller's per-session state), or
        :class:`LoginRefused` with the message to show. Compared in constant time; a failed
        attempt waits ``failed_delay_s`` before answering."""
        with self._book.held(client) as record:  # one attempt at a time per client: parallel
            now = self._clock()  # guesses queue, then see the cooldown
            if now < record.not_before:
                left = wait_text(record.not_before - now)
                if record.locked:
                    raise LoginRefused(
                        f"Too many failed sign-ins from this address: try again in {left}."
                    )
                raise LoginRefused(f"Wait {left} before the next sign-in attempt.")
            if self._matches(username, password):
                record.reset()
                return now
            self._fail(record, now)
        self._book.forget_old(now)
        self._sleep(self.failed_delay_s)  # outside the lock: the cooldown already holds others
        raise LoginRefused("Wrong username or password.")

    def session_valid(self, session: object) -> bool:
        """Whether a session :meth:`login` returned is still open."""
        if isinstance(session, bool) or not isinstance(session, float):
            return False
        return 0 <= self._clock() - session < self.session_s

    # --- a session kept in the browser: a signed, expiring token --------------------------------
    def _sign(self, payload: str) -> str:
        return hmac.new(self._tokens.secret(), payload.encode(), hashlib.sha256).hexdigest()

    def token(self, session: float) -> str:
        """A token for the browser to keep: ``start.nonce.signature``, signed with the secret of
        ``tokens``; :meth:`resume` gives the session back while it is open."""
        payload = f"{session!r}.{secrets.token_hex(8)}"
        return f"{payload}.{self._sign(payload)}"

    def resume(self, token: object) -> float | None:
        """The session of a token :meth:`token` issued, while it is open and not signed out;
        else None. No sign-in happens: the throttle's records are untouched."""
        if not isinstance(token, str) or token.count(".") < 2:
            return None
        payload, signature = token.rsplit(".", 1)
        start, nonce = payload.rsplit(".", 1)
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            session = float(start)
        except ValueError:
            return None
        if not self.session_valid(session) or self._tokens.revoked(nonce):
            return None
        return session

    def revoke(self, token: object) -> None:
        """Sign out: the token no longer resumes, even if a copy of it is kept somewhere."""
        session = self.resume(token)
        if session is None:
            return
        nonce = str(token).rsplit(".", 2)[1]  # kept until the token expires anyway
        self._tokens.revoke(nonce, session + self.session_s, self._clock())

    def _matches(self, username: str | None, password: str | None) -> bool:
        ok_user = hmac.compare_digest((username or "").encode(), self._user.encode())
        ok_password = hmac.compare_digest((password or "").encode(), self._password.encode())
        return self.enabled and ok_user and ok_password

    def _fail(self, record: ClientRecord, now: float) -> None:
        record.failures += 1
        if record.failures >= self.max_failures:
            record.failures, record.locked = 0, True
            record.not_before = now + self.lockout_s
        else:
            record.locked = False
            # a first slip of the fingers costs only the slow answer; then 1, 2, 4... s more,
            # counted from the answer, which comes ``failed_delay_s`` after the attempt
            cooldown = (
                self.failed_delay_s * 2 ** (record.failures - 2) if record.failures > 1 else 0
            )
            record.not_before = now + self.failed_delay_s + min(cooldown, MAX_COOLDOWN_S)
