"""A place name is a city topic only where the text uses it as a city (stop 21): a town inside a food's or a
university's name, a district, and a place the text puts in a region where the gazetteer has no such town are no city
topics. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.mention_growth import seat_split
from newsgraph.annotate.name_usage import containers
from newsgraph.records import Extracted


def _art(body: str):
    return annotate(Extracted(input="t", body=body))


def _cities(body: str) -> dict[str, float]:
    art = _art(body)
    return dict(zip(art.topics["cities"], art.topics_confidence["cities"], strict=True))


def test_a_city_named_only_as_a_modifier_is_no_city_topic():
    shown = _cities("Foods that help the body make glutathione:\n\nBroccoli\n\nBrussels sprouts\n\nCabbage\n\n"
                    "Eat them raw or lightly steamed for the best effect.")
    assert shown.get("Brussels", 0) < 0.5
    shown = _cities("Eat more Brussels sprouts and kale, the dietitian said.")
    assert shown.get("Brussels", 0) < 0.5


def test_a_city_used_as_a_place_beside_a_modifier_use_stays():
    shown = _cities("The Brussels summit ended late. Leaders met in Brussels on Monday to discuss trade.")
    assert shown.get("Brussels", 0) >= 0.5


def test_a_town_closing_a_university_name_after_at_belongs_to_it():
    art = _art("Walter Pike is professor emeritus of political science at the University of Texas at Austin, where "
               "he held a chair in government for twenty years.")
    assert "University of Texas at Austin" in art.topics["organisations"]
    assert "Austin" not in art.topics["cities"]
    assert seat_split("University of Texas at Austin") == ("University of Texas", "Austin")
    assert seat_split("University of California, Irvine") == ("University of California", "Irvine")
    assert seat_split("Rolls-Royce") is None  # a hyphen inside a one-word head is no seat


@pytest.mark.parametrize("sep", [", which"])
def test_a_district_is_a_region_not_a_city(sep):
    art = _art(f"All the fatalities occurred in Poonch district{sep} lies close to the frontier. A doctor said a "
               "woman was killed in the Mankote area of the Poonch district.")
    poonch = [e for e in art.entities if e.name.startswith("Poonch")]
    assert poonch and all(e.type == "place" for e in poonch)
    assert "Poonch" not in art.topics["cities"]


def test_a_place_the_text_puts_where_the_gazetteer_has_no_such_town_is_no_city():
    art = _art("The vessel operator admitted to returning from St. Thomas, USVI, and not reporting entry to customs "
               "officers at the port.")
    assert "St. Thomas" not in art.topics["cities"]
    assert "U.S. Virgin Islands" in art.topics["countries"]


@pytest.mark.parametrize(("body", "name", "country"), [
    ("Police in Portland, Maine, said the man was arrested on Friday.", "Portland", "US"),
    ("She grew up in Paris, Texas, before moving away.", "Paris", "US"),
])
def test_a_named_region_picks_the_reading_inside_it(body, name, country):
    art = _art(body)
    place = next(e for e in art.entities if e.name == name)
    assert place.type == "city" and place.geo is not None and place.geo.country_code == country


@pytest.mark.parametrize(("text", "found"), [
    ("in Portland, Maine, on Friday", True),
    ("from St. Thomas, USVI, and not", True),
    ("to Lagos, Ghana and Kenya", False),  # a list of places, not a place in its region
    ("in Brussels, France announced", False),  # a clause the country opens
])
def test_containers(text, found):
    end = text.index(",")
    assert bool(containers(text, [end], get_gazetteer())) is found
