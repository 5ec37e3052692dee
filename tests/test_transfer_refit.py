"""benchmarks/transfer_refit.py: a refit with new stops judged against the fits without them, what the refit and a
new threshold move on current records, and where a threshold sits in the gap of every one-stop-out refit."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from benchmarks import transfer_refit as R
from benchmarks.transfer_fit import fit


@dataclass(frozen=True)
class _Row:
    stop: str
    page: str
    conf: float
    right: bool
    status: str = "asserted"


def _rows(stops: int, n: int, truth, seed: int = 3) -> list[_Row]:
    rng = random.Random(seed)
    out = []
    for s in range(stops):
        for i in range(n):
            c = rng.choice((0.3, 0.55, 0.8, 0.95))
            out.append(_Row(f"s{21 + s}", f"p{s}-{i % 15}", c, rng.random() < truth(c)))
    return out


def test_new_stops_like_the_old_ones_change_little_and_the_new_stops_are_scored_under_the_old_fit():
    rs = _rows(6, 120, lambda c: 0.6 * c)
    res = R.compare(rs, lambda tr: fit("iso", tr), ["s26"], boot=40)
    assert set(res) == {f"s{21 + s}" for s in range(6)} | {"pooled"}
    p = res["pooled"]
    assert abs(p["ece_diff"]) < 0.03 and p["ece_new"] < p["ece_as_it_was"] and p["ece_worse_beyond_noise"] <= 1
    # the new stop itself: its "old" map is the fit on the old stops alone (the landed layer)
    g = fit("iso", [r for r in rs if r.stop != "s26"])
    s26 = [r for r in rs if r.stop == "s26"]
    assert res["s26"]["brier_old"] == round(sum((g(r.conf) - r.right) ** 2 for r in s26) / len(s26), 4)


def test_an_item_moves_only_where_the_layers_and_thresholds_disagree():
    """Old layer: x -> x / 2; new: x -> x / 2 + 0.1 (every preimage on the 0.001 grid). At thresholds 0.4 -> 0.5 an
    item of old value v (map in place 2v) is shown after iff 2v/2 + 0.1 >= 0.5, i.e. v >= 0.4: nothing moves; at
    0.4 -> 0.55 the values in [0.4, 0.45) move out. An actor capped at its event follows the smaller."""
    old = ((0.0, 1.0), (0.0, 0.5))
    new = ((0.0, 1.0), (0.1, 0.6))
    vals = [(0.2, None), (0.41, None), (0.44, None), (0.48, None)]
    assert R.moved(vals, old, new, 0.4, 0.5) == {"stays": 4, "moves": 0, "ambiguous": 0, "unknown": 0,
                                                 "shown_before": 3, "shown_after": 3}
    got = R.moved(vals, old, new, 0.4, 0.55)
    assert got["moves"] == 2 and got["shown_after"] == 1
    actor = R.moved([(0.46, 0.48), (0.44, 0.48)], old, new, 0.4, 0.55)  # below its event: its own value decides
    assert actor["stays"] == 1 and actor["moves"] == 1  # 0.46 -> 0.56 shown, 0.44 -> 0.54 hidden
    capped = R.moved([(0.42, 0.42)], old, new, 0.4, 0.55)  # capped at 0.42: the event's 0.52 is below 0.55
    assert capped["moves"] == 1


def test_the_gap_names_the_one_stop_out_refits_a_threshold_falls_outside():
    rs = _rows(5, 120, lambda c: 0.6 * c)
    g = R.gap(rs, lambda tr: fit("iso", tr), 0.55, 0.8, (0.0, 0.99))
    assert set(g["loso"]) == {f"s{21 + s}" for s in range(5)}
    assert all(lo <= hi for lo, hi in g["loso"].values())
    assert len(g["outside"][0.0]) == 5 and len(g["outside"][0.99]) == 5


def test_record_values_read_events_actors_and_topics(tmp_path):
    rec = {"events": [{"confidence": 0.6, "source_confidence": 0.5, "target_confidence": None},
                      {"confidence": None}],
           "topics_confidence": {"people": [0.7, 0.3], "cities": [0.9]}}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    pat = str(tmp_path / "*.jsonl")
    assert R.record_values([pat], "events") == {"events": [(0.6, None)], "actors": [(0.5, 0.6)]}
    assert R.record_values([pat], "topics:people") == {"topics:people": [(0.7, None), (0.3, None)]}
