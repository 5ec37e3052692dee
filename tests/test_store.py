"""The store: records round-trip, idempotent writes, replacement of changed pages, atomic articles, failures,
search with facets, entity pages, exports. Records are built by hand here so these tests do not depend on the
quality of annotation (which other stages improve).
"""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsgraph.records import Article, DateRef, Entity, Event, Fact, Geo, Mention, Quote, stable_id
from newsgraph.store import SearchParams, StoreWriter, connect_readonly, get_article, get_entity, search
from newsgraph.store.export import GKG_COLUMNS, gkg_row, write_parquet
from newsgraph.store.queries import QueryError, iter_records, list_failures

PLACES = {
    "Kenya": ("country", Geo(192950, 1.0, 38.0, "KE", "PCLI")),
    "Nairobi": ("city", Geo(184745, -1.2833, 36.8167, "KE", "PPLC")),
    "Egypt": ("country", Geo(357994, 27.0, 30.0, "EG", "PCLI")),
    "Peru": ("country", Geo(3932488, -10.0, -76.0, "PE", "PCLI")),
    "Cusco": ("city", Geo(3941584, -13.5183, -71.9781, "PE", "PPLA")),
}


def entity(name: str, etype: str, body: str, geo: Geo | None = None) -> Entity:
    """An entity with a mention at every place its name occurs in the body."""
    mentions, pos = [], body.find(name)
    while pos >= 0:
        mentions.append(Mention(pos, pos + len(name), name))
        pos = body.find(name, pos + len(name))
    return Entity(id=stable_id(etype, name)[:16], name=name, type=etype, aliases=[name], salience=0.5,
                  geo=geo, mentions=mentions)


def make_article(
    title: str,
    paragraphs: list[str],
    *,
    url: str | None = None,
    published: str | None = "2026-03-02T09:00:00+00:00",
    source: str = "Meridian Post",
    people: tuple[str, ...] = (),
    orgs: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    quotes: list[tuple[str, str]] | None = None,
) -> Article:
    body = "\n\n".join(paragraphs)
    ents = [entity(n, "person", body) for n in people] + [entity(n, "organisation", body) for n in orgs]
    for n in places:
        etype, geo = PLACES[n]
        ents.append(entity(n, etype, body, geo))
    by_name = {e.name: e for e in ents}
    qs = []
    for speaker, text in quotes or []:
        start = body.find(text)
        qs.append(Quote(text=text, start=start, end=start + len(text), kind="direct", speaker=by_name[speaker].id,
                        speaker_name=speaker, cue="said"))
    events = []
    if len(people) >= 1 and places:
        events.append(Event(type="CONSULT", start=0, end=len(paragraphs[0]), mode="meet",
                            source=by_name[people[0]].id, location=by_name[places[0]].id, date=(published or "")[:10] or None))
    facts = []
    m = re.search(r"(\d[\d,]*) (?:people )?(killed|dead)", body)
    if m:
        facts.append(Fact(kind="killed", value=int(m.group(1).replace(",", "")), start=m.start(), end=m.end(), qualifier="at least"))
    dates = []
    d = body.find("on Monday")
    if d >= 0 and published:
        dates.append(DateRef(text="on Monday", value=published[:10], start=d, end=d + 9, resolution="day"))
    aid = stable_id(url) if url else stable_id(" ".join(body.split()).lower())
    topics = {
        "people": [e.name for e in ents if e.type == "person"],
        "countries": [e.name for e in ents if e.type == "country"],
        "cities": [e.name for e in ents if e.type == "city"],
        "organisations": [e.name for e in ents if e.type == "organisation"],
    }
    return Article(
        id=aid, input=f"hand/{aid[:8]}.html", url=url, source={"name": source, "domain": source.lower().replace(" ", "") + ".example"},
        title=title, section="World", standfirst=None, authors=["Test Writer"], agency=None, published=published,
        modified=None, language="en", images=[], body=body, entities=ents, topics=topics, quotes=qs, events=events,
        facts=facts, dates=dates,
    )


