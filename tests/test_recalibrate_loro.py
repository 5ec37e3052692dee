"""Leave-one-register-out event calibration (benchmarks/recalibrate_loro.py): registers, rows, the robust fit."""

from __future__ import annotations

import pytest

from benchmarks import recalibrate_loro as L

IDENTITY = ([0.0, 1.0], [0.0, 1.0])  # the map in place as the identity: confidence = the model's output


@pytest.fixture(autouse=True)
def _raw_is_c(monkeypatch):
    monkeypatch.setattr(L, "raw_of", lambda f: f["c"])


def _row(reg: str, part: str, c: float, right: bool, unit: str = "u", w: float = 1.0) -> tuple:
    return ("draws", part, {"c": c}, right, unit, w, reg)


def test_register_of_reads_the_pages_corpus():
    assert L.register_of("gsr", "AFP0808020675") == "gsr"
    assert L.register_of("draws", "conll/018") == "wire"
    assert L.register_of("audit", "geovirus/123") == "wikinews"
    assert L.register_of("web", "trafilatura/x") == L.register_of("audit", "fundus/y") == "web"
    assert L.register_of("web", "lgl/1") == "lgl" and L.register_of("draws", "polnear/a") == "polnear"
    assert L.register_of("web", "nowhere/1") == "other"


def test_tagged_rows_drop_the_audits_hidden_rows_and_weigh_sampled_hidden_draws():
    ev = [("lgl/1", "k1", "tune", "asserted", {"event": {"c": 0.9}}, "p1", {}),
          ("lgl/1", "k2", "tune", "asserted", {"event": {"c": 0.3}}, "p1", {}),   # audit, hidden: a selection
          ("lgl/1", "k3", "tune", "hypothetical", {"event": {"c": 0.9}}, "p1", {})]
    dr = [("conll/1", "d1", "check", "asserted", {"event": {"c": 0.3}}, "c1", {}),
          ("conll/1", "d2", "check", "asserted", {"event": {"c": 0.85}}, "c1", {}),
          ("conll/1", "d3", "check", "asserted", {"event": {"c": 0.5}}, "c1", {})]  # unjudged
    js = {k: {"happened": True, "type": k != "d2"} for k in ("k1", "k2", "k3", "d1", "d2")}
    gsr = [("gsr", "tune", {"c": 0.4}, False, "s1"), ("web", "tune", {"c": 0.4}, True, "w")]
    out = L.tagged_rows(gsr, {"audit": (ev, js), "draws": (dr, js)}, IDENTITY, 0.8, rate=0.5)
    assert [(r[0], r[3], r[5], r[6]) for r in out] == [
        ("gsr", False, 1.0, "gsr"), ("audit", True, 1.0, "lgl"), ("draws", True, 2.0, "wire"),
        ("draws", False, 1.0, "wire")]


def test_dro_platt_fits_the_worst_register_not_the_largest():
    # every row at 0.5: a large register right 9 times in 10, a small one 1 in 10; a pooled fit follows the large
    # one (about 0.79), the worst-register fit stays between them (0.5: a = 0)
    rows = [_row("big", "tune", 0.5, i % 10 != 0) for i in range(300)]
    rows += [_row("small", "tune", 0.5, i % 10 == 0) for i in range(50)]
    a, _b = L.dro_platt(rows, IDENTITY)
    assert a == pytest.approx(0.0, abs=0.06)
    # with one register only, it is Platt scaling: the share right (0.9) at 0.5
    a1, _ = L.dro_platt(rows[:300], IDENTITY)
    assert 1 / (1 + 2.718281828 ** -a1) == pytest.approx(0.9, abs=0.01)


def test_loro_never_fits_on_the_register_it_scores(monkeypatch):
    seen: dict[str, set] = {}

    def fake_fit(method, rows, base, threshold):
        regs = {r[6] for r in rows} | {"parts:" + r[1] for r in rows}
        return lambda f, regs=regs: regs

    monkeypatch.setattr(L, "fit", fake_fit)
    rows = [_row(g, p, 0.5, True) for g in ("a", "b", "c") for p in ("tune", "check")]
    for reg, pred in L.loro(rows, "x", IDENTITY, 0.8).items():
        seen[reg] = pred[0][1]
        assert all(r[6] == reg for r, _ in pred) and len(pred) == 2
    assert seen["a"] == {"b", "c", "parts:tune"}  # the other registers' tune rows only
    assert L.loro(rows, "x", IDENTITY, 0.8, ("tune", "check"))["c"][0][1] == {"a", "b", "parts:tune", "parts:check"}


def test_worst_and_its_paired_bootstrap():
    good = {"a": [(_row("a", "check", 0.5, i % 2 == 0, unit=str(i)), 0.5) for i in range(20)],
            "b": [(_row("b", "check", 0.9, i % 2 == 0, unit=str(i)), 0.9) for i in range(20)]}
    assert L.worst(good, ("a", "b")) == ("b", pytest.approx(0.4))
    assert L.paired_worst(good, good, ("a", "b"), draws=20) == (0.0, 0.0)
    better = {g: [(r, 0.5) for r, _ in p] for g, p in good.items()}
    lo, hi = L.paired_worst(good, better, ("a", "b"), draws=50)
    assert hi < 0  # calibrated everywhere: the worst register's ECE falls in every draw


def test_floor_is_the_chance_ece_of_a_calibrated_map():
    pred = [(_row("a", "check", 0.5, True), 0.5) for _ in range(100)]
    assert 0.02 < L.floor(pred) < 0.09
    assert L.floor([(_row("a", "check", 1.0, True), 1.0)] * 50) == 0.0


def test_register_weights_give_each_register_the_same_total():
    rows = [_row("a", "tune", 0.5, True) for _ in range(30)] + [_row("b", "tune", 0.5, True, w=2.0) for _ in range(10)]
    w = L.register_weights(rows)
    assert sum(w[:30]) == pytest.approx(sum(w[30:])) and sum(w) == pytest.approx(50.0)  # mean weight kept (1.25)


def test_the_rows_hold_the_wire_draw_with_every_hidden_event():
    from benchmarks.audit.below import read_keys
    from benchmarks.recalibrate_rows import BELOW_SAMPLE

    head, keys = read_keys(BELOW_SAMPLE)
    assert head["rate"] == 1.0 and head["n"] == head["pool"] == len(keys)
    assert any(r["input"].startswith("conll/") for r in keys.values())  # stop 28's draw, tuning data since stop 29
