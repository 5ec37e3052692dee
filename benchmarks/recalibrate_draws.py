"""The event map's calibration on the judged draws, draw by draw (and part by part).

    python -m benchmarks.recalibrate_draws --cache C --below-sample benchmarks/audit/below-s28v3.keys.jsonl

Why: `recalibrate_events` reports the judged draws as one source ("draws"). The draws differ in register and in
part (stop 27's draw, 28 PolNeAR check-part articles, holds only check rows; the LGL draw mostly tune rows), so a
change of the draws' ECE can come from one draw: a map (or a rule change under a map) must be read draw by draw
before it is said to transfer (COMMON brief, stop 28: "show the effect on SEVERAL draws"). The rows are the same as
`recalibrate_rows.load` gives (same cache, same judgements, held-out lines never read); the label of an event is
"happened and type right", as the calibration tools use it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from benchmarks.calibration import summary
from benchmarks.recalibrate_rows import (
    BELOW_SAMPLE,
    add_row_arguments,
    apply,
    in_place,
    load,
    raw_of,
)


def draw_of(labels: list[str]) -> dict[str, str]:
    """{page input: the first of the draw labels `labels` (build labels of benchmarks.audit) whose records hold it}."""
    from benchmarks.audit.__main__ import WORK

    out: dict[str, str] = {}
    for label in labels:
        path = WORK / f"{label}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.setdefault(json.loads(line)["input"], label)
    return out


def by_draw(events: list[tuple], js: dict[str, dict], where: dict[str, str], predict: Callable[[dict], float],
            weight: Callable[[dict], float] = lambda f: 1.0) -> dict[str, dict]:
    """Per draw and part ('<label>/<part>', '<label>/all'): the calibration summary (n, right, ECE, reliability
    table) of the judged events `events` (as `benchmarks.audit.below.sample_events` gives them) under `predict`
    (an event's model features -> confidence), each weighed by `weight` (a sampled hidden event stands for 1 / rate
    events, as in `load`); events with no judgement in `js` are left out, as in `load`."""
    groups: dict[str, list[tuple[float, bool, float]]] = {}
    for inp, k, part, _status, f, *_ in events:
        if k not in js:
            continue
        y = bool(js[k].get("happened") and js[k].get("type"))
        draw = where.get(inp, inp.split("/")[0])
        for g in (f"{draw}/{part}", f"{draw}/all"):
            groups.setdefault(g, []).append((predict(f["event"]), y, weight(f["event"])))
    return {g: summary([c for c, _, _ in sel], [y for _, y, _ in sel], [w for _, _, w in sel])
            for g, sel in sorted(groups.items())}


def table_row(name: str, res: dict) -> str:
    """One markdown row: draw/part, n, right, ECE, reliability (mean confidence -> right (n) per bin)."""
    rel = ", ".join(f"{t['confidence']:.2f}->{t['accuracy']:.2f} ({t['n']})" for t in res["table"])
    return f"| {name} | {res['n']} | {res['accuracy']} | {res['ece']} | {rel} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.recalibrate_draws", description=__doc__.split("\n\n")[0])
    add_row_arguments(ap, "annotated rows (pickle) of recalibrate_events")
    ap.add_argument("--below-sample", type=Path, default=BELOW_SAMPLE, help="keys of the judged draws (below.py)")
    ap.add_argument("--method", default=None, help="also a map refitted on the tune rows (recalibrate_register `fit`, "
                    "e.g. platt-conf+cut), reported next to the map in place")
    a = ap.parse_args(argv)
    rows, _gsr, judged = load(a.cache, a.audit_labels.split(","), a.web_labels.split(","), a.below_sample, a.reread)
    from benchmarks.audit.below import read_keys
    from benchmarks.recalibrate_rows import threshold_in_place

    head, _ = read_keys(a.below_sample)
    base, t, rate = in_place(), threshold_in_place(), head.get("rate") or 1.0

    def conf(f: dict) -> float:
        return apply(base, raw_of(f))

    where, weigh = draw_of(list(head["labels"])), (lambda f: 1.0 if conf(f) >= t else 1.0 / rate)
    maps: dict[str, Callable[[dict], float]] = {"in place": conf}
    if a.method:
        from benchmarks.recalibrate_register import fit
        from benchmarks.recalibrate_rows import fit_rows

        maps[a.method] = fit(a.method, [r for r in fit_rows(rows, base, t) if r[1] == "tune"], base, t)
    for label, g in maps.items():
        print(f"| draw/part | n | right | ECE | reliability ({label}) |\n|---|---|---|---|---|")
        for name, r in by_draw(*judged["draws"], where, g, weigh).items():
            print(table_row(name, r))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
