"""Events that happened, between the right actors (stop 29): conditions and plans, plays of a game, hijackings,
grievances about things, a body named with a faith adjective, programmes of acts as sources, objects the parser
gave to the reporting verb, and the addressee of a "for ... to" request. Invented articles."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.annotate.factuality import factuality
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "The ruling Druze nationalist party on Friday called on its refugee voters to end a boycott of the vote.",
        "Sylvanian police have detained veteran dissident Marko Velt, the pressure group Rights Watch said on Saturday.",
        'Velt said the arrest was part of the national "Clean Sweep" campaign that has imprisoned thousands.',
        "Five Freedonians who seized a Sylvanian airliner with 120 people aboard were charged on Friday.",
        "But the company complained inflation and the high rate of the crown cut profit margins on exports.",
        "Dupont was dismissed two minutes from time for a second bookable offence, fouling substitute Rico Palma.",
        "Police arrested 20 Sylvanian fans after the match in Eastmark on Sunday.",
        "The Liberty Party had called on Wednesday for its followers abroad to boycott the ballot.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _events(article, trigger):
    return [e for e in article.events if e.trigger == trigger]


def test_a_faith_adjective_inside_a_body_is_not_its_source(article):
    called = [e for e in _events(article, "called") if e.target_name == "its refugee voters"]
    assert called and all(e.source_name and "party" in e.source_name for e in called)


def test_the_object_the_parser_gave_to_the_reporting_verb(article):
    detained = _events(article, "detained")
    assert [e.target_name for e in detained] == ["Marko Velt"]


def test_a_campaign_imprisons_no_one(article):
    assert not any("campaign" in (e.source_name or "") for e in article.events)


def test_a_seized_airliner_is_a_hijacking(article):
    seized = _events(article, "seized")
    assert seized and all(e.type == "ASSAULT" and e.mode == "abduct" for e in seized)
    assert not any(e.target_name == "Sylvania" for e in seized)  # the airliner's nationality is no actor


def test_a_complaint_about_prices_accuses_no_one(article):
    assert not _events(article, "complained")


def test_a_sending_off_is_no_event(article):
    assert not _events(article, "dismissed")


def test_acts_around_a_game_stay_acts(article):
    arrested = _events(article, "arrested")
    assert [(e.type, e.source_name) for e in arrested] == [("COERCE", "Police")]


def test_the_addressee_of_a_call_for_someone_to_act(article):
    called = [e for e in _events(article, "called") if e.source_name and "Liberty" in e.source_name]
    assert called and called[0].target_name == "its followers"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None, "full")


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("Warplanes were available on Saturday in case President Rufus Tarn ordered the use of force, officials said.", "ordered", "conditional"),
        ("Freedonian plans rely heavily on air attacks on Sylvanian forces.", "attacks", "intended"),
        ("The generals drew up attack plans.", "attack", "intended"),
        ("Sylvania said it is prepared to grant autonomy to the region.", "grant", "intended"),
        ("The rebels said they are ready to meet the envoy.", "meet", "intended"),
        ("Freedonian air attacks on Sylvanian forces killed 20 soldiers on Friday.", "attacks", "asserted"),
        ("In the capital, President Rufus Tarn ordered the use of force.", "ordered", "asserted"),
    ],
)
def test_conditions_and_plans(nlp, text, word, status):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert factuality(tok).status == status


SENSES = "\n\n".join(
    [
        "Dupont declined to give a forecast for the full year.",
        "Sylvania ordered many restaurants to close indefinitely to save food.",
        "The Freedonian Conference of Mayors urged the Sylvanian parliament to leave the program intact.",
        "In Eastmark, the Freedonia Falcons rallied for a 5-4 victory over the Sylvania Stags.",
    ]
)


@pytest.fixture(scope="module")
def senses(selective_nlp):
    return annotate(Extracted(input="t", body=SENSES, published="2021-06-09", kind="body"), selective_nlp)


def test_declining_to_give_information_rejects_nothing(senses):
    assert not _events(senses, "declined")


def test_an_order_to_close_is_a_coercion(senses):
    assert [(e.type, e.mode) for e in _events(senses, "ordered")] == [("COERCE", "restrict")]


def test_an_urged_departure_stays_a_request(senses):
    assert all(e.type == "REQUEST" for e in _events(senses, "urged"))


def test_a_result_with_a_score_is_no_event(senses):
    assert not _events(senses, "rallied")
