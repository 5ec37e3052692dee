"""The sample of hidden events (benchmarks/audit/below.py) and the weights the calibration tools give it."""

from __future__ import annotations

import json

import pytest

from benchmarks import calibration as C
from benchmarks import recalibrate_rows as RR
from benchmarks.audit import below as B


def _records(tmp_path, monkeypatch) -> list[str]:
    """Two invented draws' records in a temporary WORK: events at every confidence, one not asserted."""
    import benchmarks.audit.__main__ as A

    monkeypatch.setattr(A, "WORK", tmp_path)
    monkeypatch.setattr(B, "WORK", tmp_path)
    monkeypatch.setattr(B, "HERE", tmp_path)
    labels = []
    for d in range(2):
        recs = []
        for p in range(5):
            evs = [{"type": "CONSULT", "start": i * 10, "end": i * 10 + 5, "source_name": f"Mayor Quillbrook {i}",
                    "target_name": None, "trigger": "met", "status": "asserted", "confidence": c}
                   for i, c in enumerate((0.05, 0.4, 0.5, 0.9))]  # three below the display threshold
            evs.append({"type": "AID", "start": 90, "end": 95, "source_name": "Fernhollow Council", "target_name": None,
                        "trigger": "aid", "status": "planned", "confidence": 0.2})
            recs.append({"input": f"test/{d}-{p}", "audit_unit": f"unit{d}{p}", "body": "x" * 100, "events": evs})
        (tmp_path / f"d{d}.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
        labels.append(f"d{d}")
    return labels


def test_the_pool_is_every_asserted_hidden_event_and_a_larger_sample_extends_a_smaller(tmp_path, monkeypatch):
    labels = _records(tmp_path, monkeypatch)
    pool, shown = B.hidden(labels)
    assert len(pool) == 2 * 5 * 3 and shown == 2 * 5  # the planned AID event is in neither
    small, n = B.draw(labels, seed=7, n=5)
    large, _ = B.draw(labels, seed=7, n=12)
    assert n == 30 and large[:5] == small  # judging can stop at any n: the first n are a uniform sample


def test_keys_file_holds_the_rate_and_the_sampled_keys(tmp_path, monkeypatch):
    labels = _records(tmp_path, monkeypatch)
    path = B.write_keys(labels, "t", seed=3, n=6)
    head, keys = B.read_keys(path)
    assert head["pool"] == 30 and head["n"] == 6 and head["rate"] == pytest.approx(0.2)
    assert len(keys) == 6 and all(r["confidence"] < 0.8 for r in keys.values())


def test_weighted_ece_weighs_bins_by_their_weight():
    probs, labels = [0.1, 0.1, 0.9, 0.9], [True, False, True, True]
    assert C.expected_calibration_error(probs, labels, weights=[1, 1, 1, 1]) == C.expected_calibration_error(probs, labels)
    # the low bin (|0.5 - 0.1| = 0.4) weighing 4 of 5 against the high bin (|1 - 0.9| = 0.1) weighing 1 of 5
    assert C.expected_calibration_error(probs, labels, weights=[2, 2, 0.5, 0.5]) == pytest.approx(0.8 * 0.4 + 0.2 * 0.1)
    s = C.summary(probs, labels, weights=[2, 2, 0.5, 0.5])
    assert s["n"] == 4 and s["accuracy"] == pytest.approx(0.6) and s["table"][0]["w"] == 4


def test_fit_rows_leave_out_only_the_audits_hidden_rows(monkeypatch):
    monkeypatch.setattr(RR, "raw_of", lambda f: f["x"])
    base = ([0.0, 0.5, 0.51, 1.0], [0.1, 0.1, 0.9, 0.9])
    rows = [("audit", "tune", {"x": 0.2}, True, "a"), ("audit", "tune", {"x": 0.9}, True, "a"),
            ("web", "tune", {"x": 0.2}, False, "w"), ("draws", "check", {"x": 0.2}, True, "d", 5.0)]
    kept = RR.fit_rows(rows, base, 0.8)
    assert [r[0] for r in kept] == ["audit", "web", "draws"] and kept[0][2]["x"] == 0.9
    assert [RR.weight(r) for r in kept] == [1.0, 1.0, 5.0]


@pytest.mark.parametrize("name", ["s28v3", "s28v3main"])
def test_stop_28_draw_keys_are_every_hidden_event_judged_and_never_held_out(name):
    """Stop 28 (helper v3): the draws s23..s27 rebuilt on e3's code and on main, every hidden asserted event (rate
    1), each judged by a line that is not of a held-out draw; no page of the held-out pools (CoNLL, s28unseen)."""
    from benchmarks.audit.__main__ import judgements

    head, keys = B.read_keys(B.keys_path(name))
    assert head["rate"] == 1.0 and head["n"] == head["pool"] == len(keys) > 300
    assert not any(str(lab).startswith(RR.HELD_OUT_PREFIXES) for lab in head["labels"])
    done = RR.judged_for(judgements(), {r["input"] for r in keys.values()})
    assert set(keys) <= set(done)
    assert not any(r["input"].startswith(("conll", "s28unseen")) for r in keys.values())
    mine = [j for j in judgements().values() if j.get("by") == "v3, stop 28"]
    assert len(mine) == 105 and all(isinstance(j[k], bool) for j in mine for k in ("happened", "type", "source", "target"))


def test_stop_29_final_keys_are_every_hidden_event_of_the_six_draws_judged():
    """Stop 29 (helper v5): the draws s23..s28 rebuilt on the stop's merged code (records v5-s23..v5-s28), every
    hidden asserted event (rate 1), each judged by a line that is not of a held-out draw; the rows read this file
    (`BELOW_SAMPLE`). Stop 28's wire draw (conll, tuning data since stop 29) is in it; no s29unseen label."""
    from benchmarks.audit.__main__ import judgements

    head, keys = B.read_keys(B.keys_path("s29final"))
    assert head["labels"] == [f"v5-s{n}" for n in range(23, 29)]
    assert head["rate"] == 1.0 and head["n"] == head["pool"] == len(keys) > 400
    assert not any(str(lab).startswith(RR.HELD_OUT_PREFIXES) for lab in head["labels"])
    done = RR.judged_for(judgements(), {r["input"] for r in keys.values()})
    assert set(keys) <= set(done)
    assert any(r["input"].startswith("conll/") for r in keys.values())
    mine = [j for j in judgements().values() if j.get("by") == "v5, stop 29"]
    assert len(mine) == 2 and all(isinstance(j[k], bool) for j in mine for k in ("happened", "type", "source", "target"))


def test_stop_30_keys_add_stop_29s_wire_draw_every_hidden_event_judged():
    """Stop 30 (helper v6): the six draws of below-s29final and stop 29's wire draw (seed 20270601, records v6-s29,
    tuning data since stop 30; its s29unseen judgements load now), every hidden asserted event (rate 1), each judged
    by a line that is not of a held-out draw still unseen; the rows read this file (`BELOW_SAMPLE`)."""
    from benchmarks.audit.__main__ import judgements

    head, keys = B.read_keys(B.keys_path("s30v6"))
    assert head["labels"] == [*(f"v5-s{n}" for n in range(23, 29)), "v6-s29"]
    assert head["rate"] == 1.0 and head["n"] == head["pool"] == len(keys) > 500
    assert not any(str(lab).startswith(RR.HELD_OUT_PREFIXES) for lab in head["labels"])
    done = RR.judged_for(judgements(), {r["input"] for r in keys.values()})
    assert set(keys) <= set(done)
    assert any(done[k].get("label", "").startswith("s29unseen") for k in keys)
    mine = [j for j in judgements().values() if j.get("by") == "v6, stop 30" and j.get("label") == "v6-s29"]
    assert len(mine) == 15 and all(isinstance(j[k], bool) for j in mine for k in ("happened", "type", "source", "target"))


def test_stop_30_e5_keys_are_the_seven_draws_on_the_merged_event_rules_every_hidden_event_judged():
    """Stop 30 (helper v6): the seven draws rebuilt on e5's event rules (src of e5 7a318ae = main after e5's merge;
    records v6e5c-s23..v6e5c-s29), every hidden asserted event (rate 1), each judged by a line that is not of a
    held-out draw still unseen; the rows read this file (`BELOW_SAMPLE`)."""
    from benchmarks.audit.__main__ import judgements

    head, keys = B.read_keys(B.keys_path("s30v6e5c"))
    assert RR.BELOW_SAMPLE == B.keys_path("s30v6e5c")
    assert head["labels"] == [f"v6e5c-s{n}" for n in range(23, 30)]
    assert head["rate"] == 1.0 and head["n"] == head["pool"] == len(keys) > 450
    assert not any(str(lab).startswith(RR.HELD_OUT_PREFIXES) for lab in head["labels"])
    assert set(keys) <= set(RR.judged_for(judgements(), {r["input"] for r in keys.values()}))
