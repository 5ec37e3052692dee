"""benchmarks/refit_blind.py: the events' layer fitted on blind draws, chosen leave-one-draw-out (stop 41)."""

from __future__ import annotations

from benchmarks import refit_blind as RB
from benchmarks.refit_prospect import ece
from newsgraph.annotate.calibration import apply_map


def _draws(rate_low: float, rate_high: float, n: int = 60) -> dict[str, list]:
    """Four invented draws: low raw scores right `rate_low` of the time, high ones `rate_high`."""
    out = {}
    for d in range(4):
        rs = [(f"d{d}", f"p{i}", 0.5, 1.0, i % 10 < rate_low * 10) for i in range(n)]
        rs += [(f"d{d}", f"q{i}", 0.99, 1.0, i % 10 < rate_high * 10) for i in range(n)]
        out[f"d{d}"] = rs
    return out


def test_the_fit_reads_each_level_at_its_rate_and_lodo_scores_unseen_draws():
    by = _draws(0.2, 0.9)
    m = RB.fit([r for rs in by.values() for r in rs])
    assert abs(apply_map(m, 0.5) - 0.2) < 0.005 and abs(apply_map(m, 0.99) - 0.9) < 0.005  # a light prior
    lo = RB.lodo(by)
    assert len(lo) == 480 and ece(lo, RB.IDENTITY) < 0.005
    # a layer that says 0.45 / 0.72 (as the one built with) is off by the gap on these rows
    built = ((0.5, 0.99), (0.45, 0.72))
    assert abs(ece([r for rs in by.values() for r in rs], built) - 0.215) < 1e-6


def test_a_draws_sample_name_is_its_below_keys_name():
    assert RB.sample_name("s69unseenreuters-final") == "s69reuters"
    assert RB.sample_name("s70unseenreuters") == "s70reuters"
