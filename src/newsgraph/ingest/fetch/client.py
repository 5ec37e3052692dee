"""A polite HTTP client (httpx): robots.txt, one request per host per `fetch_delay`, retries, limits, WARC.

Every request goes through `Fetcher.get`, which
- waits for the host's slot (max of the `fetch_delay` setting and robots.txt's Crawl-delay / Request-rate),
- refuses URLs robots.txt disallows (every redirect hop is checked too),
- retries timeouts, connection errors, 429 and 503 with exponential backoff, honouring Retry-After up to
  `fetch_max_wait`,
- stops reading a response past `max_input_bytes` (counted after decompression) or `fetch_timeout` seconds,
- follows redirects itself (so each hop is polite and archived) and reports loops and too many hops,
- writes every response it receives, errors included, to the WARC archive when one is given.
Failures are `InputError(url, reason)`, so they land in the store's failures table like any input's.

`clock` and `sleep` are parameters so tests check the waits without waiting.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph.errors import InputError
from newsgraph.ingest.fetch.robots import RobotsCache, host_key
from newsgraph.ingest.fetch.warcout import WarcArchive
from newsgraph.settings import Settings, default_user_agent, get_settings

_RETRY_STATUS = (429, 503)
_REDIRECT_STATUS = (301, 302, 303, 307, 308)


class Stopped(Exception):
    """Raised before a request when the caller asked to stop (Ctrl+C or SIGTERM in `watch`)."""


@dataclass
class Response:
    """One final response: the URL asked for, the URL that answered, status, lower-cased headers, decoded body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # the WARC-Date of the response record
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").lower()


