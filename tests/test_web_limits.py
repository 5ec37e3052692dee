"""Web limits: oversized searches answered 422 with a message, a request past its time answered 503 with
Retry-After, snippets bounded whatever the query, and a slow request that does not stall the others."""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path

import pytest
from test_store import corpus

from newsgraph.store import StoreWriter
from newsgraph.store.snippets import highlight, query_terms, snippet

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web import guard
from newsgraph.web.app import create_app


def test_too_many_filters_terms_or_long_phrase_is_422_with_a_message(corpus_client: TestClient) -> None:
    many = [("person", f"x{i}") for i in range(1100)]
    for path in ("/", "/api/search", "/api/facets"):
        r = corpus_client.get(path, params=many)
        assert r.status_code == 422, (path, r.status_code)
        assert "1100 entity filters" in r.text
    words = " ".join(f"word{i}" for i in range(250))
    r = corpus_client.get("/api/search", params={"q": words})
    assert r.status_code == 422 and "words; at most 32 are accepted" in r.json()["error"]["message"]
    r = corpus_client.get("/", params={"q": '"' + "abcdefghij " * 25 + '"'})
    assert r.status_code == 422 and "quoted phrase" in r.text
    r = corpus_client.get("/feeds/search", params={"q": words})
    assert r.status_code == 422
    # within the limits: answered
    assert corpus_client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(32))}).status_code == 200
    within = [("person", f"x{i}") for i in range(20)]
    assert corpus_client.get("/", params=within).status_code == 200
    r = corpus_client.get("/api/search", params=within)  # past the size check: refused only because x0 is not an entity id
    assert r.status_code == 422 and "is not an entity id" in r.json()["error"]["message"]


def test_request_past_its_deadline_is_503_with_retry_after(corpus_db: Path, monkeypatch) -> None:
    monkeypatch.setattr(guard, "_past_deadline", lambda: 1)  # every SQL statement is past its deadline
    monkeypatch.setattr(guard, "PROGRESS_STEPS", 1)
    conn_client = TestClient(create_app(corpus_db))
    for path in ("/api/search?q=Nairobi", "/api/stats", "/", "/api/articles/x"):
        r = conn_client.get(path)
        assert r.status_code == 503, (path, r.status_code)
        assert r.headers["retry-after"] == str(guard.RETRY_AFTER)


def test_deadline_stops_a_long_statement(corpus_db: Path, monkeypatch) -> None:
    """A real deadline: a statement that runs long is interrupted (the handler is installed per connection)."""
    monkeypatch.setenv("NEWSGRAPH_WEB_TIMEOUT_MS", "200")
    from newsgraph.store.db import connect_readonly

    conn = guard.watch(connect_readonly(corpus_db))
    token = guard._deadline.set(time.monotonic() + 0.2)
    try:
        with pytest.raises(Exception, match="interrupted"):
            conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")\
                .fetchone()
    finally:
        guard._deadline.reset(token)


def test_snippets_are_bounded_and_marked() -> None:
    terms = query_terms('dam AND "water minister" OR syri* NOT title:foo')
    assert terms.words == {"dam", "water", "minister", "foo"} and terms.prefixes == ("syri",)
    body = "Intro text. " * 20 + "The water minister said the dam would open, Syrian officials said. " + "More. " * 50
    s = snippet(body, terms)
    assert "\x02minister\x03" in s and "\x02dam\x03" in s and "\x02Syrian\x03" in s
    assert s.startswith("\u2026") and s.endswith("\u2026")
    assert highlight("Water minister quits", terms) == "\x02Water\x03 \x02minister\x03 quits"
    assert snippet("nothing here", terms) is None
    common = " ".join(f"w{i % 50}" for i in range(35_000))  # every word a match: FTS5's snippet() took 14 s here
    s = snippet(common, query_terms(" ".join(f"w{i}" for i in range(32))))
    assert s.count("\x02") >= 10


def test_search_api_snippets_still_mark_matches(corpus_client: TestClient) -> None:
    r = corpus_client.get("/api/search", params={"q": "Nairobi"}).json()  # matches as ranges (see test_api.py)
    assert any(x["snippet"][s:e] == "Nairobi" for x in r["results"] for s, e in x["snippet_highlights"])


def test_a_slow_request_does_not_stall_the_others(tmp_path: Path) -> None:
    """Handlers run in worker threads: while one request sleeps inside its database work, others are answered."""
    path = tmp_path / "slow.db"
    with StoreWriter(path) as w:
        w.put(corpus()[0])
    app = create_app(path)
    gate = threading.Event()

    def slow(conn):
        gate.wait(30)

    from newsgraph.store import queries

    real = queries.stats
    calls = {"n": 0}

    def stats(conn):
        calls["n"] += 1
        if calls["n"] == 1:
            slow(conn)
        return real(conn)

    queries.stats = stats
    try:
        with TestClient(app) as c:
            results = {}

            def first():
                results["slow"] = c.get("/api/stats").status_code

            t = threading.Thread(target=first)
            t.start()
            time.sleep(0.3)
            r = c.get("/api/failures")  # answered while the first request is still blocked
            results["other"] = r.status_code
            assert t.is_alive()
            gate.set()
            t.join(30)
        assert results == {"slow": 200, "other": 200}
    finally:
        queries.stats = real
