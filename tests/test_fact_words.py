"""Number words read by their grammar (number_words.py) and counts of a wider or another set (fact_kinds.py)."""

from __future__ import annotations

from newsgraph.annotate.facts import find_facts
from newsgraph.annotate.number_words import match_number_words, number_words_value


def test_cardinals_in_words_have_their_value():
    assert number_words_value("seventy two") == 72
    assert number_words_value("seventy-two") == 72
    assert number_words_value("one hundred and nine") == 109
    assert number_words_value("a thousand") == 1000
    assert number_words_value("two million three hundred thousand") == 2300000
    assert number_words_value("seventeen") == 17


def test_two_numbers_side_by_side_are_not_one():
    assert number_words_value("five five") is None
    assert match_number_words("five five").group(0) == "five"
    assert number_words_value("dozens") is None


def test_a_count_in_words_is_read_whole():
    got = [(f.kind, f.value) for f in find_facts("By Friday the fever had caused seventy two deaths in the valley.")]
    assert got == [("killed", 72)]
    got = [(f.kind, f.value) for f in find_facts("One hundred and twelve people were evacuated from the island.")]
    assert got == [("displaced", 112)]
    got = [(f.kind, f.value) for f in find_facts("Dozens were injured and tens of thousands fled the town.")]
    assert ("injured", 24) in got and ("displaced", 20000) in got


def test_a_union_with_another_kind_is_not_shown(dated_doc):
    doc = dated_doc("In the two provinces, as many as 3.5 million people were displaced or cut off by the rains.",
                    "2024-06-19")
    assert all(f.confidence < 0.5 for f in doc._.ng_facts)
    doc = dated_doc("The storm killed or injured 40 people in the port of Velmora.", "2024-06-19")
    assert all(f.confidence < 0.5 for f in doc._.ng_facts)
    doc = dated_doc("The camp houses the children of some 90,000 villagers who either fled or were expelled in 1990.",
                    "2024-06-19")
    assert [(f.kind, f.value) for f in doc._.ng_facts if f.confidence >= 0.5] == [("displaced", 90000)]
    doc = dated_doc("After the riot in Velmora, 14 people were arrested and charged.", "2024-06-19")
    assert [(f.kind, f.value) for f in doc._.ng_facts if f.confidence >= 0.5] == [("detained", 14)]


def test_bodies_count_deaths_only_when_found_or_buried(dated_doc):
    doc = dated_doc("The clinic sold tissue from the dead taken from 840 bodies, prosecutors say.", "2024-06-19")
    assert all(f.confidence < 0.5 for f in doc._.ng_facts)
    doc = dated_doc("Divers pulled 12 bodies from the lake near Velmora on Sunday.", "2024-06-19")
    assert [(f.kind, f.value) for f in doc._.ng_facts if f.confidence >= 0.5] == [("killed", 12)]
