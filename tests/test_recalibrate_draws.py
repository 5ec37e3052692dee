"""The event map's calibration draw by draw (benchmarks/recalibrate_draws.py): grouping, labels and weights."""

from __future__ import annotations

import json

import pytest

from benchmarks import recalibrate_draws as D


def _event(inp: str, k: str, part: str, conf: float) -> tuple:
    return (inp, k, part, "asserted", {"event": {"c": conf}}, "unit", {})


def test_draw_of_takes_the_first_label_holding_a_page(tmp_path, monkeypatch):
    import benchmarks.audit.__main__ as A

    monkeypatch.setattr(A, "WORK", tmp_path)
    (tmp_path / "d1.jsonl").write_text(json.dumps({"input": "test/a"}) + "\n" + json.dumps({"input": "test/b"}) + "\n")
    (tmp_path / "d2.jsonl").write_text(json.dumps({"input": "test/b"}) + "\n\n" + json.dumps({"input": "test/c"}) + "\n")
    assert D.draw_of(["d1", "d2", "missing"]) == {"test/a": "d1", "test/b": "d1", "test/c": "d2"}


def test_by_draw_groups_per_draw_and_part_and_labels_happened_and_type():
    events = [_event("test/a", "k1", "tune", 0.9), _event("test/a", "k2", "check", 0.2),
              _event("test/c", "k3", "check", 0.6), _event("other/z", "k4", "check", 0.5),
              _event("test/c", "k5", "check", 0.6)]  # k5 unjudged: left out
    js = {"k1": {"happened": True, "type": True, "source": False},  # a wrong actor is not the calibration label
          "k2": {"happened": True, "type": False}, "k3": {"happened": False, "type": True},
          "k4": {"happened": True, "type": True}}
    res = D.by_draw(events, js, {"test/a": "d1", "test/c": "d2"}, lambda f: f["c"])
    assert sorted(res) == ["d1/all", "d1/check", "d1/tune", "d2/all", "d2/check", "other/all", "other/check"]
    assert res["d1/all"]["n"] == 2 and res["d1/all"]["accuracy"] == pytest.approx(0.5)
    assert res["d2/check"]["n"] == 1 and res["d2/check"]["accuracy"] == 0.0
    assert res["other/check"]["accuracy"] == 1.0  # a page of no draw named is grouped by its pool


def test_by_draw_weighs_sampled_hidden_events_by_their_weight():
    events = [_event("test/a", "k1", "check", 0.9), _event("test/a", "k2", "check", 0.1)]
    js = {"k1": {"happened": True, "type": True}, "k2": {"happened": False, "type": False}}
    res = D.by_draw(events, js, {}, lambda f: f["c"], lambda f: 1.0 if f["c"] >= 0.8 else 3.0)
    assert res["test/check"]["accuracy"] == pytest.approx(0.25)
    assert "| test/check | 2 | 0.25 |" in D.table_row("test/check", res["test/check"])
