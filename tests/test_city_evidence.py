"""A place the gazetteer reads as a town is a city topic only when the text names it as one (stop 22, issue 11): a
town named only inside longer names, a township, a valley or range named like a hamlet are no city topics; a short
form takes the town's full name; a dateline's place the model called an organisation is a place. Stop 25: a list of
names closed by a division noun or a copula's division predicate, a name placed in a bigger town, a division's bare
name, a lake the text never uses as a town, a homonym abroad, an acronym in capitals. Sentences and places written
for these tests."""

from __future__ import annotations

import spacy

from newsgraph.annotate import annotate
from newsgraph.annotate.city_evidence import (
    brand_listed,
    feature_named,
    full_name,
    inside_other_names,
    not_a_city,
    part_of_city,
    quarter_of,
)
from newsgraph.annotate.city_relations import (
    acronym_only,
    apposed_part,
    division_named,
    foreign_homonym,
    in_city,
    region_written,
)
from newsgraph.annotate.gazetteer import Place
from newsgraph.annotate.names import shipped_names
from newsgraph.records import Entity, Extracted, Mention


def _art(body: str):
    return annotate(Extracted(input="t", body=body))


def _typed(art, name: str) -> set[str]:
    return {e.type for e in art.entities if e.name == name or name in e.aliases}


def _entity(text: str, name: str, type_: str = "city", skip: int = 0) -> Entity:
    """An entity of `name` with a mention at each of its occurrences in `text` past the first `skip`."""
    starts, i = [], text.find(name)
    while i >= 0:
        starts.append(i)
        i = text.find(name, i + 1)
    return Entity(id=name, name=name, type=type_,
                  mentions=[Mention(start=s, end=s + len(name), text=name) for s in starts[skip:]])


def test_a_town_named_only_inside_longer_names_is_no_city():
    text = ("Commuters should use Tyneham Underground or other services on Sunday.\n\nAll Tyneham Overground buses "
            "are step-free.\n\nThe singer became the face of the beauty brand L\u2019Avenir Tyneham last year.")
    doc, names = spacy.blank("en")(text), shipped_names()
    assert inside_other_names(doc, _entity(text, "Tyneham"), [], names)
    # another entity's mention holds it: "the Tyneham Times"
    text2 = "She wrote for the Tyneham Times for a decade before retiring."
    held = _entity(text2, "Tyneham Times", "organisation")
    assert inside_other_names(spacy.blank("en")(text2), _entity(text2, "Tyneham"), [held], names)


def test_a_town_named_on_its_own_or_before_a_title_or_date_stays_a_city():
    names = shipped_names()
    for text in ("The brand L\u2019Avenir Tyneham opened a shop in Tyneham on Monday.",
                 "Tyneham Mayor Jane Doe opened the shop.", "Talks resumed in Tyneham Monday, officials said.",
                 "Flights between Tyneham-Marlow and Paris resumed.", "Yesterday Tyneham voted.",
                 "The tool was found on a beach near The Tyneham last year."):
        town = _entity(text, "Tyneham")
        others = [_entity(text, "Marlow", "city")] if "Marlow" in text else []
        assert not inside_other_names(spacy.blank("en")(text), town, others, names), text


def test_a_surname_joined_to_a_town_name_is_no_city():
    art = _art("References\n\nHartley V, Moreno-Suarez A, Ponce-Olivera R. Clinical findings in forty patients. "
               "Clin Exp Dermatol. 2015;40:851-9.")
    assert "Ponce" not in art.topics["cities"]


def test_a_township_is_no_city():
    art = _art("A car driven by a local man was southbound on Route 48 at about 9 p.m. in Pana Township when it "
               "struck a parked vehicle, the sheriff's office said. No one was hurt.")
    assert not any(c.endswith("Township") or c == "Pana" for c in art.topics["cities"])


