"""The learned date confidence (annotate/date_evidence.py): a date of a risky kind gets less than an explicit one, the
data file is read, the run time computes the features the fit reads. Invented articles, written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import date_evidence as de
from newsgraph.records import DateRef, RawDocument

_PAGE = b"""<html><head><title>Ferry talks stall at Kestrel Bay</title>
<meta property="article:published_time" content="2031-03-14T09:00:00Z"></head><body><article>
<h1>Ferry talks stall at Kestrel Bay</h1>
<p>Talks between the harbour board and the ferry crews broke off on Thursday, the board said. The two sides will
meet again on Monday, a spokesman added.</p>
<p>The first ferry service to the islands began on 5 May 2009, and the crews last struck in 2024.</p>
</article></body></html>"""


def test_the_data_file_is_read_and_names_known_features():
    m = de._model()
    assert m is not None and de.DATA.exists()
    assert len(m["features"]) == len(m["weights"])
    for name in m["features"]:
        assert all(part in de.FEATURES for part in name.split("*")), name
    assert m.get("iso") and m["iso"]["x"] == sorted(m["iso"]["x"])


def test_a_risky_kind_gets_less_than_an_explicit_date():
    from newsgraph.pipeline import analyze_document

    rec = analyze_document(RawDocument("ferry-talks.html", _PAGE, kind="html"))
    got = {d.text: d for d in rec.dates}
    explicit, coming = got["5 May 2009"], got["on Monday"]
    assert coming.value == "2031-03-17"  # the coming Monday: the clause looks forward
    assert explicit.confidence > 0.9
    assert coming.confidence < explicit.confidence - 0.1


def test_run_time_and_rows_compute_the_same_features():
    """relearn (the run time) gives what learned(date_features(hand score, ...)) gives (the rows' computation)."""
    body = 'The board met on Thursday. "We will meet on Monday," he said. It began on 5 May 2009.'
    refs = [DateRef("on Thursday", "2031-03-13", 13, 24, "day", 0.8),
            DateRef("on Monday", "2031-03-17", 43, 52, "day", 0.7),
            DateRef("on 5 May 2009", "2009-05-05", 72, 85, "day", 0.97),
            DateRef("today", "2031-03-14", 0, 0, "day", 0.45)]  # a rule hid it: kept
    want = [de.learned(de.date_features(r.confidence, r.value, r.start, r.end, body, "2031-03-14")) for r in refs[:3]]
    de.relearn(refs, body, "2031-03-14")
    assert [r.confidence for r in refs[:3]] == want
    assert refs[3].confidence == 0.45
    f = de.date_features(0.7, "2031-03-17", 43, 52, body, "2031-03-14")
    assert f["weekday_forward"] == 1 and f["after"] == 1 and f["in_quote"] == 1 and f["no_anchor"] == 0


def test_without_a_data_file_the_hand_scores_stay(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(de, "_model", lambda: None)
    refs = [DateRef("on Thursday", "2031-03-13", 0, 11, "day", 0.8)]
    de.relearn(refs, "on Thursday", "2031-03-14")
    assert refs[0].confidence == 0.8 and de.learned({}) is None


def test_score_kind_reads_every_hand_score():
    from newsgraph.annotate.date_confidence import DATE_SCORES

    learned_kinds = {k: DATE_SCORES[k] for k in de.KINDS}
    assert len(set(learned_kinds.values())) == len(learned_kinds)  # distinct: a score names its kind
    assert all(de.score_kind(v) == k for k, v in learned_kinds.items())
    assert all(v < de.RULE_CEILING for k, v in DATE_SCORES.items() if k not in de.KINDS)  # the rules' scores stay
    assert de.score_kind(0.123) is None


def test_the_dates_display_cut_is_on_the_learned_scale_and_documented():
    """settings.DATES_THRESHOLD: the rule's cut on the learned scale; an explicit date shows, a coming weekday
    (the riskiest kind the draws judged) does not; the README's settings table names it."""
    from pathlib import Path

    from newsgraph.confidence import default_threshold
    from newsgraph.pipeline import analyze_document
    from newsgraph.settings import DATES_THRESHOLD

    assert default_threshold("dates") == DATES_THRESHOLD
    m = de._model()
    assert any(y < DATES_THRESHOLD for y in m["iso"]["y"]) and any(y >= DATES_THRESHOLD for y in m["iso"]["y"])
    got = {d.text: d for d in analyze_document(RawDocument("ferry-talks.html", _PAGE, kind="html")).dates}
    assert got["5 May 2009"].confidence >= DATES_THRESHOLD > got["on Monday"].confidence
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if "`NEWSGRAPH_MIN_CONFIDENCE_DATES`" in line)
    assert f"`{DATES_THRESHOLD}`" in row and "leave-one-stop-out" in row


def test_the_rows_never_open_a_held_out_draws_records(tmp_path, monkeypatch):
    """date_evidence_rows looks pages up over every record file on the machine: a draw still held out
    (recalibrate_rows.HELD_OUT_PREFIXES) is skipped by its name, its body never read."""
    import json

    from benchmarks import date_evidence_rows as R
    from benchmarks import recalibrate_rows

    monkeypatch.setattr(R, "RECORDS", tmp_path)
    monkeypatch.setattr(recalibrate_rows, "HELD_OUT_PREFIXES", ("s99unseen",))
    for name, page in (("s99unseenlee-before", "held"), ("s98unseen-before", "open")):
        (tmp_path / f"{name}.jsonl").write_text(json.dumps({"input": page, "body": "b"}) + "\n")
    assert set(R._pages()) == {"open"}
