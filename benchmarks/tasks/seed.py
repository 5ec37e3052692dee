"""Task 7: the seed article against its hand-made gold, item by item (newsgraph.evaluate.gold)."""

from __future__ import annotations

from benchmarks.common import SHARED, Table, TaskResult, require

NAME = "seed"
TITLE = "7. The seed article (spec/seed-gold.json)"


def run(limit: int | None) -> TaskResult:
    import newsgraph
    from newsgraph.evaluate.gold import check, load_gold

    gold = load_gold(require(SHARED / "spec" / "seed-gold.json"))
    data = require(SHARED / "spec" / gold["input"]).read_bytes()
    rec = newsgraph.analyze(data, kind=gold.get("kind", "auto"), input=gold["input"]).to_dict()
    rep = check(rec, gold)
    t = Table("Required items met, by section", ["section", "met", "of", "share"])
    for sec, (ok, n) in rep.by_section().items():
        t.rows.append([sec, ok, n, ok / n])
    req = rep.required
    t.rows.append(["**all required**", sum(i.passed for i in req), len(req), rep.score])
    forb = rep.forbidden
    t.rows.append(["forbidden absent", sum(i.passed for i in forb), len(forb), sum(i.passed for i in forb) / max(len(forb), 1)])
    opt = [i for i in rep.items if not i.required]
    t.rows.append(["optional", sum(i.passed for i in opt), len(opt), sum(i.passed for i in opt) / max(len(opt), 1)])
    missed = [f"{i.section}: {i.name}" + (f" ({i.detail})" if i.detail else "") for i in rep.failures()]
    res = TaskResult(NAME, TITLE, [t], items=len(rep.items))
    if missed:
        res.notes.append("Missed: " + "; ".join(missed))
    return res
