"""The events' transfer layer (stop 31): its rows (the held-out draws' before snapshots), its fit and its data file."""

from __future__ import annotations

import json
import random

from benchmarks import transfer_fit as T
from benchmarks.transfer_rows import Row, rows, shown_then
from newsgraph.annotate import event_transfer as layer
from newsgraph.annotate.calibration import DATA
from newsgraph.settings import EVENTS_THRESHOLD

#: The seven draws of stops 35..37 (s36..s42) that stop 38 (v12) made rows: the pinned facts of the earlier stops
#: leave them out, as they were held out when those facts were taken.
V12 = ("s36unseen", "s37unseen", "s38unseen", "s39unseen", "s40unseen", "s41unseen", "s42unseen")
#: the draws judged after v12's refit (stop 38's blind check): out of every figure pinned here
LATER = tuple(f"s{n}unseen" for n in range(43, 141))


def test_the_before_snapshots_give_the_coordinators_figures(tmp_path, monkeypatch):
    """Every held-out draw since stop 21 is in, and the shown events read strictly are the 125 of 212 right the
    stop-31 brief counted (as scored, hidden actors not held against them where the records say so: 137). With no
    records on the machine (a fresh clone: /tmp is empty) the frozen flags give the same rows."""
    from benchmarks import recalibrate_rows, transfer_rows

    monkeypatch.setattr(transfer_rows, "RECORDS", tmp_path)
    # the rows of stop 31's layer: stop 32's draws were held out then
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", ("s32unseen", "s33unseen", "s34unseen", "s35unseen", *V12, *LATER))
    ev = [r for r in rows(("events",)) if r.shown]
    assert {r.stop for r in ev} == {f"s{n}" for n in range(21, 31)}
    assert (len(ev), sum(r.strict for r in ev), sum(r.right for r in ev)) == (212, 125, 137)


def _landed_rows(tmp_path, monkeypatch) -> list[Row]:
    """The rows the landed layer was fitted on (stop 34 v10: every blind draw, s21..s34; stop 35 v11's refit with s35
    was within noise LOSO and did not land), records or not."""
    from benchmarks import recalibrate_rows, transfer_rows

    monkeypatch.setattr(transfer_rows, "RECORDS", tmp_path)
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", ("s35unseen", *V12, *LATER))
    return T.fit_rows(rows(("events",)), "events")


def test_the_fourteenth_stop_is_read_raw_and_its_rule_is_the_one_documented(monkeypatch):
    """s35 (stop 35, the Lee pool) was built with the layer in force: its 28 shown events (every one judged) are
    read at their raw confidences (from the rebuild with the layers off), 19 right as scored. On 14 stops the
    display rule picks 0.85 on the confidence as it was (it picked 0.8 on 13): the cut would hide the map in place's
    0.847 level, which the rows find right as often as the 0.884 level above it (29/45 against 26/43): the rule's
    gain comes from the 0.80/0.81 levels of stops 21..28's maps, which current code does not emit (NOTES.md, stop 35
    v11), so EVENTS_THRESHOLD stays where it was. (The rows of stop 35: the seven draws of stops 36..38 left out, and
    s35's hidden events unweighted, as they were read then.)"""
    from benchmarks import recalibrate_rows, transfer_rows

    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", (*V12, *LATER))
    monkeypatch.setattr(transfer_rows, "BELOW_SAMPLES", ())
    rs = T.fit_rows(rows(("events",)), "events")
    s35 = [r for r in rs if r.stop == "s35"]
    shown = [r for r in s35 if shown_then(r)]
    assert len({r.stop for r in rs}) == 14 and (sum(r.right for r in shown), len(shown)) == (19, 28)
    assert {round(r.conf, 3) for r in shown} <= {0.847, 0.884, 0.99, 0.994}
    # and the hidden events of s35 that b35's random sample judged (stop 35, below-s35lee): rows of their own
    assert len(s35) - len(shown) == 29 and all(r.conf < 0.847 for r in s35 if not shown_then(r))
    assert T.chosen_cut(T.thresholds(rs, "iso")) == 0.85
    at = {lo: [r for r in rs if lo <= r.conf < hi] for lo, hi in ((0.845, 0.85), (0.88, 0.92))}
    assert (sum(r.right for r in at[0.845]), len(at[0.845])) == (29, 45)
    assert (sum(r.right for r in at[0.88]), len(at[0.88])) == (26, 43)