def corpus() -> list[Article]:
    return [
        make_article(
            "Egypt and Kenya hold water talks in Nairobi",
            ["Amina Haile opened talks between Egypt and Kenya in Nairobi on Monday.",
             "\"We want an agreement before June,\" Amina Haile said. The African Union hosted the meeting."],
            url="https://meridian.example/a1", people=("Amina Haile",), orgs=("African Union",),
            places=("Nairobi", "Egypt", "Kenya"), quotes=[("Amina Haile", "We want an agreement before June,")],
        ),
        make_article(
            "Earthquake kills 14 in Peru",
            ["An earthquake near Cusco killed 14 people on Monday, Peru's civil defence agency said.",
             "President Elena Vargas flew to Cusco. \"We will rebuild every school,\" Elena Vargas said."],
            url="https://dispatch.example/b1", published="2026-03-06T11:00:00-05:00", source="Global Dispatch",
            people=("Elena Vargas",), places=("Cusco", "Peru"), quotes=[("Elena Vargas", "We will rebuild every school,")],
        ),
        make_article(
            "African Union envoy praises Nile deal",
            ["Amina Haile said the Nile agreement signed in Nairobi was a victory. Egypt welcomed it."],
            url="https://meridian.example/a2", published="2026-03-09T16:30:00+03:00",
            people=("Amina Haile",), orgs=("African Union",), places=("Nairobi", "Egypt"),
        ),
    ]


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    with StoreWriter(db) as w:
        for a in corpus():
            assert w.put(a) == "added"
    return db


def test_record_round_trips(store: Path) -> None:
    conn = connect_readonly(store)
    for a in corpus():
        got = get_article(conn, a.id)
        got.pop("stored_at")
        assert got == a.to_dict()
        assert Article.from_dict(got) == a


def test_same_article_twice_stays_one(store: Path) -> None:
    with StoreWriter(store) as w:
        assert w.put(corpus()[0]) == "unchanged"
        # The same content reached through another input path is the same article.
        other = corpus()[0]
        other.input = "elsewhere/copy.html"
        assert w.put(other) == "unchanged"
    conn = connect_readonly(store)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Nairobi'").fetchone()[0] == 2


def test_changed_page_replaces_older_version(store: Path) -> None:
    a = corpus()[0]
    changed = make_article(
        "Water talks collapse in Nairobi", ["Talks in Nairobi collapsed on Monday, Amina Haile said."],
        url="https://meridian.example/a1", people=("Amina Haile",), places=("Nairobi",),
    )
    assert changed.id == a.id
    with StoreWriter(store) as w:
        assert w.put(changed) == "replaced"
    conn = connect_readonly(store)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert get_article(conn, a.id)["title"] == "Water talks collapse in Nairobi"
    # Old annotations and old index entries are gone; new ones are in.
    aid = conn.execute("SELECT aid FROM articles WHERE id = ?", (a.id,)).fetchone()[0]
    assert conn.execute("SELECT count(*) FROM quotes WHERE aid = ?", (aid,)).fetchone()[0] == 0
    assert search(conn, SearchParams(q="collapsed"))["total"] == 1
    assert search(conn, SearchParams(q="June"))["total"] == 0
    egypt = next(e for e in a.entities if e.name == "Egypt")
    assert conn.execute("SELECT article_count FROM entities WHERE id = ?", (egypt.id,)).fetchone()[0] == 1


