"""Only things that are organisations (stop 31, t6): a side of a court case's name, the presidency won as a prize,
a bare chamber word beside a building's name, and an op-ed author's note with an apposition are no organisation
items of the story. Invented articles only."""

from __future__ import annotations

from collections import Counter

from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.name_gates import gate_case_names
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.org_places import placed
from newsgraph.annotate.org_short_forms import tail_of
from newsgraph.annotate.page_furniture import closing_credit


def test_a_side_of_a_court_cases_name_is_dropped_there():
    text = "The ruling in Harlow v. Board of Regents ended it. Arsenal v Chelsea was played on Sunday."
    ms = [NameMention(text.index(n), text.index(n) + len(n), n, "organisation", Counter())
          for n in ("Harlow", "Board of Regents", "Arsenal", "Chelsea")]
    gate_case_names(ms, text)
    assert [m.text for m in ms if m.ev["drop"]] == ["Harlow", "Board of Regents"]  # a fixture's "v" is no case


def test_a_bare_building_word_is_no_short_form_of_a_buildings_name():
    assert not tail_of(["House"], ["Eastvale", "House"])
    assert tail_of(["Red", "Sox"], ["Boston", "Red", "Sox"])


def test_an_organisations_name_without_its_complement_is_its_short_form():
    assert tail_of(["Harlan", "Institute"], "Harlan Institute for Coastal Studies".split())
    assert not tail_of(["Institute"], "Harlan Institute for Coastal Studies".split())  # one word: too vague


def test_the_presidency_won_as_a_prize_is_placed_not_acting():
    names = shipped_names()
    text = "If the Liberals win the White House in November, and if they take back the White House, the Tarn vote counts."
    first = text.index("White House")
    second = text.index("White House", first + 1)
    assert placed(names, text, first) and placed(names, text, second)
    said = "The White House said on Monday that it would wait."
    assert not placed(names, said, said.index("White House"))


def test_an_authors_note_with_an_apposition_is_a_credit():
    assert closing_credit("Dana Rowe, a former adviser to Gov. Alan B. Finch, Jr., is Senior Fellow at the "
                          "Eastvale Institute.", True)
    assert closing_credit("Dana Rowe is a columnist for the Gazette.", True)
    assert not closing_credit("Dana Rowe, who was hired last year, is a former student of the school.", True)
    assert not closing_credit("Dana Rowe, a former adviser, is Senior Fellow at the Eastvale Institute.", False)
