"""Requests and orders addressed to an actor, and events that have not happened (issue 11, stop 25 round 2).

Our own sentences (invented names):
- A verb of request that frames a question and asks for nothing to be done asks for an answer, no REQUEST
  (data/plover.tsv [addressed]): '"Why didn't they act?" asked X', "asked why the aid stopped"; "asked X to leave"
  and "asked for funds" stay requests.
- An order whose complement is a passive infinitive on a thing decrees a measure on the thing ("ordered all the
  goats to be slaughtered"): no REQUEST, and no target taken from a clause around it.
- A request with a subjunctive "that" clause asks the clause's subject to act ("requested that the county court
  issue an order" -> the court as target).
- "about to be charged": the charge has not happened (data/factuality.tsv [imminent]); a passive infinitive under a
  head of intent ("is expected to be charged") is intended.
- A relative "that" stands for the noun it modifies, not for a person of the paragraph before, and the relative
  clause's actors are not that noun's.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "The plant in Dunmore passed its inspection in May.",
        '"If the agency found a problem with this plant, why didn\'t they act on it? Why didn\'t they look closer?" '
        "asked Senator Tomas Wend.",
        "Senator Lena Ortiz asked why the aid to Dunmore had stopped.",
        "Senator Lena Ortiz asked the Lindell Council to reopen the bridge.",
        "Dr Brian Oster, a vet at Lindell University, said the virus was not found in goats.",
        "Despite this, the Ruritanian government has ordered all 300,000 goats in the country to be slaughtered, a "
        'move that the Farmers Union has denounced as "a real mistake".',
        "Social worker Jane Mory requested that the county court issue a restraining order against Karl Hale.",
        "A man about to be indicted by the Ruritanian Justice Ministry died on Tuesday.",
        "Karl Hale was about to be charged by the Justice Ministry in connection with the fire.",
        "Omar Basri is expected to be charged by the Justice Ministry next week.",
        "The Justice Ministry charged Omar Basri with fraud on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_a_question_asked_is_no_request(article):
    assert [ev for ev in _events(article, "asked") if ev.type == "REQUEST" and "Wend" in (ev.source_name or "")] == []
    assert [ev for ev in _events(article, "asked", "asked why") if ev.type == "REQUEST"] == []


def test_a_request_to_act_stays(article):
    asked = [(ev.type, ev.target_name) for ev in _events(article, "asked", "to reopen")]
    assert ("REQUEST", "Lindell Council") in asked


def test_an_order_on_animals_is_no_request(article):
    assert [ev for ev in _events(article, "ordered") if ev.type == "REQUEST"] == []


def test_a_relative_that_is_not_a_person_of_the_paragraph_before(article):
    for ev in _events(article, "denounced"):
        assert "Oster" not in (ev.target_name or "")
        assert ev.source_name != ev.target_name


def test_the_court_asked_to_act_is_the_target(article):
    requested = [(ev.type, ev.source_name, ev.target_name) for ev in _events(article, "requested")]
    assert requested and requested[0][0] == "REQUEST" and "Mory" in requested[0][1]
    assert requested[0][2] is not None and "court" in requested[0][2]


@pytest.mark.parametrize(("trigger", "sentence", "status"), [
    ("indicted", "about to be indicted", "future"),
    ("charged", "was about to be charged", "future"),
    ("charged", "expected to be charged", "intended"),
])
def test_what_is_about_to_happen_has_not_happened(article, trigger, sentence, status):
    evs = _events(article, trigger, sentence)
    assert evs and all(ev.status == status for ev in evs)


def test_a_charge_made_stays_asserted(article):
    evs = _events(article, "charged", "charged Omar Basri with fraud")
    assert evs and evs[0].status == "asserted"
