"""Event arguments of the kind their PLOVER type takes (issue 11, events by mechanisms).

- A verb whose type acts on an actor (data/plover.tsv [patient]) with a thing for its patient is another sense of
  the verb: "released his new EP" is no RETREAT, "released 40 hostages" is one.
- A country's name that its own evidence reads as a place does not join a person's full name that starts with it
  ("Moldova's decision" beside "Moldova Ilic").
- A nationality adjective on an act names the act's author ("Chadian airstrikes" -> Chad), as target and as source.
- "X said its forces shot down ..." accuses no one; a passive victim is no one accused.
- "killed dozens of fighters" targets the fighters; "beat and robbed the women" shares its object; "condemned what
  he calls a cowardly act by X" targets X.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "The singer Tomas Varga released his new EP on Friday, two years after his debut album.",
        "Rebel commander Ali Basri released 40 hostages on Tuesday, a spokesman said.",
        "The Lagos bureau's survey data released Friday showed that the jobless rate fell.",
        "Minister Anna Kovacs attended a fashion show in Milan on Sunday.",
        "Many in Juba welcomed the news of Tomas Varga's release.",
        "Maria Lopez, who hails from Texas, joined the Teamsters union in 2019.",
        "Moldova Ilic, the defence minister, visited troops near the border on Monday.",
        "On Wednesday, envoys of Norway defended Moldova's decision to close the crossing.",
        "Sudan's leaders on Thursday condemned Chadian airstrikes that they said killed 26 people.",
        "Chadian airstrikes killed 13 villagers near the border, officials said.",
        "The Sudanese army said its forces shot down five drones over the capital.",
        "Officials in Kabul said a child was killed in the blast.",
        "Moldova's army has killed dozens of fighters in the north.",
        "According to police, Gary Miller repeatedly beat and robbed the women who lived in the house.",
        "Defence Minister Omar Haidari has condemned what he calls a cowardly act by Chad.",
        "Haidari also accused Chadian forces of damaging a dam in Sudan-administered Darfur.",
        "Tomas Varga, the singer, also released his new LP in May.",
        "Ana Ruiz moved to the Lindell school, then called LINDS, for its music classes.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)



def test_a_thing_for_patient_is_another_sense_of_the_verb(article):
    released = [(ev.source_name, ev.target_name) for ev in _events(article, "released")]
    assert released == [("Ali Basri", "40 hostages")]  # not the EP, not the data
    assert _events(article, "attended") == []  # and "his new LP", a name used as a thing, is no patient either
    assert _events(article, "hails") == []
    # a thing "of" an act or an actor is no thing: "welcomed the news of X's release"
    assert [ev.type for ev in _events(article, "welcomed")] == ["SUPPORT"]


def test_a_country_name_does_not_join_a_person_named_after_it(article):
    people = [e for e in article.entities if e.type == "person" and e.name == "Moldova Ilic"]
    assert people and all(article.body[m.start : m.end] == "Moldova Ilic" for m in people[0].mentions)
    defended = _events(article, "defended")
    assert [ev.target_name for ev in defended] == ["Moldova"]


def test_a_nationality_adjective_on_an_act_names_its_author(article):
    condemned = _events(article, "condemned")
    assert ("Sudan", "Chad") in [(ev.source_name, ev.target_name) for ev in condemned]
    killed = {(ev.source_name, ev.target_name) for ev in _events(article, "killed")}
    assert ("Chad", "26 people") in killed  # the airstrikes "that it said killed": not the speaker
    assert ("Chad", "13 villagers") in killed


def test_own_forces_and_passive_victims_are_no_one_accused(article):
    accused = [ev.target_name for ev in article.events if ev.type == "ACCUSE" and ev.trigger == "said"]
    assert "its forces" not in accused and "a child" not in accused


def test_the_people_a_quantity_counts_and_a_shared_object(article):
    killed = {(ev.source_name, ev.target_name) for ev in _events(article, "killed")}
    assert ("Moldova", "fighters") in killed
    assert [ev.target_name for ev in _events(article, "beat")] == ["the women"]


def test_what_the_naming_clause_names_is_the_object(article):
    condemned = [(ev.source_name, ev.target_name) for ev in _events(article, "condemned")]
    assert ("Omar Haidari", "Chad") in condemned
    # a direct object that is an actor is the target; "at a dam in X" says where, "of damaging" what for
    accused = [(ev.source_name, ev.target_name) for ev in _events(article, "accused")]
    assert accused == [("Omar Haidari", "Chadian forces")]
    # a verb of naming with the name it gives is no request, whatever preposition follows ("then called X, for ...")
    assert _events(article, "called") == []