def test_the_layer_of_stops_34_to_37_had_its_rows(tmp_path, monkeypatch):
    """The layer of stops 34..37 was the refit with stop 33's and 34's draws in (40 judged asserted events, all shown
    at the display of the time: 1126 rows of 13 stops); those draws showed 20 of 29 and 7 of 11 right as scored (the
    coordinator's s33 CONLL 14/21 + POL 6/8, s34 POL 7/11), stop 32's 19 of 33 at 0.8."""
    rs = _landed_rows(tmp_path, monkeypatch)
    assert len({r.stop for r in rs}) == 13
    for stop, n, shown in (("s32", 114, (19, 33)), ("s33", 29, (20, 29)), ("s34", 11, (7, 11))):
        mine = [r for r in rs if r.stop == stop]
        then = [r for r in mine if shown_then(r)]
        assert len(mine) == n and (sum(r.right for r in then), len(then)) == shown
    # a later judgement of an event a snapshot held but nobody had judged adds a row (t8, stop 33: one hidden s27 event)
    assert 1126 <= len(rs) <= 1126 + 5


def test_the_layer_landed_in_stop_38_is_the_21_stop_refit_and_keeps_the_display(tmp_path, monkeypatch):
    """Stop 38: the layer's data file was v12's refit with the seven blind draws of stops 35..37 (their hidden events
    weighted by the below-* samples: 1694 rows of 21 stops; s43.. held out); it had failed only the display clause at
    the old 0.55. Since stop 41 it is the actors' layer (ACTOR_KIND), and at the events' cut the current code's
    levels show as before under the events' stop-41 layer: 0.847 and 0.884 below the cut, 0.99 and 0.994 above."""
    from benchmarks import recalibrate_rows

    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", LATER)
    rs = T.fit_rows(rows(("events",)), "events")
    data = json.loads((DATA / f"{layer.ACTOR_KIND}.json").read_text(encoding="utf-8"))
    assert data["rows"] == len(rs) == 1694 and len({r.stop for r in rs}) == 21
    assert "s42unseenreuters-final" in data["fitted_on"] and not any(f"s{n}unseen" in data["fitted_on"] for n in range(43, 49))
    assert data["loso_ece_after"] < 0.05 < data["loso_ece_before"] and data["loso_wins"] == 21
    assert max(layer.event(0.847), layer.event(0.884)) < EVENTS_THRESHOLD <= min(layer.event(0.99), layer.event(0.994))


def test_the_display_rule_picks_its_cut_and_the_threshold_shows_what_it_shows(tmp_path, monkeypatch):
    """On the landed layer's 13 stops the documented rule (transfer_fit.chosen_cut) picked 0.8 on the confidence as it
    was (stop 33: EVENTS_THRESHOLD 0.55). Stop 38 (v12): on 21 stops (the seven blind draws of stops 35..37 in, their
    hidden events weighted) and on the levels the current code emits only (v11's amendment), the rule picks 0.99: the
    threshold lies between the layer's values of the levels that cut separates, so it shows what the cut shows."""
    from benchmarks import recalibrate_rows

    assert T.chosen_cut(T.thresholds(_landed_rows(tmp_path, monkeypatch), "iso")) == 0.8
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", LATER)  # v12's 21 stops (s43.. came later)
    rs = T.fit_rows(rows(("events",)), "events")
    lv = T.current_levels(rs)
    ts = T.thresholds([r for r in rs if round(r.conf, 3) in lv or r.conf < 0.5], "iso", "right", lv)
    assert T.chosen_cut(ts) == 0.99
    below = max(x for x in lv if x < 0.99)
    assert layer.event(below) < EVENTS_THRESHOLD <= layer.event(0.99)


def test_the_rule_takes_the_lowest_cut_within_noise_of_the_highest():
    ts = [{"cut_old": 0.5, "precision": 0.5, "ci": [0.4, 0.6]}, {"cut_old": 0.7, "precision": 0.66, "ci": [0.6, 0.7]},
          {"cut_old": 0.9, "precision": 0.75, "ci": [0.65, 0.85]}]
    assert T.chosen_cut(ts) == 0.7
    assert T.chosen_cut([{"cut_old": 0.5, "precision": None, "ci": None}]) is None


