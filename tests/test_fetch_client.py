"""The polite HTTP client against a local server on 127.0.0.1: robots.txt, per-host delay, redirects, errors,
retries with Retry-After, time and size limits, the User-Agent. Waits are checked on a fake clock (no timing
asserts, no real waiting except the one slow response)."""

from __future__ import annotations

import dataclasses

import pytest
from fetchserver import FetchServer, Route

from newsgraph import __version__
from newsgraph.errors import InputError
from newsgraph.ingest.fetch.client import Fetcher, retry_after
from newsgraph.settings import get_settings

PAGE = b"<html><head><title>t</title></head><body><p>hello</p></body></html>"


class FakeClock:
    """clock() and sleep() for the Fetcher: sleeping moves the clock, nothing waits."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.sleeps.append(s)
        self.t += s


@pytest.fixture()
def server():
    with FetchServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
        yield s


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def fetcher(clock: FakeClock | None = None, **overrides) -> Fetcher:
    base = dict(fetch_delay=0.0, fetch_timeout=5.0, fetch_retries=2, fetch_backoff=0.5, fetch_max_wait=60.0)
    settings = dataclasses.replace(get_settings(), **{**base, **overrides})
    clock = clock or FakeClock()
    return Fetcher(settings, clock=clock, sleep=clock.sleep)


def test_user_agent_names_newsgraph_and_its_version(server):
    server.routes["/a"] = Route(PAGE)
    r = fetcher().get(server.url("/a"))
    assert r.status == 200 and r.body == PAGE
    ua = server.hits[-1].headers["user-agent"]
    assert ua.startswith(f"newsgraph/{__version__}")


def test_robots_disallowed_path_is_never_requested(server):
    server.routes["/private/x"] = Route(PAGE)
    server.routes["/public/x"] = Route(PAGE)
    f = fetcher()
    with pytest.raises(InputError, match="disallowed by robots.txt"):
        f.get(server.url("/private/x"))
    assert f.get(server.url("/public/x")).status == 200
    assert "/private/x" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # read once per host


def test_missing_robots_allows_everything_and_unreachable_robots_allows_nothing():
    with FetchServer() as s:
        s.routes["/a"] = Route(PAGE)
        assert fetcher().get(s.url("/a")).status == 200  # robots.txt is a 404
    with FetchServer() as s:
        s.routes["/robots.txt"] = Route(b"down", status=500, headers={"Content-Type": "text/plain"})
        s.routes["/a"] = Route(PAGE)
        with pytest.raises(InputError, match="robots.txt unreachable"):
            fetcher(fetch_retries=0).get(s.url("/a"))
        assert "/a" not in s.paths()


def test_requests_to_one_host_are_spaced_by_the_delay_setting(server):
    for i in range(4):
        server.routes[f"/p{i}"] = Route(PAGE)
    clock = FakeClock()
    f = fetcher(clock, fetch_delay=1.0)
    for i in range(4):
        f.get(server.url(f"/p{i}"))
    times = [t for _, t in f.requests]
    assert len(times) == 5  # robots.txt + 4 pages
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False))


def test_crawl_delay_from_robots_wins_over_a_shorter_setting(server):
    server.routes["/robots.txt"] = Route(b"User-agent: newsgraph\nCrawl-delay: 5\nDisallow:\n",
                                         headers={"Content-Type": "text/plain"})
    for i in range(3):
        server.routes[f"/p{i}"] = Route(PAGE)
    clock = FakeClock()
    f = fetcher(clock, fetch_delay=1.0)
    for i in range(3):
        f.get(server.url(f"/p{i}"))
    pages = [t for _, t in f.requests][1:]
    assert all(b - a >= 5.0 for a, b in zip(pages, pages[1:], strict=False))


def test_redirect_chain_is_followed_and_every_hop_checked(server):
    server.routes["/old"] = Route(b"", status=301, headers={"Location": "/older"})
    server.routes["/older"] = Route(b"", status=302, headers={"Location": server.url("/new")})
    server.routes["/new"] = Route(PAGE)
    r = fetcher().get(server.url("/old"))
    assert r.status == 200 and r.final_url == server.url("/new") and r.url == server.url("/old")
    assert r.redirects == [server.url("/older"), server.url("/new")]
    server.routes["/to-private"] = Route(b"", status=302, headers={"Location": "/private/x"})
    with pytest.raises(InputError, match="disallowed"):
        fetcher().get(server.url("/to-private"))


def test_redirect_loop_and_too_many_redirects_are_failures(server):
    server.routes["/a"] = Route(b"", status=301, headers={"Location": "/b"})
    server.routes["/b"] = Route(b"", status=302, headers={"Location": "/a"})
    with pytest.raises(InputError, match="redirect loop"):
        fetcher().get(server.url("/a"))
    for i in range(10):
        server.routes[f"/r{i}"] = Route(b"", status=301, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(InputError, match="too many redirects"):
        fetcher(fetch_max_redirects=3).get(server.url("/r0"))


def test_404_is_returned_as_a_status_not_retried(server):
    r = fetcher().get(server.url("/nothing"))
    assert r.status == 404
    assert server.paths().count("/nothing") == 1


def test_429_waits_for_retry_after_then_succeeds(server):
    server.routes["/busy"] = Route(b"", status=429, headers={"Retry-After": "7"}, times=1, then=Route(PAGE))
    clock = FakeClock()
    r = fetcher(clock).get(server.url("/busy"))
    assert r.status == 200
    assert server.paths().count("/busy") == 2
    assert max(clock.sleeps) >= 7.0


def test_503_retried_with_backoff_then_fails_with_the_reason(server):
    server.routes["/down"] = Route(b"", status=503)
    clock = FakeClock()
    with pytest.raises(InputError, match=r"HTTP 503 after 3 tries"):
        fetcher(clock, fetch_retries=2, fetch_backoff=0.5).get(server.url("/down"))
    assert server.paths().count("/down") == 3
    assert sorted(clock.sleeps)[-2:] == [0.5, 1.0]  # exponential backoff


def test_retry_after_beyond_the_limit_is_not_waited_for(server):
    server.routes["/later"] = Route(b"", status=503, headers={"Retry-After": "3600"})
    clock = FakeClock()
    with pytest.raises(InputError, match="retry after 3600"):
        fetcher(clock, fetch_max_wait=60).get(server.url("/later"))
    assert not clock.sleeps or max(clock.sleeps) < 60


def test_retry_after_http_date():
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1445412480.0 - 30) == pytest.approx(30.0)
    assert retry_after("soon", 0.0) is None and retry_after("12", 0.0) == 12.0


def test_slow_response_beyond_the_timeout_fails(server):
    server.routes["/slow"] = Route(PAGE, delay=1.5)
    with pytest.raises(InputError, match="timed out"):
        fetcher(fetch_timeout=0.3, fetch_retries=0).get(server.url("/slow"))


def test_response_over_the_size_limit_fails(server):
    server.routes["/big"] = Route(b"<html><body>" + b"x" * 50_000 + b"</body></html>")
    with pytest.raises(InputError, match="too large"):
        fetcher(max_input_bytes=10_000).get(server.url("/big"))
    assert fetcher(max_input_bytes=100_000).get(server.url("/big")).status == 200
