"""Market acts typed as political ones (stop 41, from the Reuters-21578 draws' verdicts; invented sentences): a buyer's
order to its contractor under a contract, a state seeking a grade of a commodity, offers rejected at a buyer's own
tender, firms seeking a line of credit from banks, goods supplied by traders, a seller's demand for bank guarantees,
a firm invited to install a trial, and shipments not received are procurement, trade or a sale's terms: no REQUEST,
REJECT or AID (event_procurement.py). The controls keep a state's request for aid or a loan, a request that names a
state as lender, a debtor state's ask of its banks, arms supplied to rebels, aid to victims, a refusal of an offer
with no tender, an offer of talks refused, loan guarantees asked of a government, orders to troops
and curbs sought on a commodity's imports (a policy, not goods)."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "The Navy ordered Kestrel Systems Inc to start building sonar units under a contract signed in May.",
        "Marlow Corp has sought a line of credit from a syndicate of European banks.",
        "Freedonia is seeking no. 2 hard winter wheat for June shipment.",
        "Freedonia is also seeking no. 1 durum wheat, with 13 pct protein minimum.",
        "Freedonia rejected all offers made at its tender for soybean oil.",
        "Two importers that held buying tenders on Monday rejected the offers they received.",
        "The Ruritanians had demanded that Freedonia get credit guarantees from leading banks for its crude purchases.",
        "Freedonian tankers supplied Ruritania with about 20 pct of its crude oil imports last year.",
        "Producer countries supplied 90 pct of Ruritanian requirements of fishmeal.",
        "The Freedonian post office invited the firm to install a trial network of its card phones.",
        "The Freedonian sugar board told dealers that they would not receive their April shipments.",
        "The Red Cross supplied the flood victims with food and blankets.",
        "Ruritania asked Freedonia for emergency food aid after the floods.",
        "Ruritania asked its creditor governments for debt relief.",
        "The United States rejected a Kestrel Corp offer of 80 dlrs per tonne to supply wheat to Ruritania.",
        "Malaysia has asked Japan for a 300 mln dlr loan to finance a pipeline.",
        "The Farm Credit System asked that the Treasury Department provide a line of credit.",
        "The Philippines is asking the banks to reschedule its foreign debt.",
        "The United States supplied the rebels with weapons.",
        "Israel asked the United States for 10 billion dlrs in loan guarantees.",
        "Pakistan rejected the Indian offer of talks.",
        "Israel ordered 500 troops to the Ruritanian border on Monday.",
        "The Community is seeking curbs on wheat imports from Ruritania.",
        "Marlow Corp requested licences from the Commission to export 20,000 tonnes of maize.",
        "Kestrel Corp rejected the tender offer by Marlow Inc for its shares.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [
    ("ordered", "sonar units"), ("sought", "syndicate of European banks"), ("seeking", "hard winter wheat"), ("seeking", "13 pct protein"),
    ("rejected", "soybean oil"), ("rejected", "buying tenders"), ("demanded", "credit guarantees"),
    ("supplied", "crude oil imports"), ("supplied", "requirements of fishmeal"), ("invited", "trial network"),
    ("receive", "April shipments")])
def test_market_acts_are_no_event(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize(("trigger", "sentence", "kind"), [
    ("supplied", "flood victims", "AID"), ("asked", "emergency food aid", "REQUEST"),
    ("asked", "debt relief", "REQUEST"), ("rejected", "80 dlrs per tonne", "REJECT"),
    ("asked", "300 mln dlr loan", "REQUEST"), ("asked", "Treasury Department", "REQUEST"),
    ("asking", "reschedule its foreign debt", "REQUEST"), ("supplied", "with weapons", "AID"),
    ("asked", "loan guarantees", "REQUEST"), ("rejected", "offer of talks", "REJECT"),
    ("ordered", "500 troops", "REQUEST"), ("seeking", "curbs on wheat imports", "REQUEST"),
    ("requested", "licences", "REQUEST"), ("rejected", "tender offer", "REJECT")])
def test_political_acts_stay(article, trigger, sentence, kind):
    assert any(ty == kind for ty, _, _ in _pairs(article, trigger, sentence))