def test_a_draw_still_held_out_is_never_a_fitting_row_and_is_scored_apart(tmp_path, monkeypatch):
    """A draw still held out (recalibrate_rows.HELD_OUT_PREFIXES; here stop 32's, whose judgements are committed)
    stays out of the rows a layer is fitted on; `held_out` rows are theirs only, and the landed layer is scored on
    them without refitting."""
    from benchmarks import recalibrate_rows, transfer_rows

    HELD_OUT_PREFIXES = ("s32unseen",)
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", HELD_OUT_PREFIXES)
    monkeypatch.setattr(transfer_rows, "RECORDS", tmp_path)
    assert not any(lab.startswith(HELD_OUT_PREFIXES) for lab in transfer_rows.labels())
    held = transfer_rows.labels(held_out=True)
    assert held and all(lab.startswith(HELD_OUT_PREFIXES) for lab in held)
    rs = T.fit_rows(rows(("events",), held_out=True), "events")
    assert rs and {r.label for r in rs} <= set(held)
    res = T.held_out(rs, boot=40)
    assert res["pooled"]["n"] == len(rs) and 0 <= res["pooled"]["ece_g"] <= 1
    assert res["pooled"]["conf_g"] < res["pooled"]["conf"]  # the layer lowers an over-confident scale


def _rows(n: int, truth, seed: int = 1) -> list[Row]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        c = rng.uniform(0.05, 0.99)
        y = rng.random() < truth(c)
        out.append(Row(f"s{21 + i % 5}", "x", "events", str(i), f"p{i % 40}", c, c >= 0.8, y, y, "asserted"))
    return out


def test_platt_recovers_an_overconfident_scale_and_the_layer_wins_out_of_stop():
    rs = _rows(1500, lambda c: 0.6 * c)
    a, b = T.fit_platt([r.conf for r in rs], [r.right for r in rs], l2=0.0)
    g = T.platt_map(a, b)
    assert abs(g(0.9) - 0.54) < 0.08 and abs(g(0.3) - 0.18) < 0.08
    res = T.report(rs, "right", ("iso", "platt"), boot=80)
    for m in ("iso", "platt"):
        assert res[m]["pooled"]["ece_g"] < res[m]["pooled"]["ece"] and res[m]["pooled"]["ci"][0] > 0


def test_the_layers_data_file_is_monotone_and_the_last_step():
    data = json.loads((DATA / f"{layer.KIND}.json").read_text(encoding="utf-8"))
    assert data["y"] == sorted(data["y"]) and data["x"] == sorted(data["x"]) and "refit_blind" in data["fitted_on"]
    assert layer.event(0.99) < 0.9 and layer.event(0.5, on=False) == 0.5
    assert layer.actor(0.999, 0.6) == 0.6 and layer.actor(None, 0.6) is None


def test_stop_41s_layer_is_fitted_on_blind_draws_only_and_keeps_every_display():
    """Stop 41: the events' layer is fitted on the 48 draws judged blind this stop (s69..s116), none judged later
    (s117.. check it), and its leave-one-draw-out ECE and Brier beat stop 38's layer's. The common levels the code
    emits fall on the same side of the cut as before (raw 0.847, 0.884 hidden; 0.99, 0.994 shown; the rare raw
    0.912..0.985 now show), and actors keep stop 38's scale, so an actor of a shown event shows exactly when it
    did (the events' new values, above the actors' cut, never cap one below it)."""
    from newsgraph.annotate.calibration import apply_map, load_map
    from newsgraph.settings import ACTORS_THRESHOLD

    data = json.loads((DATA / f"{layer.KIND}.json").read_text(encoding="utf-8"))
    assert all(f"s{n}unseenreuters-final" in data["fitted_on"] for n in range(69, 117))
    assert not any(f"s{n}unseenreuters-final" in data["fitted_on"] for n in range(117, 140))
    assert data["lodo_ece"] < data["built_ece"] and data["lodo_brier"] < data["built_brier"]
    assert max(layer.event(0.847), layer.event(0.884)) < EVENTS_THRESHOLD <= min(layer.event(0.99), layer.event(0.994))
    stop38 = load_map(layer.ACTOR_KIND)
    for ev in (0.99, 0.994):
        for a in (0.269, 0.496, 0.572, 0.653, 0.661, 0.689, 0.849, 0.909, 0.919, 0.999):
            before = min(apply_map(stop38, a), apply_map(stop38, ev)) >= ACTORS_THRESHOLD
            assert (layer.actor(a, layer.event(ev)) >= ACTORS_THRESHOLD) == before, (ev, a)


def test_the_recalibration_tools_read_the_cut_on_the_map_in_places_scale():
    from benchmarks.recalibrate_rows import threshold_in_place

    t = threshold_in_place()
    assert layer.event(t) >= EVENTS_THRESHOLD > layer.event(t - 0.001)


