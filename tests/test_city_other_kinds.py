"""Stop 31 (g6): a place word naming another kind of thing is no city (annotate/city_kinds.py, city_sections.
lone_reading): schools listed under a shared kind noun, a school's or a team's member, an island; a borough whose
namesakes elsewhere are villages. A town ALSO used as a settlement stays a city. Invented towns, schools, people and
places, written for these tests."""

from __future__ import annotations

import re

import pytest
import spacy

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.city_evidence import named_otherwise, not_a_city
from newsgraph.annotate.city_kinds import island_at, island_only, kind_listed_at, member_at
from newsgraph.annotate.city_sections import lone_reading, section_of
from newsgraph.annotate.gazetteer import Place, get_gazetteer
from newsgraph.annotate.names import shipped_names
from newsgraph.records import Entity, Mention

AWARDS = ("Six students were chosen for their leadership: Ann Roe, Bea Lark and Cy Dunn. They represented Tarnbury, "
          "Hale, Pike\u2019s Mill and North Marlow high schools. \u201cI was shocked,\u201d said Bea Lark, a Tarnbury "
          "senior who will study nursing in the fall.")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _entity(text: str, name: str, type_: str = "city") -> Entity:
    """An entity with a mention at every place `text` writes `name`."""
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    return Entity(id=name, name=name, type=type_, mentions=[Mention(start=a, end=b, text=name) for a, b in spans])


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    m = _entity(text, name).mentions[nth]
    return m.start, m.end


def test_every_member_of_a_list_closed_by_a_plural_kind_noun_names_that_kind(nlp):
    doc = nlp(AWARDS)
    for name in ("Tarnbury", "Hale", "North Marlow"):
        assert kind_listed_at(doc, *_at(AWARDS, name)), name
    for text in ("Tarnbury and Hale hospitals will merge next year.",
                 "Pupils from Tarnbury, Hale or Marlow elementary schools sang."):
        assert kind_listed_at(nlp(text), *_at(text, "Hale")), text
    # one name before a plural: the town's own schools; a list closed by a town's noun or a verb: towns
    for text in ("Tarnbury schools will close on Monday.", "Tarnbury and Hale residents voted.",
                 "Tarnbury and Hale police searched the woods.", "Tarnbury and Hale built hospitals in May."):
        assert not kind_listed_at(nlp(text), *_at(text, "Hale" if "Hale" in text else "Tarnbury")), text


def test_an_article_the_name_and_a_member_noun_make_it_a_school_or_a_team():
    assert member_at(AWARDS, *_at(AWARDS, "Tarnbury", 1))
    for text in ("Jo Finch, the Hale coach, said the mat was wet.", "a Hale sophomore"):
        assert member_at(text, *_at(text, "Hale")), text
    for text in ("Jo Finch, a Hale lawyer, said so.", "a Hale resident", "in Hale senior housing",
                 "Hale seniors gathered at the library."):
        assert not member_at(text, *_at(text, "Hale")), text


def test_a_town_named_only_as_schools_is_no_city_but_one_also_used_as_a_town_stays(nlp):
    names = shipped_names()
    doc = nlp(AWARDS)
    assert named_otherwise(doc, _entity(AWARDS, "Tarnbury"), [], names)
    assert named_otherwise(doc, _entity(AWARDS, "Hale"), [], names)
    also = AWARDS + " The ceremony was held in Tarnbury on Friday."
    assert not named_otherwise(nlp(also), _entity(also, "Tarnbury"), [], names)


def test_an_island_written_as_one_is_no_city():
    for text in ("He vanished while on the island of Kelso last year.", "ferries to the Kelso island resort"):
        assert island_at(text, *_at(text, "Kelso")), text
    for text in ("He flew to Kelso last year.", "the Kelso Island ferry"):
        assert not island_at(text, *_at(text, "Kelso")), text


def test_a_name_closed_by_island_read_as_a_small_town_is_the_island_unless_used_as_a_town():
    gaz, names = get_gazetteer(), shipped_names()
    town = Place(41, "Long Kelso Island City", "US", "ZZ", "city", 40.7, -73.9, 25_000)
    text = "He shot himself in the parking lot of a veterans hospital on Long Kelso Island last month."
    assert island_only(text, _entity(text, "Long Kelso Island"), town, gaz, names, 100_000)
    assert not_a_city(spacy.blank("en")(text), _entity(text, "Long Kelso Island"), town, [], gaz, names, 100_000)
    lived = "The fair opened in Long Kelso Island on Friday."
    assert not island_only(lived, _entity(lived, "Long Kelso Island"), town, gaz, names, 100_000)
    big = Place(42, "Long Kelso Island", "US", "ZZ", "city", 40.7, -73.9, 150_000)
    assert not island_only(text, _entity(text, "Long Kelso Island"), big, gaz, names, 100_000)


#: an invented metropolis of four million people, a borough in its core, a village and a town of the borough's
#: name elsewhere (another state)
BIG = Place(1, "Grandport", "US", "ZZ", "city", 40.0, -75.0, 4_000_000)
BOROUGH = Place(2, "Eastmere", "US", "ZZ", "city", 40.045, -75.0, 900_000)
VILLAGE = Place(3, "Eastmere", "US", "QQ", "city", 35.0, -100.0, 9_000)
TOWN = Place(4, "Eastmere", "US", "QQ", "city", 35.5, -100.0, 55_000)
FAR = Place(5, "Dunmore", "US", "QQ", "city", 35.0, -101.0, 300_000)


class _Gaz:
    def __init__(self, *places: Place):
        self.places = places

    def cities_at_least(self, population: int) -> tuple[Place, ...]:
        return tuple(p for p in self.places if p.kind == "city" and p.population >= population)

    def lookup(self, name: str) -> list[Place]:
        return [p for p in self.places if p.name == name]


def test_a_borough_whose_namesakes_are_villages_is_a_section_even_beside_far_places():
    text = "She eyed the Lark Institute in Eastmere, but can study the same at a college in Dunmore."
    e = _entity(text, "Eastmere")
    villages = _Gaz(BIG, BOROUGH, VILLAGE, FAR)
    assert lone_reading(villages, e, BOROUGH, 20_000)
    assert section_of(text, e, BOROUGH, [BOROUGH, FAR], villages, 100_000, 1_000_000, 5.0, 0.6, 150.0, 20_000) == BIG
    assert section_of(text, e, BOROUGH, [BOROUGH, FAR], villages, 100_000, 1_000_000, 5.0, 0.6, 150.0, 0) is None
    towns = _Gaz(BIG, BOROUGH, VILLAGE, TOWN, FAR)  # a namesake of 55,000 people: maybe the town meant
    assert not lone_reading(towns, e, BOROUGH, 20_000)
    assert section_of(text, e, BOROUGH, [BOROUGH, FAR], towns, 100_000, 1_000_000, 5.0, 0.6, 150.0, 20_000) is None


def test_a_district_named_for_its_station_is_a_kind_of_place_not_a_person():
    from newsgraph.annotate.person_kinds import kind_use

    text = "Downtown Tarnbury, known locally as Tarnbury Station, has more than 40 old buildings."
    start, end = _at(text, "Tarnbury Station")
    assert kind_use(None, text, start, end) == "kind-head"
    person = "Station manager Ann Roe said the depot would close."
    assert kind_use(None, person, *_at(person, "Ann Roe")) is None