def test_a_valley_named_like_a_hamlet_is_no_city_but_a_town_with_a_state_is():
    art = _art("Last week a heat wave baked the West. In Death Valley, a record may have been set for the hottest "
               "temperature observed on Earth, forecasters said on Sunday.")
    assert "Death Valley" not in art.topics["cities"]
    art = _art("Moreno Valley, California, approved a new budget on Tuesday, the city council said, after residents "
               "of Moreno Valley packed the hearing.")
    assert "Moreno Valley" in art.topics["cities"]


def test_a_short_form_takes_the_towns_full_name():
    town = Place(1, "Las Vegas", "US", "NV", "city", 36.17, -115.14, 641903)
    assert full_name(Entity(id="x", name="Vegas", type="city"), town) == "Las Vegas"
    assert full_name(Entity(id="x", name="Las Vegas", type="city"), town) is None
    assert full_name(Entity(id="x", name="Las", type="city"), town) is None
    borough = Place(2, "City of Westminster", "GB", "ENG", "city", 51.5, -0.12, 247614)
    assert full_name(Entity(id="x", name="Westminster", type="city"), borough) is None


def test_a_dateline_place_the_model_calls_an_organisation_is_a_place():
    art = _art("ST CATHERINE, Jamaica \u2014 A police inspector was treated in hospital on Friday after she was "
               "assaulted by a man in a community in the parish, the police said.\n\nThe man was arrested later.")
    assert "ST CATHERINE" not in art.topics["organisations"] and "ST CATHERINE" not in art.topics["cities"]
    assert {e.geo.country_code for e in art.entities if e.name == "ST CATHERINE"} == {"JM"}


def test_a_river_district_or_county_named_like_a_town_is_no_city():
    names = shipped_names()
    for text, name in (("Dead fish were found on the bank of the Tyneham river on Sunday.", "Tyneham"),
                       ("Cases rose in Tyneham district and in the capital.", "Tyneham"),
                       ("Deputies from Tyneham and Marlow counties joined the search.", "Tyneham"),
                       ("Deputies from Tyneham and Marlow counties joined the search.", "Marlow"),
                       ("Crashes closed the road from Tyneham to Marlow counties.", "Tyneham")):
        assert feature_named(text, _entity(text, name), names), (text, name)
    for text in ("The Tyneham suburb of Marlow voted on Sunday.",  # Tyneham is the city, Marlow its suburb
                 "Cases rose in Tyneham and in the Marlow district.",  # one feature, Marlow's
                 "The Tyneham river flooded the town; Tyneham residents fled.",  # also used as a town
                 "Tyneham town council met on Monday."):
        assert not feature_named(text, _entity(text, "Tyneham"), names), text


def test_a_list_of_districts_or_counties_named_by_its_kind_word_is_no_city():
    names = shipped_names()
    listed = "Tyneham, Marlow, Wendover Bay, Hale and Orford are among the worst affected districts."
    for name in ("Tyneham", "Marlow", "Wendover Bay", "Hale", "Orford"):
        assert feature_named(listed, _entity(listed, name), names), name
    counties = "It is open to anyone who lives in Tyneham, Marlow, Hale or Orford counties."
    for name in ("Tyneham", "Hale", "Orford"):
        assert feature_named(counties, _entity(counties, name), names), name
    single = "Tyneham is a county in the north of the state."
    assert feature_named(single, _entity(single, "Tyneham"), names)
    for text in ("Tyneham is the county seat, and its mayor spoke.",  # the noun does not close its phrase
                 "Tyneham and Marlow are among the worst affected towns.",  # towns name settlements
                 "Tyneham is among the districts' hardest hit towns.",
                 "Officials in Tyneham were the county's first to act.",  # a singular noun after "were"
                 "Tyneham, Marlow and Hale are busy, and districts nearby are calm."):
        assert not feature_named(text, _entity(text, "Tyneham"), names), text


