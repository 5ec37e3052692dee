"""Events that happened, of the right type, between the right actors (stop 30): the head of an actor's phrase, not a
possessor or modifier; a state's protest is an official complaint; a report of a clash accuses neither side; a
hedged or agentless "would" is a prediction; a visit "when he visits" under a future clause is future; a ban counted
in matches is a sport's discipline; "under house arrest" names the patient; banners are no people; imposed sanctions
are a SANCTION. Invented articles."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Police have detained 26 suspected members of Sylvania's largest militant group, security sources said on Sunday.",
        "Officials often arrested Liberty Front supporters in the middle of the night, Marko Velt said.",
        "Portugal's foreign ministry protested to Peru over the arrest of two diplomats.",
        "The Danish embassy in Lima made a sharp protest to the Peruvian government on Tuesday.",
        "Thousands of Danes protested against the new law in Copenhagen on Saturday.",
        "Travellers arriving in Ostrava say militants and police officers clash almost daily.",
        "Velt would probably be extradited to Freedonia next week, officials said.",
        "Anna Berg will meet the premier when she visits Ostrava in September.",
        "Rovers defender Paulo Quist was banned for four matches for a verbal attack on a linesman.",
        "Police banned 300 Vallamora fans from the stadium for two matches after the riot.",
        "Sylvanian police arrested the leader of the Liberty Front on Monday.",
        "The Ostrava businessman attacked Anna Berg in a speech on Monday.",
        "Suu Lin, who was under house arrest for six years, spoke to reporters on Friday.",
        "Green flags and banners condemned the United Nations for its sanctions.",
        "The United Nations imposed sanctions on Sylvania in 1992.",
        "Two men suspected of collaborating with Freedonia were arrested on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _events(article, trigger):
    return [e for e in article.events if e.trigger == trigger]


def test_a_place_that_possesses_a_group_is_not_the_group(article):
    detained = _events(article, "detained")
    assert detained and not any(e.target_name == "Sylvania" for e in detained)
    assert any(e.target_name and "members" in e.target_name for e in detained)  # the members, named by their group


def test_a_body_that_modifies_its_supporters_is_not_them(article):
    arrested = [e for e in _events(article, "arrested") if "night" in article.body[e.start:e.end]]
    assert [e.target_name for e in arrested] == ["Liberty Front supporters"]


def test_an_organ_of_a_state_still_stands_for_it(article):
    arrested = [e for e in _events(article, "arrested") if "leader" in article.body[e.start:e.end]]
    assert arrested and all(e.type == "COERCE" for e in arrested)


def test_a_state_protest_is_an_official_complaint(article):
    protests = [e for e in article.events if e.trigger in ("protested", "protest") and e.source_name == "Portugal"]
    assert protests and all(e.type == "ACCUSE" and e.mode == "complain" for e in protests)


def test_people_protesting_stay_a_protest(article):
    assert not any(e.type == "ACCUSE" and "Copenhagen" in article.body[e.start:e.end] for e in article.events)


def test_a_report_of_a_clash_accuses_neither_side(article):
    assert not [e for e in _events(article, "say") if e.type == "ACCUSE"]


def test_a_hedged_would_is_a_prediction(article):
    extradited = _events(article, "extradited")
    assert extradited and all(e.type != "AGREE" and e.status == "modal" for e in extradited)


def test_a_visit_when_a_future_clause_holds_it_is_future(article):
    visits = _events(article, "visits")
    assert visits and all(e.status == "future" for e in visits)


def test_a_ban_counted_in_matches_is_sport(article):
    banned = _events(article, "banned")
    assert not any(e.target_name == "Paulo Quist" for e in banned)
    assert any(e.source_name == "Police" for e in banned)  # police acting outside the game stay an act


def test_a_place_that_modifies_a_person_is_not_the_person(article):
    attacked = _events(article, "attacked")
    assert attacked and not any(e.source_name == "Ostrava" for e in attacked)


def test_under_house_arrest_the_subject_is_the_patient(article):
    arrest = _events(article, "arrest")
    assert not any(e.source_name == "Suu Lin" for e in arrest)


def test_banners_are_no_people(article):
    # a thing is no author of an accusation (plover.tsv [actor_source]); "banners" only looks like "dockers"
    assert not _events(article, "condemned")


def test_imposed_sanctions_are_a_sanction(article):
    imposed = _events(article, "imposed")
    assert imposed and all(e.type == "SANCTION" for e in imposed)


def test_what_a_charge_alleges_is_not_stated_as_done(article):
    collaborating = _events(article, "collaborating")
    assert collaborating and all(e.status == "modal" for e in collaborating)
    assert any(e.status == "asserted" for e in _events(article, "arrested") if "Two men" in (e.target_name or ""))
