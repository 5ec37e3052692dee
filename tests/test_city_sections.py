"""A town reading lying inside a much bigger city's area is a section of it, no city (annotate/city_sections.py):
by the gazetteer alone in the inner part of the area, by the text (the city named, "lower X", "the X
neighbourhood") out to its edge; a capital, a town of its own size and a town of another region are not. Invented
places and coordinates, written for these tests."""

from __future__ import annotations

from newsgraph.annotate.city_sections import compass_part, holding_city, section_of, shown_as_part
from newsgraph.annotate.gazetteer import Place
from newsgraph.records import Entity, Mention

#: an invented metropolis of four million people: its radius is 5 km * sqrt(4) = 10 km
BIG = Place(1, "Grandport", "US", "ZZ", "city", 40.0, -75.0, 4_000_000)
#: 0.045 degrees of latitude is about 5 km: inside the inner 0.6 of the radius
CORE = Place(2, "Eastmere", "US", "ZZ", "city", 40.045, -75.0, 900_000)
#: about 9 km out: inside the radius, outside its inner 0.6
EDGE = Place(3, "Lowfield", "US", "ZZ", "city", 40.081, -75.0, 90_000)
#: about 20 km out: a town beside the city, no part of it
BESIDE = Place(4, "Tarnbury", "US", "ZZ", "city", 40.18, -75.0, 80_000)


class _StubGazetteer:
    """The one question city_sections asks: the cities of at least some population."""

    def __init__(self, places: list[Place]):
        self.places = places

    def cities_at_least(self, population: int) -> tuple[Place, ...]:
        return tuple(p for p in self.places if p.kind == "city" and p.population >= population)

    def lookup(self, name: str) -> list[Place]:
        return [p for p in self.places if p.name == name]


GAZ = _StubGazetteer([BIG, CORE, EDGE, BESIDE])


def _entity(text: str, name: str) -> Entity:
    i = text.index(name)
    return Entity(id="x", name=name, type="city", mentions=[Mention(text=name, start=i, end=i + len(name))])


def test_a_reading_in_the_inner_area_of_a_big_city_is_its_section_whatever_the_text_says():
    text = "She has lived and worked in Eastmere for twenty years."
    assert section_of(text, _entity(text, "Eastmere"), CORE, [CORE], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) == BIG


def test_a_reading_near_the_edge_is_a_section_only_when_the_text_shows_it_as_a_part():
    plain = "The bakery opened a shop in Lowfield last spring."
    assert section_of(plain, _entity(plain, "Lowfield"), EDGE, [EDGE], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) is None
    part = "The bakery opened a shop in the Lowfield neighbourhood last spring."
    assert section_of(part, _entity(part, "Lowfield"), EDGE, [EDGE], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) == BIG
    named = "The bakery opened a shop in Lowfield, and another in Grandport."
    assert section_of(named, _entity(named, "Lowfield"), EDGE, [EDGE, BIG], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) == BIG


def test_a_town_beside_the_city_a_capital_and_a_town_of_another_region_stay_cities():
    text = "The council of Tarnbury met on the budget."
    assert section_of(text, _entity(text, "Tarnbury"), BESIDE, [BESIDE, BIG], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) is None
    capital = Place(5, "Eastmere", "US", "ZZ", "city", 40.045, -75.0, 900_000, capital=True)
    assert holding_city(capital, [BIG], 5.0, 1.0) is None
    other_region = Place(6, "Eastmere", "US", "YY", "city", 40.045, -75.0, 900_000)
    assert holding_city(other_region, [BIG], 5.0, 1.0) is None
    as_big = Place(7, "Eastmere", "US", "ZZ", "city", 40.045, -75.0, 2_000_000)
    assert holding_city(as_big, [BIG], 5.0, 1.0) is None  # half the city's people: a city beside it
    assert section_of(text, _entity(text, "Tarnbury"), CORE, [CORE], GAZ, 1_000_000, 1_000_000, 5.0, 0.0) is None  # off


def test_a_part_is_written_by_a_part_noun_or_lower_upper():
    for text in ("Rents rose fastest in lower Eastmere.", "the borough of Eastmere voted", "the Eastmere district"):
        assert shown_as_part(text, _entity(text, "Eastmere"))
    for text in ("Upper Eastmere is a town.", "Eastmere residents voted", "in Eastmere, the mayor said"):
        assert not shown_as_part(text, _entity(text, "Eastmere"))


def test_the_gazetteer_alone_does_not_decide_when_every_other_place_of_the_article_lies_elsewhere():
    far = Place(8, "Dunmore", "US", "QQ", "city", 35.0, -100.0, 300_000)
    near = Place(9, "Kelby", "US", "ZZ", "city", 40.6, -75.2, 40_000)
    text = "The team flies out of Eastmere to play in Dunmore on Friday."
    e = _entity(text, "Eastmere")
    assert section_of(text, e, CORE, [CORE, far], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) is None
    assert section_of(text, e, CORE, [CORE, far, near], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) == BIG
    lower = "The team flies out of lower Eastmere to play in Dunmore on Friday."
    assert section_of(lower, _entity(lower, "Eastmere"), CORE, [CORE, far], GAZ, 1_000_000, 1_000_000, 5.0, 0.6) == BIG


def test_a_side_of_a_city_named_after_it_is_its_part_even_as_a_capital_or_across_a_border():
    """"East Grandport" inside the city's core is a side of it (a capital reading, of another country, too: a divided
    city); one beyond the core, or across a state line of the same country, is a town of its own."""
    side = Place(7, "East Grandport", "US", "ZZ", "city", 40.02, -74.98, 400_000, capital=True)
    text = "Protesters gathered in East Grandport on Friday."
    assert section_of(text, _entity(text, "East Grandport"), side, [side], GAZ, 100_000, 1_000_000, 5.0, 0.6) == BIG
    abroad = Place(8, "East Grandport", "XY", "01", "city", 40.02, -74.98, 400_000, capital=True)
    assert compass_part(_entity(text, "East Grandport"), abroad, GAZ, 100_000, 5.0, 0.6) == BIG
    across = Place(9, "East Grandport", "US", "YY", "city", 40.02, -74.98, 50_000)
    assert compass_part(_entity(text, "East Grandport"), across, GAZ, 100_000, 5.0, 0.6) is None
    beyond = Place(10, "East Grandport", "US", "ZZ", "city", 40.1, -74.9, 50_000)
    assert compass_part(_entity(text, "East Grandport"), beyond, GAZ, 100_000, 5.0, 0.6) is None
    plain = "Kids from Eastmere Heights won the fair."  # no side word first: the rule says nothing
    assert compass_part(_entity(plain, "Eastmere"), CORE, GAZ, 100_000, 5.0, 0.6) is None
