"""Per-source reliability of the event confidences (benchmarks/fit_events_reliability.py): bootstrap intervals by
unit, the chance test against a perfectly calibrated model, the lean's sign, the feature behind a lean; and the web
event set's LGL pages leave out every held-out draw (benchmarks/audit/web_events.py)."""

from __future__ import annotations

import random

import pytest

from benchmarks import fit_events_reliability as R


def _rows(bias: float, n_units: int = 40, per: int = 5, seed: int = 1) -> list[tuple]:
    """Rows (source, part, features, right, unit) whose truth is P(right) = x + bias while the model says x."""
    rng = random.Random(seed)
    rows = []
    for u in range(n_units):
        for _ in range(per):
            x = rng.uniform(0.2, 0.7)
            rows.append(("gsr", "tune", {"x": x, "flag": 1.0 if u % 2 else 0.0}, rng.random() < x + bias, f"s{u}"))
    return rows


def test_a_calibrated_model_shows_no_lean_and_a_high_chance_p(capsys):
    res = R.per_source("event", _rows(0.0), lambda f: f["x"])
    r = res["gsr/tune"]
    assert r["gap_ci"][0] <= 0 <= r["gap_ci"][1]
    assert r["p"] > 0.05 and r["ece_ci"][0] <= r["ece"] <= r["ece_ci"][1]
    assert "lean=-" in capsys.readouterr().out


def test_an_underconfident_model_leans_under_with_a_low_p():
    r = R.per_source("event", _rows(0.25), lambda f: f["x"])["gsr/tune"]
    assert r["gap_ci"][1] < 0 and r["gap"] < -0.15
    assert r["p"] < 0.01 and r["ece"] > r["floor"]


def test_the_interval_resamples_whole_units():
    """Every event of a unit right or wrong together: the interval is wider than for the same events spread over
    as many units as events."""
    rng = random.Random(5)
    grouped, spread = [], []
    for u in range(20):
        y = rng.random() < 0.5
        for i in range(10):
            grouped.append((0.5, y, f"u{u}"))
            spread.append((0.5, rng.random() < 0.5, f"u{u}-{i}"))
    wg = R.bootstrap(grouped)["gap_ci"]
    ws = R.bootstrap(spread)["gap_ci"]
    assert wg[1] - wg[0] > ws[1] - ws[0]


def test_explain_names_the_feature_that_carries_the_lean():
    rows = [(s, p, {"x": f["x"], "flag": f["flag"]}, y if not f["flag"] else (y or random.Random(i).random() < 0.6), u)
            for i, (s, p, f, y, u) in enumerate(_rows(0.0, n_units=60))]
    prob = lambda f: f["x"]  # noqa: E731
    res = R.per_source("event", rows, prob)
    out = R.explain("event", rows, prob, res)
    assert out["gsr"][0]["feature"] == "flag" and out["gsr"][0]["corr"] > 0


def test_web_rows_are_grouped_by_page_source():
    assert R.group_of(("web", "tune", {}, True, "lgl/123")) == ("web", "web:lgl", "all")
    assert R.group_of(("web", "tune", {}, True, "trafilatura/x.html")) == ("web", "web:html", "all")
    assert R.group_of(("gsr", "tune", {}, True, "story1")) == ("gsr", "all")


def test_lgl_pages_leave_out_the_held_out_draws():
    from benchmarks.common import EVAL

    if not (EVAL / "geoparsing-news" / "lgl.xml").exists():
        pytest.skip("no ../shared/eval")
    from benchmarks.audit import web_events as W
    from benchmarks.audit.fresh import drawn

    mine = [name for name, _, _ in W.lgl_pages()]
    held = {a["input"] for s in W.HELD_OUT_SEEDS for a in drawn(s)}
    assert len(mine) == W.LGL_PAGES == len(set(mine))
    assert held and not held & set(mine)
    assert mine[:10] == [name for name, _, _ in W.lgl_pages(10)]  # a larger set only adds pages


def test_auc_counts_the_pairs_ranked_right():
    assert R.auc([0.9, 0.8, 0.2], [True, True, False]) == 1.0
    assert R.auc([0.2, 0.9], [True, False]) == 0.0
    assert R.auc([0.5, 0.5], [True, False]) == 0.5
    assert R.auc([0.5], [True]) is None
