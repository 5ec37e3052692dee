"""The seed article against its hand-made gold (skips when ../shared is absent)."""

from __future__ import annotations

import newsgraph
from newsgraph.evaluate.gold import check, load_gold


def test_seed_meets_required_items(shared):
    gold = load_gold(shared / "spec" / "seed-gold.json")
    data = (shared / "spec" / gold["input"]).read_bytes()
    record = newsgraph.analyze(data, kind=gold["kind"], input=gold["input"]).to_dict()
    report = check(record, gold)
    print(report.summary())
    assert report.score >= 0.80, report.summary()
