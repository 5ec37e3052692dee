"""The event fit's cross-validation (benchmarks/fit_events_cv.py): folds by unit, Platt maps monotone."""

from __future__ import annotations

import random

from benchmarks import fit_events_cv as C


def _rows(n_units: int = 30, per: int = 6) -> list[tuple]:
    rng = random.Random(3)
    rows = []
    for u in range(n_units):
        for _ in range(per):
            x = rng.random()
            rows.append(("web", "tune" if u % 4 else "check", {"x": x}, rng.random() < x, f"page{u}"))
    return rows


def test_platt_map_is_monotone_and_in_range():
    xs, ys = C.fit_platt([0.1, 0.2, 0.3, 0.7, 0.8, 0.9] * 5, [0, 0, 1, 0, 1, 1] * 5)
    assert xs[0] == 0.0 and xs[-1] == 1.0
    assert all(0.0 < y < 1.0 for y in ys)
    assert ys == sorted(ys) and ys[-1] > ys[0]


def test_folds_keep_each_unit_on_one_side(monkeypatch):
    seen: list[set[str]] = []
    rows = _rows()
    units_of = {id(r[2]): r[4] for r in rows}

    def spy(feats, ys):
        seen.append({units_of[id(f)] for f in feats})
        return lambda f: 0.5

    res = C.cross_validate(rows, spy, folds=5, seeds=(0,))
    tune_units = {r[4] for r in rows if r[1] == "tune"}
    assert res["units"] == len(tune_units) and len(seen) == 5
    for trained in seen:
        held = tune_units - trained
        assert held and trained.isdisjoint(held)
        assert all(u in tune_units for u in trained)  # the check part is never read


def test_cross_validation_prefers_a_calibrated_fit():
    rows = _rows(60, 8)
    good = C.cross_validate(rows, C.fitter(1.0, "platt"), seeds=(0,))
    bad = C.cross_validate(rows, lambda feats, ys: (lambda f: 1.0 - f["x"]), seeds=(0,))
    assert good["ece"] < bad["ece"] and good["log_loss"] < bad["log_loss"]
