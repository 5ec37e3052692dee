"""Evidence beyond the events' confidence and the actors' cut, out of stop (benchmarks/transfer_evidence.py,
transfer_actors.py, stop 34 e10): the features read from a record's item, the fit, and how an actor policy scores
the shown events."""

from __future__ import annotations

import math

import numpy as np

from benchmarks import transfer_actors as A
from benchmarks import transfer_evidence as T
from benchmarks.transfer_rows import Row

BODY = 'Police said "troops attacked the village" on Monday. Ministers met rebels in Paris. The rest is quiet text.'


def _rec() -> dict:
    s2 = BODY.index("Ministers")
    end1, end2 = BODY.index(".", 0) + 1, BODY.index("Paris.") + 6
    return {
        "body": BODY,
        "entities": [{"id": "e1", "type": "organisation", "mentions": [{"start": 0, "end": 6}]},
                     {"id": "e2", "type": "person", "mentions": [{"start": s2, "end": s2 + 9}]}],
        "quotes": [{"start": BODY.index("troops"), "end": BODY.index('" on')}],
        "events": [
            {"type": "ASSAULT", "start": 0, "end": end1, "trigger": "attacked", "mode": None, "source": None,
             "source_name": "troops", "target": None, "target_name": "the village", "confidence": 0.9,
             "source_confidence": 0.69, "target_confidence": 0.27},
            {"type": "CONSULT", "start": s2, "end": end2, "trigger": "met", "mode": "meet", "source": "e2",
             "source_name": "Ministers", "target": None, "target_name": None, "confidence": 0.85,
             "source_confidence": 0.98, "target_confidence": None},
            {"type": "ACCUSE", "start": 0, "end": end1, "trigger": "said", "mode": None, "source": "e1",
             "source_name": "Police", "target": None, "target_name": None, "confidence": 0.5,
             "source_confidence": 0.9, "target_confidence": None},
        ],
    }


def test_event_evidence_reads_the_item_and_its_record():
    rec = _rec()
    a, b, c = (T.event_evidence(e, rec) for e in rec["events"])
    assert a["fam_material_conflict"] == 1 and a["fam_verbal_coop"] == 0 and sum(
        a[f"fam_{f}"] for f in T.FAMILIES) == 1
    assert b["fam_verbal_coop"] == 1 and c["fam_verbal_conflict"] == 1
    assert a["in_quote"] == 1 and b["in_quote"] == 0 and c["in_quote"] == 0  # "said" stands before the quote
    assert a["has_source"] == a["has_target"] == 1 and a["source_entity"] == a["target_entity"] == 0
    assert b["has_mode"] == 1 and b["source_entity"] == 1 and b["has_target"] == 0
    assert a["same_sentence"] == c["same_sentence"] == math.log1p(1) and b["same_sentence"] == 0
    assert a["density"] == b["density"] == math.log1p(1000 * 3 / len(BODY))
    assert set(a) == set(T.EVENT_FEATURES)


def test_actor_evidence_places_the_actor_by_its_entity_or_its_name():
    rec = _rec()
    src = T.actor_evidence(rec["events"][1], "source", rec)
    assert src["entity"] == 1 and src["type_person"] == 1 and src["in_sentence"] == 1 and src["target"] == 0
    tgt = T.actor_evidence(rec["events"][0], "target", rec)  # no entity: found by its name in the sentence
    assert tgt["entity"] == 0 and tgt["in_sentence"] == 1 and tgt["target"] == 1 and tgt["distance"] > 0
    assert tgt["conf"] == T._logit(0.27) and tgt["event_conf"] == T._logit(0.9)
    assert set(src) == set(T.ACTOR_FEATURES)


def test_the_logistic_fit_recovers_a_weight_and_survives_extreme_logits():
    rng = np.random.default_rng(5)
    x1 = rng.normal(0, 3, 3000)
    p = 1 / (1 + np.exp(-(0.5 + 1.5 * x1)))
    y = (rng.random(3000) < p).astype(float)
    x = np.column_stack([np.ones(3000), x1, np.full(3000, 9.2)])  # a constant logit of ~0.9999: no overshoot
    w = T.fit_logistic(x, y, np.array([0.0, 1.0, 0.0]))
    pred = 1 / (1 + np.exp(-x @ w))
    assert abs(pred.mean() - y.mean()) < 0.01 and 1.2 < w[1] < 1.8


def _ev(happened: bool, judged: dict[str, bool], confs: dict[str, float]) -> T.EvRow:
    row = Row("s30", "x", "events", "k", "p", 0.9, True, False, False, "asserted")
    return T.EvRow(row, happened, judged, {}, {r: {} for r in confs}, confs)


def test_a_hidden_wrong_actor_is_not_held_against_its_event_but_a_missing_one_is():
    always = lambda e: True  # noqa: E731
    show = lambda e, r: e.actor_conf[r] >= 0.8  # noqa: E731
    rows = [
        _ev(True, {"source": True, "target": False}, {"source": 0.9, "target": 0.5}),  # wrong target hidden: right
        _ev(True, {"source": True, "target": False}, {"source": 0.9, "target": 0.95}),  # wrong target shown: wrong
        _ev(True, {"source": True, "target": False}, {"source": 0.9}),  # no target, judged missing: wrong
        _ev(False, {"source": True, "target": True}, {"source": 0.9, "target": 0.9}),  # did not happen: wrong
        _ev(True, {"source": True, "target": True}, {"source": 0.5, "target": 0.9}),  # right source hidden: right
    ]
    c = A.outcome(rows, always, show)
    assert c == {"shown": 5, "right": 2, "right_actors": 5, "right_actors_shown": 4, "wrong_actors_shown": 1}
    hide_all = A.outcome(rows, always, lambda e, r: False)
    assert hide_all["right"] == 3 and hide_all["right_actors_shown"] == 0


def test_on_the_before_records_the_actors_can_fix_few_shown_events(monkeypatch):
    """Stop 34 e10's measured "no" (NOTES.md): on the before snapshots with records (stops 25..34), the events the
    landed layer shows (LOSO) are right 116/167 as scored today; hiding every actor would make them 125/167 at most,
    and the actor cut the display rule picks out of stop is today's on every stop. Skipped without the records.
    Measured at the events' threshold of the time, 0.6 (v10 moved it to 0.55 inside the same gap of the landed layer;
    one stop's LOSO map, without s27, puts the 0.847 level at 0.551, between the two: 175 shown, 121 right)."""
    import pytest

    import newsgraph.settings

    if not T.RECORDS.exists() or not (T.RECORDS / "s25unseen-before.jsonl").exists():
        pytest.skip("no before records on this machine")
    monkeypatch.setattr(newsgraph.settings, "EVENTS_THRESHOLD", 0.6)
    from benchmarks import recalibrate_rows

    # the stops e10 measured (s35, judged at stop 35, came later: its 28 events leave these figures alone)
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", tuple(f"s{n}unseen" for n in range(35, 133)))
    res = A.actors(boot=50)
    assert res["events"] == 700
    today, hide_all = res["today (layer(actor) >= threshold)"], res["raw >= 1.01"]
    assert (today["right"], today["shown"]) == (116, 167) and hide_all["right"] == 125
    assert res["raw, cut by the rule LOSO"]["right"] == today["right"]
    # today's actor confidence reads as "the event and the actor right" (v7's cap), not as "the actor right"
    ece = res["actor_ece"]
    assert ece["joint reading, all"]["ece"][0] < 0.07 < 0.2 < ece["actor reading, all"]["ece"][0]