def warc_date(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class Fetcher:
    """One per run: an httpx client, per-host slots, the robots.txt cache and the optional WARC archive."""

    def __init__(self, settings: Settings | None = None, warc: WarcArchive | None = None, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 stop: Callable[[], bool] = lambda: False, transport: httpx.BaseTransport | None = None):
        self.settings = settings or get_settings()
        self.warc = warc
        self.clock, self.sleep, self.stop = clock, sleep, stop
        self.user_agent = self.settings.user_agent or default_user_agent()
        self.client = httpx.Client(
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.settings.fetch_timeout), follow_redirects=False, http2=_has_h2(),
            transport=transport,
        )
        self.robots = RobotsCache(self._robots_text)
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}  # the delay each host's last request was sent with
        #: (host, clock time) of every request sent, for reports and checks of the request rate.
        self.requests: list[tuple[str, float]] = []

    def close(self) -> None:
        self.client.close()

    # -- politeness ---------------------------------------------------------------------------------------------
    def delay_for(self, url: str) -> float:
        rules = self.robots.rules(url)
        return max(self.settings.fetch_delay, rules.delay())

    def _wait_slot(self, url: str, delay: float) -> None:
        host = host_key(url)
        wait = self._next.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)
        if self.stop():
            raise Stopped
        now = self.clock()
        self._next[host] = now + delay
        self._delay[host] = delay
        self.requests.append((host, now))

    def _robots_text(self, url: str) -> tuple[int, str]:
        """(status, text) of a robots.txt, following up to 5 redirects (RFC 9309); status 0 when unreachable."""
        try:
            for _ in range(6):
                r = self._exchange(url, delay=self.settings.fetch_delay, check_robots=False)
                if r.status not in _REDIRECT_STATUS or not r.headers.get("location"):
                    break
                url = urljoin(url, r.headers["location"])
        except InputError as exc:
            return 0, exc.problem
        return r.status, r.body.decode("utf-8", errors="replace")

    # -- requests -----------------------------------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET `url` politely, following redirects; raises InputError(url, reason) or Stopped."""
        seen = [url]
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            r = self._exchange(current, headers=headers, check_robots=True)
            if r.status in _REDIRECT_STATUS and r.headers.get("location"):
                nxt = urljoin(current, r.headers["location"])
                if urlsplit(nxt).scheme not in ("http", "https"):
                    raise InputError(url, f"redirect to a non-web URL: {nxt}")
                if nxt in seen:
                    raise InputError(url, "redirect loop: " + " -> ".join([*seen[seen.index(nxt):], nxt]))
                seen.append(nxt)
                current = nxt
                continue
            r.url, r.redirects = url, seen[1:]
            return r
        raise InputError(url, f"too many redirects (more than {self.settings.fetch_max_redirects}): "
                              + " -> ".join(seen))

    def _exchange(self, url: str, headers: dict[str, str] | None = None, *, check_robots: bool = True,
                  delay: float | None = None) -> Response:
        """One URL, no redirects followed, with retries; raises InputError when every try failed."""
        s = self.settings
        if check_robots:
            rules = self.robots.rules(url)
            if not rules.allowed(url):
                raise InputError(url, rules.unreachable or "disallowed by robots.txt")
        delay = self.delay_for(url) if delay is None else delay
        problem = ""
        for attempt in range(s.fetch_retries + 1):
            self._wait_slot(url, delay)
            try:
                r = self._once(url, headers)
            except httpx.TimeoutException:
                problem = f"timed out (limit {s.fetch_timeout:g} s, NEWSGRAPH_FETCH_TIMEOUT)"
            except _TooSlow:
                problem = f"response took longer than {s.fetch_timeout:g} s (NEWSGRAPH_FETCH_TIMEOUT)"
            except httpx.TransportError as exc:
                problem = f"connection failed: {type(exc).__name__}: {exc}"
            else:
                if r.status not in _RETRY_STATUS:
                    return r
                problem = f"HTTP {r.status}"
                wait = retry_after(r.headers.get("retry-after"), time.time())
                if wait is not None:
                    if wait > s.fetch_max_wait:
                        raise InputError(url, f"HTTP {r.status}: server asks to retry after {wait:g} s "
                                              f"(more than NEWSGRAPH_FETCH_MAX_WAIT={s.fetch_max_wait:g})")
                    if attempt < s.fetch_retries:
                        self._next[host_key(url)] = self.clock() + max(wait, delay)
                    continue
            if attempt < s.fetch_retries:  # backoff: the host's next slot moves further away each try
                self._next[host_key(url)] = self.clock() + max(delay, s.fetch_backoff * 2 ** attempt)
        raise InputError(url, f"{problem} after {s.fetch_retries + 1} tries")

    def _once(self, url: str, headers: dict[str, str] | None) -> Response:
        """One request; the host's next slot starts `delay` after this response ends (a slow server gets slower
        requests, and the gap the server sees is never shorter than the delay)."""
        try:
            return self._read(url, headers)
        finally:
            host = host_key(url)
            self._next[host] = max(self._next.get(host, 0.0), self.clock() + self._delay.get(host, 0.0))

    def _read(self, url: str, headers: dict[str, str] | None) -> Response:
        s = self.settings
        deadline = time.monotonic() + s.fetch_timeout
        limit = s.max_input_bytes
        with self.client.stream("GET", url, headers=headers) as resp:
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and "content-encoding" not in resp.headers:
                self._archive(resp, b"", truncated=True)
                raise InputError(url, f"response too large ({int(declared):,} bytes; limit {limit:,} bytes, "
                                      "NEWSGRAPH_MAX_INPUT_BYTES)")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError(url, f"response too large (more than {limit:,} bytes; limit "
                                          "NEWSGRAPH_MAX_INPUT_BYTES)")
                if time.monotonic() > deadline:
                    raise _TooSlow
                chunks.append(chunk)
            body = b"".join(chunks)
            date = self._archive(resp, body)
        hdrs = {k.lower(): v for k, v in resp.headers.items()}
        return Response(url=url, final_url=url, status=resp.status_code, headers=hdrs, body=body, fetched_at=date)

    def _archive(self, resp: httpx.Response, body: bytes, truncated: bool = False) -> str:
        date = warc_date(time.time())
        if self.warc is not None and not truncated:
            req = resp.request
            self.warc.write(
                url=str(req.url), date=date, method=req.method, request_target=req.url.raw_path.decode("ascii"),
                request_headers=[("Host", req.url.netloc.decode("ascii"))] + [
                    (k, v) for k, v in req.headers.multi_items() if k.lower() != "host"],
                status=resp.status_code, reason=resp.reason_phrase, response_headers=resp.headers.multi_items(),
                body=body, protocol=resp.http_version,
            )
        return date


class _TooSlow(Exception):
    pass


def _has_h2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True
