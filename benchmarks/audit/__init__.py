"""Hand audit of quotes, events, facts and dates on records of real English pages (issue 11).

`python -m benchmarks.audit build --label NAME` analyses the audit pages into /tmp/newsgraph-audit/NAME.jsonl;
`python -m benchmarks.audit sample --label NAME` lists the sampled items (fixed seed) with their context, marking
the ones not judged yet; `python -m benchmarks.audit score --label NAME` gives precision per item kind over the
judged items shown by default, with counts. Judgements live in benchmarks/audit/judgements.jsonl, one per item,
each with its reason; an item is keyed by page, kind, span and the fields judged, so a changed item is judged anew.
`python -m benchmarks.audit.below` samples the hidden events (below the display threshold) of judged draws at random,
so that the event calibration is measured over every event, not over those shown (NOTES.md, stop 26).

Held-out draws of news nobody read: `python -m benchmarks.audit build --label L --fresh SEED`, the seed's pool in
`fresh.POOLS` (fresh.py says how a stop appends one). Every pool of ../shared/eval is used up since stop 33; stop 35
added the Lee news corpus from gensim's wheel (lee_pool.py: set NEWSGRAPH_LEE_DIR to the folder with its two files),
and left about 70 of its English articles for one more draw.
"""
