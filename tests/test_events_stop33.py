"""Events, stop 33 (helper e8): a passive shares the agent of its coordinated participle; a defeat stated in a
contest's frame, or of no one, is no assault; a work shot is filming; a person examined is a patient; a market's
demand is no request; a visit planned is no promise to its host. Invented article."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Marek Olsen, 31, was shot and killed by a police officer on Tuesday in Arnhem.",
        "Lena Ruud won the title in May by beating Swedish champion Karin Holm in a split decision in Oslo.",
        "Union members helped the mayor beat back a challenge from Senator Piet Dam in the primary.",
        "Police beat Tomas Berg and his brother, Jan Berg, outside the court, the group said.",
        "Most of the documentary was shot in Lagos with director Ade Bello using local actors.",
        "Dr Hanna Vik, who examined Olsen, told reporters he had lost a lot of blood.",
        "Shipping firms have moved to Rotterdam because of India's growing demand for steel and coal.",
        "Kenya renewed its demand for the release of the fishermen held by Somalia.",
        "The ministry said Foreign Minister Erik Lund would visit Nairobi for talks with President Daniel Moi next month.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp, published="2021-06-09")


def test_the_agent_of_a_coordinated_passive_acts_in_both(article):
    shot = _events(article, "shot")
    assert shot and all(e.source_name and "officer" in e.source_name for e in shot if e.target_name and "Olsen" in e.target_name)


def test_a_win_in_a_decision_is_no_assault(article):
    assert not _events(article, "beating")


def test_beating_back_a_challenge_is_no_assault(article):
    assert not [e for e in _events(article, "beat") if e.target_name and "Dam" in e.target_name]


def test_a_beating_of_people_stays(article):
    beat = [e for e in _events(article, "beat") if e.source_name == "Police"]
    assert beat and {e.type for e in beat} == {"ASSAULT"}


def test_a_work_shot_is_filming(article):
    assert not [e for e in _events(article, "shot") if e.target_name and "Bello" in e.target_name]


def test_a_person_examined_is_accused_of_nothing(article):
    assert not _events(article, "examined")


def test_a_markets_demand_is_no_request(article):
    assert not [e for e in article.events if e.trigger == "demand" and e.source_name == "India"]


def test_a_demand_for_an_act_stays_a_request(article):
    assert [e for e in article.events if e.trigger == "demand" and e.type == "REQUEST"]


def test_a_planned_visit_is_no_agreement(article):
    visit = _events(article, "visit")
    assert visit and all(e.type == "CONSULT" and e.status != "asserted" for e in visit)


def test_a_name_ends_at_a_spaced_dash(selective_nlp):
    body = ("The officer who shot Scott - Brentley Vinson, who was placed on leave - was not wearing a camera, police said."
            "\n\nKeith Lamont Scott was killed on Tuesday.")
    art = annotated_body(body, selective_nlp, published="2021-06-09")
    assert not [e for e in art.events if e.trigger == "shot" and e.target_name == "Brentley Vinson"]


def test_the_people_of_a_when_clause_did_the_passive_act(selective_nlp):
    body = "Three Russian servicemen were killed on Saturday when unidentified gunmen attacked guards at an airbase."
    art = annotated_body(body, selective_nlp, published="2021-06-09")
    killed = [e for e in art.events if e.trigger == "killed"]
    assert killed and all(e.source_name == "unidentified gunmen" for e in killed)