def test_failures_are_recorded_and_cleared(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    a = corpus()[0]
    with StoreWriter(db) as w:
        w.add_failure(a.input, "broken HTML")
        w.add_failure("missing.html", "no such file")
        w.add_failure("missing.html", "no such file")  # the latest reason per input is kept, not duplicated
        rows = list_failures(w.conn)
        assert [(r["input"], r["reason"]) for r in rows] == [(a.input, "broken HTML"), ("missing.html", "no such file")]
        assert all(r["at"].endswith("Z") for r in rows)
        w.put(a)  # a later success clears the input's failure
        assert [r["input"] for r in list_failures(w.conn)] == ["missing.html"]


def test_input_done_skips_only_identical_bytes(tmp_path: Path) -> None:
    a = corpus()[0]
    with StoreWriter(tmp_path / "i.db") as w:
        assert not w.input_done(a.input, b"<html>v1</html>")
        w.put(a, raw=b"<html>v1</html>")
        assert w.input_done(a.input, b"<html>v1</html>")
        assert not w.input_done(a.input, b"<html>v2</html>")


def test_wal_mode(store: Path) -> None:
    conn = sqlite3.connect(store)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_kill_mid_ingest_keeps_whole_articles(tmp_path: Path) -> None:
    """A writer killed (SIGKILL) inside a transaction leaves only whole, committed articles; a rerun completes."""
    db = tmp_path / "k.db"
    records = tmp_path / "records.jsonl"
    arts = [make_article(f"Story number {i}", [f"Paragraph about Nairobi number {i}. Amina Haile spoke."],
                         url=f"https://x.example/{i}", people=("Amina Haile",), places=("Nairobi",)) for i in range(40)]
    records.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in arts))
    script = textwrap.dedent(f"""
        import json, os, signal, sys
        from newsgraph.store import StoreWriter
        import newsgraph.store.writer as wr
        real = wr._write_children
        n = 0
        def slow(c, aid, r):
            global n
            real(c, aid, r)
            n += 1
            if n == 25:  # die inside the 25th article's transaction, after its children are written
                os.kill(os.getpid(), signal.SIGKILL)
        wr._write_children = slow
        with StoreWriter({str(db)!r}) as w:
            for line in open({str(records)!r}):
                w.put(json.loads(line))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    conn = connect_readonly(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 24
    assert conn.execute("SELECT count(DISTINCT aid) FROM mentions").fetchone()[0] == 24
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Nairobi'").fetchone()[0] == 24
    assert conn.execute("SELECT count(*) FROM mentions WHERE aid NOT IN (SELECT aid FROM articles)").fetchone()[0] == 0
    conn.close()
    from typer.testing import CliRunner

    from newsgraph.cli import app

    res = CliRunner().invoke(app, ["ingest", str(records), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "16 added" in res.output and "24 unchanged" in res.output
    conn = connect_readonly(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40


def test_search_snippets_facets_and_filters(store: Path) -> None:
    conn = connect_readonly(store)
    r = search(conn, SearchParams(q="Nairobi"))
    assert r["total"] == 2
    assert all("\x02Nairobi\x03" in hit["snippet"] for hit in r["results"])
    people = {f["name"]: f["count"] for f in r["facets"]["people"]}
    assert people == {"Amina Haile": 2}
    assert {f["name"] for f in r["facets"]["cities"]} == {"Nairobi"}
    assert r["facets"]["sources"] == [{"name": "Meridian Post", "count": 2}]
    peru = next(e for e in corpus()[1].entities if e.name == "Peru")
    r = search(conn, SearchParams(entities={"countries": [peru.id]}))
    assert [h["title"] for h in r["results"]] == ["Earthquake kills 14 in Peru"]
    assert search(conn, SearchParams(source="Global Dispatch"))["total"] == 1
    assert search(conn, SearchParams(date_from="2026-03-05", date_to="2026-03-07"))["total"] == 1
    assert search(conn, SearchParams(q="Nairobi", date_from="2026-03-08"))["total"] == 1
    everything = search(conn, SearchParams())
    assert everything["total"] == 3 and everything["results"][0]["title"] == "African Union envoy praises Nile deal"
    assert {f["name"]: f["count"] for f in everything["facets"]["countries"]} == {"Egypt": 2, "Kenya": 1, "Peru": 1}


def test_paging(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with StoreWriter(db) as w:
        for i in range(45):
            w.put(make_article(f"Report {i}", [f"Flood report {i} from Nairobi."], url=f"https://p.example/{i}",
                               published=f"2026-03-{1 + i % 28:02d}T10:00:00+00:00", places=("Nairobi",)))
    conn = connect_readonly(db)
    seen = []
    for page in (1, 2, 3):
        r = search(conn, SearchParams(q="flood", page=page, per_page=20))
        assert r["pages"] == 3
        seen += [h["id"] for h in r["results"]]
    assert len(seen) == len(set(seen)) == 45


@pytest.mark.parametrize("bad", ['"unterminated', "AND", "a AND", "(Nairobi", "NEAR(", "col:thing", "*"])
def test_bad_fts_query_is_a_query_error(store: Path, bad: str) -> None:
    conn = connect_readonly(store)
    try:
        search(conn, SearchParams(q=bad))
    except QueryError as exc:
        assert "quotes" in str(exc)


def test_entity_page_data(store: Path) -> None:
    conn = connect_readonly(store)
    haile = next(e for e in corpus()[0].entities if e.name == "Amina Haile")
    ent = get_entity(conn, haile.id)
    assert ent["article_count"] == 2 and ent["mention_count"] == 3
    assert [q["text"] for q in ent["quotes"]] == ["We want an agreement before June,"]
    assert [t["day"] for t in ent["timeline"]] == ["2026-03-02", "2026-03-09"]
    co = {c["name"]: c["n"] for c in ent["cooccurring"]}
    assert co["Nairobi"] == 2 and co["Egypt"] == 2 and co["African Union"] == 2
    assert {p["name"] for p in ent["places"]} == {"Nairobi", "Egypt", "Kenya"}
    assert ent["events"][0]["type"] == "CONSULT" and ent["events"][0]["location_entity"]["name"] == "Nairobi"
    assert get_entity(conn, "nope") is None


def test_exports(store: Path, tmp_path: Path) -> None:
    conn = connect_readonly(store)
    recs = list(iter_records(conn))
    assert len(recs) == 3
    row = gkg_row(recs[0], 1)
    assert len(row) == len(GKG_COLUMNS) == 27
    assert all("\t" not in f and "\n" not in f for f in row)
    assert row[11] == "Amina Haile"
    assert "1#Egypt#EG#EG#27#30#EG" in row[9].split(";")  # FIPS 10-4 codes, the country code as its feature id
    assert row[22].startswith(f"{recs[0]['quotes'][0]['start']}|")
    assert row[1] == "20260302090000"
    import pyarrow.parquet as pq

    out = tmp_path / "x.parquet"
    assert write_parquet(iter(recs), str(out)) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and table.column("topics").to_pylist()[0]["people"] == ["Amina Haile"]


def test_filtered_search_window_and_estimate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filtered search walks the newest matches and stops after the ranking window; the total is then an
    estimate, flagged as such; with a window larger than the matches the total is exact."""
    import newsgraph.store.queries as Q

    db = tmp_path / "w.db"
    with StoreWriter(db) as w:
        for i in range(40):
            people = ("Amina Haile",) if i % 2 else ("Elena Vargas",)
            w.put(make_article(f"Harbour report {i}", [f"Harbour report {i}: {people[0]} spoke in Nairobi."],
                               url=f"https://h.example/{i}", people=people, places=("Nairobi",)))
    conn = connect_readonly(db)
    haile = entity("Amina Haile", "person", "Amina Haile").id
    exact = search(conn, SearchParams(q="harbour", entities={"people": [haile]}))
    assert exact["total"] == 20 and not exact["total_approximate"]
    monkeypatch.setattr(Q, "RANK_WINDOW", 6)
    est = search(conn, SearchParams(q="harbour", entities={"people": [haile]}, per_page=3))
    assert est["total_approximate"] and 14 <= est["total"] <= 26
    assert est["pages"] == 2  # relevance pages cover the window
    assert all("Amina Haile" in h["snippet"].replace("\x02", "").replace("\x03", "") for h in est["results"])
    newest = search(conn, SearchParams(q="harbour", entities={"people": [haile]}, sort="newest", per_page=50))
    assert len(newest["results"]) == 20  # date order reads every filtered match


def test_ingest_records_from_stdin_and_files(tmp_path: Path) -> None:
    """JSON Lines / JSON records from `analyze` are stored directly (no re-analysis); bad lines are failures."""
    from typer.testing import CliRunner

    from newsgraph.cli import app

    db = tmp_path / "r.db"
    arts = corpus()
    lines = "".join(json.dumps(a.to_dict()) + "\n" for a in arts[:2])
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", "-", "--db", str(db), "--no-progress"], input=lines)
    assert res.exit_code == 0, res.output
    assert "2 added" in res.output
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(arts[2].to_dict(), indent=2))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(arts[0].to_dict()) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n")
    res = runner.invoke(app, ["ingest", str(pretty), str(bad), "--db", str(db), "--no-progress"])
    assert res.exit_code == 1
    assert "1 added" in res.output and "1 unchanged" in res.output and "2 failed" in res.output
    conn = connect_readonly(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert {f["input"] for f in list_failures(conn)} == {f"{bad}:2", f"{bad}:3"}


def test_whole_store_facets_follow_new_writes(store: Path) -> None:
    """The cached whole-store facets are recomputed after another connection commits."""
    conn = connect_readonly(store)
    before = {f["name"]: f["count"] for f in search(conn, SearchParams())["facets"]["countries"]}
    assert before["Peru"] == 1
    with StoreWriter(store) as w:
        w.put(make_article("Second Peru story", ["More news from Cusco, Peru."], url="https://x.example/peru2",
                           places=("Cusco", "Peru")))
    after = {f["name"]: f["count"] for f in search(conn, SearchParams())["facets"]["countries"]}
    assert after["Peru"] == 2


def _aggregates(conn: sqlite3.Connection) -> tuple[set, set, set]:
    def rows(sql: str) -> set[tuple]:
        return {tuple(r) for r in conn.execute(sql)}

    ents = rows("SELECT id, article_count, mention_count FROM entities WHERE article_count > 0")
    days = rows("SELECT entity_id, day, articles, mentions FROM entity_days")
    co = rows("SELECT entity_id, other_id, n FROM cooccur")
    return ents, days, co


def test_aggregates_kept_by_writer_match_a_rebuild(store: Path) -> None:
    """Counts, mentions per day and co-occurrence kept incrementally (adds and a replacement) equal a full
    recomputation from article_entities, and a replaced article's old entities are taken away."""
    from newsgraph.store.schema import rebuild_aggregates

    changed = make_article("Water talks collapse in Nairobi", ["Talks in Nairobi collapsed, Amina Haile said."],
                           url="https://meridian.example/a1", people=("Amina Haile",), places=("Nairobi",))
    with StoreWriter(store) as w:
        w.put(changed)
        kept = _aggregates(w.conn)
        w.conn.execute("BEGIN")
        rebuild_aggregates(w.conn)
        rebuilt = _aggregates(w.conn)
        w.conn.execute("ROLLBACK")
    assert kept == rebuilt
    ents, days, co = kept
    egypt = entity("Egypt", "country", "Egypt").id
    haile = entity("Amina Haile", "person", "Amina Haile").id
    assert all(n > 0 for *_, n in co) and all(a > 0 for _, _, a, _ in days)
    assert (haile, egypt, 1) in co and (egypt, haile, 1) in co  # was 2 before the replacement
    assert not any(e == egypt and d == "2026-03-02" for e, d, _, _ in days)  # its old day went with it


def test_upgraded_newsgraph_reanalyses_stored_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rerun-skip fingerprint covers the newsgraph version: after an upgrade the same bytes are not 'done'."""
    import newsgraph.store.writer as W

    a = corpus()[0]
    with StoreWriter(tmp_path / "v.db") as w:
        w.put(a, raw=b"<html>v1</html>")
        assert w.input_done(a.input, b"<html>v1</html>")
        monkeypatch.setattr(W, "__version__", "999.0")
        assert not w.input_done(a.input, b"<html>v1</html>")


def test_store_v2_upgrades_to_aggregates(tmp_path: Path) -> None:
    """A v2 store (no aggregate tables) gets them filled from its rows when a writer opens it."""
    db = tmp_path / "old.db"
    with StoreWriter(db) as w:
        for a in corpus():
            w.put(a)
        expected = _aggregates(w.conn)
        w.conn.executescript("DROP TABLE entity_days; DROP TABLE cooccur; UPDATE entities SET article_count = 0, "
                             "mention_count = 0; UPDATE meta SET value = '2' WHERE key = 'schema_version';")
    with StoreWriter(db) as w:
        assert _aggregates(w.conn) == expected
