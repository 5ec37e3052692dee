"""Streets (streets.py, data/streets.tsv): a name ending in a road word is a street; a name ending in a word other
names share ("Drive", "Court", "Lane", "Circle") is one where a mention stands as a street (an address, a street
linked beside it, "the intersection of"), or where the text writes it with a road word too. Such a name is no
person and no organisation shown. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.streets import address_use, road_name, street_mention, street_name
from newsgraph.records import Extracted

SHOWN = 0.5


def _at(text: str, name: str) -> tuple[str, str, int, int]:
    s = text.index(name)
    return name, text, s, s + len(name)


def test_road_words_and_shared_suffixes():
    assert road_name("Pellham Road") and road_name("Tillery St.") and not road_name("Road")
    assert street_name("Corvin Drive") and not road_name("Corvin Drive")
    assert not street_name("Corvin Dale")


@pytest.mark.parametrize(("text", "name"), [
    ("Lane closures: Tolliver Drive from Marsh Avenue to Hibbert Avenue through Friday.", "Tolliver Drive"),
    ("Closed: Quill Avenue between Aster Drive and Rosa Circle, for sewer work.", "Rosa Circle"),
    ("Paving on Dunmore Street, Fenwick Drive, Alva Court and Hollis Run this week.", "Alva Court"),
    ("A car was stolen from the 300 block of Edna Lane overnight.", "Edna Lane"),
    ("Crews repaved Gorman Road from Sedley Lane to Bertha Drive.", "Bertha Drive"),
    ("The plan runs from the intersection of West Harlow to the river.", "West Harlow"),
])
def test_a_mention_standing_as_a_street(text, name):
    assert street_mention(*_at(text, name))
    assert address_use(*_at(text, name))


@pytest.mark.parametrize(("text", "name"), [
    ("Nathan Lane said the play would close in May.", "Nathan Lane"),
    ("Dana Court won the final in three sets, and Court thanked the crowd.", "Dana Court"),
    ("A letter to Corvin Drive's family arrived on Tuesday.", "Corvin Drive"),  # no street beside it
])
def test_a_shared_suffix_without_a_street_use_is_no_street(text, name):
    assert not street_mention(*_at(text, name))


def test_a_name_the_text_also_writes_with_a_road_word():
    text = "The village finished Harlan Crossing last year. Harlan Crossing Road now reaches the mall."
    assert street_mention(*_at(text, "Harlan Crossing"))
    assert not address_use(*_at(text, "Harlan Crossing"))  # an organisation's reading needs an address


def _topics(body: str) -> dict[str, dict[str, float]]:
    rec = annotate(Extracted(input="t", body=body))
    return {t: dict(zip(rec.topics[t], rec.topics_confidence[t], strict=True)) for t in ("people", "organisations")}


_ROADWORK = ("Road work expected this week in Millbrook: Tolliver Drive from Marsh Avenue to Hibbert Avenue, lane "
             "closure through Thursday for sewer work. Quill Avenue between Aster Drive and Rosa Circle, closed "
             "through March 26. Paving on Dunmore Street, Fenwick Drive, Alva Court and Hollis Run. Public works "
             "director Maria Okafor said crews would work nights to finish before the school term. Okafor said the "
             "city had set aside $40,000 for the work.")


def test_streets_of_a_road_work_list_are_no_people_and_no_organisations():
    topics = _topics(_ROADWORK)
    shown = {n for t in topics.values() for n, c in t.items() if c >= SHOWN}
    for street in ("Tolliver Drive", "Rosa Circle", "Alva Court", "Fenwick Drive", "Aster Drive"):
        assert street not in shown, street
    assert topics["people"].get("Maria Okafor", 0) >= SHOWN
