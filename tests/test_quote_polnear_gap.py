"""The PolNeAR quote-gap measurement (benchmarks/quote_polnear_gap.py, stop 39 q13): how a quote misses a gold
attribution, which quotes share one frame, and the finer-grain target. Invented token sets only."""

from benchmarks.quote_polnear_gap import FINER, containment, doc_boot, finer_target, fragments, miss_class


def test_containment_is_the_quotes_share():
    assert containment({"a", "b"}, {"a", "b", "c", "d"}) == 1.0
    assert containment({"a", "b", "c", "d"}, {"a"}) == 0.25
    assert containment(set(), {"a"}) == 0.0


def test_miss_class():
    gold = [{"the", "plan", "was", "a", "disaster", "for", "farmers"}]
    assert miss_class(True, {"a", "disaster"}, gold) == "match"
    # a partial quotation inside the annotator's longer clause: the same speech at a finer grain
    assert miss_class(False, {"a", "disaster"}, gold) == "finer grain"
    assert miss_class(False, {"tax", "cuts", "help"}, gold) == "no gold"
    # most of its words outside the gold: longer or shifted
    assert miss_class(False, {"farmers", "will", "vote", "against", "him"}, gold) == "other overlap"
    assert FINER == 0.8


def test_fragments_share_a_speaker_span():
    assert fragments([(0, 5), (0, 5), (9, 12), (None, None), (None, None)]) == [True, True, False, False, False]


def test_finer_target_only_above_the_floor():
    assert finer_target({"right": True, "conf": 0.3, "class": "match"})
    assert finer_target({"right": False, "conf": 0.9, "class": "finer grain"})
    assert not finer_target({"right": False, "conf": 0.48, "class": "finer grain"})  # the map's Jaccard scale
    assert not finer_target({"right": False, "conf": 0.9, "class": "other overlap"})


def test_doc_boot_is_stable_and_brackets_the_value():
    rows = [{"doc": f"d{i % 7}", "v": i % 3} for i in range(40)]
    mean = lambda rs: sum(r["v"] for r in rs) / len(rs)  # noqa: E731
    a, b = doc_boot(rows, mean, n=200), doc_boot(rows, mean, n=200)
    assert a == b and a[1] <= a[0] <= a[2]
