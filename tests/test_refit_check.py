"""benchmarks/refit_check.py: a refit with a new stop, judged leave-one-stop-out, on toy stops."""

from benchmarks.refit_check import Item, compare, landed, loso_values, shown


def _items() -> list[Item]:
    out = []
    for stop, right_share in (("s1", 0.5), ("s2", 0.5), ("s3", 0.9)):
        for k in range(20):
            out.append(Item(stop, f"{stop}-p{k % 5}", 0.8, k < right_share * 20, 1.0, True, None))
    return out


def _mean_fitter(train: list[Item]):
    share = sum(i.right for i in train) / len(train)
    return lambda i: share


def test_the_new_stop_is_scored_under_the_landed_layer_and_the_others_gain_its_rows():
    items = _items()
    before, after = loso_values(items, _mean_fitter, ["s3"])
    s3 = [i for i in items if i.stop == "s3"]
    assert all(before[id(i)] == after[id(i)] == 0.5 for i in s3)  # the landed layer: fitted on s1 and s2 alone
    s1 = [i for i in items if i.stop == "s1"]
    assert {before[id(i)] for i in s1} == {0.5} and {after[id(i)] for i in s1} == {0.7}
    res = compare(items, before, after, boot=20)
    assert res["s1"]["ece_before"] == 0.0 and res["s1"]["ece_after"] > 0.19
    assert res["s3"]["ece_diff"] == 0.0
    assert res["pooled"]["n"] == 60


def test_the_display_and_the_landed_figure_on_the_new_stop():
    items = _items()
    before, after = loso_values(items, _mean_fitter, ["s3"])
    sh = shown(items, before, after, 0.6, boot=20)
    assert sh["before"]["shown"] == 0 and sh["after"]["shown"] == 40  # s1 and s2 at 0.7 after the refit
    assert sh["after"]["per_stop"]["s1"] == "10/20" and sh["after"]["recall"] == round(20 / 38, 3)
    got = landed(items, before, ["s3"], 0.5, boot=20)
    assert (got["n"], got["shown"], got["precision"], got["recall"]) == (20, 20, 0.9, 1.0)
    assert got["ece_raw"] == 0.1 and got["ece_landed"] == 0.4


def test_precision_at_equal_recall_reads_the_refit_at_the_recall_the_layer_before_showed():
    from benchmarks.refit_check import equal_recall

    items = _items()
    before = {id(i): (0.9 if i.right else 0.1) if i.stop != "s1" else 0.5 for i in items}
    after = {id(i): (0.9 if i.right else 0.1) for i in items}  # the refit ranks s1 too
    got = equal_recall(items, before, after, 0.5, boot=20)
    assert got["recall"] == 1.0 and got["before"] == round(38 / 48, 3) and got["after"] == 1.0
