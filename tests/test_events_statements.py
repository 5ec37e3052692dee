"""Statements read as events (issue 11, stop 24).

- A statement of need whose subject a relative clause describes ("said that thousands that were expelled from X are
  in need") alleges nothing: the act in the relative clause is no allegation (EventAllegations._reporting_cue),
  while "Police said that X attacked Y" stays an ACCUSE of X.
- A visit to premises (data [other_sense] visit: kin|institution|premises: a school, a chapel, a hospital) is no
  CONSULT: no actor is met; a visit to a person or a country stays one.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "The refugee agency has said that thousands of Malians that were recently expelled from Algeria are in urgent need of food.",
        "Police said that Tom Hale attacked Ana Ruiz outside the bar.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_a_statement_of_need_is_no_allegation_but_a_reported_attack_is(article):
    assert not [ev for ev in _events(article, "said", "The refugee agency") if ev.type == "ACCUSE"]
    assert any(ev.type == "ACCUSE" and ev.target_name == "Tom Hale" for ev in _events(article, "said", "Police said"))


VISITS = "\n\n".join(
    [
        "Mayor Tom Hale visited Lincoln Elementary School on Monday.",
        "The pilgrims visited the Chapel of Saint Mary in Goma.",
        "Senator Ana Ruiz visited Mercy General Hospital in May.",
        "President Ana Ruiz visited Chancellor Tom Hale in Berlin.",
        "Prime Minister Tom Hale visited Germany last week.",
    ]
)


@pytest.fixture(scope="module")
def visits(selective_nlp):
    return annotated_body(VISITS, selective_nlp)


@pytest.mark.parametrize("sentence", ["Lincoln Elementary", "the Chapel", "Mercy General Hospital"])
def test_a_visit_to_premises_is_no_consult(visits, sentence):
    assert not _events(visits, "visited", sentence)


@pytest.mark.parametrize(("sentence", "target"), [("Chancellor Tom Hale", "Tom Hale"), ("Germany", "Germany")])
def test_a_visit_to_a_person_or_a_country_stays_a_consult(visits, sentence, target):
    assert any(ev.type == "CONSULT" and ev.target_name == target for ev in _events(visits, "visited", sentence))
