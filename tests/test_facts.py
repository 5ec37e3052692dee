"""Counted facts: kind, normalised value and qualifier."""

from __future__ import annotations

from newsgraph.annotate.facts import find_facts


def facts(text: str) -> list[tuple[str, float, str | None]]:
    return [(f.kind, f.value, f.qualifier) for f in find_facts(text)]


def test_numbers_before_their_keyword():
    got = facts("The floods have left more than 1,200 dead and about 2.5 million people displaced.")
    assert ("killed", 1200, "more than") in got
    assert ("displaced", 2500000, "about") in got


def test_number_words_and_nouns():
    got = facts("Police said three protesters were hurt and at least 40 demonstrators were detained.")
    assert ("protesters", 3, None) in got
    assert ("protesters", 40, "at least") in got or ("detained", 40, "at least") in got


def test_keyword_before_the_number():
    assert ("killed", 14, "at least") in facts("The blast killed at least 14 near the market.")


def test_detainees_and_refugees():
    got = facts("Talks stalled on the fate of 3,400 detainees while nearly 90,000 refugees crossed the border.")
    assert ("detained", 3400, None) in got
    assert ("displaced", 90000, "nearly") in got


def test_years_and_percentages_are_not_counts():
    assert facts("In 2019 turnout fell 12% and 45 percent of voters stayed home.") == []


def test_held_counts_detainees_only_in_custody():
    # "held" is an event held, a thing held, an office held, unless a custody word says otherwise
    assert facts("Two stewards held a banner over the harbour gate.") == []
    assert facts("Hearings for the other two were held behind closed doors on Monday.") == []
    assert facts("The ward borders the one held by Councillor Nia Price.") == []
    assert ("detained", 3, None) in facts("Three deckhands were held on $2,000 bond at the county jail.")
    assert ("detained", 12, None) in facts("Pirates held 12 crewmen captive for a week.")
    assert ("detained", 5, None) in facts("The five were held by militants near the border.") or \
        ("detained", 5, None) in facts("Five were held by militants near the border.")


def test_lives_saved_are_no_deaths():
    assert facts("The new ferry rules could save hundreds of lives a year.") == []
    assert facts("The lifeboat crews spared an estimated 40 lives.") == []
    assert ("killed", 40, None) in facts("The storm claimed 40 lives along the coast.")


def test_suspects_accused_of_a_killing_are_no_death_count():
    assert facts("The three are accused of killing a shopkeeper in a dispute over rent.") == []
    assert ("killed", 3, None) in facts("The three were killed in a dispute over rent.")


def test_a_keyword_with_a_thing_as_object_counts_no_people(dated_doc):
    doc = dated_doc("On Thursday the county police executed two search warrants at the boatyard.", "2024-06-19")
    assert doc._.ng_facts == []
    doc = dated_doc("The regime executed 12 men at the prison on Thursday.", "2024-06-19")
    assert [(f.kind, f.value) for f in doc._.ng_facts] == [("killed", 12)]


def test_a_count_of_things_is_not_shown(dated_doc):
    doc = dated_doc("The storm killed 40 sheep on the hill farms.", "2024-06-19")
    assert all(f.confidence < 0.5 for f in doc._.ng_facts)


def test_digits_inside_a_name_or_code_are_no_count():
    got = facts("The H5N1 strain killed hundreds of geese; COVID-19 killed 12 people in the ward.")
    assert ("killed", 1, None) not in got and ("killed", 19, None) not in got
    assert ("killed", 12, None) in got
    assert ("killed", 5, None) in facts("A 12-year-old boy and 5 others were killed.")  # a hyphenated age stays


def test_a_rate_is_no_count():
    assert facts("The fever kills 6 of every 10 patients and 3 per 1,000 children died.") == []
