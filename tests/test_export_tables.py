"""CSV tables of the store (`export --format csv --table ...`) and the filters every export format shares."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from test_store import corpus
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import connect_readonly
from newsgraph.store.filters import ArticleFilter, FilterError, iter_filtered, validate
from newsgraph.store.tables import TABLES, columns, dtypes

runner = CliRunner()


def export(store: Path, *args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["export", "--db", str(store), *args])
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize("table", TABLES)
def test_every_table_opens_in_pandas_with_the_documented_dtypes(corpus_db: Path, tmp_path: Path, table: str) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / f"{table}.csv"
    code, _, err = export(corpus_db, "--format", "csv", "--table", table, "-o", str(out))
    assert code == 0, err
    df = pd.read_csv(out, dtype=dtypes(table), keep_default_na=False, na_values=[""])
    assert tuple(df.columns) == columns(table)
    assert {c: str(t) for c, t in df.dtypes.items()} == dtypes(table)
    recs = corpus()
    expected = {"articles": len(recs), "entities": sum(len(a.entities) for a in recs),
                "mentions": sum(len(e.mentions) for a in recs for e in a.entities),
                "quotes": sum(len(a.quotes) for a in recs), "events": sum(len(a.events) for a in recs),
                "facts": sum(len(a.facts) for a in recs), "dates": sum(len(a.dates) for a in recs)}[table]
    assert len(df) == expected


def test_ids_join_across_tables(corpus_db: Path) -> None:
    tables = {}
    for t in ("articles", "entities", "quotes", "mentions"):
        code, out, err = export(corpus_db, "--format", "csv", "--table", t)
        assert code == 0, err
        tables[t] = list(csv.DictReader(io.StringIO(out)))
    article_ids = {r["article_id"] for r in tables["articles"]}
    entity_keys = {(r["article_id"], r["entity_id"]) for r in tables["entities"]}
    assert {r["article_id"] for r in tables["quotes"]} <= article_ids
    assert {(r["article_id"], r["speaker_id"]) for r in tables["quotes"]} <= entity_keys
    assert {(r["article_id"], r["entity_id"]) for r in tables["mentions"]} <= entity_keys
    # A mention's offsets index the article's body: the text at them is the mention's text.
    bodies = {a.id: a.body for a in corpus()}
    for m in tables["mentions"]:
        assert bodies[m["article_id"]][int(m["start"]):int(m["end"])] == m["text"]


def test_filters_are_shared_by_every_format(corpus_db: Path, tmp_path: Path) -> None:
    nairobi = next(e.id for a in corpus() for e in a.entities if e.name == "Nairobi")
    cases = {
        ("--q", "earthquake"): 1,
        ("--from", "2026-03-05"): 2,
        ("--to", "2026-03-05"): 1,
        ("--source", "Global Dispatch"): 1,
        ("--source", "meridianpost.example"): 2,
        ("--entity", nairobi): 2,
    }
    for args, n in cases.items():
        code, out, err = export(corpus_db, "--format", "jsonl", *args)
        assert code == 0, err
        assert len(out.splitlines()) == n, args
        code, out, _ = export(corpus_db, "--format", "csv", *args)
        assert len(list(csv.DictReader(io.StringIO(out)))) == n, args
        code, out, _ = export(corpus_db, "--format", "gkg", *args)
        assert len(out.splitlines()) == n, args
        pq = pytest.importorskip("pyarrow.parquet")
        target = tmp_path / "f.parquet"
        assert export(corpus_db, "--format", "parquet", "-o", str(target), *args)[0] == 0
        assert pq.read_table(target).num_rows == n, args


@pytest.mark.parametrize(("args", "says"), [
    (("--from", "March"), "--from: from='March' is not a date: use YYYY-MM-DD"),
    (("--to", "2026-13-01"), "is not a date"),
    (("--from", "2026-03-09", "--to", "2026-03-01"), "is after"),
    (("--entity", "Nairobi"), "is a name, not an entity id; its id: "),
    (("--entity", "no-such-id"), "is not an entity id in this store"),
    (("--q", "\"unbalanced"), "--q:"),
    (("--format", "jsonl", "--table", "quotes"), "--table is for --format csv"),
])
def test_bad_filters_are_refused_with_a_clear_message(corpus_db: Path, args: tuple[str, ...], says: str) -> None:
    code, out, err = export(corpus_db, *args)
    assert code == 2 and out == ""
    assert says in err


def test_filter_walks_the_store_in_pages(corpus_db: Path) -> None:
    conn = connect_readonly(corpus_db)
    f = validate(conn, ArticleFilter())
    assert [r["id"] for _, r in iter_filtered(conn, f)] == [a.id for a in corpus()]
    with pytest.raises(FilterError):
        validate(conn, ArticleFilter(date_from="2026-3-1"))


def test_csv_quotes_keep_commas_quotes_and_newlines(corpus_db: Path) -> None:
    code, out, _ = export(corpus_db, "--format", "csv", "--table", "quotes")
    rows = list(csv.DictReader(io.StringIO(out)))
    texts = {q.text for a in corpus() for q in a.quotes}
    assert {r["text"] for r in rows} == texts
    assert out.splitlines()[0].split(",") == list(columns("quotes"))
    code, out, _ = export(corpus_db, "--format", "csv", "--table", "articles", "--body")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["body"] == corpus()[0].body and "\n\n" in row["body"]
    assert json.loads(json.dumps(row))  # plain strings


def test_readme_documents_every_column_of_every_table() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{table}`")), None)
        assert row is not None, f"README has no row for --table {table}"
        missing = [c for c in columns(table, body=True) if not re.search(rf"\b{re.escape(c)}\b", row)]
        assert not missing, f"README's {table} row lacks {missing}"
