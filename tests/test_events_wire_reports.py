"""Wire-copy acts that are no event between the actors they name (stop 38, from the Reuters-21578 draws' verdicts;
invented sentences): a preposition of a price or a date meets no trigger's need of an aimed-at actor ("launched a
takeover bid ... at 3.10 dlrs a share"), a document that reports an attack accuses no one, a proposal criticised is
a thing (the state in its adjective is no one accused), so is what is blamed "on" someone, and a licence's renewal granted is a permission, no aid; a rate "struck" is a market fixing, and a raid by a state's
forces (or a state named as the raider) is an attack, where a police raid stays coercion. The
same verbs with an actor aimed at, a speaker, a deed's author or aid keep their events."""

from __future__ import annotations

import pytest
from conftest import annotated_body, events_with_trigger
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "Halvorsen Holdings launched a full takeover bid for Marlow Foods at 3.10 dlrs a share.",
        "The Bordurian army launched an offensive on the town of Kuno on Tuesday.",
        "The Liberty Party had called on Wednesday for its followers abroad to boycott the ballot.",
        "A military communique said Iraqi troops attacked the Iranian garrison at Fao.",
        "Iran said Iraqi troops attacked its garrison at Fao on Sunday.",
        "Iraqi officials criticized the Iranian proposal on grain imports.",
        "Senator Ana Ruiz criticized Iraqi air strikes on the capital.",
        "The minister criticized Iran's proposal on wheat imports.",
        "The European Commission blamed Spain's new budget crisis on the reluctance of its regions.",
        "The European Commission blamed the union's budget shortfall on France.",
        "The Ruritanian broadcasting regulator granted the licence renewal of three Kestrel stations.",
        "The United Nations granted emergency aid to Ruritania on Friday.",
        "The Canadian dollar settlement rate was struck at 1.3340 from 1.3310 in Toronto.",
        "Israeli troops raided a refugee camp near Jenin overnight.",
        "Turkey has raided PKK bases in northern Iraq in the past.",
        "Chicago police raided the offices of the Harbor Times on Monday.",
        "The Ruritanian trade weighted index eased to 102.4 points from 103.1.",
        "Israel eased the blockade of Gaza on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_a_price_names_no_one_a_bid_is_aimed_at(article):
    assert _pairs(article, "launched", "takeover bid") == set()


def test_an_offensive_on_a_town_is_still_launched(article):
    assert any(ty == "ASSAULT" for ty, _, _ in _pairs(article, "launched", "offensive"))


def test_a_date_after_call_does_not_hide_its_for_clause(article):
    assert any(ty == "REQUEST" for ty, _, _ in _pairs(article, "called", "its followers"))


def test_a_document_reporting_an_attack_accuses_no_one(article):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "military communique"))


def test_a_state_reporting_an_attack_still_accuses(article):
    assert ("ACCUSE", "Iran", "Iraqi troops") in _pairs(article, "said", "its garrison")


def test_a_proposal_criticised_names_no_one_accused(article):
    accused = {t for ty, _, t in _pairs(article, "criticized", "proposal on grain") if ty == "ACCUSE"}
    assert "Iran" not in accused


@pytest.mark.parametrize(("sentence", "target"), [("air strikes", "Iraq"), ("proposal on wheat", "Iran")])
def test_a_deed_or_an_owned_plan_keeps_its_author(article, sentence, target):
    assert any(ty == "ACCUSE" and t == target for ty, _, t in _pairs(article, "criticized", sentence))


def test_a_licence_renewal_granted_is_no_aid(article):
    assert events_with_trigger(article, "granted", "licence renewal") == []


def test_aid_granted_stays_aid(article):
    assert any(ty == "AID" and t == "Ruritania" for ty, _, t in _pairs(article, "granted", "emergency aid"))


def test_the_thing_blamed_names_no_one_accused(article):
    assert "Spain" not in {t for _, _, t in _pairs(article, "blamed", "budget crisis")}
    assert ("ACCUSE", "European Commission", "France") in _pairs(article, "blamed", "budget shortfall")


def test_a_rate_struck_is_no_attack(article):
    assert events_with_trigger(article, "struck", "settlement rate") == []


@pytest.mark.parametrize("sentence", ["refugee camp", "PKK bases"])
def test_a_raid_by_a_states_forces_or_a_state_is_an_assault(article, sentence):
    kinds = {ty for ty, _, _ in _pairs(article, "raided", sentence)}
    assert kinds == {"ASSAULT"}


def test_a_police_raid_stays_coercion(article):
    assert {ty for ty, _, _ in _pairs(article, "raided", "Harbor Times")} == {"COERCE"}


def test_an_index_easing_is_no_retreat_a_blockade_eased_is(article):
    assert events_with_trigger(article, "eased", "weighted index") == []
    assert any(ty == "RETREAT" for ty, _, _ in _pairs(article, "eased", "blockade"))
