"""Market acts and employment are no political events (stop 37, from the Reuters-21578 draw's verdicts; invented
sentences): a verb whose patient is a security, a payment or a market party (data [market]) is commerce, and a
person suspended or dismissed is employment or discipline. The same verbs with an actor, aid, talks or claims as
patient keep their type."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "Ruritania suspended interest payments to private foreign banks last week.",
        "Kestrel Motors suspended several staff members after the fraud.",
        "Kestrel Motors dismissed the head of its currency department on Friday.",
        "The company's largest shareholder granted Dunmore Corp an option to buy one mln shares.",
        "Halvor Mining hired an adviser to seek a buyer for its milling unit.",
        "The United States suspended aid to Nicaragua on Monday.",
        "Israel suspended talks with Syria on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [
    ("suspended", "interest payments"),
    ("suspended", "staff members"),
    ("dismissed", "currency department"),
    ("granted", "an option to buy"),
    ("seek", "a buyer"),
])
def test_a_market_act_or_a_post_is_no_event(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize(("sentence", "target"), [("aid to Nicaragua", "Nicaragua"), ("talks with Syria", "Syria")])
def test_suspending_aid_or_talks_stays_a_sanction(article, sentence, target):
    assert any(ty == "SANCTION" and t == target for ty, _, t in _pairs(article, "suspended", sentence))