def test_a_small_town_inside_a_big_city_the_article_names_is_a_part_of_it():
    big = Place(1, "Bigtown", "GB", "ENG", "city", 51.50, -0.12, 9_000_000)
    part = Place(2, "Hillside", "GB", "ENG", "city", 51.59, -0.14, 28_000)  # about 10 km from the centre
    far = Place(3, "Farfield", "GB", "ENG", "city", 51.75, -0.34, 28_000)  # about 32 km away: a town of its own
    large = Place(4, "Nearcity", "GB", "ENG", "city", 51.55, -0.10, 250_000)  # too big to be a neighbourhood
    small_city = Place(5, "Midtown", "GB", "ENG", "city", 51.50, -0.12, 400_000)
    assert part_of_city(part, [big, part], 1_000_000, 5.0, 60_000)
    assert not part_of_city(far, [big, far], 1_000_000, 5.0, 60_000)
    assert not part_of_city(large, [big, large], 1_000_000, 5.0, 60_000)
    assert not part_of_city(part, [part], 1_000_000, 5.0, 60_000)  # the article names no big city
    assert not part_of_city(part, [small_city, part], 1_000_000, 5.0, 60_000)


def test_a_brand_in_a_list_of_labels_is_no_city():
    text = "The eggs were sold under the labels Tyneham, Marlow Farms and Sunny Day in several states."
    assert brand_listed(text, _entity(text, "Tyneham"))
    text2 = "Shops in Tyneham sold eggs under the labels Marlow Farms and Sunny Day."
    assert not brand_listed(text2, _entity(text2, "Tyneham"))


def test_a_neighbourhood_placed_in_a_direction_of_a_big_city_is_no_city():
    names = shipped_names()
    from newsgraph.annotate.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    text = "He lived in Hillbrook in north London for a decade."
    assert quarter_of(text, _entity(text, "Hillbrook"), gaz, names)
    text2 = "Floods hit Hillbrook in western Kenya on Sunday."  # a country after the direction: a town of its own
    assert not quarter_of(text2, _entity(text2, "Hillbrook"), gaz, names)


class _Gaz:
    """A gazetteer of invented places: `lookup` by name."""

    def __init__(self, *places: Place):
        self.places = places

    def lookup(self, name: str) -> list[Place]:
        return [p for p in self.places if p.name == name]


_BIG = Place(1, "Bigtown", "GB", "ENG", "city", 51.50, -0.12, 9_000_000)
_SMALL = Place(2, "Hillside", "GB", "ENG", "city", 51.59, -0.14, 3_000)
_STATE = Place(3, "Westshire", "GB", "ENG", "admin1", 52.0, -1.0, 5_000_000)
_STATE_TOWN = Place(4, "Westshire", "GB", "ENG", "city", 52.0, -1.0, 9_000_000)


def test_a_name_placed_in_a_bigger_town_is_a_part_of_it():
    gaz = _Gaz(_BIG, _SMALL, _STATE, _STATE_TOWN)
    for text in ("The body was found near Hillside in Bigtown on Sunday.",
                 "His round covered much of north Bigtown, including Eastfield and Hillside, for years."):
        assert in_city(text, _entity(text, "Hillside"), _SMALL, gaz), text
    for text in ("The body was found near Hillside in Westshire on Sunday.",  # a state (also a town's name)
                 "Hillside in March was quiet.",
                 "Towns of Westshire, including Eastfield and Hillside, voted."):
        assert not in_city(text, _entity(text, "Hillside"), _SMALL, gaz), text


def test_a_town_apposed_to_a_big_city_it_lies_in_is_a_part_of_it():
    gaz = _Gaz(_BIG)
    near = Place(5, "Starfield", "GB", "ENG", "city", 51.55, -0.15, 150_000)  # about 6 km from the centre
    far = Place(6, "Starfield", "FR", "11", "city", 48.85, 2.35, 150_000)
    text = "Letters were sent to Starfield, Bigtown and Marlow offices."
    assert apposed_part(text, _entity(text, "Starfield"), near, [_BIG, near], gaz, 1_000_000, 5.0)
    assert not apposed_part(text, _entity(text, "Starfield"), far, [_BIG, far], gaz, 1_000_000, 5.0)


