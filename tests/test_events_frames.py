"""Events that happened, of the right type, between the right actors (stop 31, helper e6): self-harm, an abstract
subject, a weapon aimed at no one, a characterisation, a vow of harm, a criticism undergone, a medium beside the one
acted on, an act avoided, a case imagined, an assessment reported. Invented articles."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Marko Velt, 76, shot himself in the parking lot of a hospital in Ostrava last month.",
        "Veterans in 2014 were killing themselves at twice the rate of civilians, Anna Berg said.",
        "Disaster struck the Ostrava family last year when their house burned.",
        "Freedonia fired three missiles into the sea on Tuesday.",
        "Freedonian militants fired rockets at Sylvania on Monday.",
        "Velt used his invasions of Sylvania as a threat to Baltic states.",
        "The new base is considered a threat to Sylvanian troops.",
        "Senator Kopp dismissed Sylvania as being in the suburbs of Ostrava.",
        "Senator Kopp dismissed the allegations as politically motivated.",
        "Velt avoids condemning Freedonia's invasion of Sylvania.",
        "Say Freedonia demanded that Sylvania pay for the wall.",
        "Velt thanked Anna Berg on Twitter for her support.",
        "Velt faced heavy criticism from Anna Berg over his remarks.",
        "Sylvania vowed consequences after the attack.",
        "Experts say the test underscores Freedonia's determination to deploy missiles against Sylvania.",
        "Sylvanian police said Freedonian soldiers attacked the border post on Friday.",
        "The United Nations, which in March imposed some of the harshest sanctions ever against Freedonia, met again.",
        "Former governor Ed Kopp agreed that the party's vacancy rules should be changed.",
        "Sylvania agreed that inspectors could visit the site.",
        "Prosecutors allege that Ivo Marsh killed a Sylvanian guard in March.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _events(article, trigger):
    return [e for e in article.events if e.trigger == trigger]


def _asserted(article, trigger):
    return [e for e in _events(article, trigger) if e.status == "asserted"]


def test_an_act_on_oneself_is_no_act_between_actors(article):
    assert not _events(article, "shot")  # not "Ostrava" or the lot as the target
    assert not _events(article, "killing")


def test_an_abstract_subject_at_a_sentence_start_is_no_author(article):
    assert not _events(article, "struck")


def test_a_weapon_aimed_at_no_one_is_no_attack(article):
    fired = [e for e in article.events if e.start <= BODY.index("into the sea") < e.end]
    assert not any(e.type == "ASSAULT" for e in fired)
    rockets = _events(article, "rockets")
    assert rockets and all(e.target_name == "Sylvania" for e in rockets)  # the aim on the verb is the target


def test_a_characterisation_is_no_threat_or_rejection(article):
    assert not [e for e in article.events if e.type == "THREATEN" and e.trigger == "threat"]
    dismissed = _events(article, "dismissed")
    assert not any(e.target_name == "Sylvania" for e in dismissed)
    assert any(e.type == "REJECT" and e.target_name and "allegations" in e.target_name for e in dismissed)


def test_an_avoided_act_and_an_imagined_case_did_not_happen(article):
    assert _events(article, "condemning") and not _asserted(article, "condemning")
    assert _events(article, "demanded") and not _asserted(article, "demanded")


def test_the_act_an_avoided_verb_judges_happened(article):
    invasion = _events(article, "invasion")
    assert invasion and all(e.status == "asserted" for e in invasion)


def test_a_medium_beside_the_one_thanked_is_no_target(article):
    thanked = _events(article, "thanked")
    assert thanked and {e.target_name for e in thanked} == {"Anna Berg"}


def test_criticism_undergone_comes_from_the_critic(article):
    crit = _events(article, "criticism")
    assert crit and all(e.source_name == "Anna Berg" and e.target_name == "Marko Velt" for e in crit)


def test_a_vow_of_harm_is_a_threat(article):
    vowed = _events(article, "vowed")
    assert vowed and all(e.type == "THREATEN" and e.target_name != "consequences" for e in vowed)


def test_an_assessment_of_intent_accuses_no_one(article):
    says = [e for e in _events(article, "say") if e.type == "ACCUSE"]
    assert not says
    said = [e for e in _events(article, "said") if e.type == "ACCUSE"]
    assert any(e.source_name and "police" in e.source_name.lower() for e in said)  # a reported attack still accuses


def test_sanctions_counted_by_a_quantity_are_the_act_imposed(article):
    imposed = _events(article, "imposed")
    assert imposed and {e.type for e in imposed} == {"SANCTION"}


def test_agreeing_what_ought_to_be_is_an_opinion(article):
    agreed = _events(article, "agreed")
    assert [e.source_name for e in agreed] == ["Sylvania"]  # the commitment stays, the opinion goes


def test_what_a_verb_of_charging_alleges_still_accuses(article):
    alleged = [e for e in _events(article, "allege") if e.type == "ACCUSE"]
    assert any(e.target_name == "Ivo Marsh" for e in alleged)
