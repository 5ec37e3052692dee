"""One fixed split of every development set into a tuning part and a check part.

Why: rules and thresholds fitted to a development set's quirks do not carry to news nobody tuned on. Each set is
split once, by the unit that keeps near-identical items together (publisher / site for extraction pages, document
or article for annotation sets), so the check part holds publishers and documents the tuning never saw. Change
rules on the tuning part; keep a change only when the check part improves too; report both parts.

The split is a stable hash of the unit's key (salted with the split's version), so it needs no stored list, never
changes with the order files are read in, and is the same on every machine. About half of the units go to each
part. Never re-draw the split to make a figure look better: a new version invalidates every figure before it.

Units by set (the key passed to `part`):
- fundus-parser-testdata: the publisher folder name
- trafilatura-eval: the page's site (host name without "www.")
- conll2003-en: the document (the index of its -DOCSTART- block)
- geoparsing-news: the article, `lgl:<docid>` or `GeoVirus:<source URL>` (benchmarks/tasks/geo.py `article_key`)
- polnear-attribution: the article file name
- petrarch2-validation / plover-gsr events: the record id (or its story id when records share a story)
- gum-entities-dev: the document name
"""

from __future__ import annotations

import hashlib

#: Changing this re-draws every split: do not, unless all figures are re-measured and the change is documented.
SPLIT_VERSION = "newsgraph-split-v1"
TUNE, CHECK = "tune", "check"
PARTS = (TUNE, CHECK)


def part(key: str) -> str:
    """The part ("tune" or "check") that the unit named `key` belongs to; stable across runs and machines."""
    digest = hashlib.sha256(f"{SPLIT_VERSION}:{key}".encode()).digest()
    return TUNE if digest[0] % 2 == 0 else CHECK


def split(items, key) -> dict[str, list]:
    """Items grouped by part; `key(item)` names the item's unit (publisher, site or document)."""
    out: dict[str, list] = {p: [] for p in PARTS}
    for item in items:
        out[part(key(item))].append(item)
    return out
