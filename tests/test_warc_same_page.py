"""One page reached by two URLs is one article when a WARC is ingested: a redirect (asked for as A, answered at B)
and a canonical link (the page at a tracking URL naming its clean URL) each give one record, keeping every URL it
was reached by in `urls`. The WARCs are written here with warcio, as `newsgraph fetch` and crawlers write them."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import app as cli
from newsgraph.extract.boundary import same_page_canonical
from newsgraph.ingest.warc import iter_warc
from tests.test_ingest import article_page

HOST = "https://news.example"


def _response(writer: WARCWriter, url: str, status: str, headers: list[tuple[str, str]], body: bytes = b"") -> None:
    http = StatusAndHeaders(status, [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _page(i: int, canonical: str | None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return article_page(i).replace("<head>", f"<head>{link}", 1).encode()


def _warc(path: Path, exchanges: list[tuple[str, str, list[tuple[str, str]], bytes]]) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, headers, body in exchanges:
            _response(writer, url, status, headers, body)
    return path


def _ingest(tmp_path: Path, warc: Path) -> list[dict]:
    db = tmp_path / "s.db"
    res = CliRunner().invoke(cli, ["ingest", str(warc), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    with sqlite3.connect(db) as conn:
        return [json.loads(r) for (r,) in conn.execute("SELECT record FROM articles ORDER BY aid")]


HTML = [("Content-Type", "text/html; charset=utf-8")]


def test_a_page_at_a_tracking_url_and_its_canonical_url_is_one_article(tmp_path: Path) -> None:
    clean, tracked = f"{HOST}/world/flood", f"{HOST}/world/flood?utm_source=feed&utm_medium=rss"
    warc = _warc(tmp_path / "a.warc.gz", [
        (clean, "200 OK", HTML, _page(0, "/world/flood")),
        (tracked, "200 OK", HTML, _page(0, "/world/flood")),
        (f"{HOST}/world/rail", "200 OK", HTML, _page(1, None)),
    ])
    records = _ingest(tmp_path, warc)
    assert [r["url"] for r in records] == [clean, f"{HOST}/world/rail"]
    assert records[0]["urls"] == [clean, tracked]
    assert records[0]["fetched_url"] == tracked  # the last input that gave it
    # the order of the two records does not matter
    warc2 = _warc(tmp_path / "b.warc.gz", [
        (tracked, "200 OK", HTML, _page(0, "/world/flood")), (clean, "200 OK", HTML, _page(0, "/world/flood"))])
    (tmp_path / "b").mkdir()
    again = _ingest(tmp_path / "b", warc2)
    assert len(again) == 1 and again[0]["id"] == records[0]["id"] and again[0]["urls"] == [tracked, clean]


def test_a_redirected_page_keeps_the_url_asked_for_and_is_stored_once(tmp_path: Path) -> None:
    old, new = f"{HOST}/2024/rail-deal", f"{HOST}/africa/rail-deal"
    warc = _warc(tmp_path / "r.warc.gz", [
        (new, "200 OK", HTML, _page(1, None)),  # reached directly first ...
        (old, "301 Moved Permanently", [("Location", "/africa/rail-deal")], b""),
        (new, "200 OK", HTML, _page(1, None)),  # ... and again through the redirect
    ])
    docs = list(iter_warc(str(warc)))
    assert [d.headers.get("redirected-from") for d in docs] == [None, old]
    records = _ingest(tmp_path, warc)
    assert len(records) == 1 and records[0]["url"] == new
    assert records[0]["urls"] == [new, old]


def test_a_canonical_link_that_cannot_name_the_page_is_not_followed(tmp_path: Path) -> None:
    """A template's home-page canonical and another host's canonical (syndication) leave each page its own URL."""
    warc = _warc(tmp_path / "h.warc.gz", [
        (f"{HOST}/world/flood", "200 OK", HTML, _page(0, "/")),
        (f"{HOST}/world/rail", "200 OK", HTML, _page(1, f"{HOST}/")),
        (f"{HOST}/world/fire", "200 OK", HTML, _page(2, "https://wire.example/fire")),
    ])
    records = _ingest(tmp_path, warc)
    assert [r["url"] for r in records] == [f"{HOST}/world/flood", f"{HOST}/world/rail", f"{HOST}/world/fire"]
    assert len({r["id"] for r in records}) == 3


def test_same_page_canonical() -> None:
    page = f"{HOST}/a/story?ref=x"
    assert same_page_canonical(page, "/a/story") == f"{HOST}/a/story"
    assert same_page_canonical(page, "https://NEWS.example/a/story") == "https://NEWS.example/a/story"
    assert same_page_canonical(page, "https://other.example/a/story") is None
    assert same_page_canonical(page, "/") is None
    assert same_page_canonical(f"{HOST}/", "/") == f"{HOST}/"
    assert same_page_canonical(page, "javascript:alert(1)") is None
    assert same_page_canonical(None, "/a/story") is None
    assert same_page_canonical(page, "  ") is None
