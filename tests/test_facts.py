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
