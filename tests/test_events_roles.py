"""Event roles: joint acts of coordinated subjects (agreements: parties, no target; talks: counterparts), places that are locations not targets, actors required."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Norway and Sweden signed a fishing accord on the Skagerrak quotas in Oslo on Tuesday.",
        "The accord will release about 12,000 tonnes of cod a year to small boats.",
        "Peru and Bolivia have accused each other of sheltering smugglers near Lake Titicaca.",
        "Chile and Argentina held talks in Mendoza on Friday.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def _in(article, needle):
    s = article.body.index(needle)
    return [e for e in article.events if e.start <= s < e.end]


def test_coordinated_subjects_of_a_joint_agreement_are_its_parties_not_each_others_target(article):
    # (stop 39, event_coparties.py) the co-actor rule: both signers are sources, neither is the other's target;
    # talks and accusations of each other keep the pairing (the tests below)
    evs = _in(article, "Norway and Sweden signed")
    assert evs, "no event for the signing"
    pairs = {(e.source_name, e.target_name) for e in evs if e.type == "AGREE"}
    assert ("Norway", None) in pairs and ("Sweden", None) in pairs
    assert ("Norway", "Sweden") not in pairs


def test_a_place_of_the_act_is_its_location_not_its_target(article):
    evs = _in(article, "Norway and Sweden signed")
    assert all(e.target_name != "Oslo" for e in evs)
    assert all(e.location_name == "Oslo" for e in evs)
    assert all("Skagerrak" not in (e.target_name or "") for e in evs)  # the topic of the accord is no party


def test_an_event_needs_an_actor_entity(article):
    assert _in(article, "The accord will release") == []


def test_each_other_makes_coordinated_subjects_targets_of_one_another(article):
    evs = [e for e in _in(article, "Peru and Bolivia") if e.type == "ACCUSE"]
    assert [(e.source_name, e.target_name) for e in evs] == [("Peru", "Bolivia")]


def test_talks_between_coordinated_subjects(article):
    evs = [e for e in _in(article, "Chile and Argentina held") if e.type == "CONSULT"]
    assert [(e.source_name, e.target_name, e.location_name) for e in evs] == [("Chile", "Argentina", "Mendoza")]


def test_verb_coordinated_with_said_takes_the_speaker_as_source():
    body = "Minister Ana Lopes said the canal would carry grain to the coast and accused Paraguay of delaying the permits."
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    acc = [(e.source_name or "", e.target_name) for e in art.events if e.type == "ACCUSE"]
    assert acc and acc[0][0].endswith("Lopes") and acc[0][1] == "Paraguay"
    assert [q.text for q in art.quotes if q.cue == "said"] == ["the canal would carry grain to the coast"]