def test_a_small_town_read_in_a_country_of_no_other_place_is_a_homonym():
    home = [_BIG, Place(7, "Eastport", "GB", "ENG", "city", 50.8, -1.1, 200_000)]
    abroad = Place(8, "Hillside", "AU", "08", "city", -34.0, 115.0, 2_000)
    assert foreign_homonym(abroad, [*home, abroad], [], 20_000)
    assert not foreign_homonym(abroad, [*home, abroad], ["AU"], 20_000)  # "Australian" in the text
    assert not foreign_homonym(abroad, [home[0], abroad], [], 20_000)  # one other place: too little to tell
    assert not foreign_homonym(_SMALL, [*home, _SMALL], [], 20_000)
    bigger = Place(10, "Hillside", "AU", "08", "city", -34.0, 115.0, 90_000)
    assert not foreign_homonym(bigger, [*home, bigger], [], 20_000)
    assert foreign_homonym(bigger, [*home, bigger], [], 20_000, division=True)  # "Hillside Province ... Hillside"


def test_a_division_named_with_its_kind_word_then_bare_is_the_division():
    from newsgraph.annotate.gazetteer import get_gazetteer

    names, gaz = shipped_names(), get_gazetteer()
    text = "A woman was stabbed near a road in Tyneham County on Sunday, Tyneham police spokeswoman Ann Lee said."
    assert division_named(text, _entity(text, "Tyneham", skip=1), gaz, names)
    for text in ("Tyneham County deputies arrested Ann Lee of Tyneham on Sunday.",  # a person's home town
                 "Tyneham County deputies said traffic east of Tyneham was slow.",
                 "Traffic in Tyneham was slow, Tyneham police said."):  # no division named
        assert not division_named(text, _entity(text, "Tyneham", skip=text.startswith("Tyneham County")), gaz,
                                  names), text


def test_a_small_lake_the_text_never_uses_as_a_town_is_no_city():
    nlp = spacy.blank("en")
    names = shipped_names()
    from newsgraph.annotate.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    town = Place(9, "Tyne Lake", "US", "WI", "city", 45.5, -91.7, 8_000)
    for text in ("The ducks were found in the Tyne Lake area of the county.", "The road from Highway 9 to Tyne Lake closed."):
        assert not_a_city(nlp(text), _entity(text, "Tyne Lake"), town, [], gaz, names, 100_000), text
    for text in ("A fire in Tyne Lake destroyed a barn.", "Tyne Lake police said the road closed."):
        assert not not_a_city(nlp(text), _entity(text, "Tyne Lake"), town, [], gaz, names, 100_000), text


def test_a_short_word_in_capitals_inside_a_line_is_an_acronym_no_city():
    town = Place(11, "Al Tarq", "IQ", "01", "city", 30.0, 48.0, 100_000)
    text = "TARQ, Iraq - The strain is mild, according to TARQ.\nOfficials of TARQ said so."
    assert acronym_only(text, _entity(text, "TARQ", skip=1), town)
    assert not acronym_only(text, _entity(text, "TARQ"), town)  # the dateline's town
    big = Place(12, "Big Harbour City", "US", "NY", "city", 40.7, -74.0, 8_000_000)
    text2 = "She moved to BHC in May."
    assert not acronym_only(text2, _entity(text2, "BHC"), big)  # the initials of the town's own name


def test_a_name_written_only_as_a_regions_is_no_city():
    """"the coastal region of X", "Governor of X", "the X province": the region's name, not the town's; one use as a
    town ("a rally in X") keeps the city."""
    for text in ("Police held the party's head in the coastal region of Varnost on Friday.",
                 "Land is bought on the resolution of the Governor of Varnost.",
                 "Farmers in the Varnost province lost their crops."):
        assert region_written(text, _entity(text, "Varnost")), text
    both = "The Governor of Varnost spoke at a rally in Varnost on Friday."
    e = Entity(id="v", name="Varnost", type="city", mentions=[
        Mention(text="Varnost", start=i, end=i + 7) for i in (both.index("Varnost"), both.rindex("Varnost"))])
    assert not region_written(both, e)
    city = "The city of Varnost and the county of Varnost share a mayor."
    assert not region_written(city, _entity(city, "Varnost"))
