"""Weapons tests, a contract's terms, admissions and approvals still to come (stop 40, from the Reuters-21578 draws'
verdicts; invented sentences). A missile fired at a hulk or at a target in an exercise attacks no one (no ASSAULT,
its place no target) and a report of it accuses no one; a firm asking its lenders to defer repayment, and a
seller seeking delays for deliveries, change the terms of a contract (commerce, no REQUEST); conceding that a fact
holds is admitting it (no CONCEDE); "has yet been approved" is not approved yet; charging an amount (interest
expenses, a fee) is billing, no accusation, and a syndrome kills for no one. The controls keep an attack on ships,
on a state's targets and on a city, a firm charged with fraud, staff charged with manslaughter, gunmen who killed, a
report of an attack on tankers, a state's ask of its creditor banks, a state's ask of another (to suspend shipments
too), a concession to strikers' demands, ground conceded to a state, defeat conceded, and approvals made."""

from __future__ import annotations

import pytest
from conftest import annotated_body, events_with_trigger
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "The navy source said Syria had fired the new missile at a hulk off its northern naval port of Latakia.",
        "Syria fired missiles at a target in the sea during an exercise on Monday.",
        "Syria fired missiles at Turkish ships in the Gulf on Tuesday.",
        "Syria fired missiles at targets in Turkey on Wednesday.",
        "The ministry said Syria had fired missiles at Turkish tankers.",
        "Syrian forces fired rockets at the city of Antakya.",
        "Kestrel Lines Ltd last month asked its lenders to defer repayment on a 90 mln euro credit line.",
        "The Halvorsen Corp asked its creditor banks to reschedule loans worth 300 mln dlrs.",
        "Peru has sought a postponement of its copper deliveries to Korean smelters, traders said.",
        "Brazil asked its creditor banks to reschedule its debt of three billion dlrs.",
        "Chile asked Peru to postpone the elections.",
        "Chile asked Peru to suspend shipments of cluster bombs to Bolivia.",
        "Prime Minister Nkomo conceded losses were heavy but vowed to fight on.",
        "President Ana Ruiz conceded that the offensive had failed.",
        "Chile conceded ground to Peru in the border talks.",
        "The Chilean government conceded to the strikers' demands on Monday.",
        "Andres Molina conceded defeat shortly before midnight.",
        "The pact between Chile and Peru, signed two weeks ago, has yet been approved by the Chilean Congress.",
        "The treaty with Bolivia has now been approved by the Peruvian Congress.",
        "The Peruvian Congress approved the treaty with Ecuador yet again.",
        "Kestrel Inc said it has had to start charging interest expenses on the new hotel against income.",
        "Kestrel Inc charged a fee of five dlrs a share.",
        "Police charged Halvorsen Inc with fraud.",
        "Eight staff of the defunct Kestrel Park company are charged with manslaughter.",
        "Tyler's Syndrome, which kills about 20 pct of its victims, is rare.",
        "Tyler's gunmen, who killed about 20 of the villagers, fled.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize("sentence", ["at a hulk", "during an exercise"])
def test_a_weapons_test_is_no_attack(article, sentence):
    assert _pairs(article, "fired", sentence) == set()


def test_a_report_of_a_weapons_test_accuses_no_one(article):
    assert _pairs(article, "said", "at a hulk") == set()


@pytest.mark.parametrize(("sentence", "target"), [("Turkish ships", "Turkey"), ("targets in Turkey", "Turkey"),
                                                   ("city of Antakya", "Antakya"), ("Turkish tankers", "Turkey")])
def test_attacks_on_ships_a_state_and_a_city_stay(article, sentence, target):
    assert any(ty == "ASSAULT" and tgt == target for ty, _, tgt in _pairs(article, "fired", sentence))


def test_a_report_of_an_attack_on_tankers_still_accuses(article):
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "Turkish tankers"))


@pytest.mark.parametrize(("trigger", "sentence"), [("asked", "defer repayment"), ("asked", "reschedule loans"),
                                                   ("sought", "copper deliveries")])
def test_a_contracts_terms_are_no_request(article, trigger, sentence):
    assert not any(ty == "REQUEST" for ty, _, _ in _pairs(article, trigger, sentence))


@pytest.mark.parametrize("sentence", ["reschedule its debt", "postpone the elections", "shipments of cluster bombs"])
def test_a_states_ask_stays_a_request(article, sentence):
    assert any(ty == "REQUEST" for ty, _, _ in _pairs(article, "asked", sentence))


@pytest.mark.parametrize("sentence", ["losses were heavy", "the offensive had failed"])
def test_admitting_a_fact_is_no_concession(article, sentence):
    assert not any(ty == "CONCEDE" for ty, _, _ in _pairs(article, "conceded", sentence))


@pytest.mark.parametrize(("sentence", "target"), [("ground to Peru", "Peru"), ("strikers' demands", None),
                                                   ("conceded defeat", None)])
def test_yielding_to_a_party_stays_a_concession(article, sentence, target):
    pairs = _pairs(article, "conceded", sentence)
    assert any(ty == "CONCEDE" for ty, _, _ in pairs)
    assert target is None or any(tgt == target for _, _, tgt in pairs)


def test_has_yet_been_approved_is_not_asserted(article):
    evs = events_with_trigger(article, "approved", "has yet been approved")
    assert evs and all(e.status != "asserted" for e in evs)


@pytest.mark.parametrize("sentence", ["has now been approved", "yet again"])
def test_approvals_made_stay_asserted(article, sentence):
    evs = events_with_trigger(article, "approved", sentence)
    assert evs and {e.status for e in evs} == {"asserted"}


@pytest.mark.parametrize("sentence", ["interest expenses", "a fee of five dlrs"])
def test_charging_an_amount_is_no_accusation(article, sentence):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "charging" if "interest" in sentence else "charged", sentence))


def test_a_charge_of_fraud_stays_an_accusation(article):
    assert ("ACCUSE", "Police", "Halvorsen Inc") in _pairs(article, "charged", "with fraud")
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "charged", "with manslaughter"))


def test_a_syndrome_kills_for_no_one_and_gunmen_stay(article):
    assert _pairs(article, "kills", "Syndrome") == set()
    assert any(ty == "ASSAULT" for ty, _, _ in _pairs(article, "killed", "gunmen"))
