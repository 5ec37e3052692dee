"""Event error classes of local news read from the semantic type of a verb's arguments (issue 11, stop 24).

- Accidents are no ASSAULT (annotate/event_mishaps.py): a vehicle as agent, also with its make before it ("a Ford
  pickup that struck her") or as a passive's "by" agent ("struck by an eastbound car"); a collision verb with a
  vehicle as object ("struck a car"); a passive death caused by a mishap ("killed in a traffic accident") or by a
  thing failing ("killed when the ladder ... collapsed"). A weapon's act, a shooting and a national force stay.
- A document is no actor ("The warrant for X charges her": the charge stays, with no source).
- With an actor acted on directly, the actors inside what X is charged with are no targets ("charged X with murder
  in the death of Y": Y is the victim).
- A body's own business by vote is no SUPPORT ("approved the motion", "approved most of the governor's budget");
  refusing medical care is no REJECT ("declined treatment"); refusing an offer or a request stays REJECT.
- A hostile verb whose object is an agreement is an agreement ("struck a deal with X": AGREE, not ASSAULT); a
  cooperative act one cannot do is no refusal ("can't defend X"), one not done stays a REJECT ("did not support").
- A complaint with a reported clause is about the clause's subject or its possessor ("complained that Moldova's
  obstinacy was hampering ..." -> Moldova).
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Lena Morris, 34, of Goma was killed when a 2004 Ford pickup that struck her fled the scene, police said.",
        "Police said Tom Bakker then struck a car carrying two children on Route 9.",
        "Two women crossing Main Street were struck by an eastbound car on Friday.",
        "Omar Haidari, 61, was killed in a traffic accident on Route 9.",
        "Dan Hale was killed when the ladder he was using collapsed.",
        "Ben Okafor was killed when a rocket struck his house.",
        "Sam Hale was shot when the argument escalated.",
        "Kim Lowe was killed when the gunman opened fire on the crowd.",
        ("The suspect, Marek Nowak, 23, of Goma, was arrested at the scene, after the homeowner used his own car to "
         "block the vehicle, authorities said."),
        "Russian missiles struck the Goma power plant on Monday.",
        "The warrant for Ruth Evans charges her with a felony count of theft.",
        "Police charged Mark Pell with murder in the death of Anna Clarke.",
        "Jon Tate was charged with the murder of Rosa Diaz.",
        "Dana Ruiz declined treatment at the scene of the crash.",
        "Dana Ruiz declined the offer from Coastal Paving.",
        "The motion was approved by Tom Hale, seconded by Ann Pierce and unanimously approved.",
        "The House approved most of Governor Ana Ortiz's budget on Tuesday.",
        "Senator Ana Ruiz complained that Moldova's obstinacy was hampering the work of the council.",
        "Moldova struck a deal with Chad on Monday.",
        "Judges may examine a deal that Tom Hale and his wife, Ann Hale, struck with Governor Ana Ortiz in 2007.",
        "Lawyer Tom Bakker said he can't defend Dana Ruiz in the trial.",
        "Senator Ana Ruiz did not support Governor Lena Ortiz in the primary.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("struck", "Ford pickup"),
        ("killed", "Lena Morris"),
        ("struck", "then struck a car"),
        ("struck", "eastbound car"),
        ("killed", "traffic accident"),
        ("killed", "the ladder"),
    ],
)
def test_an_accident_is_no_assault(article, trigger, sentence):
    assert not [ev for ev in _events(article, trigger, sentence) if ev.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [("killed", "a rocket struck"), ("shot", "the argument"), ("struck", "Russian missiles"), ("killed", "the gunman")],
)
def test_a_weapon_or_a_shooting_stays_an_assault(article, trigger, sentence):
    assert any(ev.type == "ASSAULT" for ev in _events(article, trigger, sentence))


def test_an_arrest_after_a_clause_with_a_car_stays(article):
    assert any(ev.type == "COERCE" and ev.target_name == "Marek Nowak" for ev in _events(article, "arrested", "the homeowner"))


def test_a_document_is_no_actor(article):
    charges = _events(article, "charges", "The warrant")
    assert charges and all(ev.type == "ACCUSE" for ev in charges)
    assert all(ev.source_name is None for ev in charges)
    assert any(ev.target_name == "Ruth Evans" for ev in charges)


@pytest.mark.parametrize(
    ("sentence", "accused", "victim"),
    [("Police charged Mark Pell", "Mark Pell", "Anna Clarke"), ("Jon Tate was charged", "Jon Tate", "Rosa Diaz")],
)
def test_the_victim_is_no_target_of_a_charge(article, sentence, accused, victim):
    charged = _events(article, "charged", sentence)
    assert any(ev.target_name == accused for ev in charged)
    assert not any(ev.target_name == victim for ev in charged)


def test_declining_treatment_is_no_rejection_but_declining_an_offer_is(article):
    assert not _events(article, "declined", "treatment")
    assert any(ev.type == "REJECT" for ev in _events(article, "declined", "the offer"))


@pytest.mark.parametrize("sentence", ["The motion was approved", "most of Governor"])
def test_a_body_voting_its_own_business_is_no_support(article, sentence):
    assert not [ev for ev in _events(article, "approved", sentence) if ev.type == "SUPPORT"]


def test_a_complaint_names_the_clause_owner_as_target(article):
    complained = _events(article, "complained")
    assert complained and all(ev.type == "ACCUSE" for ev in complained)
    assert any(ev.target_name == "Moldova" for ev in complained)


@pytest.mark.parametrize("sentence", ["struck a deal", "a deal that"])
def test_striking_a_deal_is_no_assault(article, sentence):
    struck = _events(article, "struck", sentence)
    assert not [ev for ev in struck if ev.type == "ASSAULT"]
    assert sentence != "struck a deal" or any(ev.type == "AGREE" for ev in struck)


def test_an_act_one_cannot_do_is_no_refusal(article):
    assert not _events(article, "defend")
    assert any(ev.type == "REJECT" for ev in _events(article, "support", "did not support"))


ARRESTS = ("Lindell police arrested Tom Bakker on Friday. Ana Ruiz was arrested on Monday. "
           "Dan Hale was taken to the county jail after his arrest on Friday.")


def test_an_arrest_verb_with_its_author_is_flagged_and_a_possessor_is_the_one_arrested(selective_nlp):
    """`arrest_author` marks "Police arrested X" (an arrest verb with a source), not the agentless passive (that is
    `passive_legal`) nor the noun; "his arrest" makes its possessor the one arrested, not the arrester."""
    from newsgraph.annotate import make_doc
    from newsgraph.annotate.event_evidence import FEATURES_KEY
    from newsgraph.records import Extracted

    doc = selective_nlp(make_doc(selective_nlp, Extracted(input="t", body=ARRESTS, published="2024-06-09", kind="body")))
    kept = doc.user_data[FEATURES_KEY]
    by_trigger = {(ev.trigger, ev.source_name, ev.target_name): kept[id(ev)]["event"] for ev in doc._.ng_events}
    assert by_trigger[("arrested", "Lindell police", "Tom Bakker")]["arrest_author"] == 1.0
    assert by_trigger[("arrested", None, "Ana Ruiz")]["arrest_author"] == 0.0
    nouns = [k for k in by_trigger if k[0] == "arrest"]
    assert nouns and all(k[1] is None and k[2] == "Dan Hale" for k in nouns)
    assert all(by_trigger[k]["arrest_author"] == 0.0 for k in nouns)
