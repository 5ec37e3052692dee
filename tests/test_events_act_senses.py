"""The sense of an act from the verb and its arguments (event_act_senses.py, factuality.py; stop 28, issue 11).

Invented articles. Words used as acts are no acts of their type:
- an "attack" in words (a medium, a reason, a speech participle, a verbal modifier, a medium as subject) is the
  criticism PLOVER codes as ACCUSE, with the same actors; one with no evidence of force in an article that tells
  of no violence is no event; one with a weapon, a casualty, an armed author, a building, a territory or a scene
  stays ASSAULT;
- a call to thank someone is no request, a call on someone to act is; "the appeal of X to voters" is none;
- a poll share is no actor of a SUPPORT or CONSULT ("1 percent support X", "received 38 percent support");
- a recall of talks is memory, of an ambassador a sanction; "engage in more listening" is no assault.
Whether it happened: a job description is a duty ("intended"), a long-held stance is "habitual", a "neither ...
nor" subject negates; "jailed for two years" stays asserted.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body, event_pairs
from conftest import events_with_trigger as _events

WORDS = "\n\n".join(
    [
        "Senator Ana Ruiz attacked Governor Omar Haidari in early-morning tweets on Friday.",
        "Governor Ben Okafor attacked Ruiz for her support of the tax plan, saying it would hurt families.",
        "Ruiz responded with personal attacks on Okafor.",
        "Ruiz has attacked allies as well as adversaries of the governor.",
        "Ruiz called Petra Novak on Friday to express her gratitude.",
        "On Wednesday Ruiz called on Karl Brandt to apologize to Haidari for his remarks.",
        "Only 1 percent support the Green Party's Karl Brandt.",
        "Okafor was supported by 42 percent of those responding, while Ruiz received 38 percent support.",
        "Mr. Tom Lind's job was to assist Mr. Brandt in the inquiry.",
        "Neither Ruiz nor her allies have been charged by the Lindell prosecutors.",
        "Moldova had historically resisted such agreements with Chad.",
        "Chad recalled its ambassador from Moldova on Friday.",
        "Okafor recalled the tense talks with Haidari fondly.",
        "Okafor said Ruiz wants all Lindell residents to engage in more listening.",
        "Moldova's army and the Lindell Front have accused each other of attacking civilians around Goma.",
    ]
)

FORCE = "\n\n".join(
    [
        "Militants attacked a police post in Dunmore on Tuesday, killing three officers.",
        "Protesters attacked the Ruritanian embassy in Goma.",
        "Police said that Tom Hale attacked Ana Ruiz outside the bar.",
        "Paraguay wants to attack Bolivia.",
        "The Lindell Front engaged in fighting with Chad near Goma.",
        "A court in Goma has jailed Sara Lind for two years for helping the militants.",
    ]
)


@pytest.fixture(scope="module")
def words(selective_nlp):
    return annotated_body(WORDS, selective_nlp)


@pytest.fixture(scope="module")
def force(selective_nlp):
    return annotated_body(FORCE, selective_nlp)


@pytest.mark.parametrize("sentence", ["in early-morning tweets", "for her support of the tax plan"])
def test_a_verbal_attack_is_criticism_with_the_same_actors(words, sentence):
    evs = _events(words, "attacked", sentence)
    assert evs and {e.type for e in evs} == {"ACCUSE"}
    assert all(e.mode == "disapprove" for e in evs)


def test_a_noun_attack_with_a_verbal_modifier_is_criticism(words):
    assert {t for t, _, _ in event_pairs(words, "attacks", "personal attacks")} == {"ACCUSE"}


def test_an_attack_with_no_evidence_of_force_in_a_peaceful_article_is_no_event(words):
    assert _events(words, "attacked", "allies as well as adversaries") == []


@pytest.mark.parametrize("sentence", ["Militants attacked", "Protesters attacked", "Tom Hale attacked"])
def test_an_attack_with_evidence_of_force_stays_an_assault(force, sentence):
    assert {e.type for e in _events(force, "attacked", sentence)} == {"ASSAULT"}


def test_an_armed_author_of_a_gerund_is_force_even_in_a_peaceful_article(words):
    # "accused each other of attacking civilians": the army, subject of the governing verb, is the author
    assert {e.type for e in _events(words, "attacking", "accused each other")} == {"ASSAULT"}


def test_a_state_attacking_a_state_stays_force(force):
    assert {e.type for e in _events(force, "attack", "Paraguay")} == {"THREATEN"}  # intended force


def test_a_call_to_thank_is_no_request_a_call_on_someone_to_act_is(words):
    assert [e for e in _events(words, "called", "to express her gratitude") if e.type == "REQUEST"] == []
    assert ("REQUEST", "Ana Ruiz", "Karl Brandt") in event_pairs(words, "called", "to apologize")


def test_a_poll_share_is_no_actor(words):
    assert [e for e in _events(words, "support", "1 percent") if e.type == "SUPPORT"] == []
    assert [e for e in _events(words, "supported", "42 percent") if e.type == "SUPPORT"] == []
    assert _events(words, "received", "38 percent support") == []


def test_a_recall_of_talks_is_memory_of_an_ambassador_a_sanction(words):
    assert {e.type for e in _events(words, "recalled", "its ambassador")} == {"SANCTION"}
    assert [e for e in _events(words, "recalled", "tense talks") if e.type in ("SANCTION", "AGREE")] == []


def test_engaging_in_listening_is_no_assault_engaging_in_fighting_is(words, force):
    assert _events(words, "engage") == []
    assert {e.type for e in _events(force, "engaged", "in fighting")} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("trigger", "sentence", "status"),
    [
        ("assist", "job was to assist", "intended"),
        ("charged", "Neither Ruiz", "negated"),
        ("resisted", "historically resisted", "habitual"),
    ],
)
def test_what_did_not_happen_as_one_act(words, trigger, sentence, status):
    evs = _events(words, trigger, sentence)
    assert evs and {e.status for e in evs} == {status}


def test_a_measured_term_is_no_habit(force):
    evs = _events(force, "jailed")
    assert evs and {e.status for e in evs} == {"asserted"}
