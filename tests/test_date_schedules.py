"""Dates that are no single day, or whose day the clause hides (annotate/date_neighbours.py, date_tense.py,
date_generic.py, date_expressions.py): a timetable's weekdays recur; a weekday range runs forward; a weekday after
a past incident is not moved ahead by a present about it; "today" in a simple present means nowadays; "April,
2007" carries its year. Fixture sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate.dates import find_dates, parse_anchor

#: a Tuesday; the weekdays around it: last Friday 2024-06-14, next Friday 2024-06-21
ARTICLE = "2024-06-18"
SHOWN = 0.5


def _dates(run, text: str) -> list[tuple[str, str | None, float]]:
    return [(d.text, d.value, d.confidence) for d in run(text, ARTICLE)._.ng_dates]


@pytest.mark.parametrize("text", [
    "The bakery is open from 6 a.m. to 2 p.m. Monday through Friday, and 7 a.m. to noon Saturday.",
    "The museum will be open to visitors from 10 a.m. to 5 p.m. Tuesday through Sunday.",
    "The county library is open Monday-Thursday 9-8, Friday 9-5 and Saturday 10-2.",
])
def test_a_timetable_gives_no_dates(dated_doc, text):
    assert _dates(dated_doc, text) == []


def test_a_run_of_days_or_one_event_with_hours_keeps_its_dates():
    anchor = parse_anchor(ARTICLE)
    got = [(d.text, d.value) for d in find_dates(
        "From Thursday through Sunday, the fair fills the park. A plant sale is held from 9 a.m. to noon Saturday.",
        anchor)]
    assert [t for t, _ in got] == ["Thursday", "Sunday", "Saturday"]


def test_a_weekday_range_runs_forward():
    got = [(d.text, d.value) for d in find_dates("Early voting ran from Tuesday through Saturday.",
                                                 parse_anchor(ARTICLE))]
    assert got == [("Tuesday", "2024-06-11"), ("Saturday", "2024-06-15")]


def test_opening_hours_after_a_weekday_are_no_day_of_the_month():
    got = find_dates("Hours: Friday 10-6.", parse_anchor(ARTICLE))
    assert [d.value for d in got] == ["2024-06-14"]  # not the 10th


def test_a_month_with_its_year_after_a_comma():
    anchor = parse_anchor(ARTICLE)
    assert [(d.text, d.value) for d in find_dates("When in April, 2007, voters approved the levy.", anchor)] == [
        ("in April, 2007", "2007-04")]
    assert [d.value for d in find_dates("In May, 2000 runners took part.", anchor)] == ["2024-05"]


@pytest.mark.parametrize("text", [
    "Police are investigating a two-car crash early Friday that injured a driver.",
    "A local man is suspected in the robbery Friday of a petrol station.",
])
def test_a_weekday_after_a_past_incident_is_the_last_one(dated_doc, text):
    assert [v for t, v, _ in _dates(dated_doc, text) if "Friday" in t] == ["2024-06-14"]


def test_a_weekday_after_a_coming_bout_still_points_ahead(dated_doc):
    got = _dates(dated_doc, "The champion is preparing for the fight Friday at the county arena.")
    assert [v for t, v, _ in got if "Friday" in t] == ["2024-06-21"]


@pytest.mark.parametrize("text, shown", [
    ("Once the valley held forty mills. Today, only two remain.", False),
    ("The old ferry rules still shape the harbour today.", False),
    ("The software the plan needs doesn't exist today.", False),
    ("Harbour police arrested the skipper today after a chase.", True),
    ("The new ferry terminal will open at 10 a.m. today.", True),
    ("\"I sign this charter today with pride,\" the mayor said.", True),
    # a plural noun's "today" in a present copula's clause: the things of the age
    ("The failure to see the danger before the flood in May was forgivable. But the failure to see the dangers "
     "today is a grave fault of the harbour board.", False),
    # kept: a plural incident noun is that day's; a singular noun's today is the day's event
    ("The storm hit in May. But the failure to report the attacks today is a grave fault of the harbour board.",
     True),
    ("The harbour board approved the budgets for May today after a long debate.", True),
])
def test_today_in_a_simple_present_means_nowadays(dated_doc, text, shown):
    got = [c for t, _, c in _dates(dated_doc, text) if t.lower() == "today"]
    assert len(got) == 1 and (got[0] >= SHOWN) == shown
