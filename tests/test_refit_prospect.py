"""benchmarks/refit_prospect.py: ECE and Brier of a layer over weighted rows (toy rows, no draw needed)."""

from __future__ import annotations

from benchmarks.refit_prospect import brier, ece, noise_floor

IDENTITY = ((0.0, 1.0), (0.0, 1.0))
HALF = ((0.0, 1.0), (0.5, 0.5))


def test_a_calibrated_map_has_no_error_and_weights_count():
    rs = [("d", "p1", 0.8, 1.0, True)] * 8 + [("d", "p2", 0.8, 1.0, False)] * 2
    assert ece(rs, IDENTITY) < 1e-9
    assert abs(ece(rs, HALF) - 0.3) < 1e-9
    heavy = rs + [("d", "p3", 0.2, 10.0, True)]  # one hidden row standing for ten
    assert abs(brier(heavy, IDENTITY) - (8 * 0.04 + 2 * 0.64 + 10 * 0.64) / 20) < 1e-9


def test_the_noise_floor_falls_with_more_rows_and_is_zero_only_for_certain_rows():
    few = [("d", f"p{i}", 0.4 + 0.05 * (i % 8), 1.0, True) for i in range(50)]
    many = few * 20
    mean_few, top_few = noise_floor(few, IDENTITY, draws=200)
    mean_many, _ = noise_floor(many, IDENTITY, draws=200)
    assert 0.05 < mean_few <= top_few and mean_many < mean_few / 2
    certain = [("d", "p", 1.0, 1.0, True)] * 10
    assert noise_floor(certain, IDENTITY, draws=20) == (0.0, 0.0)