def _layered_setup(tmp_path, monkeypatch):
    """A fake layered before snapshot (label s33unseen-before): a key list of two events at the layer's values, and
    a rebuild with the layer off holding their raw confidences."""
    from benchmarks import transfer_rows
    from benchmarks.audit import __main__ as audit

    monkeypatch.setattr(transfer_rows, "AUDIT", tmp_path)
    monkeypatch.setattr(transfer_rows, "RECORDS", tmp_path / "rec")
    monkeypatch.setattr(transfer_rows, "RAW", tmp_path / "raw.jsonl")
    monkeypatch.setattr(audit, "key", lambda rec, kind, it: it["k"])
    (tmp_path / "rec").mkdir()
    keys = [{"key": k, "kind": "events", "input": "p1", "part": "tune", "status": "asserted", "confidence": c,
             "shown": c >= 0.65} for k, c in (("k1", 0.652), ("k2", 0.809))]
    (tmp_path / "s33unseen-before.keys.jsonl").write_text("".join(json.dumps(k) + "\n" for k in keys))
    rec = {"input": "p1", "events": [{"k": "k1", "confidence": 0.9}, {"k": "k2", "confidence": 0.99},
                                     {"k": "k3", "confidence": 0.3}]}
    (tmp_path / "rec" / "raw-x.jsonl").write_text(json.dumps(rec) + "\n")
    judged = {k: {"happened": True, "type": True, "source": True, "target": True, "judged": {}} for k in ("k1", "k2")}
    return transfer_rows, judged


def test_a_layered_snapshot_is_read_at_its_raw_confidences_and_never_at_the_layers(tmp_path, monkeypatch):
    """Stop 33's snapshots were made with the layer in force: their key lists hold the layer's values. A row takes
    the raw confidence frozen from a rebuild with the layer off; without one it is no row (mapping a layered value
    again would score the layer twice); the display of the time is the key list's."""
    transfer_rows, judged = _layered_setup(tmp_path, monkeypatch)
    assert transfer_rows.item_rows("s33unseen-before", judged) == []
    transfer_rows.freeze_raw("s33unseen-before", "raw-x")
    rs = transfer_rows.item_rows("s33unseen-before", judged)
    assert {r.key: r.conf for r in rs} == {"k1": 0.9, "k2": 0.99}
    assert [transfer_rows.shown_then(r) for r in sorted(rs, key=lambda r: r.key)] == [True, True]
    assert transfer_rows.actor_threshold("s33unseen-before") == 0.65
    assert transfer_rows.actor_threshold("s30unseen-before") == transfer_rows.ACTOR_THRESHOLD


def test_a_rebuild_that_is_not_the_same_code_is_refused(tmp_path, monkeypatch):
    transfer_rows, _ = _layered_setup(tmp_path, monkeypatch)
    (tmp_path / "rec" / "raw-x.jsonl").write_text(json.dumps({"input": "p1", "events": [{"k": "k1", "confidence": 0.9}]}) + "\n")
    try:
        transfer_rows.freeze_raw("s33unseen-before", "raw-x")
    except ValueError as e:
        assert "1 of 2" in str(e)
    else:
        raise AssertionError("a rebuild missing an event was accepted")


