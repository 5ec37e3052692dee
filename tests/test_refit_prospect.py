"""benchmarks/refit_prospect.py: ECE and Brier of a layer over weighted rows (toy rows, no draw needed)."""

from __future__ import annotations

from benchmarks.refit_prospect import brier, ece

IDENTITY = ((0.0, 1.0), (0.0, 1.0))
HALF = ((0.0, 1.0), (0.5, 0.5))


def test_a_calibrated_map_has_no_error_and_weights_count():
    rs = [("d", "p1", 0.8, 1.0, True)] * 8 + [("d", "p2", 0.8, 1.0, False)] * 2
    assert ece(rs, IDENTITY) < 1e-9
    assert abs(ece(rs, HALF) - 0.3) < 1e-9
    heavy = rs + [("d", "p3", 0.2, 10.0, True)]  # one hidden row standing for ten
    assert abs(brier(heavy, IDENTITY) - (8 * 0.04 + 2 * 0.64 + 10 * 0.64) / 20) < 1e-9
