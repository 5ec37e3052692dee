"""Fact readings, stop 27 (annotate/fact_reading.py): an age after a death verb, the top of a range, a count per
period. Every sentence is written here (invented places and names)."""

from __future__ import annotations

import pytest

SHOWN = 0.5


def _facts(run, text: str):
    return [f for f in run(text, "2024-06-18")._.ng_facts]


@pytest.mark.parametrize("text", ["The man died at 85 in his home in Dorvale.", "The singer is dead at 85."])
def test_an_age_after_a_death_verb_is_no_count(dated_doc, text):
    assert _facts(dated_doc, text) == []


@pytest.mark.parametrize("text, value", [
    ("The death toll stood at 40 on Monday in Marlow.", 40),
    ("Reports put the number of Marlovian dead at ten, with 50 wounded.", 10),
])
def test_a_toll_at_a_number_is_a_count(dated_doc, text, value):
    assert value in [f.value for f in _facts(dated_doc, text) if f.confidence >= SHOWN]


def test_a_range_top_is_at_most(dated_doc):
    facts = _facts(dated_doc, "Between three and nine soldiers were injured near Ferron.")
    assert [(f.value, f.qualifier) for f in facts] == [(9, "up to")]


@pytest.mark.parametrize("text", [
    "About 47 injuries a year occur on the Kettle road.",
    "The fighting was killing 40 people a day in Marlow.",
    "Twelve people died annually on the Ferron pass.",
])
def test_a_count_per_period_is_a_rate_not_shown(dated_doc, text):
    facts = _facts(dated_doc, text)
    assert facts and all(f.confidence < SHOWN for f in facts)


@pytest.mark.parametrize("text", [
    "The army killed 40 people a day after the vote in Dorvale.",
    "Three people were killed a year ago in the same spot in Marlow.",
])
def test_a_period_that_dates_the_count_is_no_rate(dated_doc, text):
    assert any(f.confidence >= SHOWN for f in _facts(dated_doc, text))


@pytest.mark.parametrize("text", [
    "Models show 100,000 deaths by June in Marlow.",
    "Projections suggest 2,000 deaths in Dorvale.",
])
def test_a_forecast_as_the_subject_is_a_projection(dated_doc, text):
    assert all(f.confidence < SHOWN for f in _facts(dated_doc, text))


@pytest.mark.parametrize("text", [
    "Officials reported 300 deaths in Marlow.",
    "Forecasters predicted the storm that killed 12 people in Ferron.",
])
def test_a_count_reported_stays(dated_doc, text):
    assert any(f.confidence >= SHOWN for f in _facts(dated_doc, text))
