"""A blind second reader's subsample of a held-out audit (stop 22): why: the held-out figures rest on one judge each,
and a second reading made without the first verdicts measures how far they can be trusted.

The draw repeats the first judge's sample (`sample_keys` of the label's key list, n per kind) and takes a fixed-seed
subsample of it: `per_kind` items of quotes and dates, every shown event and fact. It prints each item's fields and
its context from the records (never a judgement), so the second reader judges blind.

    PYTHONPATH=src python -m benchmarks.audit.second_reading s22unseen-before
    PYTHONPATH=src python -m benchmarks.audit.second_reading --topics s22unseen-before [CONTEXTS.json] [--first-n N]
        [--threshold T]

Topics: `topics_subsample` draws TOPICS_PER_TYPE items per type from the first judge's shown sample
(`topic_audit.audit_sample` of the items shown by default, `first_n` per type: the first judge's `--per-type`).
`--threshold T`: the display cut the first judge drew at (one cut for every type), when it was not today's: a
snapshot built before stop 33 has no topic transfer layer, and today's per-type cuts (people 0.7, organisations 0.8)
read on its confidences would draw other items than its first judge saw (stop 33's s2-34 had to work around it).
"""

from __future__ import annotations

import json
import random
import sys

from benchmarks.audit.__main__ import _print_item, base_keys, items, key, sample_keys

SECOND_SEED = 2022
PER_KIND = {"quotes": 20, "events": None, "facts": None, "dates": 20}
TOPICS_PER_TYPE = 20
#: The first judge's shown sample per type (`topic_audit todo --shown --per-type N`): the held-out topic auditors have
#: judged 40 per type since stop 30. Stop 32's second reading drew from 80, so about half its items had no first
#: verdict (NOTES.md, "Blind second reading of the s32unseen draws"); `--first-n 80` reproduces that draw.
FIRST_TOPICS_PER_TYPE = 40


def subsample(label: str, first_n: int = 40, seed: int = SECOND_SEED) -> dict[str, list[str]]:
    """The keys to read again: a seeded draw of PER_KIND[kind] from the first judge's sample (None = all of it)."""
    first = sample_keys(base_keys(label), first_n)
    rng = random.Random(seed)
    out = {}
    for kind, keys in first.items():
        n = PER_KIND.get(kind)
        out[kind] = sorted(keys) if n is None else sorted(rng.sample(sorted(keys), min(n, len(keys))))
    return out


def topics_subsample(name: str, seed: int = SECOND_SEED, first_n: int = FIRST_TOPICS_PER_TYPE,
                     threshold: float | None = None) -> list[dict]:
    """TOPICS_PER_TYPE items per type, a seeded draw from the first judge's sample of the shown items (`first_n`
    per type, at `threshold` or else today's per-type cuts, as the first judge drew it, so that every item read again
    has a first verdict)."""
    from benchmarks import topic_audit as ta

    first = ta.audit_sample(ta.shown_items(ta.load(name), ta.threshold_or_default(threshold)), first_n)
    rng = random.Random(seed)
    out: list[dict] = []
    for t in ("people", "organisations", "cities", "countries"):
        of_type = sorted((i for i in first if i["type"] == t), key=lambda i: i["key"])
        out += rng.sample(of_type, min(TOPICS_PER_TYPE, len(of_type)))
    return out


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--topics":
        first_n = FIRST_TOPICS_PER_TYPE
        if "--first-n" in args:
            i = args.index("--first-n")
            first_n = int(args[i + 1])
            args = args[:i] + args[i + 2:]
        threshold = None
        if "--threshold" in args:
            i = args.index("--threshold")
            threshold = float(args[i + 1])
            args = args[:i] + args[i + 2:]
        contexts = json.loads(open(args[2], encoding="utf-8").read()) if len(args) > 2 else {}
        for it in topics_subsample(args[1], first_n=first_n, threshold=threshold):
            print(json.dumps({**{k: it[k] for k in ("key", "type", "name", "confidence", "aliases")}, **contexts.get(it["key"], {})}, ensure_ascii=False))
        return
    label = args[0] if args else "s22unseen-before"
    want = subsample(label)
    for kind, lst in items(label).items():
        for rec, it in lst:
            if key(rec, kind, it) in want[kind]:
                _print_item(kind, rec, it)


if __name__ == "__main__":
    main()
