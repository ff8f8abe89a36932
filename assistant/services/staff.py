"""Staff sign-in: the one check of the staff desk's credentials."""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable

from pydantic import SecretStr

FAILED_LOGIN_DELAY_S = 1.0


class StaffAuth:
    """Checks a staff username and password against the configured ones (``staff_user`` and
    ``staff_password``). The staff desk is enabled only when both are set."""

    def __init__(
        self,
        user: str | None,
        password: SecretStr | None,
        *,
        failed_delay_s: float = FAILED_LOGIN_DELAY_S,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._user = user or ""
        self._password = password.get_secret_value() if password else ""
        self.failed_delay_s = failed_delay_s
        self._sleep = sleep

    @property
    def enabled(self) -> bool:
        return bool(self._user and self._password)

    def check(self, username: str | None, password: str | None) -> bool:
        """True for the configured credentials. Compared in constant time; a failed attempt
        (or any attempt while the desk is disabled) waits ``failed_delay_s`` before answering."""
        ok_user = hmac.compare_digest((username or "").encode(), self._user.encode())
        ok_password = hmac.compare_digest((password or "").encode(), self._password.encode())
        if self.enabled and ok_user and ok_password:
            return True
        self._sleep(self.failed_delay_s)
        return False
