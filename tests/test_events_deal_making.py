"""Firms' deal-making, tariffs, falling prices and natural forces (stop 39, from the Reuters-21578 draws' verdicts;
invented sentences). A request, a search or an offer whose content is a deal (a bid, buyers, a credit facility,
shares bought) between no state's parties is the market's deal-making, and goods ordered from a supplier are
procurement: no REQUEST, no AGREE (event_commerce.py). Tariffs imposed are a SANCTION also when the verb describes
them ("the tariffs it imposed"). A verb of refusal or withdrawal with a quantity as its complement names a fall
("declined 4p to 945"), no REJECT or RETREAT, and a demand a market force moves ("lifted demand for the dollar")
is no request. A quake that "struck" a country is no author of the deaths the parse
hung on the country. The controls keep a state's requests and offers about trade, orders to troops and inquiries,
an appeal to a firm's shareholders, refusals of offers and of acts, and an attack by people."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "Halvorsen Lines AG said it ordered a new container vessel from a Kestrel yard for its Atlantic service.",
        "Northgate Airlines has ordered up to 20 Kestrel jets.",
        "Marlow Group Inc has asked the board of Kestrel Co for permission to make a 40.50 dlr per share bid.",
        "The board of Dunmore Corp asked its financial advisor, Pellam Brothers, to seek other purchasers.",
        "Dunmore Bank Ltd is seeking a 150 mln dlr multiple option facility.",
        "Marlow Inc offered 48.50 dlrs per share in cash for 89 pct of Kestrel Corp.",
        "Israel ordered 500 troops to the Ruritanian border on Monday.",
        "The United States urged Japan to buy more American semiconductors.",
        "Malaysia has asked Japan for a 300 mln dlr loan to finance a pipeline.",
        "The European Community offered Argentina compensation for lost grain sales.",
        "The board of Pellam Corp asked its shareholders to reject the hostile bid by Marlow Inc.",
        "Pellam Corp asked federal regulators for authority to trade a futures contract in bonds.",
        "Director Ana Ruiz of Kestrel Ltd asked for twice her annual salary as a termination payment.",
        "Mayor Ana Ruiz sought the waiver to take advantage of bid pricing obtained by another town.",
        "Ana Ruiz of Dunmore is seeking approval from the council in a bid to save the old mill.",
        "Reagan lifted the 100 pct tariffs he imposed on Ruritania last month.",
        "The curfew imposed by Israel on Gaza was lifted.",
        "Royal Dunmore declined 4p to 945.",
        "Marlow eased a penny to 503 on profit-taking.",
        "Kestrel Corp declined the offer from Marlow Inc.",
        "Israel declined to join the talks.",
        "A very strong earthquake which struck southwest Japan killed one person.",
        "Rebels who attacked the Japanese embassy killed two guards.",
        "Inflows from Japan spurred demand for the Canadian dollar on Monday.",
        "Hezbollah rejected Israel's demand for the release of its soldiers.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [
    ("ordered", "container vessel"), ("ordered", "20 Kestrel jets"), ("asked", "per share bid"),
    ("asked", "seek other purchasers"), ("seeking", "option facility"), ("offered", "48.50 dlrs")])
def test_deal_making_is_no_event(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize(("trigger", "sentence", "kind"), [
    ("ordered", "500 troops", "REQUEST"), ("urged", "American semiconductors", "REQUEST"),
    ("asked", "300 mln dlr loan", "REQUEST"), ("offered", "compensation", "AGREE"),
    ("asked", "reject the hostile bid", "REQUEST"), ("asked", "federal regulators", "REQUEST"),
    ("asked", "termination payment", "REQUEST"), ("sought", "bid pricing", "REQUEST"), ("seeking", "old mill", "REQUEST")])
def test_a_states_or_a_publics_asks_and_offers_stay(article, trigger, sentence, kind):
    assert any(ty == kind for ty, _, _ in _pairs(article, trigger, sentence))


def test_tariffs_described_by_their_imposing_are_a_sanction(article):
    types = {ty for ty, _, _ in _pairs(article, "imposed", "100 pct tariffs")}
    assert types == {"SANCTION"}
    assert {ty for ty, _, _ in _pairs(article, "imposed", "curfew")} == {"COERCE"}


@pytest.mark.parametrize(("trigger", "sentence"), [("declined", "4p to 945"), ("eased", "a penny")])
def test_a_price_falling_is_no_refusal(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize("sentence", ["the offer from", "join the talks"])
def test_refusals_stay(article, sentence):
    assert any(ty == "REJECT" for ty, _, _ in _pairs(article, "declined", sentence))


def test_a_quake_kills_for_no_one(article):
    assert _pairs(article, "killed", "earthquake") == set()
    assert any(ty == "ASSAULT" for ty, _, _ in _pairs(article, "attacked", "Japanese embassy"))


def test_demand_a_market_force_moves_is_no_request(article):
    assert _pairs(article, "demand", "Canadian dollar") == set()
    assert any(ty == "REQUEST" for ty, _, _ in _pairs(article, "demand", "release of its soldiers"))
