"""Relative days inside quotations count from the day the words were said (annotate/date_speech.py), and "last
<month>" written the month after it is a year back."""

from __future__ import annotations

import pytest

from newsgraph.annotate.dates import find_dates, parse_anchor
from newsgraph.settings import get_settings

ARTICLE = "2022-04-22"


def _dates(run, text: str, published: str = ARTICLE):
    return [(d.text, d.value, d.confidence) for d in run(text, published)._.ng_dates]


@pytest.mark.parametrize("order", ["dated", "undated"])
def test_a_quoted_today_counts_from_the_day_the_speech_was_given(dated_doc, order):
    frame = ("The harbour board said yesterday that the quay would reopen.\n\n"
             if order == "dated" else "The harbour board said that the quay would reopen.\n\n")
    text = frame + "\u201cWe expect the ferries to run again after today,\u201d the chairwoman added.\n"
    got = [(t, v) for t, v, _ in _dates(dated_doc, text) if t == "today"]
    want = "2022-04-21" if order == "dated" else "2022-04-22"
    assert got == [("today", want)]


def test_a_today_reported_inside_another_report_is_not_shown(dated_doc):
    text = ("Mira Holt, 40, described a trip she made as a teenager.\n\n"
            "Holt said the guide told her: \u201cWe will cross the pass today.\u201d\n\n"
            "The council meets today to discuss the trail.\n")
    got = _dates(dated_doc, text)
    threshold = get_settings().min_confidence
    quoted = [c for t, _, c in got if t == "today" and c is not None and c < threshold]
    narrated = [c for t, _, c in got if t == "today" and c is not None and c >= threshold]
    assert len(quoted) == 1 and len(narrated) == 1
    assert got[0][1] == ARTICLE  # the value stays; only the confidence says it is unsure


def test_last_month_name_of_the_month_just_past_is_a_year_back():
    anchor = parse_anchor("2023-11-08")
    assert [d.value for d in find_dates("She changed her tune last October.", anchor)] == ["2022-10"]
    assert [d.value for d in find_dates("She changed her tune last September.", anchor)] == ["2023-09"]
    assert [d.value for d in find_dates("She changed her tune last November.", anchor)] == ["2022-11"]
