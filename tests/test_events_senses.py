"""The sense of an event verb from its arguments (issue 11, event error classes), and who a member phrase is.

- A verb's object type gives it another sense (data/plover.tsv [other_sense], [agreement_object]): attending a
  college is studying, signing a player or an executive order is no agreement signed; signing a treaty is.
- A deed's verb that takes a reported clause is a verb of saying or remembering ([material]): "recalled that ...",
  '"...," shared X'; recalling an ambassador is a sanction.
- A verb of commitment with no act committed to states an opinion ([assent]): "agrees that ...", "agreed with X
  that ...", a bare "agreed"; "agreed to a ceasefire", "agreed a truce" and "agreed that inspectors could visit" are
  commitments.
- A release needs an actor released, not an act ("released a statement"); a return needs something returned
  ("returned home" is travel); aid needs a recipient ("helped launch a website" gives nothing to anyone).
- People named by their relation to an actor are not that actor (event_actors.tsv [related]): "the hostel's owner",
  "Moldova's allies".
- The head of a name phrase decides who it is ("Party for Reform leader Ana Ruiz" is Ruiz); an organisation that
  only modifies a role noun stands for the person introduced with that role ("the Labour peer" -> the peer).
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Senator Ana Ruiz attended Lindell College in Montreal before law school.",
        "Rovers signed striker Tomas Varga from Dunmore City on Tuesday.",
        "Moldova and Chad signed a peace treaty in the capital on Monday.",
        "President Omar Haidari signed an executive order on imports.",
        "Minister Petra Novak recalled that the president had praised the deal.",
        "Chad recalled its ambassador from Moldova on Friday.",
        '"We are proud of the team," shared coach Lena Ortiz.',
        "Professor Karl Brandt agrees that students feel blamed for the crisis.",
        "The court agreed with Moldova that the claim was plausible.",
        "Chad agreed to a ceasefire with Moldova on Sunday.",
        "Moldova agreed that inspectors could visit the dam.",
        "The agency released a statement to the Lindell Herald on Monday.",
        "Rebel commander Ali Basri released 40 hostages on Tuesday.",
        "Governor Ben Okafor returned home on Sunday after the summit.",
        "The engineer Sara Lind helped launch a website for the festival.",
        "The United States will supply arms to Moldova.",
        "Labour peer Lord Victor Hale hosted the fundraiser. The Labour peer lent the Okafors his flat in May.",
        "During the debate, Party for Reform leader Ana Ruiz urged Prime Minister Omar Haidari to resign.",
        "Police detained the Lindell Hostel's owner on Monday.",
        "Moldova's European allies condemned the Chadian strikes on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)



def test_the_object_type_gives_the_verb_another_sense(article):
    assert _events(article, "attended") == []  # studying at a college, not a visit
    signed = [(ev.type, ev.source_name, ev.target_name) for ev in _events(article, "signed")]
    # the treaty (an agreement signed is AGREE); not the striker, not the executive order; its two signers are its
    # parties, neither the other's target (stop 39, event_coparties.py)
    assert signed == [("AGREE", "Moldova", None), ("AGREE", "Chad", None)]


def test_a_deed_verb_with_a_reported_clause_is_saying(article):
    recalled = [(ev.type, ev.source_name) for ev in _events(article, "recalled")]
    assert recalled == [("SANCTION", "Chad")]  # the ambassador, not the minister's memory
    assert _events(article, "shared") == []


def test_agreeing_without_an_act_is_an_opinion(article):
    agreed = {(ev.source_name, ev.target_name) for ev in _events(article, "agreed")}
    assert _events(article, "agrees") == []
    assert ("Chad", "Moldova") in agreed  # to a ceasefire
    assert any(s == "Moldova" and t is None for s, t in agreed)  # that inspectors could visit: a future act
    assert not any(s and "court" in s.lower() for s, _ in agreed)  # agreed with Moldova that ...: an opinion


def test_patients_and_recipients_of_the_kind_the_type_takes(article):
    released = [ev.source_name for ev in _events(article, "released")]
    assert released == ["Ali Basri"]  # the hostages, not the statement
    assert _events(article, "returned") == []  # travel home
    assert _events(article, "helped") == []  # nothing given to anyone
    assert [(ev.type, ev.target_name) for ev in _events(article, "supply")] == [("AID", "Moldova")]


def test_the_member_not_the_organisation_that_modifies_it(article):
    lent = {ev.source_name for ev in _events(article, "lent")}
    assert lent == {"Victor Hale"}, lent  # introduced as "Labour peer Lord Victor Hale"
    urged = {ev.source_name for ev in _events(article, "urged")}
    assert "Party for Reform" not in urged


def test_people_related_to_an_actor_are_not_that_actor(article):
    detained = {ev.target_name for ev in _events(article, "detained")}
    assert detained and not any(t and t.endswith("Hostel") for t in detained), detained
    condemned = {(ev.source_name, ev.target_name) for ev in _events(article, "condemned")}
    assert condemned and not any(s == "Moldova" for s, _ in condemned), condemned
