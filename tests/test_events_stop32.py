"""Events, stop 32 (helper e7): the head of an actor's phrase acts, not its possessor or nationality; a result counted
in units is no assault; declining to speculate is no rejection; a speaker's account of his own country's forces is no
accusation; "generally" makes a stance habitual; "called for X to V" asks X; "seized on" a claim is an idiom.
Invented articles."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Police believe Marta Velt's uncle and a friend kidnapped the boy and drove him to the coast.",
        "A convicted Dutch smuggler was arrested on Sunday, three days after escaping from a prison van, police said.",
        "At Eastmark: Northgate beat Westford by 96 runs.",
        "The ministry refused to speculate on what might happen to the talks.",
        "Peru's defence minister Jan Kors said on Monday Peruvian troops were fighting in the north to aid the governor against rival forces.",
        "Chile's defence minister said on Tuesday Peruvian troops attacked a border post near Arica.",
        "Kors generally supported the unions during his time in office.",
        "Senator Maria Lopez called for female contestants to wear longer dresses that covered more.",
        "The newspaper seized on the mayor's claim that crime had fallen.",
        "Buyoya on Saturday dismissed its threat of an arms embargo against Burundi.",
        "North Korea demanded on Saturday that South Korea return a fisherman who has been in the South since 1990.",
        "Civilians have been barred by Israel from entering the zone since rocket attacks by Hamas militants killed 12 people in the border towns.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _events(article, trigger):
    return [e for e in article.events if e.trigger == trigger]


def test_the_kin_noun_acts_not_its_possessor(article):
    kidnapped = _events(article, "kidnapped")
    assert kidnapped and all(e.source_name != "Marta Velt" for e in kidnapped)


def test_a_nationality_adjective_of_one_person_is_not_the_state(article):
    arrested = _events(article, "arrested")
    assert arrested and all(e.target_name != "Netherlands" and "smuggler" in (e.target_name or "") for e in arrested)


def test_a_result_by_a_counted_margin_is_no_assault(article):
    assert not _events(article, "beat")


def test_refusing_to_speculate_is_no_rejection(article):
    assert not _events(article, "refused")


def test_a_speaker_on_his_own_countrys_troops_accuses_no_one(article):
    said = [e for e in article.events if e.type == "ACCUSE" and e.target_name == "Peruvian troops"]
    assert [e.source_name for e in said if "Kors" in (e.source_name or "")] == []
    assert any(e.source_name in ("Chile", "Chile's defence minister") for e in said)  # the other side still accuses


def test_generally_makes_a_stance_habitual(article):
    supported = _events(article, "supported")
    assert supported and all(e.status == "habitual" for e in supported)


def test_called_for_x_to_act_asks_x(article):
    called = [e for e in _events(article, "called") if e.type == "REQUEST"]
    assert called and all(e.target_name and "contestants" in e.target_name for e in called)


def test_seized_on_a_claim_is_no_seizure(article):
    assert not _events(article, "seized")


def test_a_threatened_act_is_no_act_done(article):
    assert all(e.status != "asserted" for e in _events(article, "embargo"))


def test_demanded_that_x_return_asks_x(article):
    demanded = _events(article, "demanded")
    assert demanded and all(e.target_name == "South Korea" for e in demanded)


def test_a_passives_agent_is_not_the_author_of_a_misparsed_conjunct(article):
    killed = _events(article, "killed")
    assert killed and all(e.source_name != "Israel" for e in killed)


def test_a_fight_to_aid_someone_against_others_is_against_them(article):
    fighting = _events(article, "fighting")
    assert fighting and all(e.target_name and "forces" in e.target_name for e in fighting)
