"""robots.txt per host (protego): may we fetch this URL, how long to wait between requests, which sitemaps it lists.

Read once per host per run. What an unreadable robots.txt means follows RFC 9309: missing (4xx) allows
everything; unreachable (5xx, network error) disallows everything for this run, since the site may be
protecting itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from protego import Protego

#: The product token matched against robots.txt `User-agent:` lines.
ROBOTS_AGENT = "newsgraph"


@dataclass
class HostRules:
    """What one host's robots.txt says about us."""

    parser: Protego | None  # None: no robots.txt (everything allowed)
    unreachable: str | None = None  # why robots.txt could not be read (then nothing is allowed)
    sitemaps: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        if self.unreachable:
            return False
        return self.parser is None or self.parser.can_fetch(url, ROBOTS_AGENT)

    def delay(self) -> float:
        """Seconds between requests that robots.txt asks for (Crawl-delay or Request-rate), 0 if none."""
        if self.parser is None:
            return 0.0
        wait = self.parser.crawl_delay(ROBOTS_AGENT) or 0.0
        rate = self.parser.request_rate(ROBOTS_AGENT)
        if rate and rate.requests:
            wait = max(wait, rate.seconds / rate.requests)
        return float(wait)


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def host_key(url: str) -> str:
    """scheme://host:port: robots.txt and the politeness delay apply per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class RobotsCache:
    """HostRules per origin, read on first use through `fetch(url) -> (status, text)` (status 0: unreachable)."""

    def __init__(self, fetch: Callable[[str], tuple[int, str]]):
        self._fetch = fetch
        self._rules: dict[str, HostRules] = {}

    def rules(self, url: str) -> HostRules:
        key = host_key(url)
        if key not in self._rules:
            self._rules[key] = self._read(robots_url(url))
        return self._rules[key]

    def _read(self, url: str) -> HostRules:
        status, text = self._fetch(url)
        if status == 0 or status >= 500:
            why = f"robots.txt unreachable ({text if status == 0 else f'HTTP {status}'})"
            return HostRules(parser=None, unreachable=why)
        if status >= 400 or not text.strip():
            return HostRules(parser=None)
        parser = Protego.parse(text)
        return HostRules(parser=parser, sitemaps=[urljoin(url, s) for s in parser.sitemaps])
