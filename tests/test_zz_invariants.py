"""Invariants of every record the test suite produced in this process (collected by conftest), and of the demo
corpus: spans point into the body, entity ids are the stable ids of their names, speakers lie inside the body.

Named test_zz_ so it runs after the other tests (conftest also moves it last) and sees their records.
"""

from __future__ import annotations

from conftest import PRODUCED

from newsgraph.annotate.doc_entities import entity_id
from newsgraph.records import stable_id


def _joined_parts(text: str, body: str, start: int, end: int) -> bool:
    """`text` is body[start:end], or its parts joined by one space, in order, from start to end (a quote in two
    parts around its frame: '"A," said X. "B."' -> "A, B.")."""
    if text == body[start:end]:
        return True
    pos, parts = start, text.split(" ")
    i = 0
    while i < len(parts):
        # the longest run of words that continues at `pos`
        for j in range(len(parts), i, -1):
            piece = " ".join(parts[i:j])
            at = body.find(piece, pos, end)
            if at >= 0 and (i > 0 or at == start):
                pos, i = at + len(piece), j
                break
        else:
            return False
    return pos == end


def check_record(r: dict) -> list[str]:
    body, name, bad = r["body"], r.get("input"), []
    n = len(body)

    def span(kind: str, item: dict, text_key: str | None = "text") -> None:
        s, e = item.get("start"), item.get("end")
        if s is None:
            return
        if not (0 <= s <= e <= n):
            bad.append(f"{name}: {kind} span {s}-{e} outside the body ({n})")
        elif text_key and item.get(text_key) is not None and item[text_key] != body[s:e]:
            if not (kind == "quote" and _joined_parts(item[text_key], body, s, e)):
                bad.append(f"{name}: {kind} text {item[text_key][:60]!r} != body[{s}:{e}] {body[s:e][:60]!r}")

    for ent in r["entities"]:
        want = stable_id("place", str(ent["geo"]["geonameid"]))[:16] if ent.get("geo") else entity_id(
            ent["type"], ent["name"])
        if ent["id"] != want:
            bad.append(f"{name}: entity {ent['name']!r} ({ent['type']}) has id {ent['id']}, not the stable {want}")
        for m in ent["mentions"]:
            span("mention", m)
    for q in r["quotes"]:
        span("quote", q)
        if q.get("speaker_start") is not None:
            s, e = q["speaker_start"], q["speaker_end"]
            if not (0 <= s < e <= n):
                bad.append(f"{name}: quote speaker span {s}-{e} outside the body ({n})")
    for kind in ("facts", "dates"):
        for item in r[kind]:
            span(kind[:-1], item)
    for ev in r["events"]:
        span("event", ev, None)
    return bad


def test_invariants_of_demo_records(demo_records):
    bad = [line for r in demo_records.values() for line in check_record(r)]
    assert not bad, "\n".join(bad[:30])


def test_invariants_of_every_record_the_suite_produced():
    assert PRODUCED, "no record was produced in this process"
    bad = [line for r in PRODUCED for line in check_record(r)]
    assert not bad, "\n".join(bad[:30])


def test_checker_can_fail():
    good = {"input": "x", "body": "Ann Lee said hi.", "entities": [], "quotes": [], "events": [], "facts": [],
            "dates": []}
    assert check_record(good) == []
    broken = dict(good, entities=[{"id": "nope", "name": "Ann Lee", "type": "person",
                                   "mentions": [{"start": 0, "end": 3, "text": "Ann Lee"}]}])
    problems = check_record(broken)
    assert len(problems) == 2 and "stable" in problems[0] and "!= body[0:3]" in problems[1]
    quote = dict(good, quotes=[{"text": "A, B.", "start": 0, "end": 14, "speaker_start": 5, "speaker_end": 40}])
    assert len(check_record(dict(quote, body='A," X said. B.'))) == 1  # the speaker span only
    assert _joined_parts("A, B.", 'A," X said. B.', 0, 14)
    assert not _joined_parts("A, C.", 'A," X said. B.', 0, 14)
