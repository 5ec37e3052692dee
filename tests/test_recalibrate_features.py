"""Why registers disagree on the event map (benchmarks/recalibrate_features.py): row features, tables, cell maps."""

from __future__ import annotations

import pytest

from benchmarks import recalibrate_features as F

IDENTITY = ([0.0, 1.0], [0.0, 1.0])  # the map in place as the identity: confidence = the model's output


@pytest.fixture(autouse=True)
def _raw_is_c(monkeypatch):
    monkeypatch.setattr(F, "raw_of", lambda f: f["c"])


def _row(reg: str, c: float, right: bool, value: str = "a", part: str = "tune", unit: str = "u") -> tuple:
    ev = {"c": c, "verb": 1.0, "past": 1.0, f"type_{value}": 1.0}
    return (("draws", part, ev, right, unit, 1.0, reg), {"event": ev})


def test_actor_and_clause_features_read_the_rows_own_evidence():
    person, thing = {"kind_person": 1.0, "direct": 1.0, "in_sentence": 1.0}, {"kind_other": 1.0, "in_sentence": 1.0}
    assert F.kind(None) == "none" and F.kind(person) == "person" and F.kind({"direct": 1.0}) == "other"
    assert F.actors({"event": {}, "source": person, "target": {"kind_country": 1.0}}) == "both"
    assert F.actors({"event": {}, "source": person, "target": thing}) == "one"
    assert F.actors({"event": {"thing_actor": 1.0}, "source": person}) == "thing"
    assert F.actors({"event": {}}) == "none"
    assert F.clause({"verb": 1.0, "reported": 1.0}) == "reported" and F.clause({"verb": 0.0}) == "noun"
    assert F.clause({"verb": 1.0, "generic": 1.0}) == "generic" and F.clause({"verb": 1.0, "past": 1.0}) == "past"
    assert F.distance({"source": person}) == "direct" and F.distance({"source": person, "target": thing}) == "sentence"
    assert F.distance({"event": {}}) == "none" and F.distance({"target": {"kind_person": 1.0}}) == "far"
    assert F.event_type({"type_raw": 0.5, "type_ASSAULT": 1.0, "type_AID": 0.0}) == "ASSAULT"
    assert [F.step(c) for c in (0.09, 0.26, 0.55, 0.66, 0.78, 0.87, 0.99)] == list(range(7))


def test_a_feature_that_sets_the_rate_explains_registers_that_differ_only_in_its_mix():
    """Two registers at one confidence step: kind a always right, kind b never; one register mostly a, the other
    mostly b. The step alone sees them disagree; within each kind they agree (explained share 1)."""
    rows = ([_row("lgl", 0.5, True, "a")] * 8 + [_row("lgl", 0.5, False, "b")] * 2
            + [_row("web", 0.5, True, "a")] * 2 + [_row("web", 0.5, False, "b")] * 8)
    assert F.explained(rows, "type", IDENTITY) == 1.0
    t = F.tables(rows, "type", IDENTITY)
    assert t["a"]["lgl"] == (8.0, 0.5, 1.0) and t["b"]["web"] == (8.0, 0.5, 0.0)
    mixed = ([_row("lgl", 0.5, r, v) for v in "ab" for r in (True, False) for _ in range(200)]
             + [_row("web", 0.5, r, v) for v in "ab" for r in (True, True, True, False) for _ in range(100)])
    assert abs(F.explained(mixed, "type", IDENTITY)) < 0.02  # the same mix in both: nothing to explain by it
    assert F.value_of("type*clause")(mixed[0][1]) == "a*past"


def test_cell_maps_fit_on_the_other_registers_and_keep_the_cut():
    rows = ([_row("lgl", 0.5, True, "a")] * 40 + [_row("lgl", 0.5, False, "b")] * 40
            + [_row("web", 0.5, True, "a")] * 10 + [_row("web", 0.5, False, "b")] * 30
            + [_row("wire", 0.9, False, "b")] * 5)
    by = F.loro_cells(rows, "type", IDENTITY, 0.8)
    assert len(by["web"]) == 40 and by["web"][0][1] > 0.75 and by["web"][-1][1] < 0.25  # learnt from lgl alone
    assert all(c >= 0.8 for _, c in by["wire"])  # shown stays shown, whatever the cells say
    plain = F.loro_cells(rows, None, IDENTITY, 0.8)
    assert {round(c, 3) for _, c in plain["web"]} == {round((40 + 10 * 0.5) / 90, 3)}


def test_rows_carry_the_actors_features_beside_the_loro_row(monkeypatch):
    from benchmarks import recalibrate_loro as L

    monkeypatch.setattr(L, "raw_of", lambda f: f["c"])
    full = {"event": {"c": 0.3}, "source": {"kind_person": 1.0}}
    ev = [("polnear/a", "k1", "check", "asserted", full, "p1", {})]
    out = L.tagged_with_features([("gsr", "tune", {"c": 0.9}, True, "s1")], {"draws": (ev, {"k1": {"happened": True,
                                 "type": True}})}, IDENTITY, 0.8, rate=0.5)
    assert [(r[6], r[5], F.actors(f)) for r, f in out] == [("gsr", 1.0, "none"), ("polnear", 2.0, "one")]
    assert [r for r, _ in out] == L.tagged_rows([("gsr", "tune", {"c": 0.9}, True, "s1")], {"draws": (ev, {"k1": {
        "happened": True, "type": True}})}, IDENTITY, 0.8, rate=0.5)


def test_page_densities_count_sport_words_and_numbers_per_thousand_words(tmp_path, monkeypatch):
    import json

    from benchmarks.audit import __main__ as A

    monkeypatch.setattr(A, "WORK", tmp_path)
    body = "Vallamora Rovers beat the visitors 3-1 in the league match on Saturday, the coach said after the game"
    (tmp_path / "x.jsonl").write_text(json.dumps({"input": "lgl/9", "body": body}) + "\n", encoding="utf-8")
    dens = F.page_densities(["x", "missing"])
    sport, numbers = dens["lgl/9"]
    assert sport > F.SPORT_REPORT and 0 < numbers < 200
    rows = F.with_pages([(("web", "tune", {}, True, "u", 1.0, "lgl"), {"event": {}, "input": "lgl/9"}),
                         (("gsr", "tune", {}, True, "u", 1.0, "gsr"), {"event": {}})], dens)
    assert [F.FEATURES["sport"](f) for _, f in rows] == ["report", "none"]
    assert F.FEATURES["numbers"](rows[1][1]) == "low"
