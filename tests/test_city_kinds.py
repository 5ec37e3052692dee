"""Stop 26 (c1): names the gazetteer reads as towns that the text itself names as something else: a river known only
through the town named for it, the county a township lies in, a quoted expression, a state in a list of states,
parts of a big town listed before it, a borough of a big town that shares a state's name, a small town only as
"the X <noun>". Sentences and places written for these tests."""

from __future__ import annotations

import spacy

from newsgraph.annotate.city_evidence import definite_modifier, not_a_city
from newsgraph.annotate.city_relations import (
    apposed_part,
    holds_towns,
    in_city,
    listed_as_regions,
    listed_regions,
    quoted_term,
)
from newsgraph.annotate.gazetteer import Place, get_gazetteer
from newsgraph.annotate.names import shipped_names
from newsgraph.records import Entity, Mention


def _entity(text: str, name: str, type_: str = "city") -> Entity:
    starts, i = [], text.find(name)
    while i >= 0:
        starts.append(i)
        i = text.find(name, i + 1)
    return Entity(id=name, name=name, type=type_, mentions=[Mention(start=s, end=s + len(name), text=name)
                                                           for s in starts])


class _Gaz:
    def __init__(self, *places: Place):
        self.places = places

    def lookup(self, name: str) -> list[Place]:
        return [p for p in self.places if p.name == name]


def test_a_river_the_gazetteer_holds_only_as_its_town_is_no_city():
    nlp, names, gaz = spacy.blank("en"), shipped_names(), get_gazetteer()
    town = Place(21, "Tarnow", "PK", "05", "city", 24.7, 69.8, 52_000)  # read by dropping "River"
    text = "The waters from Tarnow River flowed into the bay on Friday."
    assert not_a_city(nlp(text), _entity(text, "Tarnow River"), town, [], gaz, names, 100_000)
    own = Place(22, "Tarnow River", "US", "MA", "city", 41.7, -71.1, 90_000)  # a town of that very name
    text2 = "A fire in Tarnow River destroyed a barn on Friday."
    assert not not_a_city(nlp(text2), _entity(text2, "Tarnow River"), own, [], gaz, names, 100_000)


def test_the_place_a_township_lies_in_is_no_city():
    text = "Hale is a rural township in northwestern Marlow. It lies near the Marlow Harbour Airport."
    marlow = _entity(text, "Marlow")
    airport = _entity(text, "Marlow Harbour Airport", "organisation")
    held = [(m.start, m.end) for m in airport.mentions]
    assert holds_towns(text, marlow, held)
    assert not holds_towns(text, marlow, [])  # the airport's mention is a free one then, and no township use
    for text in ("Hale is a quiet suburb in Marlow.", "Hale is a township near Marlow.", "He lives in Marlow."):
        assert not holds_towns(text, _entity(text, "Marlow"), []), text


def test_a_name_opening_a_quoted_term_is_no_city():
    for text in ("Vendors learn to avoid 'Tyneham belly' among visitors.",
                 "Doctors fear the so-called \u201cTyneham strain\u201d will spread."):
        assert quoted_term(text, _entity(text, "Tyneham")), text
    for text in ("'Tyneham is ready,' the mayor said.", "He flew to Tyneham on Monday.",
                 "Vendors in 'Tyneham' were told."):
        assert not quoted_term(text, _entity(text, "Tyneham")), text


_STATES = {n: Place(30 + i, n, "US", n[:2].upper(), "admin1", 40.0 + i, -100.0 - i, 1_000_000)
           for i, n in enumerate(("Westshire", "Northland", "Eastmark", "Southmoor"))}


def _list_case(text: str, name: str, readings: tuple[Place, ...]):
    ents = [_entity(text, n, "place") for n in _STATES if n in text] + [_entity(text, name)]
    places: list[Place | None] = [_STATES[n] for n in _STATES if n in text] + [readings[0]]
    listed_as_regions(text, ents, places, lambda n: readings if n == name else ())
    return places[-1]


