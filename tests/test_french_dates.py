"""French dates on the error classes of the French hand audit (benchmarks/audit/FRENCH.md, stop 21): a number after
a month read as its day ("en juin 12 pesticides"), a relative word written after the month ("janvier prochain"),
a bare weekday under a verb in the future tense ("se retrouveront mardi"). Sentences invented; each assertion
fails without the mechanism it names."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.annotate.languages import plan_for

pytestmark = pytest.mark.skipif(plan_for("fr").package is None, reason="no French pipeline installed")

ANCHOR = dt.date(2024, 11, 22)  # a Friday
TEXT = ("La commission a interdit en juin 14 produits phytosanitaires. Le 12 juin, le préfet a parlé. "
        "La nouvelle loi entrera en vigueur à partir de mars prochain. En septembre dernier, la récolte a chuté. "
        "Les ministres se réuniront mardi à Bruxelles. Les ministres se sont réunis mardi à Bruxelles.")


@pytest.fixture(scope="module")
def dates() -> list:
    from newsgraph.annotate.date_context import future_clause, past_clause
    from newsgraph.annotate.dates import find_dates
    from newsgraph.annotate.nlp import language_pipeline

    doc = language_pipeline("fr")(TEXT)
    return find_dates(doc.text, ANCHOR, "dates.fr.tsv", past=lambda s, e: past_clause(doc, s, e),
                      future=lambda s, e: future_clause(doc, s, e))


def _values(dates, text: str) -> list:
    return [d.value for d in dates if d.text == text]


def test_french_writes_the_day_before_the_month(dates):
    assert _values(dates, "juin") == ["2024-06"], [(d.text, d.value) for d in dates]
    assert not any(d.text.startswith("juin 1") for d in dates)
    assert _values(dates, "12 juin") == ["2024-06-12"]


def test_a_relative_word_after_the_month(dates):
    assert _values(dates, "mars prochain") == ["2025-03"], [(d.text, d.value) for d in dates]
    assert _values(dates, "septembre dernier") == ["2024-09"]


def test_a_weekday_under_a_future_verb_is_the_next_one(dates):
    assert _values(dates, "mardi") == ["2024-11-26", "2024-11-19"], [(d.text, d.value) for d in dates]
