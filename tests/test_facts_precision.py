"""Fact precision, stop 26 (annotate/fact_kinds.py, fact_mode.py): a count of animals or things, a forecast's count
and the total a part is taken from are no shown counts of people; the people counts next to them stay. Every
sentence is written here (invented places and names)."""

from __future__ import annotations

import pytest

from newsgraph.annotate.facts import find_facts

SHOWN = 0.5


def _shown(run, text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in run(text, "2024-06-18")._.ng_facts if f.confidence >= SHOWN]


@pytest.mark.parametrize("text", [
    "Some 45 trees were killed by the frost near Dorvale.",
    "The river rose and 200 homes were evacuated in Marlow.",
    "Seven villages were evacuated as the fire spread.",
    "Health workers culled the birds after 12 flocks died.",
    "The ministry said 2,400 bird deaths had been recorded since March.",
    "The outbreak on the Ferron farm caused 150 poultry deaths.",
])
def test_a_count_of_animals_or_things_is_not_shown(dated_doc, text):
    assert _shown(dated_doc, text) == []


@pytest.mark.parametrize("text", [
    "Police said 40 city residents were killed in the raids.",
    "About 40 school children were injured when the bus overturned near Dorvale.",
    "Police said 2,000 farm workers fled the fighting.",
])
def test_a_noun_modifying_people_keeps_them_people(dated_doc, text):
    assert len(_shown(dated_doc, text)) == 1


@pytest.mark.parametrize("text", [
    "The prudent worst case of 210,000 deaths is projected by the planners of Marlow.",
    "Planners project 210,000 deaths in the worst case.",
    "A government study predicted up to 50,000 deaths from a pandemic.",
    "The report forecasts 12,000 fatalities over the winter.",
])
def test_a_projected_count_is_not_shown(dated_doc, text):
    assert _shown(dated_doc, text) == []


@pytest.mark.parametrize("text, want", [
    ("Forecasters predicted the storm that killed 12 people in Marlow.", [("killed", 12)]),
    ("Officials had predicted a calm week, but 40 people died in the floods.", [("killed", 40)]),
    ("An estimated 4,000 people were displaced by the floods.", [("displaced", 4000)]),
])
def test_a_count_that_happened_near_a_forecast_stays(dated_doc, text, want):
    assert _shown(dated_doc, text) == want


def test_a_part_is_counted_not_its_total(dated_doc):
    assert _shown(dated_doc, "Twelve of the 40 miners were killed at the Ferron pit.") == [("killed", 12)]
    assert ("injured", 120) not in _shown(dated_doc, "42 of the 120 passengers were injured on the ferry.")


@pytest.mark.parametrize("text, want", [
    ("Most of the 300 people killed were civilians, the report said.", [("killed", 300)]),
    ("Three of the five people injured remain in hospital in Dorvale.", [("injured", 5)]),
    ("Half of the 200 protesters were arrested.", [("protesters", 200)]),
])
def test_a_total_the_keyword_describes_is_the_count(dated_doc, text, want):
    assert _shown(dated_doc, text) == want


def test_text_reading_passes_over_the_total_to_the_part():
    got = [(f.kind, f.value) for f in find_facts("Twelve of the 40 miners were killed.")]
    assert ("killed", 12) in got


@pytest.mark.parametrize("text, want", [
    ("Officials in Marlow are prepared to handle only 48,000 deaths in a pandemic.", []),
    # a plan about people who are there counts them still
    ("The police want to arrest 12 protesters at the Dorvale rally.", [("protesters", 12)]),
    ("They hope to hand the leaflet to some of the estimated 40,000 Veldian refugees in Marlow.", [("displaced", 40000)]),
    ("The virus has killed 40 people in Dorvale and is likely to kill more.", [("killed", 40)]),
])
def test_an_infinitive_of_intent_counts_no_one_yet(dated_doc, text, want):
    assert _shown(dated_doc, text) == want


def test_a_count_of_vehicles_before_a_people_keyword_is_not_shown(dated_doc):
    assert _shown(dated_doc, "Around 300 police buses blocked protesters from entering the square in Dorvale.") == []


@pytest.mark.parametrize("text, want", [
    ("The village of Dorvale was sealed off and thousands of birds have been killed to contain the outbreak.", []),
    ("The ministry said that a child aged two has died after catching the virus in Marlow.", []),
    ("Over 200 protesters and police officers were injured in the clashes in Dorvale.", []),
    ("His estimate is higher than his previous prediction of 1 million cases and 1,000 deaths, made last month.", []),
    ("Thousands of people have died in Marlow since the outbreak began.", [("killed", 2000)]),
    ("Police detained 300 protesters and 40 journalists in Dorvale.", [("protesters", 300)]),
])
def test_vague_counts_ages_and_unions(dated_doc, text, want):
    assert _shown(dated_doc, text) == want
