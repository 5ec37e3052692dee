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


WIRE = "\n\n".join(
    [
        "A Kestrel official declined comment on the report.",
        "Ruritanian stocks of gasoline are declining, the institute said.",
        "The president declined the invitation of the Bordurian government.",
        "His lawyer offered to let the witness appear at a closed session, but Senator Ana Ruiz declined.",
        "The United States imposed tariffs on Japanese electronics on Friday.",
    ]
)


@pytest.fixture(scope="module")
def wire(selective_nlp):
    return annotated_body(WIRE, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [("declined", "declined comment"), ("declining", "stocks of gasoline")])
def test_declining_to_say_or_a_fall_is_no_rejection(wire, trigger, sentence):
    """(stop 37) "declined comment" withholds information; "stocks are declining" is a fall."""
    assert _pairs(wire, trigger, sentence) == set()


def test_an_invitation_declined_stays_a_rejection(wire):
    assert {ty for ty, _, _ in _pairs(wire, "declined", "the invitation")} == {"REJECT"}
    assert {ty for ty, _, _ in _pairs(wire, "declined", "Ana Ruiz declined")} == {"REJECT"}  # an actor, nothing named


def test_tariffs_imposed_are_a_sanction(wire):
    """(stop 37) the conventions' "tariffs are SANCTION" (CAMEO 163), not a coercion."""
    assert {ty for ty, _, _ in _pairs(wire, "imposed", "tariffs")} == {"SANCTION"}
