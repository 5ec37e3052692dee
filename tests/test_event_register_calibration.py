"""The register-aware event calibration (benchmarks/recalibrate_register.py): the register variable is fixed by the
features' meaning, every map keeps the display cut (the same events shown), the CV reads only the tune part."""

from __future__ import annotations

import random

import pytest

from benchmarks import recalibrate_register as G

BASE = ([0.1, 0.3, 0.5, 0.6, 0.7, 0.9], [0.05, 0.2, 0.45, 0.62, 0.81, 0.98])


def _rows(n_units: int = 40, per: int = 8) -> list[tuple]:
    """Invented rows: reportage pages (past narration) right more often than other pages at the same raw output."""
    rng = random.Random(7)
    rows = []
    for u in range(n_units):
        src = ("web", "audit", "draws")[u % 3]
        past = 0.8 if u % 2 else 0.2
        for _ in range(per):
            x = rng.random()
            f = {"x": x, "page_past": past, "page_you": 0.0, "page_country": 0.1, "page_quotes": 0.3, "page_events": 0.2}
            rows.append((src, "tune" if u % 4 else "check", f, rng.random() < min(1.0, x * (1.3 if past > 0.5 else 0.7)),
                         f"page{u}"))
    return rows


@pytest.fixture(autouse=True)
def raw_is_x(monkeypatch):
    monkeypatch.setattr(G, "raw_of", lambda f: f["x"])
    monkeypatch.setattr(G, "in_place", lambda: BASE)


def test_reportage_is_past_narration_without_the_reader():
    assert G.reportage({"page_past": 0.7, "page_you": 0.0}) == 1.0
    assert G.reportage({"page_past": 0.7, "page_you": 0.2}) == 0.0  # copy that addresses the reader
    assert G.reportage({"page_past": 0.3, "page_you": 0.0}) == 0.0  # present-tense text


@pytest.mark.parametrize("method", ["reg-platt+cut", "reg-platt-x+cut", "page-platt+cut", "reg-iso:20+cut",
                                    "conf-platt+cut", "conf-platt-x+cut", "conf-page+cut", "reg-levels:20+cut"])
def test_every_register_map_keeps_the_shown_set_and_the_order_within_a_level(method):
    rows = [r for r in _rows() if r[1] == "tune"]
    g = G.fit(method, rows, BASE, 0.8)
    for past in (0.2, 0.8):
        vals = []
        for i in range(1001):
            f = {**rows[0][2], "x": i / 1000, "page_past": past}
            v = g(f)
            assert 0.0 <= v <= 1.0
            assert (v >= 0.8) == (G.apply(BASE, i / 1000) >= 0.8)
            vals.append(v)
        assert all(b >= a - 1e-9 for a, b in zip(vals, vals[1:], strict=False))


def test_the_register_moves_the_hidden_events_the_right_way():
    rows = [r for r in _rows(80) if r[1] == "tune"]
    g = G.fit("reg-platt+cut", rows, BASE, 0.8)
    f = {**rows[0][2], "x": 0.4}
    assert g({**f, "page_past": 0.8}) > g({**f, "page_past": 0.2})


def test_cross_validation_reads_only_the_tune_part():
    rows = [r if r[1] == "tune" else (r[0], r[1], None, r[3], r[4]) for r in _rows()]
    res = G.cross_validate(rows, "reg-platt+cut", BASE, 0.8)
    assert {"web", "audit", "draws", "all", "worst", "worst_sd"} <= set(res)
