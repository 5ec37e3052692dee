"""A capitalised word fused before a person's name by the model ("Coroner Dennis Miller"): a word that is no given
name before one that is, in a span of three words or more, is cut off (person_roles.fused_word_start); initials and
given names keep the span whole. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.person_roles import fused_word_start


@pytest.mark.parametrize(("name", "kept"), [
    ("Coroner Dennis Miller", "Dennis Miller"),
    ("Restaurateur Bill Hanley", "Bill Hanley"),
    ("Superintendent David Okafor", "David Okafor"),
    ("L. Dale Harley", "L. Dale Harley"),  # an initial
    ("Anna Marie Okafor", "Anna Marie Okafor"),  # a given name first
    ("Coroner Miller", "Coroner Miller"),  # two words: nothing tells the title from a first name
    ("Okafor Building Supply", "Okafor Building Supply"),  # no given name second
])
def test_a_word_before_a_given_name_is_cut(name, kept):
    text = f"On Monday {name} said the report was ready, as every {name.split()[0].lower()} must."
    s = text.index(name)
    assert text[fused_word_start(text, s, s + len(name), shipped_names()) : s + len(name)] == kept


def test_a_word_the_text_never_writes_in_lower_case_stays():
    text = "Tamsin Anna Okafor said the report was ready."
    assert fused_word_start(text, 0, len("Tamsin Anna Okafor"), shipped_names()) == 0


@pytest.mark.parametrize(("name", "kept"), [
    ("Marlow County Sheriff Dana Okafor", "Dana Okafor"),
    ("Marlow County Clerk Dean Okafor", "Dean Okafor"),
    ("Martin Luther King Jr.", "Martin Luther King Jr."),  # one word after the title
    ("Billie Jean King", "Billie Jean King"),  # the title word ends the name
])
def test_a_place_and_a_title_fused_before_a_name_are_cut(name, kept):
    from newsgraph.annotate.person_roles import inner_title_start

    text = f"{name} said the report was ready."
    assert text[inner_title_start(text, 0, len(name), shipped_names().titles) : len(name)] == kept


def test_the_record_names_the_person_without_the_fused_word():
    from newsgraph.annotate import annotate
    from newsgraph.records import Extracted

    body = ("The man found in the river drowned, Lakeview County Coroner Dennis Miller said on Tuesday. Miller said "
            "an autopsy showed no injuries, and the family has been told.")
    people = annotate(Extracted(input="t", body=body)).topics["people"]
    assert "Dennis Miller" in people and "Coroner Dennis Miller" not in people


def test_a_title_before_a_surname_the_text_gives_in_full_is_cut():
    from newsgraph.annotate import annotate
    from newsgraph.annotate.person_roles import named_in_full
    from newsgraph.records import Extracted

    titles = shipped_names().titles
    assert named_in_full("Representative Jay Okafor said so.", "Okafor", titles)
    assert not named_in_full("Representative Okafor said so.", "Okafor", titles)
    body = ("We worked with Mayor Jackstadt, the village trustees and Representative Okafor was able to bring that "
            "money to the area, he said. Representative Jay Okafor said the state would pay.")
    people = annotate(Extracted(input="t", body=body)).topics["people"]
    assert "Jay Okafor" in people and "Representative Okafor" not in people
    people = annotate(Extracted(input="t", body="King Edward ruled for ten years. Edward died in 1910.")).topics["people"]
    assert "King Edward" in people


def test_a_name_forming_title_stays_and_a_titles_jurisdiction_is_no_person():
    from newsgraph.annotate import annotate
    from newsgraph.annotate.person_roles import name_forming
    from newsgraph.records import Extracted

    assert name_forming("Prince") and name_forming("Crown Prince") and not name_forming("Representative")
    body = ("Carl Okafor first went to East Marovia in 1884. Okafor was later named governor of East Marovia, earning "
            "a nickname there. The colony was divided in Berlin.")
    assert "East Marovia" not in annotate(Extracted(input="t", body=body)).topics["people"]
