"""The blind second reading draws from the first judge's shown sample only, a fixed number per type, the same every run."""

from benchmarks import topic_audit as ta
from benchmarks.audit import second_reading as sr


def _items() -> list[dict]:
    out = []
    for t in ("people", "organisations", "cities", "countries"):
        for i in range(120):
            out.append({"key": f"page-{i % 7}|{t}|Name {i}", "type": t, "name": f"Name {i}", "confidence": 0.9 if i % 3 else 0.1})
    return out


def test_topics_subsample_is_seeded_and_inside_the_first_sample(monkeypatch):
    monkeypatch.setattr(ta, "load", lambda name: _items())
    monkeypatch.setattr(ta, "threshold_or_default", lambda t: 0.5)
    first = {i["key"] for i in ta.audit_sample(ta.shown_items(_items(), 0.5), sr.FIRST_TOPICS_PER_TYPE)}
    got = sr.topics_subsample("fake")
    assert len(got) == 4 * sr.TOPICS_PER_TYPE
    assert all(i["confidence"] >= 0.5 and i["key"] in first for i in got)
    assert [i["key"] for i in got] == [i["key"] for i in sr.topics_subsample("fake")]
    assert [i["key"] for i in got] != [i["key"] for i in sr.topics_subsample("fake", seed=sr.SECOND_SEED + 1)]


def test_topics_subsample_follows_the_first_judges_sample_size(monkeypatch):
    """Every item read again lies in the first judge's sample of `first_n` per type (stop 32 drew from 80 while the
    first judge read 40, so half its items had no first verdict)."""
    monkeypatch.setattr(ta, "load", lambda name: _items())
    monkeypatch.setattr(ta, "threshold_or_default", lambda t: 0.5)
    for n in (40, 80):
        first = {i["key"] for i in ta.audit_sample(ta.shown_items(_items(), 0.5), n)}
        assert {i["key"] for i in sr.topics_subsample("fake", first_n=n)} <= first
    assert sr.FIRST_TOPICS_PER_TYPE == 40


def test_topics_subsample_draws_at_the_first_judges_cut(monkeypatch):
    """A snapshot judged at one cut (0.5, before the topics' layer) is read again at that cut, not today's per-type
    cuts: with cuts of 0.95 nothing of the fake items would be drawn, at 0.5 the first judge's items are."""
    monkeypatch.setattr(ta, "load", lambda name: _items())
    from newsgraph import confidence

    monkeypatch.setattr(confidence, "thresholds", lambda _: {"topics": 0.95})
    assert sr.topics_subsample("fake") == []
    got = sr.topics_subsample("fake", threshold=0.5)
    first = {i["key"] for i in ta.audit_sample(ta.shown_items(_items(), 0.5), sr.FIRST_TOPICS_PER_TYPE)}
    assert len(got) == 4 * sr.TOPICS_PER_TYPE and {i["key"] for i in got} <= first
