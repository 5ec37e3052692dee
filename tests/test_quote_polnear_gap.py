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


def test_attribution_reliability_table_scores_both_targets():
    """The attribution task's reliability table (RESULTS.md): every kept quote in its part's bins, a matched quote
    right under both targets, a finer-grain one right only under the finer target, a policy-capped one left out."""
    from types import SimpleNamespace

    from benchmarks.splits import part
    from benchmarks.tasks.attribution import Relation, quote_reliability
    from newsgraph.annotate.quote_evidence import NON_SPEAKER_CAP
    from newsgraph.records import Quote

    text = ("The mayor said the new bridge would open in May and cost less than planned. Rivals said the vote was "
            "rigged. The report said costs rose.")
    bridge, rigged, rose = text.index("the new bridge"), text.index("the vote was"), text.index("costs rose")
    rels = [Relation(content=[(bridge, text.index(". Rivals"))]), Relation(content=[(rigged, text.index(". The report"))])]
    cost = text.index("cost less")
    quotes = [
        Quote("the vote was rigged", rigged, rigged + 19, "indirect", confidence=0.95),  # matched
        Quote("cost less than planned", cost, cost + 22, "partial", confidence=0.85),  # inside a gold: a finer grain
        Quote("costs rose", rose, rose + 10, "indirect", confidence=NON_SPEAKER_CAP),  # capped by policy: left out
    ]
    table, note = quote_reliability([("doc-a", text, rels, None)], [SimpleNamespace(quotes=quotes)])
    rows = {r[1]: r for r in table.rows}
    assert {r[0] for r in table.rows} == {part("doc-a")} and sum(r[2] for r in table.rows) == 2
    assert rows["0.9-1.0"][4:] == [1.0, 1.0]
    assert rows["0.8-0.9"][4:] == [0.0, 1.0]
    assert "ECE" in note and "finer grain" in note