def test_a_town_listed_among_states_is_the_state():
    town = Place(40, "Ridgeway", "US", "NO", "city", 42.9, -85.7, 75_000)
    state = Place(41, "Ridgeway", "US", "RI", "admin1", 43.0, -107.6, 430_000)
    text = "Cases were found in Westshire, Northland, Eastmark and Ridgeway this week."
    assert _list_case(text, "Ridgeway", (town, state)) is state
    # a town apposed to its state ("Ridgeway, Northland") is no list of states
    text2 = "Cases were found in Ridgeway, Northland this week."
    assert _list_case(text2, "Ridgeway", (town, state)) is town
    regions = {m.start: _STATES["Westshire"] for m in _entity(text2, "Westshire").mentions}
    assert listed_regions(text2, 20, 28, regions) is None


def test_parts_listed_before_a_big_town_lie_in_it():
    big = Place(50, "Bigtown", "GB", "ENG", "city", 51.5, -0.12, 5_000_000)
    small_town = Place(51, "Hale", "GB", "ENG", "city", 52.5, -1.0, 7_000)
    part = Place(52, "Eastfield", "GB", "ENG", "city", 51.5, -0.2, 900)
    text = "The horses are kept at Eastfield and Centennial Park in Bigtown."
    assert in_city(text, _entity(text, "Eastfield"), part, _Gaz(big, small_town))
    text2 = "She was formerly of Eastfield and Interfaith Manor in Hale."  # a small town: not read as a list of parts
    assert not in_city(text2, _entity(text2, "Eastfield"), part, _Gaz(big, small_town))


def test_a_borough_apposed_to_a_big_town_that_shares_a_states_name_is_a_part():
    state = Place(60, "Westshire", "US", "WS", "admin1", 42.6, -75.8, 20_000_000)
    city = Place(61, "Westshire City", "US", "WS", "city", 40.71, -74.01, 8_800_000)
    alias = Place(61, "Westshire", "US", "WS", "city", 40.71, -74.01, 8_800_000)  # the city under the state's name
    gaz = _Gaz(state, alias)
    borough = Place(62, "Kingsbury", "US", "WS", "city", 40.65, -73.95, 2_700_000)  # about 9 km from the centre
    suburb_town = Place(63, "Yarrow", "US", "WS", "city", 40.93, -73.90, 200_000)  # about 26 km away: a town
    text = "Funeral homes across Kingsbury, Westshire were searched."
    assert apposed_part(text, _entity(text, "Kingsbury"), borough, [city], gaz, 1_000_000, 5.0)
    text2 = "Funeral homes across Yarrow, Westshire were searched."
    assert not apposed_part(text2, _entity(text2, "Yarrow"), suburb_town, [city], gaz, 1_000_000, 5.0)


def test_a_small_town_only_as_the_modifier_of_a_noun_under_the_is_no_city():
    from newsgraph.annotate.nlp import load_pipeline

    nlp, names, gaz = load_pipeline(), shipped_names(), get_gazetteer()
    for text, want in (("The Tyneham flyway shares birds from the north.", True),
                       ("Birds fly to Tyneham every spring.", False),
                       ("The Tyneham office opened in Tyneham on Monday.", False)):
        assert definite_modifier(nlp(text), _entity(text, "Tyneham"), gaz, names) is want, text


def test_a_name_in_a_list_of_divisions_after_a_colon_is_no_city():
    from newsgraph.annotate.city_relations import division_listed_at

    text = ("Birds in eleven of the country's nineteen counties must be kept indoors: Westmark, \u00d8stby, Tyneham, "
            "and Marlow-Agder. The states agreed: Hale is next. Flights left for three cities: Hale, Eastport and Orford.")
    for name in ("Westmark", "\u00d8stby", "Tyneham", "Marlow-Agder"):
        i = text.index(name)
        assert division_listed_at(text, i, i + len(name)), name
    for name, i in (("Hale", text.index("Hale")), ("Eastport", text.index("Eastport"))):
        assert not division_listed_at(text, i, i + len(name)), name  # no list / a list of cities
