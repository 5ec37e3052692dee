"""The topic audit's LGL keys and its report split by publisher part (no eval data needed)."""

import json

from benchmarks import topic_audit as ta
from benchmarks.splits import CHECK, TUNE, part


def _units() -> tuple[str, str]:
    """A publisher of each part (found, not assumed: the split is a hash)."""
    names = [f"paper{i}.example" for i in range(40)]
    return next(n for n in names if part(n) == TUNE), next(n for n in names if part(n) == CHECK)


def test_lgl_input_names_become_unique_page_names():
    assert ta.page_name("lgl/38543361") == "lgl-38543361"
    assert ta.page_name("/x/y/page.html.gz") == "page.html.gz"
    assert ta.key(ta.page_name("lgl/12"), "people", "Ann Lee") == "lgl-12|people|Ann Lee"


def test_report_splits_samples_by_the_publishers_part(tmp_path, monkeypatch):
    tune, check = _units()
    items = [
        {"key": "lgl-1|people|Ann Lee", "page": "lgl-1", "type": "people", "name": "Ann Lee", "confidence": 0.9,
         "unit": tune},
        {"key": "lgl-1|people|Bo Park", "page": "lgl-1", "type": "people", "name": "Bo Park", "confidence": 0.2,
         "unit": tune},
        {"key": "lgl-2|people|Cy Diaz", "page": "lgl-2", "type": "people", "name": "Cy Diaz", "confidence": 0.8,
         "unit": check},
    ]
    judged = [{"key": items[0]["key"], "right": True}, {"key": items[1]["key"], "right": True},
              {"key": items[2]["key"], "right": False}]
    (tmp_path / "topics-run.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items))
    (tmp_path / "j.jsonl").write_text("".join(json.dumps(j) + "\n" for j in judged))
    monkeypatch.setattr(ta, "AUDIT", tmp_path)
    monkeypatch.setattr(ta, "JUDGEMENTS", tmp_path / "j.jsonl")
    people = ta.report("run", base="run", threshold=0.5)["types"]["people"]
    assert people["shown"]["n"] == 2 and people["shown"]["precision"] == 0.5
    assert people["recall_shown"] == 0.5  # Bo Park is right but hidden
    assert people["parts"][TUNE]["shown"] == {"n": 1, "right": 1, "unjudged": 0, "precision": 1.0}
    assert people["parts"][CHECK]["shown"]["precision"] == 0.0
    assert people["parts"][TUNE]["recall_shown"] == 0.5 and people["parts"][CHECK]["recall_shown"] is None


def test_topic_check_rows_split_lgl_articles_by_publisher():
    """An LGL article's judged topics go to its publisher's part (as its held-out audit split them), a draw page's
    to its page's part."""
    from benchmarks.fit_topic_check import row_part
    from benchmarks.splits import part

    pages = [f"lgl-{i}" for i in range(40)]
    unit = "news.example-gazette.com"
    assert {row_part({"page": p, "unit": unit}) for p in pages} == {part(unit)}
    assert {row_part({"page": p}) for p in pages} == {"tune", "check"}  # pages alone would split the publisher


def test_topic_check_rows_never_build_the_held_out_draw():
    import pytest

    from benchmarks.audit import fresh
    from benchmarks.topic_check_rows import LGL_SEEDS, lgl_draw

    assert fresh.FRESH_SEEDS[-1] not in LGL_SEEDS
    with pytest.raises(SystemExit):
        lgl_draw(fresh.FRESH_SEEDS[-1])
