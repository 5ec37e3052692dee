"""Hostile text and markup: each input gives a record or one clear error, and every writer emits valid UTF-8.

The pages are built here from `article_page` (an invented story) with one hostile part added: a lone surrogate
in a JSON-LD headline, NULs and control characters, a 400-digit count, a page of nothing but a comment, text
under 5,000 nested <div>, a `javascript:` canonical URL, 30,000 paragraphs.
"""

from __future__ import annotations

import json
import logging

from test_ingest import article_page

from newsgraph.annotate.facts import find_facts
from newsgraph.cleantext import clean_text, safe_text, safe_value
from newsgraph.cli.output import dumps
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.extract.boundary import web_url
from newsgraph.pipeline import analyze_document, analyze_stream
from newsgraph.records import RawDocument
from newsgraph.store import StoreWriter, content_hash
from newsgraph.store.db import connect_readonly
from newsgraph.store.queries import get_article

SENTENCE = "Ministers met in the capital on Monday to discuss the budget, officials said, and the talks went on late."


def with_head(extra: str, i: int = 0) -> bytes:
    return article_page(i).replace("</head>", extra + "</head>").encode("utf-8")


def ld(headline_json: str) -> str:
    return '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "' + headline_json + '"}</script>'


def test_clean_text_maps_what_writers_cannot_take():
    assert clean_text("a\ud800b") == "a\ufffdb"
    assert clean_text("\ud83d\ude00") == "\U0001f600"  # a surrogate pair is joined, not replaced
    out = clean_text("a\x00b\x07c\x0bd\x9fe\ufffe")
    assert out == "abc de\ufffd"
    assert clean_text("cafe\u0301") == "caf\u00e9"  # NFC
    assert clean_text("line\tone\nline two\r\n") == "line\tone\nline two\r\n"
    assert safe_text("ok text") == "ok text"
    assert safe_value({"a\udc80": ["x\udfff"]}) == {"a\ufffd": ["x\ufffd"]}


def test_lone_surrogate_in_jsonld_gives_a_clean_record_and_valid_json():
    raw = RawDocument("s.html", with_head(ld("Bad \\ud800 headline \\u0000 here")))
    art = analyze_document(raw)
    assert "\ud800" not in art.title and "\x00" not in art.title
    text = dumps(art.to_dict(), False)
    text.encode("utf-8")  # raises on any surrogate
    assert json.loads(text)["title"] == art.title


def test_a_batch_goes_on_past_a_bad_page():
    docs = [RawDocument(f"p{i}.html", with_head(ld("x \\udc00 y") if i == 1 else "", i)) for i in range(3)]
    out = list(analyze_stream(docs))
    assert [o.input for o in out] == ["p0.html", "p1.html", "p2.html"]
    assert not any(isinstance(o, InputError) for o in out)


def test_content_hash_and_store_take_any_str(tmp_path):
    rec = {"id": "x1", "input": "a\udcff.html", "title": "T\ud800", "body": "B\udfff"}
    assert len(content_hash(rec)) == 40
    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.put(rec, raw=b"data")
        w.add_failure("bad\udcff.html", "reason \ud800")
        assert w.input_done("a\udcff.html", b"data")
    conn = connect_readonly(db)
    got = get_article(conn, "x1")
    assert got["title"] == "T\ufffd" and got["body"] == "B\ufffd"


def test_huge_numbers_are_not_facts_and_do_not_raise():
    text = "Officials said " + "9" * 400 + " people were killed. At least 1" + "0" * 30 + " were injured. 12 people were killed."
    facts = find_facts(text)
    assert [(f.kind, f.value) for f in facts] == [(facts[0].kind, 12)]


def test_page_of_only_a_comment_is_not_an_article():
    for data in (b"<!-- nothing here -->", ("<!-- " + SENTENCE * 5 + " -->").encode()):
        try:
            extract(RawDocument("c.html", data))
        except InputError as exc:
            assert "no article text" in exc.problem
        else:
            raise AssertionError("a comment became an article")


def test_text_under_5000_nested_divs_is_found():
    for inner in (f"<p>{SENTENCE}</p>" * 3, SENTENCE * 3):
        page = "<html><body>" + "<div>" * 5000 + inner + "</div>" * 5000 + "</body></html>"
        ex = extract(RawDocument("deep.html", page.encode()))
        assert "Ministers met in the capital" in ex.body


def test_only_web_urls_are_kept(caplog):
    assert web_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative/path", "http://", "http://[::1"):
        assert web_url(bad) is None, bad
    raw = RawDocument("j.html", with_head('<link rel="canonical" href="javascript:alert(1)">'))
    with caplog.at_level(logging.WARNING, logger="newsgraph"):
        art = analyze_document(raw)
    assert art.url is None
    assert any("javascript:alert(1)" in r.getMessage() and "j.html" in r.getMessage() for r in caplog.records)
    given = RawDocument("k.html", article_page(0).encode(), url="javascript:void(0)")
    assert analyze_document(given).url is None


def test_thirty_thousand_paragraph_breaks_each_start_a_sentence():
    from newsgraph.annotate import load_pipeline

    nlp = load_pipeline()
    text = "\n\n".join(["one two three"] * 3000)
    doc = nlp(text)
    assert sum(1 for _ in doc.sents) == 3000


def test_store_keeps_only_web_urls_from_loaded_records(tmp_path):
    rec = {"id": "u1", "input": "r.jsonl", "url": "javascript:alert(1)", "title": "T", "body": "B",
           "images": [{"caption": "c", "url": "data:image/png;base64,xx"}, {"caption": "d", "url": "https://e.org/i.jpg"}]}
    db = tmp_path / "u.db"
    with StoreWriter(db) as w:
        w.put(rec)
    got = get_article(connect_readonly(db), "u1")
    assert got["url"] is None
    assert [i["url"] for i in got["images"]] == [None, "https://e.org/i.jpg"]


def test_two_concurrent_ingests_store_the_union(tmp_path):
    """Two `newsgraph ingest` processes writing one store at once: every article of both, integrity and FTS intact."""
    import copy
    import os
    import subprocess
    import sys
    from pathlib import Path

    from test_store import corpus

    arts = corpus()
    batches = []
    for b in range(2):
        lines = []
        for i in range(40):
            rec = copy.deepcopy(arts[i % len(arts)].to_dict())
            rec["id"] = f"{b}-{i:03d}"
            rec["url"] = f"https://union.example/{b}/{i}"
            rec["input"] = f"batch{b}.jsonl:{i + 1}"
            lines.append(json.dumps(rec))
        path = tmp_path / f"batch{b}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        batches.append(path)
    db = tmp_path / "union.db"
    StoreWriter(db).close()  # schema first, as a first ingest would
    exe = str(Path(sys.executable).parent / "newsgraph")
    procs = [subprocess.Popen([exe, "ingest", str(p), "--db", str(db), "--no-progress"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=os.environ.copy()) for p in batches]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    conn = connect_readonly(db)
    ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert ids == {f"{b}-{i:03d}" for b in range(2) for i in range(40)}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Nairobi'").fetchone()[0] > 0
    from newsgraph.store.db import connect

    rw = connect(db, create=False)
    rw.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")  # raises if the index is off
    rw.close()
