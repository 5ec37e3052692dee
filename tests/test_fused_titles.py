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
    text = f"On Monday {name} said the report was ready."
    s = text.index(name)
    assert text[fused_word_start(text, s, s + len(name), shipped_names()) : s + len(name)] == kept


def test_the_record_names_the_person_without_the_fused_word():
    from newsgraph.annotate import annotate
    from newsgraph.records import Extracted

    body = ("The man found in the river drowned, Lakeview County Coroner Dennis Miller said on Tuesday. Miller said "
            "an autopsy showed no injuries, and the family has been told.")
    people = annotate(Extracted(input="t", body=body)).topics["people"]
    assert "Dennis Miller" in people and "Coroner Dennis Miller" not in people
