"""Golden records: the expected record of every input of the demo corpus, checked in under tests/golden/.

A change that changes records shows up as a readable diff in tests/test_golden.py, field by field. When the change
is intended, refresh them on purpose and say so in the commit message:

    .venv/bin/python tests/golden_records.py            # rewrite tests/golden/*.json, list what changed
    .venv/bin/python tests/golden_records.py --check    # only list the differences (exit 1 when there are some)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def analyze_demo(nlp=None) -> dict[str, dict]:
    """The record of every input of the demo corpus, keyed by its input name relative to the repository
    ("demo/html/x.html", "demo/warc/y.warc.gz#0"), as `newsgraph analyze demo/` makes them (without the batch's
    near-duplicate `cluster`). With `nlp`, that pipeline annotates instead of the default one."""
    from newsgraph.annotate import annotate_many
    from newsgraph.ingest import iter_documents
    from newsgraph.pipeline import analyze_stream, extract_document

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        docs = [d for d in iter_documents(["demo"], "auto", None)
                if not (isinstance(d, Exception) and d.kind == "skipped")]  # demo/*.py: not pages, skipped
        assert not [d for d in docs if isinstance(d, Exception)], docs
        if nlp is None:
            items = list(analyze_stream(docs))
        else:
            items = list(annotate_many([extract_document(d) for d in docs], nlp))
    finally:
        os.chdir(cwd)
    assert not [x for x in items if isinstance(x, Exception)], items
    return {x.input: x.to_dict() for x in items}


def golden_file(name: str) -> Path:
    """tests/golden/<input with / and # made safe>.json ("demo/warc/a.warc.gz#0" -> "warc--a.warc.gz@0.json")."""
    return GOLDEN / (name.removeprefix("demo/").replace("/", "--").replace("#", "@") + ".json")


def load_golden() -> dict[str, dict]:
    out = {}
    for f in sorted(GOLDEN.glob("*.json")):
        record = json.loads(f.read_text(encoding="utf-8"))
        out[record["input"]] = record
    return out


def dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def record_diff(want: Any, got: Any, path: str = "") -> list[str]:
    """Field-by-field differences, one line each ("entities[2].name: 'A' -> 'B'"); list items that appear or
    disappear are listed as such instead of shifting every later item."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for k in list(want) + [k for k in got if k not in want]:
            sub = f"{path}.{k}" if path else k
            if k not in got:
                out.append(f"{sub}: removed (was {_short(want[k])})")
            elif k not in want:
                out.append(f"{sub}: added {_short(got[k])}")
            else:
                out += record_diff(want[k], got[k], sub)
        return out
    if isinstance(want, list) and isinstance(got, list):
        if len(want) == len(got):
            return [line for i, (a, b) in enumerate(zip(want, got, strict=True))
                    for line in record_diff(a, b, f"{path}[{i}]")]
        keys_w = [json.dumps(x, sort_keys=True) for x in want]
        keys_g = [json.dumps(x, sort_keys=True) for x in got]
        gone = [f"{path}: - {_short(x)}" for x, k in zip(want, keys_w, strict=True) if k not in keys_g]
        new = [f"{path}: + {_short(x)}" for x, k in zip(got, keys_g, strict=True) if k not in keys_w]
        return gone + new or [f"{path}: same items, other order"]
    return [] if want == got else [f"{path}: {_short(want)} -> {_short(got)}"]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    got = analyze_demo()
    want = load_golden()
    changed = 0
    for name in sorted(set(got) | set(want)):
        if name not in got:
            print(f"{name}: golden record without a demo input")
            changed += 1
            if not check:
                golden_file(name).unlink()
            continue
        lines = record_diff(want.get(name, {}), got[name]) if name in want else ["new input"]
        if lines:
            changed += 1
            print(f"{name}: {len(lines)} difference(s)")
            for line in lines[:20]:
                print("   ", line)
        if not check:
            GOLDEN.mkdir(exist_ok=True)
            golden_file(name).write_text(dump(got[name]), encoding="utf-8")
    print(f"{changed} of {len(got)} record(s) {'differ' if check else 'refreshed'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
