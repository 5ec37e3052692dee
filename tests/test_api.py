"""The JSON API as a client sees it: a response model for every 200 in /openapi.json (checked against real
responses), one error shape, 422 for invalid parameters, highlights as ranges with no control characters, and
the table endpoints (JSON pages with cursors, CSV streamed) equal to `newsgraph export --format csv`."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.store.tables import TABLES
from newsgraph.web import models
from newsgraph.web.app import create_app

REPO = Path(__file__).resolve().parent.parent
#: Control characters an API value must never hold (line feed is allowed: article bodies keep paragraph breaks).
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def every_json_response(client: TestClient):
    """(path, json) of every API page of the demo store: searches, facets, each article and entity, the tables."""
    yield "/api/stats", client.get("/api/stats")
    yield "/api/failures", client.get("/api/failures")
    for q in ("", "Nile", "minister", "\"water rose\"", "talks OR strike"):
        yield f"/api/search?q={q}", client.get("/api/search", params={"q": q})
        yield f"/api/facets?q={q}", client.get("/api/facets", params={"q": q})
    arts = client.get("/api/articles", params={"limit": 1000}).json()["rows"]
    for a in arts:
        yield f"/api/articles/{a['article_id']}", client.get(f"/api/articles/{a['article_id']}")
    ents = {r["entity_id"] for r in client.get("/api/entities", params={"limit": 1000}).json()["rows"]}
    for e in sorted(ents):
        yield f"/api/entities/{e}", client.get(f"/api/entities/{e}")
    for t in TABLES:
        yield f"/api/{t}", client.get(f"/api/{t}", params={"limit": 1000})


MODELS = {
    "/api/stats": models.Stats, "/api/failures": list[models.Failure], "/api/search": models.SearchResponse,
    "/api/facets": models.FacetsResponse, "/api/articles/": models.StoredArticle, "/api/entities/": models.EntityPage,
    **{f"/api/{t}": models.table_page_model(t) for t in TABLES},
}


def model_for(path: str):
    base = path.split("?")[0]
    if base in MODELS:
        return MODELS[base]
    return MODELS[base.rsplit("/", 1)[0] + "/"]


def test_every_response_matches_its_documented_model_and_holds_no_control_characters(client: TestClient) -> None:
    n = 0
    for path, r in every_json_response(client):
        assert r.status_code == 200, path
        body = r.json()
        TypeAdapter(model_for(path)).validate_python(body)
        bad = [s for s in strings(body) if CONTROL.search(s)]
        assert not bad, (path, bad[:3])
        n += 1
    assert n > 50


def test_openapi_documents_every_200_response(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    api = {p: item for p, item in spec["paths"].items() if p.startswith("/api/")}
    assert {"/api/search", "/api/quotes", "/api/quotes.csv", "/api/events", "/api/mentions"} <= set(api)
    for path, item in api.items():
        for method, op in item.items():
            content = op["responses"]["200"].get("content", {})
            schemas = [c.get("schema") for c in content.values()]
            assert schemas and all(schemas), (path, method)
            assert all(s not in ({}, None) for s in schemas), (path, method)
            if not path.endswith(".csv"):
                assert content["application/json"]["schema"] != {}, path
            if op.get("parameters"):
                assert "422" in op["responses"] and "ErrorResponse" in str(op["responses"]["422"]), path


def test_search_highlights_are_ranges_of_plain_text(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "Nile"}).json()
    assert r["results"]
    for hit in r["results"]:
        for text, spans in ((hit["snippet"], hit["snippet_highlights"]), (hit["title"] or "", hit["title_highlights"])):
            for s, e in spans:
                assert text[s:e].lower() == "nile"
        assert "<mark>" in hit["snippet_html"] and "\x02" not in hit["snippet"]
    assert any(h["snippet_highlights"] for h in r["results"])


@pytest.mark.parametrize(("path", "params", "param", "says"), [
    ("/api/search", {"from": "March"}, "from", "is not a date: use YYYY-MM-DD"),
    ("/api/search", {"to": "2026-02-30"}, "to", "is not a date"),
    ("/api/search", {"page": "0"}, "page", "greater than or equal to 1"),
    ("/api/search", {"per_page": "500"}, "per_page", "less than or equal to 100"),
    ("/api/search", {"person": "Amina Haile"}, "person", "is a name, not an entity id; its id: "),
    ("/api/search", {"country": "0000000000000000"}, "country", "is not an entity id in this store"),
    ("/api/search", {"q": "\"unterminated"}, "q", "Could not understand the search"),
    ("/api/facets", {"from": "yesterday"}, "from", "is not a date"),
    ("/api/quotes", {"entity": "Atlantis Nowhere"}, "entity", "is not an entity id in this store"),
    ("/api/events", {"cursor": "abc"}, "cursor", "is not a cursor"),
    ("/api/facts", {"limit": "0"}, "limit", "greater than or equal to 1"),
    ("/api/dates", {"format": "xml"}, "format", ""),
])
def test_invalid_parameters_are_422_in_the_one_error_shape(client: TestClient, path, params, param, says) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message", "param"}
    assert err["status"] == 422 and err["code"] == "invalid_parameter" and err["param"] == param
    assert says in err["message"]


def test_not_found_uses_the_same_shape(client: TestClient) -> None:
    for path in ("/api/articles/nope", "/api/entities/nope", "/api/no-such-endpoint"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found"
    assert "text/html" in client.get("/article/nope").headers["content-type"]


def _cli_csv(db: Path, table: str, *args: str) -> str:
    """The CLI's CSV export; every item unless args set --min-confidence (the API's default gives every item)."""
    if "--min-confidence" not in args:
        args = (*args, "--min-confidence", "0")
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv", "--table", table, *args])
    assert res.exit_code == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize("table", TABLES)
def test_tables_page_through_every_row_once_and_match_the_csv_export(client: TestClient, demo_db: Path, table: str) -> None:
    want = list(csv.DictReader(io.StringIO(_cli_csv(demo_db, table))))
    rows, url, pages = [], f"/api/{table}?limit=7", 0
    while url:
        page = client.get(url).json()
        rows += page["rows"]
        assert page["total"] == len(want)
        url = page["next"]
        pages += 1
    assert pages == max(1, -(-len(want) // 7))
    key = [c for c in page["columns"] if c.endswith("_index") or c in ("article_id", "entity_id")]
    assert [tuple(str(r[k]) for k in key) for r in rows] == [tuple(w[k] for k in key) for w in want]
    for path in (f"/api/{table}.csv", f"/api/{table}?format=csv"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert r.text.replace("\r\n", "\n") == _cli_csv(demo_db, table).replace("\r\n", "\n")


def test_table_filters_match_the_export_filters(client: TestClient, demo_db: Path) -> None:
    ent = client.get("/api/entities", params={"limit": 1}).json()["rows"][0]["entity_id"]
    for params, args in (({"from": "2026-03-05"}, ["--from", "2026-03-05"]), ({"entity": ent}, ["--entity", ent]),
                         ({"q": "minister"}, ["--q", "minister"])):
        got = client.get("/api/quotes.csv", params=params).text
        assert got.replace("\r\n", "\n") == _cli_csv(demo_db, "quotes", *args).replace("\r\n", "\n")
        assert got.count("\n") > 1


@pytest.mark.parametrize("table", ["entities", "mentions", "quotes", "events", "facts", "dates"])
def test_min_confidence_leaves_out_the_same_items_as_the_export(client: TestClient, demo_db: Path, table: str) -> None:
    got = client.get(f"/api/{table}.csv", params={"min_confidence": 0.6}).text
    assert got.replace("\r\n", "\n") == _cli_csv(demo_db, table, "--min-confidence", "0.6").replace("\r\n", "\n")
    page = client.get(f"/api/{table}", params={"min_confidence": 0.6, "limit": 1000}).json()
    assert len(page["rows"]) == got.count("\n") - 1 == page["total"]
    assert page["total"] <= client.get(f"/api/{table}", params={"limit": 1}).json()["total"]


def test_min_confidence_total_counts_fewer_rows_where_items_are_left_out(client: TestClient) -> None:
    """The demo store has entities, quotes and events below 0.6: their totals must drop under the threshold."""
    for table in ("entities", "mentions", "quotes", "events"):
        every = client.get(f"/api/{table}", params={"limit": 1}).json()["total"]
        shown = client.get(f"/api/{table}", params={"limit": 1, "min_confidence": 0.6}).json()["total"]
        assert shown < every, table


@pytest.mark.parametrize("table", ["entities", "mentions", "quotes", "events", "facts", "dates"])
@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 1.0])
def test_total_under_min_confidence_is_the_number_of_rows_shown(client: TestClient, table: str, threshold: float) -> None:
    """`total` with a threshold equals the rows a client gets by paging to the end, with and without filters."""
    for params in ({}, {"q": "minister"}):
        params = {**params, "min_confidence": threshold}
        rows, url = 0, f"/api/{table}"
        first = client.get(url, params={**params, "limit": 50}).json()
        page = first
        while True:
            rows += len(page["rows"])
            if not page["next"]:
                break
            page = client.get(page["next"]).json()
        assert first["total"] == rows, (table, params)
