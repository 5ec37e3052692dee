"""Event error classes read from the semantic type of a verb's object and from relative clauses (issue 11, stop 25).

- A relative pronoun stands for its antecedent ("Ruritanians that were expelled from Borduria": the Ruritanians are
  the target, Borduria the source); the main clause's subject is no source of the relative clause's verb, and the
  subject a passive shares with a coordinated verb is its patient ("fled but was arrested").
- What a request asks for is no target ("asked for funds", "sought an investigation of X's death"); the one asked is
  ("asked Borduria for a response", "urging the legislature to begin").
- An investigation of an event or a thing ("investigating an outbreak of an illness in X") is no ACCUSE; one of a
  person is.
- A recall of goods is no SANCTION; a recalled ambassador still is.
- A question asked of no one is no REQUEST; a demand ("asked that motorists use caution") is one.
- A name the article writes before a disease noun ("the H7N3 virus") is a disease, no author of deaths.
- A nationality adjective on a plural noun for people ("Kenyan clerics") says where they are from, not that the state
  acted.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Aid workers met thousands of Ruritanians that were recently expelled from Borduria.",
        "The court freed five nurses who were convicted of poisoning children in Goma.",
        "Ben Okafor fled but was arrested in Goma this month.",
        "The Blue Cross has asked for funds to treat thirty thousand people.",
        "Freedom Watch have sought an independent investigation of Tom Hale's death.",
        "Ruritania asked Borduria for a response to the accusation.",
        "Governor Ana Ortiz is urging the legislature to begin making changes.",
        "The World Health Organization is investigating an outbreak of an unknown illness in Borduria.",
        "Police are investigating Dan Hale for fraud.",
        "Greenfield Foods has recalled frozen spinach from Canada and Mexico.",
        "The Ruritanian government recalled ambassador Lena Ortiz from Borduria.",
        '"Why was there such a verdict?" asked the group\'s regional head, Mara Lind.',
        ("Sheriff Tom Bakker asked that motorists use caution when driving around the county and if there is water "
         "flowing over the road, motorists should not drive on it."),
        "The H7N3 virus was found in ducks near Goma.",
        "H7N3 has killed two other Ruritanian women.",
        "Kenyan clerics urged the government to stop the campaign.",
        "On that same earnings call, chief executive Ana Lind sought to assure investors that the firm is sound.",
        "Borduria's military said it had visuals of the incident and it was being investigated.",
        ("Ruritania's Defense Ministry on Sunday confirmed the weapon's use, as well as other missile types, to strike "
         "Bordurian military command facilities."),
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_relative_clause_patient_is_the_antecedent(article):
    assert _pairs(article, "expelled", "Ruritanians that were") == {("COERCE", "Borduria", "Ruritanians")}


def test_main_clause_subject_is_no_source_of_a_relative_clause(article):
    assert not any(e.source_name == "The court" for e in _events(article, "convicted", "five nurses"))


def test_passive_coordinated_with_an_active_verb_has_no_source(article):
    assert _pairs(article, "arrested", "Ben Okafor fled") == {("COERCE", None, "Ben Okafor")}


@pytest.mark.parametrize(
    ("trigger", "sentence", "expected"),
    [
        # stop 26: money asked of no one named is fundraising, no REQUEST (tests/test_events_measures.py)
        ("asked", "asked for funds", set()),
        ("sought", "Tom Hale's death", {("REQUEST", "Freedom Watch", None)}),
        ("asked", "asked Borduria for", {("REQUEST", "Ruritania", "Borduria")}),
        ("urging", "the legislature", {("REQUEST", "Ana Ortiz", "the legislature")}),
    ],
)
def test_what_is_asked_for_is_no_target(article, trigger, sentence, expected):
    assert _pairs(article, trigger, sentence) == expected


def test_inquiry_into_an_event_is_no_accusation(article):
    assert _events(article, "investigating", "an outbreak") == []
    assert _pairs(article, "investigating", "Dan Hale") == {("ACCUSE", "Police", "Dan Hale")}


def test_recall_of_goods_is_no_sanction(article):
    assert _events(article, "recalled", "frozen spinach") == []
    assert ("SANCTION", "The Ruritanian government", "Lena Ortiz") in _pairs(article, "recalled", "ambassador Lena Ortiz")


def test_question_asked_of_no_one_is_no_request(article):
    assert _events(article, "asked", "such a verdict") == []
    assert _pairs(article, "asked", "motorists use caution") == {("REQUEST", "Tom Bakker", None)}


def test_strain_named_as_a_disease_is_no_author(article):
    assert _events(article, "killed", "H7N3 has killed") == []


def test_nationality_of_people_is_no_state_actor(article):
    assert {e.source_name for e in _events(article, "urged", "Kenyan clerics")} == {"Kenyan clerics"}


def test_an_aim_is_no_request(article):
    assert _events(article, "sought", "assure investors") == []


def test_an_incident_investigated_is_no_accusation(article):
    assert _events(article, "investigated", "visuals of the incident") == []


def test_infinitive_parsed_as_relative_clause_keeps_its_author(article):
    assert {e.source_name for e in _events(article, "strike", "missile types")} == {"Defense Ministry"}
