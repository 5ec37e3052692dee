"""The one asked to act is the request's target, whatever its name's head noun (stop 41, helper e25).

"X asked the General Agreement on ... to investigate": a body whose name the tagger reads as a law or a joint act
("Agreement") is still the addressee when an infinitive tells it to act (event_addressees.py); a call for changes
in how a party acts names that party. Controls: a document
or an agreement that is only what is asked about names no one. Sentences invented for the tests.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body

BODY = "\n\n".join(
    [
        "Chile has also asked the General Agreement on Tariffs and Trade to rule on the new Peruvian copper duties.",
        "Peru asked the International Monetary Fund to review its budget.",
        "Chile asked Peru to respect the Border Agreement.",
        "Chile urged Peru to lower its tariffs.",
        "The World Bank called for overhauls in how Chile manages its forests.",
        "The World Bank called for an end to the war.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp, published="2024-05-10")


def _targets(article, needle):
    s = article.body.index(needle)
    return {e.target_name for e in article.events if e.start <= s < e.end and e.type == "REQUEST"}


def test_a_body_named_as_an_agreement_asked_to_investigate_is_the_target(article):
    assert "the General Agreement on Tariffs and Trade" in _targets(article, "Chile has also asked")


@pytest.mark.parametrize(("needle", "target"), [("Peru asked", "International Monetary Fund"), ("Chile asked Peru", "Peru"),
                                                ("Chile urged", "Peru")])
def test_the_party_asked_stays(article, needle, target):
    targets = _targets(article, needle)
    assert target in targets
    assert not any("Border Agreement" in (t or "") for t in targets)


def test_a_call_for_changes_in_how_a_party_acts_names_that_party(article):
    assert "Chile" in _targets(article, "The World Bank called for overhauls")


def test_a_call_for_a_thing_names_no_one(article):
    assert _targets(article, "The World Bank called for an end") <= {None}
