"""Entity typing from how the text uses a name (stop 19): a list's class noun types its members, a club named
after its town is no town, a town found only under a shortened name needs a use as a place, a courtesy title
makes a person, a published work is no organisation, a place name cut at its particle grows back. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.geo_names import local_fallback
from newsgraph.annotate.mention_growth import in_region
from newsgraph.annotate.name_usage import list_head
from newsgraph.records import Extracted


def _types(body: str) -> dict[str, str]:
    art = annotate(Extracted(input="t", body=body))
    return {e.name: e.type for e in art.entities}


@pytest.mark.parametrize(("text", "name", "head"), [
    ("Some universities, including Oxbridge, Imperial College and Exeter, test students.", "Oxbridge", "universities"),
    ("Some universities, including Oxbridge, Imperial College and Exeter, test students.", "Exeter", "universities"),
    ("Cities such as Lagos and Kano saw protests.", "Kano", "cities"),
    ("Telegram, Signal and other apps were blocked.", "Telegram", "apps"),
    ("Telegram, Signal and other apps were blocked.", "Signal", "apps"),
    ("She met Anna in Lagos, including a visit to the market.", "Lagos", None),
    ("I like Paris in the spring.", "Paris", None),
])
def test_list_head(text, name, head):
    i = text.index(name)
    assert list_head(text, i, i + len(name)) == head


def test_local_fallback_only_for_names_the_index_lacks():
    gaz = get_gazetteer()
    assert local_fallback(gaz, "Manchester City")  # the index holds Manchester, not "Manchester City"
    assert not local_fallback(gaz, "Mexico City")  # held under its own name
    assert not local_fallback(gaz, "Manchester")
    assert not local_fallback(gaz, "Manchester Rovers")  # no settlement word at the end


def test_a_club_named_after_its_town_is_no_town():
    types = _types("Rebecca Cooke is the long-term partner of Manchester City midfielder Phil Foden. They met at "
                   "a party in 2012.")
    assert types.get("Manchester City") != "city"
    assert "Manchester" not in types  # no town taken out of the club's name


def test_a_shortened_town_reading_stands_with_a_place_use():
    # The gazetteer reading of the shortened name stands (a place, on the map), but since 5cebf64 a township is
    # no city topic (city_evidence: a "... Township" is a civil division, not a settlement).
    types = _types("Firefighters were called to a barn fire in Kalamazoo Township on Tuesday, officials said. "
                   "Kalamazoo Township residents were told to stay indoors.")
    assert types.get("Kalamazoo Township") == "place"


def test_list_of_universities_makes_organisations():
    body = ("Some UK universities, including Cambridge, Imperial College London and Exeter, have their own testing "
            "facilities, and Cambridge has said it will test students twice a week.")
    types = _types(body)
    assert types.get("Cambridge") == "organisation"
    body_town = "Flooding closed roads in Cambridge on Monday, and Cambridge residents were told to stay home."
    assert _types(body_town).get("Cambridge") == "city"


def test_courtesy_title_makes_a_person_over_an_unused_town_reading():
    body = ("The talk was illustrated by Mrs. Lincoln, portrayed by an actress. Lincoln visited the defenders at "
            "the fort. Snipers recognised Lincoln's profile.")
    assert _types(body).get("Lincoln") == "person"


def test_a_published_work_is_no_organisation():
    body = ("A systematic review, published in the Nutrition Journal in 2023, found a link. The Harbour Gazette "
            "reported that the council would cut jobs, and the Harbour Gazette said it had seen the plan.")
    types = _types(body)
    assert "Nutrition Journal" not in types
    assert types.get("Harbour Gazette") == "organisation"


def test_a_place_name_cut_at_its_particle_grows_back():
    body = "Thelma Krug, a climate scientist who is based in São José dos Campos, spoke on Monday."
    types = _types(body)
    assert types.get("São José dos Campos") == "city"
    assert "São José" not in types


def test_a_country_possessive_is_no_part_of_an_organisation_name():
    types = _types("Ukraine's Air Force said it shot down 20 drones overnight. The Air Force said the attack "
                   "targeted Kyiv.")
    assert types.get("Air Force") == "organisation"
    assert "Ukraine's Air Force" not in types
    assert types.get("Ukraine") == "country"


def test_a_campus_town_after_a_state_university_belongs_to_its_name():
    types = _types("We thank seminar participants at Clemson University; University of California, Irvine; and "
                   "University of Connecticut.")
    assert types.get("University of California, Irvine") == "organisation"
    art = annotate(Extracted(input="t", body="We thank seminar participants at Clemson University; University of "
                                             "California, Irvine; and University of Connecticut."))
    irvine = [e for e in art.entities if e.name == "Irvine"]
    assert all(e.type == "place" and e.geo is not None for e in irvine)  # on the map, no city topic
    assert "Irvine" not in art.topics["cities"]


def test_list_members_and_their_possessors():
    text = "He appeared in films like Woody Allen's Match Point and other dramas."
    i = text.index("Woody Allen")
    assert list_head(text, i, i + len("Woody Allen")) is None  # the possessor of a member is no member


def test_a_capitalised_study_opens_a_name_not_a_work_cue():
    types = _types("She spent a year as a Fellow at the Center for Advanced Study in the Behavioral Sciences at "
                   "Stanford University.")
    assert any("Behavioral Sciences" in n for n in types)


def test_a_town_after_a_comma_in_any_name_is_no_campus():
    types = _types("Watch out for the Place, Street, Avenue designation, e.g. 47th Place, 47th Street, or Florence "
                   "Place.")
    assert "Street" not in types  # no town taken out of "Place, Street"
    assert not in_region(get_gazetteer(), "Street", "Place")
    assert in_region(get_gazetteer(), "Irvine", "California")
