"""Events, stop 33 (helper e9): what a permission or a request asks for is no act done ("legislation that would
allow families to sue X"); the goods a levy would fall on, and where they come from, are no addressee of a call
for it ("called for tariffs on goods from X"); "it" stands for no name that only modifies the noun after it ("U.S.
senator": it is then left unresolved). Invented article."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "The governor vetoed a bill that would allow flood victims to sue Nordland Power.",
        "Senator Ola Berg has called for steep tariffs on steel from Norway and Sweden.",
        "Kenya called on Somalia to release the fishermen.",
        "The minister called for more funding from the European Union.",
        "The Harbor Gazette is owned by a Danish trust.",
        "Last year the Gazette endorsed Mayor Eva Lind, a former teacher and U.S. diplomat.",
        "Meanwhile, it attacked Senator Ola Berg, saying he had misled voters.",
        "Police arrested two men who sued Nordland Power.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp, published="2021-06-09")


def test_a_suit_a_bill_would_allow_did_not_happen(article):
    sue = [e for e in _events(article, "sue") if e.source_name and "victims" in e.source_name]
    assert sue and all(e.status != "asserted" for e in sue)


def test_a_suit_that_happened_stays(article):
    assert [e for e in _events(article, "sued") if e.status == "asserted"]


def test_the_goods_origin_is_no_addressee_of_a_call_for_tariffs(article):
    called = [e for e in _events(article, "called") if e.source_name and "Berg" in e.source_name]
    assert called and not [e for e in called if e.target_name in ("Norway", "Sweden")]


def test_the_one_called_on_stays_the_target(article):
    assert [e for e in _events(article, "called") if e.target_name == "Somalia"]


def test_whom_funding_is_asked_from_stays_the_target(article):
    assert [e for e in _events(article, "called") if e.target_name and "European Union" in e.target_name]


def test_it_is_no_modifier_of_a_role_noun(article):
    attacked = [e for e in _events(article, "attacked") if e.target_name and "Berg" in e.target_name]
    assert attacked and not [e for e in attacked if e.source_name == "United States"]