def test_a_snapshot_with_every_layer_in_force_reads_each_kind_raw(tmp_path, monkeypatch):
    """Stop 35's snapshots were made with every learned layer in force (events, quotes, dates, topics): each kind's
    row takes the raw confidence of the rebuild with the layers off; a quote's speaker counts as hidden below the
    speakers' cut of the time (0.95), a topic as shown at its type's cut of the time on the snapshot's value."""
    from benchmarks import transfer_rows
    from benchmarks.audit import __main__ as audit

    monkeypatch.setattr(transfer_rows, "AUDIT", tmp_path)
    monkeypatch.setattr(transfer_rows, "RECORDS", tmp_path / "rec")
    monkeypatch.setattr(transfer_rows, "RAW", tmp_path / "raw.jsonl")
    monkeypatch.setattr(audit, "key", lambda rec, kind, it: it["k"])
    (tmp_path / "rec").mkdir()
    lab = "s35unseenlee-before"
    keys = [{"key": "q1", "kind": "quotes", "input": "lee/a/1", "part": "tune", "status": None, "confidence": 0.93,
             "shown": True},
            {"key": "d1", "kind": "dates", "input": "lee/a/1", "part": "tune", "status": None, "confidence": 0.96,
             "shown": True}]
    (tmp_path / f"{lab}.keys.jsonl").write_text("".join(json.dumps(k) + "\n" for k in keys))
    topics = [{"key": "lee-a-1|people|A B", "page": "lee-a-1", "type": "people", "name": "A B", "confidence": 0.7125},
              {"key": "lee-a-1|organisations|C", "page": "lee-a-1", "type": "organisations", "name": "C",
               "confidence": 0.578}]
    (tmp_path / f"topics-{lab}.jsonl").write_text("".join(json.dumps(t) + "\n" for t in topics))
    rec = {"input": "lee/a/1", "quotes": [{"k": "q1", "confidence": 0.787, "speaker_confidence": 0.913}],
           "dates": [{"k": "d1", "confidence": 0.97}], "events": [],
           "topics": {"people": ["A B"], "organisations": ["C"]},
           "topics_confidence": {"people": [0.545], "organisations": [0.361]}}
    (tmp_path / "rec" / "raw-y.jsonl").write_text(json.dumps(rec) + "\n")
    (tmp_path / "rec" / f"{lab}.jsonl").write_text(json.dumps({**rec, "quotes": [{**rec["quotes"][0], "confidence": 0.93}]}) + "\n")
    judged = {"q1": {"real": True, "speaker": False}, "d1": {"ok": True}}
    assert transfer_rows.item_rows(lab, judged) == []  # no raw confidences yet: no rows
    transfer_rows.freeze_raw(lab, "raw-y")
    rs = {r.key: r for r in transfer_rows.item_rows(lab, judged)}
    assert (rs["q1"].conf, rs["d1"].conf) == (0.787, 0.97)
    assert rs["q1"].right  # the wrong speaker (0.913) was hidden under the speakers' cut of the time
    tj = {t["key"]: {"right": True} for t in topics}
    ts = {r.kind: r for r in transfer_rows.topic_rows(lab, tj)}
    assert (ts["topics:people"].conf, ts["topics:people"].shown) == (0.545, True)
    assert (ts["topics:organisations"].conf, ts["topics:organisations"].shown) == (0.361, False)  # cut 0.8 then


def test_the_seven_draws_of_stops_35_to_37_are_rows_read_raw_with_their_hidden_sample_weighted():
    """Stop 38 v12: s36..s42 (the Lee draws s36..s38, the Reuters draws s39..s42; "-final" labels are the first build
    of a draw judged on the final code only) are rows, each read at the raw confidences of its rebuild with the
    layers off (transfer-raw.jsonl), shown as its key list says (the coordinators' blind figures), and its hidden
    events only where the seeded sample judged them, weighted 1 / rate (benchmarks.audit.below `score`)."""
    from benchmarks import transfer_rows as TR

    rs = T.fit_rows(rows(("events",)), "events")
    assert len({r.stop for r in rs}) == 21
    want = {"s36": (36, 47), "s37": (41, 53), "s38": (22, 34), "s39": (13, 20), "s40": (9, 14), "s41": (8, 11),
            "s42": (17, 21)}
    raw = TR.frozen_raw()
    for stop, shown in want.items():
        mine = [r for r in rs if r.stop == stop]
        sh = [r for r in mine if r.shown]
        assert (sum(r.right for r in sh), len(sh)) == shown and all(r.w == 1.0 for r in sh)
        assert all(r.key in raw[r.label] for r in mine)
        rate, keys = TR.below_samples()[stop]
        assert all(r.key in keys and abs(r.w - 1 / rate) < 1e-9 for r in mine if not r.shown)
    s38 = [r for r in rs if r.stop == "s38"]  # over every asserted event: the coordinator's 0.491 (stop 36)
    assert round(sum(r.w * r.right for r in s38) / sum(r.w for r in s38), 3) == 0.491


def test_a_weighted_isotonic_fit_with_unit_weights_is_the_unweighted_one():
    from benchmarks.calibration import fit_isotonic

    rng = random.Random(5)
    xs = [round(rng.random(), 2) for _ in range(200)]
    ys = [rng.random() < x for x in xs]
    assert fit_isotonic(xs, ys, min_block=20) == fit_isotonic(xs, ys, min_block=20, weights=[1.0] * len(xs))
    # a block's rate is weighted; its size still counts rows
    px, py = fit_isotonic([0.1] * 30 + [0.9] * 30, [False] * 20 + [True] * 10 + [True] * 30, min_block=30, prior=0.0,
                          weights=[1.0] * 20 + [3.0] * 10 + [1.0] * 30)
    assert py[0] == 0.6 and py[-1] == 1.0
