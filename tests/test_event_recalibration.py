"""The event recalibration (benchmarks/recalibrate_events.py): maps stay monotone, a kept cut shows the same events,
the check part is never read by the cross-validation, held-out judgements are never loaded."""

from __future__ import annotations

import random

import pytest

from benchmarks import recalibrate_events as R

BASE = ([0.1, 0.3, 0.4, 0.4, 0.5, 0.6, 0.7, 0.9], [0.05, 0.2, 0.2, 0.3, 0.45, 0.62, 0.81, 0.98])  # a vertical step at 0.4


def _rows(n_units: int = 40, per: int = 6) -> list[tuple]:
    rng = random.Random(5)
    rows = []
    for u in range(n_units):
        src = ("web", "audit", "gsr")[u % 3]
        for _ in range(per):
            x = rng.random()
            rows.append((src, "tune" if u % 4 else "check", {"x": x}, rng.random() < x ** 0.7, f"page{u}"))
    return rows


@pytest.fixture(autouse=True)
def raw_is_x(monkeypatch):
    monkeypatch.setattr(R, "raw_of", lambda f: f["x"])


def _grid() -> list[float]:
    return [i / 1000 for i in range(1001)]


@pytest.mark.parametrize("method", ["shown:20", "levels:20", "platt-conf", "platt-raw", "iso:20", "iso:40"])
def test_maps_are_monotone_and_keep_the_cut(method):
    rows = [r for r in _rows() if r[1] == "tune"]
    raws, ys = [r[2]["x"] for r in rows], [r[3] for r in rows]
    free = R.fit_map(method, raws, ys, None, BASE, 0.8)
    kept = R.fit_map(method + "+cut", raws, ys, None, BASE, 0.8)
    for m in (free, kept):
        vals = [R.apply(m, x) for x in _grid()]
        assert all(b >= a - 1e-12 for a, b in zip(vals, vals[1:], strict=False))
        assert all(0.0 <= v <= 1.0 for v in vals)
    for x in _grid():
        assert (R.apply(kept, x) >= 0.8) == (R.apply(BASE, x) >= 0.8)
    cut = R.cut_of(BASE, 0.8)
    assert R.apply(kept, cut) >= 0.8 and R.apply(kept, cut - 1e-6) <= 0.8 - R.CUT_MARGIN + 1e-9


def test_levels_keep_the_steps_of_the_map_in_place():
    rows = [r for r in _rows() if r[1] == "tune"]
    m = R.fit_map("levels:20", [r[2]["x"] for r in rows], [r[3] for r in rows], None, BASE, 0.8)
    assert m[0] == BASE[0]


def test_shown_refits_only_the_steps_at_or_above_the_threshold():
    rows = [r for r in _rows() if r[1] == "tune"]
    m = R.fit_map("shown:20", [r[2]["x"] for r in rows], [r[3] for r in rows], None, BASE, 0.8)
    assert m[0] == BASE[0]
    assert [y for y in m[1] if y < 0.8] == [y for y in BASE[1] if y < 0.8]
    kept = R.fit_map("shown:20+cut", [r[2]["x"] for r in rows], [r[3] for r in rows], None, BASE, 0.8)
    for x in _grid():  # up to the last step before the cut: the map in place, vertical step and all
        if x <= 0.6:
            assert R.apply(kept, x) == pytest.approx(R.apply(BASE, x), abs=1e-9)


def test_only_the_shown_steps_family_is_chosen_unweighted_with_the_cut_kept():
    cv = {"inplace": {"worst": 0.09}, "iso:40+cut": {"worst": 0.060}, "shown:20+cut": {"worst": 0.070},
          "shown:40+cut": {"worst": 0.070}, "shown:20+cut/bal": {"worst": 0.065}, "shown:20": {"worst": 0.05}}
    sizes = {n: 2 for n in cv}
    assert R.choose(cv, sizes) == "shown:20+cut"


def test_cross_validation_reads_only_the_tune_part():
    rows = _rows()
    rows = [r if r[1] == "tune" else (r[0], r[1], None, r[3], r[4]) for r in rows]  # a check row read would fail
    res = R.cross_validate(rows, "iso:20+cut", False, BASE, 0.8)
    assert set(res) >= {"web", "audit", "gsr", "all", "worst", "worst_spread", "worst_sd"}
    assert res["worst"] == max(res[s] for s in R.CRITERION if s in res)


def test_held_out_judgements_and_other_pages_are_left_out(monkeypatch):
    judged = {
        "a": {"input": "geovirus/1", "label": "s24unseen-before"},
        "b": {"input": "geovirus/2", "label": "s30unseen-before"},  # stop 31: the s30 draws are tuning data
        "g": {"input": "lgl/9", "label": "s30unseenlgl-final"},
        "e": {"input": "geovirus/2", "label": "s27unseen-before"},  # stop 28: the s27 draw is tuning data
        "f": {"input": "conll/2", "label": "s28unseen-final"},  # stop 29: the s28 draw is tuning data
        "h": {"input": "conll/3", "label": "s29unseen-final"},  # stop 30: the s29 draw is tuning data
        "c": {"input": "geovirus/3", "label": "s24unseen-final"},
        "d": {"input": "lgl/9", "label": "s21unseen-before"},
    }
    assert set(R.judged_for(judged, {"geovirus/1", "geovirus/2", "lgl/9", "conll/2", "conll/3"})) == {"a", "b", "d", "e", "f", "g", "h"}
    from benchmarks import recalibrate_rows

    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", ("s30unseen",))  # a prefix still unseen never loads
    assert set(R.judged_for(judged, {"geovirus/1", "geovirus/2", "lgl/9"})) == {"a", "d", "e"}


def test_reread_replaces_only_the_calibration_label_of_re_read_web_events(monkeypatch):
    from benchmarks import recalibrate_rows
    from benchmarks.audit import rereading

    monkeypatch.setattr(rereading, "verdicts", lambda: {"a": True, "b": False})
    js = {"a": {"happened": False, "type": False, "source": True},
          "b": {"happened": True, "type": True, "target": False},
          "c": {"happened": True, "type": False}}
    out = recalibrate_rows.reread(js)
    assert out["a"] == {"happened": True, "type": True, "source": True}
    assert out["b"] == {"happened": False, "type": False, "target": False}
    assert out["c"] == js["c"]
    assert recalibrate_rows.REREAD is True  # on by default: the map in place was fitted on the re-readings (stop 28, v3)


def test_rereading_file_is_blind_and_well_formed():
    from benchmarks.audit import rereading

    lines = rereading._lines(rereading.REREADING)
    rows = [j for j in lines if "key" in j]
    assert rows and all(isinstance(j["right"], bool) and j["by"] == "w2, stop 27" for j in rows)
    assert not any(k in j for j in rows for k in ("first", "first_label"))  # the old verdict is not copied in
    assert not any(str(j.get("input", "")).startswith("s27unseen") for j in rows)
    assert len({j["key"] for j in rows}) == len(rows)
