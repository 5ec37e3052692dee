"""A description that says what a name is (place_kinds.py), and landmarks named after people (entity_evidence.py):
"X, a neighborhood ...", "X is the meeting place of ...", "a quarter called X", "X (The Palace of ...)" make X a
place; a given name or title inside "Y Square" belongs to the eponym. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.annotate.place_kinds import described_kinds, district_of
from newsgraph.records import Extracted


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("East of the river lies Marlowbrook, a neighborhood mixed with old warehouses and cafes.", "Marlowbrook",
     "neighborhood"),
    ("Opened in 2004, Tewhanga is the official meeting place of the island's elders.", "Tewhanga", "place"),
    ("The old town has a Greek quarter called Peralia, built by merchants in the 1700s.", "Peralia", "quarter"),
    ("7 Dorin Vasht (The Palace of Nine Gardens). Built in 1660 for the court.", "Dorin Vasht", "palace"),
    ("Visitors reach Casa Elena, a restored 17th-century mosque, by a narrow lane.", "Casa Elena", "mosque"),
])
def test_described_kinds_reads_the_head_noun(nlp, text, name, kind):
    i = text.index(name)
    assert kind in described_kinds(nlp(text), i, i + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("Anna Berglund, the city's mayor, opened the bridge on Monday.", "Anna Berglund"),  # the city owns the mayor
    ("Anna Berglund, a town councillor, opened the bridge on Monday.", "Anna Berglund"),  # a person's noun
    ("Mark Tolland is a village teacher who walks to school.", "Mark Tolland"),
    ("The city called Tolland a hero on Monday.", "Tolland"),  # a verb, not a naming participle
    ("Marlowbrook, Oakland and Peralia voted first.", "Marlowbrook"),  # no description: a list
])
def test_described_kinds_reads_no_place_where_there_is_none(nlp, text, name):
    i = text.index(name)
    kinds = described_kinds(nlp(text), i, i + len(name))
    assert not {"city", "town", "village", "place", "neighborhood"} & set(kinds)


def _types(body: str) -> dict[str, str]:
    art = annotate(Extracted(input="t", body=body))
    return {e.name: e.type for e in art.entities}


def test_a_landmark_named_after_a_person_is_a_place():
    types = _types("Take the ferry across the bay and walk along the waterfront to Jack Carver Square. The square "
                   "holds a market on Saturdays, and Jack Carver Square is busy all weekend.")
    assert types.get("Jack Carver Square") not in (None, "person")


@pytest.mark.parametrize("name", ["Kellerman", "Dunmore", "Calloway"])
def test_an_apposition_makes_a_neighbourhood_a_place(name):
    types = _types(f"North of the station lies {name}, a neighborhood mixed with family shops and artists' "
                   f"studios. Bookstores and a small park make {name} a pleasant stop for an afternoon.")
    assert types.get(name) not in (None, "person", "organisation")


def test_a_person_described_by_a_person_noun_stays_a_person():
    types = _types("Anna Berglund, a town councillor, said the bridge would open in May. Berglund said she "
                   "expected crowds.")
    assert types.get("Anna Berglund") == "person"


@pytest.mark.parametrize(("body", "name"), [
    ("She was buried at Harold Pinkney Cemetery beside her husband, and flowers still arrive at Harold Pinkney "
     "Cemetery every spring.", "Harold Pinkney Cemetery"),
    ("Flights land at Walter Brennan Airport twice a day; a shuttle links Walter Brennan Airport to the old town.",
     "Walter Brennan Airport"),
    ("Police closed Martin Holloway Road after the crash; drivers on Martin Holloway Road were sent east.",
     "Martin Holloway Road"),
    ("The parade turns onto Susan Pike Avenue at noon, and Susan Pike Avenue stays shut until six.",
     "Susan Pike Avenue"),
    ("The 5,000-acre wilderness lies along Dorothy Creek at the south end of the forest near the town. Dorothy Creek "
     "floods each spring.", "Dorothy Creek"),
])
def test_grounds_named_after_people_are_places(body, name):
    assert _types(body).get(name) not in (None, "person")


@pytest.mark.parametrize(("body", "name"), [
    ("Pilgrims filled the Sheikh Hadrami Mosque on Friday. The Sheikh Hadrami Mosque was built in 1612 by the "
     "river.", "Sheikh Hadrami Mosque"),
    ("Our flight landed at King Osric Airport at dawn, and buses leave King Osric Airport every hour.",
     "King Osric Airport"),
])
def test_a_title_before_a_landmark_named_after_a_person_is_part_of_its_name(body, name):
    types = _types(body)
    assert types.get(name) not in (None, "person")
    assert name.split(" ", 1)[1] not in types  # not cut to the eponym's name without its title


def test_a_title_before_a_person_is_still_cut():
    types = _types("Sheikh Omar Hadrami said the mosque would reopen in May. Hadrami thanked the builders.")
    assert "Omar Hadrami" in types and "Sheikh Omar Hadrami" not in types


def test_district_of_needs_the_place_named_alone():
    from newsgraph.annotate.names import shipped_names

    directions = shipped_names().place_directions
    assert district_of("North Harwick", {"Harwick"}, directions)
    assert district_of("Old Harwick", {"Harwick"}, directions)
    assert not district_of("North Harwick", set(), directions)  # the article never names Harwick itself
    assert not district_of("Northern Rock", {"Harwick"}, directions)
    assert not district_of("North Harwick Bay", {"Harwick"}, directions)


@pytest.mark.parametrize("town", ["Harwick", "Linwood"])
def test_a_district_of_the_articles_town_is_a_place(town):
    types = _types(f"{town} has a long waterfront and a busy port. Since Old {town} is along 10th Street, just west "
                   f"of the market, most visitors start there. North {town} is a sweeping term for the hills, and many "
                   f"of North {town}'s group of foodie spots sit near the lake. The mayor of {town} opened a new pier.")
    assert types.get(f"Old {town}") not in (None, "person", "organisation")
    assert types.get(f"North {town}") not in (None, "person", "organisation")


@pytest.mark.parametrize("name", ["River Kellerman", "River Dunmore", "Lake Harwick"])
def test_a_feature_named_by_its_leading_word_is_a_place(name):
    types = _types(f"Walkers can follow {name} north from the bridge. {name} is crossed by two ferries, and the path "
                   f"beside {name} is flat and easy.")
    assert {n: t for n, t in types.items() if n == name} == {name: "place"}  # one entity, a place
