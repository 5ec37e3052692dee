"""The gold checker itself: it must fail records that miss items, and pass records that meet them."""

from __future__ import annotations

from newsgraph.evaluate.gold import check

GOLD = {
    "metadata": {"title": "A title", "modified": "2020-01-02T10:00"},
    "body": {"starts_with": "First", "paragraph_count": 2, "crossheads": ["Head"], "forbidden": ["Subscribe"]},
    "topics": {"people": {"required": {"Ann Smith": ["Smith", "Ann Smith"]}, "forbidden": ["Smith"]}},
    "quotes": {"required": [{"speaker": "Ann Smith", "kind": "direct", "contains": "We won"}]},
    "events": {"required": [{"type": "CONSULT", "actors": ["Ann Smith", "Bob Jones"]}]},
    "facts": {"required": [{"kind": "killed", "value": 3, "qualifier": "at least"}]},
    "dates": {"required": [{"text_contains": "Monday", "value": "2020-01-01"}]},
}


def good_record() -> dict:
    return {
        "title": "A title",
        "modified": "2020-01-02T10:00:00",
        "body": "First paragraph.\n\nHead",
        "topics": {"people": ["Ann Smith", "Bob Jones"]},
        "entities": [
            {"id": "a", "name": "Ann Smith", "type": "person", "aliases": ["Smith", "Ann Smith"], "mentions": []},
            {"id": "b", "name": "Bob Jones", "type": "person", "aliases": ["Bob Jones"], "mentions": []},
        ],
        "quotes": [{"text": "We won.", "kind": "direct", "speaker": "a", "speaker_name": "Ann Smith"}],
        "events": [{"type": "CONSULT", "source": "b", "target": "a"}],
        "facts": [{"kind": "killed", "value": 3, "qualifier": "at least"}],
        "dates": [{"text": "on Monday", "value": "2020-01-01"}],
    }


def test_good_record_passes_everything():
    rep = check(good_record(), GOLD)
    assert rep.score == 1.0, rep.summary()
    assert all(i.passed for i in rep.forbidden)


def test_each_miss_is_counted():
    rec = good_record()
    rec["quotes"][0]["speaker_name"] = "Bob Jones"
    rec["quotes"][0]["speaker"] = "b"
    rec["entities"][0]["aliases"] = ["Ann Smith"]
    rec["topics"]["people"].append("Smith")
    rec["body"] = "First paragraph.\n\nSubscribe now"
    rep = check(rec, GOLD)
    failed = {(i.section, i.name.split()[0]) for i in rep.failures()}
    assert ("quotes", "direct") in failed
    assert ("topics", "people:") in failed
    assert any(i.forbidden and not i.passed for i in rep.items)
    assert rep.score < 1.0
