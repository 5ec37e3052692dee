"""Confidence on every record item: the scores, the display filter, the store, the CLI, the API and calibration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsgraph.annotate import calibration
from newsgraph.confidence import filter_record
from newsgraph.records import Article, DateRef, Entity, Event, Fact, Mention, Quote

BODY = (
    "Marta Kowalczyk, the mayor of Gdansk, met officials of the Baltic Ferry Company in Gdansk on Monday.\n\n"
    "\"We will open two new routes this spring,\" Kowalczyk said. The company said 40 people were hired.\n\n"
    "Poland's transport ministry welcomed the plan on Tuesday."
)


def record(**conf) -> dict:
    """A small record with chosen confidences."""
    e1 = Entity("p1", "Marta Kowalczyk", "person", ["Marta Kowalczyk"], 1.0, None, [Mention(0, 15, "Marta Kowalczyk")],
                confidence=conf.get("p1", 0.9), type_confidence=0.95)
    e2 = Entity("o1", "Baltic Ferry Company", "organisation", ["Baltic Ferry Company"], 0.6, None, [Mention(53, 73, "x")],
                confidence=conf.get("o1", 0.3), type_confidence=0.4)
    q = Quote("We will open two new routes this spring,", 100, 140, "direct", "p1", "Marta Kowalczyk", 142, 152, "said",
              confidence=conf.get("q", 0.8), speaker_confidence=conf.get("sp", 0.3))
    ev = Event("CONSULT", 0, 99, source="p1", target="o1", source_name="Marta Kowalczyk",
               target_name="Baltic Ferry Company", confidence=conf.get("ev", 0.7), source_confidence=0.8,
               target_confidence=conf.get("tg", 0.2))
    fa = Fact("hired", 40, 170, 189, confidence=conf.get("fa", 0.4))
    d = DateRef("on Monday", "2026-03-02", 89, 98, "day", confidence=conf.get("d", 0.9))
    a = Article("x", "in.html", None, {"name": None, "domain": None}, "T", None, None, [], None, "2026-03-04", None,
                "en", [], BODY, [e1, e2], {"people": ["Marta Kowalczyk"], "countries": [], "cities": [],
                                           "organisations": ["Baltic Ferry Company"]},
                {"people": [0.85], "countries": [], "cities": [], "organisations": [0.25]}, [q], [ev], [fa], [d])
    return a.to_dict()


def test_filter_keeps_only_sure_items_and_blanks_unsure_actors() -> None:
    r = filter_record(record(), 0.5)
    assert [e["id"] for e in r["entities"]] == ["p1"]
    assert r["topics"] == {"people": ["Marta Kowalczyk"], "countries": [], "cities": [], "organisations": []}
    assert r["topics_confidence"]["people"] == [0.85] and r["topics_confidence"]["organisations"] == []
    (q,) = r["quotes"]
    assert q["speaker"] is None and q["speaker_name"] is None and q["text"].startswith("We will")
    (ev,) = r["events"]
    assert ev["source"] == "p1" and ev["target"] is None and ev["target_name"] is None
    assert r["facts"] == [] and len(r["dates"]) == 1


def test_filter_zero_keeps_everything_and_never_mutates() -> None:
    full = record()
    before = json.dumps(full, sort_keys=True)
    assert filter_record(full, 0.0) is full
    filter_record(full, 0.9)
    assert json.dumps(full, sort_keys=True) == before


def test_records_without_confidence_are_kept() -> None:
    """Records written before confidence existed: nothing is known, nothing is hidden."""
    old = record()
    for key in ("entities", "quotes", "events", "facts", "dates"):
        for item in old[key]:
            for k in [k for k in item if k.endswith("confidence")]:
                del item[k]
    del old["topics_confidence"]
    r = filter_record(old, 0.99)
    assert len(r["entities"]) == 2 and len(r["quotes"]) == 1 and r["quotes"][0]["speaker"] == "p1"
    assert r["topics"]["organisations"] == ["Baltic Ferry Company"]
    assert Article.from_dict(old).entities[0].confidence is None


def test_from_dict_round_trip_and_unknown_fields() -> None:
    d = record()
    assert Article.from_dict(d).to_dict() == d
    d["entities"][0]["a_future_field"] = 1
    d["a_future_field"] = 2
    assert Article.from_dict(d).entities[0].confidence == 0.9


def test_unscored_topics_read_back_as_written() -> None:
    """A language with no pipeline leaves `topics_confidence` empty; reading the record back must not invent keys."""
    d = record()
    d["topics_confidence"] = {}
    assert Article.from_dict(d).to_dict()["topics_confidence"] == {}
    del d["topics_confidence"]
    assert Article.from_dict(d).to_dict()["topics_confidence"] == {k: [] for k in d["topics"]}


def test_calibration_map_applies_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = ((0.2, 0.5, 0.8), (0.1, 0.4, 0.9))
    assert calibration.apply_map(steps, 0.0) == 0.1
    assert calibration.apply_map(steps, 0.35) == pytest.approx(0.25)
    assert calibration.apply_map(steps, 0.95) == 0.9
    assert calibration.apply_map(None, 1.7) == 1.0
    (tmp_path / "thing.json").write_text(json.dumps({"x": [0.0, 1.0], "y": [0.2, 0.6]}))
    monkeypatch.setattr(calibration, "DATA", tmp_path)
    calibration.load_map.cache_clear()
    try:
        assert calibration.calibrate("thing", 0.5) == 0.4
        assert calibration.calibrate("nothing-fitted", 0.33) == 0.33
    finally:
        calibration.load_map.cache_clear()


def test_isotonic_fit_is_monotone_and_calibrates() -> None:
    # a raw score that over-claims: items scored s are right with probability s**2
    import random

    from benchmarks.calibration import apply, expected_calibration_error, fit_isotonic

    rng = random.Random(7)
    scores = [rng.random() for _ in range(4000)]
    labels = [rng.random() < s * s for s in scores]
    xs, ys = fit_isotonic(scores[:2000], labels[:2000])
    assert ys == sorted(ys) and xs == sorted(xs)
    raw_ece = expected_calibration_error(scores[2000:], labels[2000:])
    fitted = [apply(xs, ys, s) for s in scores[2000:]]
    assert raw_ece > 0.1
    assert expected_calibration_error(fitted, labels[2000:]) < 0.05


def test_every_item_of_an_analysed_article_has_a_confidence() -> None:
    import newsgraph
    from newsgraph.records import Extracted

    art = newsgraph.annotate.annotate(Extracted(input="t", body=BODY, title="Gdansk ferry routes",
                                                published="2026-03-04"))
    assert art.entities and art.quotes and art.dates
    for e in art.entities:
        assert 0.0 <= e.confidence <= 1.0 and 0.0 <= e.type_confidence <= 1.0
    for item in [*art.quotes, *art.events, *art.facts, *art.dates]:
        assert 0.0 <= item.confidence <= 1.0, item
    for q in art.quotes:
        assert q.speaker_confidence is None or 0.0 <= q.speaker_confidence <= 1.0
    for key, names in art.topics.items():
        assert len(art.topics_confidence[key]) == len(names)
        assert all(0.0 <= c <= 1.0 for c in art.topics_confidence[key])
    # not a constant: items differ in how sure we are
    assert len({e.confidence for e in art.entities}) > 1


def test_store_keeps_confidence_and_upgrades_v3(tmp_path: Path) -> None:
    from newsgraph.store import StoreWriter
    from newsgraph.store.schema import SCHEMA_VERSION

    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.put(record())
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT confidence FROM article_entities WHERE entity_id = 'o1'").fetchone()[0] == 0.3
    assert conn.execute("SELECT speaker_confidence FROM quotes").fetchone()[0] == 0.3
    # a v3 store: the confidence columns are missing until a writer opens it
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '3');"
                       "CREATE TABLE article_entities (aid INTEGER, entity_id TEXT, type TEXT, salience REAL, "
                       "mention_count INTEGER, day TEXT, PRIMARY KEY (aid, entity_id)) WITHOUT ROWID;"
                       "CREATE TABLE quotes (aid INTEGER, text TEXT, start INTEGER, end INTEGER, kind TEXT, speaker TEXT,"
                       " speaker_name TEXT, cue TEXT, day TEXT);"
                       "CREATE TABLE events (aid INTEGER, type TEXT, mode TEXT, source TEXT, target TEXT, location TEXT,"
                       " date TEXT, start INTEGER, end INTEGER, trigger TEXT, day TEXT);"
                       "CREATE TABLE facts (aid INTEGER, kind TEXT, value REAL, qualifier TEXT, start INTEGER, end INTEGER,"
                       " text TEXT);"
                       "CREATE TABLE dates (aid INTEGER, text TEXT, value TEXT, start INTEGER, end INTEGER, resolution TEXT);")
    conn.close()
    with StoreWriter(old) as w:
        w.put(record())
        assert w.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert w.conn.execute("SELECT confidence FROM facts").fetchone()[0] == 0.4


def test_api_gives_every_item_and_filters_on_request(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.store import StoreWriter
    from newsgraph.web.app import create_app

    db = tmp_path / "w.db"
    with StoreWriter(db) as w:
        w.put(record())
    client = TestClient(create_app(db, min_confidence=0.5))
    full = client.get("/api/articles/x").json()
    assert len(full["entities"]) == 2 and full["entities"][1]["confidence"] == 0.3
    some = client.get("/api/articles/x", params={"min_confidence": 0.5}).json()
    assert [e["id"] for e in some["entities"]] == ["p1"]
    assert client.get("/api/articles/x", params={"min_confidence": 2}).status_code == 422
    page = client.get("/article/x").text
    assert "Marta Kowalczyk" in page
    panel = page[page.index('id="topics"'):]
    assert "Baltic Ferry Company" not in panel  # below the display threshold
    assert "confidence 0.50 or more" in panel
    page_all = TestClient(create_app(db, min_confidence=0.1)).get("/article/x").text
    assert "Baltic Ferry Company" in page_all[page_all.index('id="topics"'):]


def test_cli_min_confidence(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    src = tmp_path / "story.txt"
    src.write_text(BODY, encoding="utf-8")
    runner = CliRunner()

    def run(*extra: str) -> dict:
        res = runner.invoke(app, ["analyze", "--kind", "body", str(src), *extra])
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)

    every = run("--min-confidence", "0")
    sure = run("--min-confidence", "0.99")
    assert len(every["entities"]) > len(sure["entities"])
    assert all(e["confidence"] >= 0.99 for e in sure["entities"])
    assert len(run()["entities"]) <= len(every["entities"])
    bad = runner.invoke(app, ["analyze", "--min-confidence", "1.5", str(src)])
    assert bad.exit_code != 0 and "min-confidence" in bad.output


def test_gates_lower_gazetteer_only_places_and_non_prose_topics() -> None:
    from newsgraph.annotate.confidence import gate

    city = Entity("c1", "Ardmore", "city", ["Ardmore"], 0.5, None, [Mention(0, 7, "Ardmore")], confidence=0.9)
    treated = {"locative": 0.5, "model_typed": 1.0}
    assert gate("entity", city, 0.8, treated) == 0.8
    assert gate("entity", city, 0.8, {}) < 0.8  # nothing in the text treats it as a place
    assert gate("topic", city, 0.8, {**treated, "no_prose": 1.0}) < 0.8  # named only in a list or credits
    city.confidence = 0.3
    assert gate("topic", city, 0.8, treated) == 0.3  # a topic is never surer than its entity
    person = Entity("p1", "Ann Lee", "person", ["Ann Lee"], 0.5, None, [Mention(0, 7, "Ann Lee")], confidence=0.9)
    assert gate("entity", person, 0.8, {}) == 0.8


def test_features_see_nesting_place_usage_and_prose() -> None:
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.nlp import load_pipeline

    nlp = load_pipeline()
    text = ("Analysts at the Harwick Consulting Group met farmers in Lagos on Monday, and they said the harvest "
            "would be late this year because the rains had come early in the north of the country.\n\n"
            "References: Okafor JT , Bello A , Smith K , et al . Crop Sci. 2019;12:1-9. Lagos Med J. 2020;4:2-8.")
    doc = nlp(text)
    ctx = doc_context(doc, pipeline_names(nlp))
    by_name = {e.name: features(doc, e, *ctx) for e in doc._.ng_entities}
    assert by_name["Lagos"]["locative"] > 0 and by_name["Lagos"]["prose"] > 0.2
    okafor = next((f for n, f in by_name.items() if n.startswith("Okafor")), None)
    if okafor is not None:
        assert okafor["no_prose"] == 1.0


def test_logistic_fit_finds_the_evidence_that_predicts() -> None:
    import random

    from benchmarks.calibration import fit_logistic, predict_logistic

    rng = random.Random(3)
    rows, labels = [], []
    for _ in range(600):
        cue, noise = float(rng.random() < 0.5), rng.random()
        rows.append({"cue": cue, "noise": noise})
        labels.append(rng.random() < (0.85 if cue else 0.2))
    model = fit_logistic(rows, labels)
    w = dict(zip(model["features"], model["weights"], strict=True))
    assert w["cue"] > 1.5 and abs(w["noise"]) < 1.0
    assert predict_logistic(model, {"cue": 1.0, "noise": 0.5}) > 0.7 > 0.3 > predict_logistic(model, {"cue": 0.0})
