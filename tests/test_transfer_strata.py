"""Typed evidence beyond the events' confidence, out of stop (benchmarks/transfer_strata.py, stop 33 v8)."""

from __future__ import annotations

import random

from benchmarks import transfer_strata as S
from benchmarks.transfer_fit import fit_rows
from benchmarks.transfer_rows import Row, rows


def _rows(n: int, truth, seed: int = 3) -> list[Row]:
    """Synthetic events over five stops: confidence c, a target with probability 0.8, right with truth(c, target)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        c, tgt = rng.uniform(0.05, 0.99), rng.random() < 0.8
        y = rng.random() < truth(c, tgt)
        out.append(Row(f"s{21 + i % 5}", "x", "events", str(i), f"p{i % 60}", c, c >= 0.8, y, y, "asserted",
                       has_source=True, has_target=tgt))
    return out


def test_a_feature_the_confidence_does_not_carry_wins_out_of_stop():
    rs = _rows(2000, lambda c, tgt: 0.8 * c if tgt else 0.2 * c)
    res = S.compare(rs, "no_target", threshold=0.6, boot=60)
    for m in S.METHODS:
        assert res[m]["brier"]["ci"][0] > 0 and res[m]["precision_at_equal_recall"]["ci"][0] > 0
    assert res["offset"]["weights_all_stops"][2] < -1  # no target: much less often right at the same confidence


def test_a_feature_that_adds_nothing_does_not():
    rs = _rows(2000, lambda c, tgt: 0.6 * c)
    res = S.compare(rs, "no_target", threshold=0.4, boot=60)
    for m in S.METHODS:  # the extra map or weight costs a little out of stop, never wins
        assert res[m]["brier"]["diff"] <= 0.0005 and res[m]["brier"]["ci"][0] <= 0
    assert abs(res["offset"]["weights_all_stops"][2]) < 0.1


def test_the_rows_say_whether_an_event_had_its_actors():
    """Every judged event row knows from its judged item whether it had a source and a target (the key hashes both
    names, so they are the record's); on the held-out draws an event with no target was right less often than one
    with a target in every stop v8 looked at, and pooled over all (the evidence that was tried, and not landed: NOTES.md,
    stop 33 v8)."""
    rs = fit_rows(rows(("events",)), "events")
    assert all(r.has_source is not None and r.has_target is not None for r in rs)
    assert not any(not r.has_source and not r.has_target for r in rs)
    # every stop v8 looked at (s21..s32); stop 33's draws came later (s34: both no-target events right, 2 of 2; s35
    # of stop 35, the Lee pool: 2 of 2 too)
    for s in {r.stop for r in rs} - {"s33", "s34", "s35"}:
        sel = [r for r in rs if r.stop == s]
        no, yes = [r for r in sel if not r.has_target], [r for r in sel if r.has_target]
        assert sum(r.right for r in no) / len(no) < sum(r.right for r in yes) / len(yes)
    no, yes = [r for r in rs if not r.has_target], [r for r in rs if r.has_target]
    assert sum(r.right for r in no) / len(no) < sum(r.right for r in yes) / len(yes)
