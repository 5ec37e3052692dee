"""Event actors of stop 40 (helper e21): a firm's name cut at its conjunction is one firm (event_firm_names.py), the
charge is not the accused and a possessor's deed accuses the possessor (event_accused.py), a place reached through a
locative preposition under the object is where, not whom (plover.tsv [locative] "off"), a weapon fired at
something is what is fired, not its target, and the subject of an accusation's clause is the accused, even beside a
place or a thing the verb's prepositions name, when it is an actor (a party noun a state names: "the Chadian public
sector"; a thing, "the Chadian market", names no one). Sentences invented for the tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "The Hale Commission criticised his handling of the Peru arms scandal.",
        "Zentral Eisen und Stahlbau AG sued Hallam Greer and Whitcombe Inc for 40 mln dlrs on Tuesday.",
        "Ford Motor Co and General Motors Corp sued the Moldovan government.",
        "Minister Karl Brandt said Ford and General Motors Corp sued the Chadian government. Ford would appeal.",
        "Pomeroy Metals Corp said its Swiss unit, <Kupfer und Bergbau AG>, sued <Harlow Chemical Co> on Friday.",
        "A court had awarded 30 mln dlrs to Kupfer und Bergbau last year.",
        "Minister Karl Brandt accused Moldovan traders of ingratitude.",
        "The Hale Commission criticised Reagan's handling of the Peru arms scandal.",
        "Greece launched a rocket at a hulk off its naval base of Piraeus on Monday, a ministry official said.",
        "Chile fired rockets at Peruvian troops off the port of Arica.",
        "Moldovan officials have repeatedly charged that the Chadian public sector is closed to Moldovan computer sales.",
        "Moldovan envoys have charged that the Chadian market is closed to foreign firms.",
        "Moldova complained at the meeting that the Asian Development Bank had unilaterally stopped advancing loans.",
        "Moldovan ministers charged that prices were too high.",
        "Moldovan Ambassador Ion Rusu charged during the Council debate that Chad was trying to preserve domestic jobs.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="1987-05-10", kind="body"), load_pipeline(None, "selective"))


def _pairs(article, needle, type_):
    s = article.body.index(needle)
    return {(e.source_name, e.target_name) for e in article.events if e.start <= s < e.end and e.type == type_}


def test_a_firm_joined_by_und_and_and_is_one_firm(article):
    assert _pairs(article, "Zentral Eisen", "ACCUSE") == {("Zentral Eisen und Stahlbau AG", "Hallam Greer and Whitcombe Inc")}


def test_a_joined_firm_named_through_its_apposition_is_whole(article):
    assert {s for s, _ in _pairs(article, "Swiss unit", "ACCUSE")} == {"Kupfer und Bergbau AG"}


def test_two_firms_each_with_a_legal_form_stay_two(article):
    assert _pairs(article, "Ford Motor Co and", "ACCUSE") == {
        ("Ford Motor Co", "the Moldovan government"), ("General Motors Corp", "the Moldovan government")}


def test_a_partner_named_alone_elsewhere_is_a_firm_of_its_own(article):
    sources = {s for s, _ in _pairs(article, "Ford and General", "ACCUSE")}
    assert "General Motors Corp" in sources and not any(s and "Ford and" in s for s in sources)


def test_the_charge_is_not_the_accused(article):
    assert _pairs(article, "of ingratitude", "ACCUSE") == {("Karl Brandt", "Moldovan traders")}


def test_a_name_inside_a_possessed_deed_is_no_target(article):
    assert _pairs(article, "his handling", "ACCUSE") == {("Hale Commission", None)}


def test_a_named_possessor_of_the_deed_is_the_target(article):
    assert _pairs(article, "Reagan's handling", "ACCUSE") == {("Hale Commission", "Reagan")}


def test_a_port_off_which_a_hulk_lies_is_no_target(article):
    targets = {t for _, t in _pairs(article, "a hulk off", "ASSAULT")}
    assert not targets & {"Piraeus", "a rocket"}


def test_troops_fired_at_off_a_port_stay_the_target(article):
    targets = {t for _, t in _pairs(article, "Peruvian troops", "ASSAULT")}
    assert targets and "Arica" not in targets and "rockets" not in targets


def test_a_state_named_sector_charged_in_a_clause_is_the_target(article):
    assert _pairs(article, "Chadian public sector", "ACCUSE") == {("Moldovan officials", "the Chadian public sector")}


def test_a_market_charged_in_a_clause_is_no_target(article):
    assert {t for _, t in _pairs(article, "Chadian market", "ACCUSE")} <= {None}


def test_the_clause_subject_beside_a_meeting_is_the_target(article):
    assert _pairs(article, "complained at the meeting", "ACCUSE") == {("Moldova", "Asian Development Bank")}


def test_prices_charged_in_a_clause_are_no_target(article):
    assert {t for _, t in _pairs(article, "prices were too high", "ACCUSE")} <= {None}


def test_a_clause_the_parser_hung_on_the_debate_names_the_accused(article):
    assert _pairs(article, "Ion Rusu charged", "ACCUSE") == {("Ion Rusu", "Chad")}
