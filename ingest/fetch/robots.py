"""robots.txt: what our user agent may fetch on a site, and how long to wait between requests.

Rules are read with :mod:`protego` (RFC 9309: ``*`` and ``$`` wildcards, longest match wins).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from protego import Protego

from ingest.decode import decode
from ingest.fetch import deadline
from ingest.fetch.budget import RequestBudget
from ingest.fetch.config import FetchConfig
from ingest.fetch.deadline import Clock
from ingest.fetch.urls import origin

log = logging.getLogger(__name__)

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass(frozen=True)
class RobotsRules:
    """The robots.txt of one site, as it applies to our user agent."""

    parser: Protego | None  # None: everything is allowed (unless ``refusal``)
    crawl_delay_s: float = 0.0
    refusal: str | None = None  # robots.txt did not answer in time: everything is disallowed


def parse_robots(text: str, user_agent: str, max_crawl_delay_s: float) -> RobotsRules:
    """Parse a robots.txt; a Crawl-delay above ``max_crawl_delay_s`` is capped to it."""
    parser = Protego.parse(text)
    delay = parser.crawl_delay(user_agent)
    return RobotsRules(parser, min(float(delay or 0), max_crawl_delay_s))


class RobotsTimeout(Exception):
    """robots.txt gave no complete answer within the deadline."""


def read_robots(client: httpx.Client, site: str, config: FetchConfig, clock: Clock) -> str | None:
    """The text of ``site``/robots.txt (its first :data:`ROBOTS_MAX_BYTES`), or None when it
    is missing (4xx), failing (5xx) or unreachable: then everything is allowed. One that does
    not answer within ``config.request_deadline_s`` (connect, headers, body, redirects) raises
    RobotsTimeout."""
    try:
        with (
            deadline.within(clock, config.request_deadline_s),
            client.stream(
                "GET",
                f"{site}/robots.txt",
                headers={"User-Agent": config.user_agent},
                follow_redirects=True,
            ) as response,
        ):
            if response.status_code != 200:
                if response.status_code >= 500:
                    log.warning("robots.txt of %s: HTTP %s", site, response.status_code)
                return None
            data = _read_limited(response, ROBOTS_MAX_BYTES)
    except httpx.TimeoutException as exc:
        raise RobotsTimeout from exc
    except httpx.HTTPError as exc:
        log.warning("robots.txt of %s unreachable (%s); allowing all", site, exc)
        return None
    return decode(data)


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    """At most ``limit`` bytes of the body. When there is more, the last, cut line is dropped:
    a rule cut short can mean something else (``Disallow: /private`` cut to ``Disallow: /``),
    and a character cut in two would make the text look like another encoding than UTF-8."""
    data = bytearray()
    for chunk in response.iter_bytes():
        if deadline.passed():
            raise httpx.ReadTimeout("robots.txt past its deadline")
        data.extend(chunk)
        if len(data) > limit:
            cut = bytes(data[:limit])
            return cut[: cut.rfind(b"\n") + 1]
    return bytes(data)


class Robots:
    """robots.txt rules per site (fetched once each) and the Crawl-delay between requests.

    With ``respect_robots`` off, everything is allowed and nobody waits.
    """

    def __init__(
        self,
        client: httpx.Client,
        config: FetchConfig,
        budget: RequestBudget,
        *,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ) -> None:
        self._client = client
        self._config = config
        self._budget = budget
        self._sleep = sleep
        self._clock = clock
        self._rules: dict[str, RobotsRules] = {}
        self._last_request: dict[str, float] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (always True if not respected)."""
        if not self._config.respect_robots:
            return True
        rules = self.rules(url)
        if rules.refusal is not None:
            return False
        return rules.parser is None or rules.parser.can_fetch(url, self._config.user_agent)

    def refusal(self, url: str) -> str:
        """Why :meth:`allowed` says no to ``url`` (one line)."""
        return self.rules(url).refusal or f"disallowed by robots.txt: {url}"

    def rules(self, url: str) -> RobotsRules:
        """The rules of ``url``'s site, fetching its robots.txt the first time."""
        site = origin(url)
        rules = self._rules.get(site)
        if rules is None:
            rules = self._fetch_rules(site)
            self._rules[site] = rules
        return rules

    def _fetch_rules(self, site: str) -> RobotsRules:
        """RFC 9309 (2.3.1.4): a robots.txt that cannot be reached means complete disallow; one
        that does not answer within the deadline is taken so for the rest of this run."""
        config = self._config
        self._budget.spend(f"{site}/robots.txt")
        try:
            text = read_robots(self._client, site, config, self._clock)
        except RobotsTimeout:
            seconds = config.request_deadline_s
            log.warning("robots.txt of %s: no answer within %g s; disallowing all", site, seconds)
            refusal = (
                f"robots.txt of {site} gave no complete answer within {seconds:g} s "
                "(RFC 9309: unreachable, so all disallowed): nothing fetched from it this run"
            )
            return RobotsRules(None, refusal=refusal)
        if text is None:
            return RobotsRules(None)
        return parse_robots(text, config.user_agent, config.max_crawl_delay_s)

    def wait_turn(self, url: str) -> None:
        """Sleep so that a request to a site starts at least its Crawl-delay after the previous
        request to that site ended."""
        if not self._config.respect_robots:
            return
        delay = self.rules(url).crawl_delay_s
        last = self._last_request.get(origin(url))
        if delay and last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def request_ended(self, url: str) -> None:
        """Note that a request to ``url``'s site has just ended (see :meth:`wait_turn`)."""
        self._last_request[origin(url)] = self._clock()
