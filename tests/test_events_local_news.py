"""Event error classes of local crime and civic news (issue 11, stop 22), read from the verb's arguments.

- An indictment or a prosecution is a legal charge, ACCUSE (data/plover.tsv: indict, prosecute); an arrest or a
  sentence stays COERCE.
- A plea ("pleaded guilty") is no REQUEST: plead asks only with "for" or "with" ("pleaded with X for aid").
- A score among a hostile verb's arguments is a sports result ("beat Northgate 2-1"); "beat X with sticks" stays.
- A part of a hyphenated compound of three or more words names something else ("a tug-of-war"), and a light verb
  (data [light]: engage) whose prepositional object names no act is no act ("engaged in a tug-of-war"; "engaged in
  fighting" stays).
- The object's kind gives a verb another sense (data [other_sense]): "complained of chest pain" (every "of" object a
  thing) is a symptom, "visited the Rossi family" (data [kin]) a private visit, "was granted a permit" (data
  [permission]) an administrative act; a sum of money is a thing ("received $50" is no visit received).
- A place name that only modifies a noun introduced by "a" or a number ("A Chicago man") says where the one meant
  is from: the target is the man, not the town.
- A passive's "by" that the parser hung on a noun of one of its prepositional phrases ("sentenced ... at the County
  Courthouse by Judge X") still names its agent.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Martin Hale, 41, of Lindell was indicted Monday on a felony charge of theft.",
        "Prosecutors in Lindell will prosecute Dana Ruiz for fraud, the county said.",
        "In January, Martin Hale pleaded guilty to the felony offense of theft.",
        "Governor Ana Ortiz pleaded with President Omar Haidari for more flood aid.",
        "The Lindell Rovers beat the Goma Stars 2-1 on Saturday.",
        "The Lindell Defence Force beat Ben Okafor with sticks on Sunday.",
        "Moldova and Chad are engaged in a tug-of-war over the river.",
        "The Lindell Front engaged in fighting with Chad near Goma.",
        "Officer Petra Novak complained of chest pain after the crash.",
        "Senator Ana Ruiz complained of harassment by Mayor Lena Ortiz.",
        "Dana Wu visited the Rossi family in June. Senator Ana Ruiz visited Moldova in June.",
        "Coastal Drilling was granted a permit to drill on the farm.",
        "Emma Cole received $50 with her certificate.",
        "A Chicago man was arrested on Tuesday, police said.",
        ("Tom Hale, 54, of Goma was sentenced to two years in a state jail facility Friday at the Morris County "
         "Courthouse by District Judge Ann Pierce."),
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_an_indictment_is_a_legal_charge(article):
    indicted = _events(article, "indicted")
    assert indicted and all(ev.type == "ACCUSE" for ev in indicted)
    assert any(ev.target_name == "Martin Hale" for ev in indicted)
    assert all(ev.type == "ACCUSE" for ev in _events(article, "prosecute"))


@pytest.mark.parametrize(
    ("trigger", "other_sense", "act", "type_"),
    [
        ("pleaded", "pleaded guilty", "flood aid", "REQUEST"),  # a plea is no request; pleading with X for aid is
        ("beat", "2-1", "with sticks", "ASSAULT"),  # a score makes a sports result
        ("engaged", "tug-of-war", "in fighting", "ASSAULT"),  # a light verb takes its object's act, if any
        ("complained", "chest pain", "harassment", "ACCUSE"),  # a symptom is no complaint about anyone
        ("visited", "Rossi family", "Ana Ruiz visited", "CONSULT"),  # a family visit is private
    ],
)
def test_the_arguments_give_the_verb_its_sense(article, trigger, other_sense, act, type_):
    assert not _events(article, trigger, other_sense)
    kept = _events(article, trigger, act)
    assert kept and all(ev.type == type_ for ev in kept)


def test_a_hyphenated_compound_names_no_act(article):
    assert not [ev for ev in article.events if "tug-of-war" in article.body[ev.start : ev.end]]


def test_a_permit_or_money_is_no_aid_or_visit(article):
    assert not _events(article, "granted")
    assert not [ev for ev in _events(article, "received") if ev.type == "CONSULT"]


def test_a_place_modifying_a_person_is_no_target(article):
    arrests = _events(article, "arrested", "A Chicago man")
    assert arrests and all(ev.target_name != "Chicago" for ev in arrests)
    assert any(ev.target_name == "A Chicago man" for ev in arrests)


def test_a_by_phrase_hung_on_a_place_names_the_agent(article):
    sentenced = _events(article, "sentenced")
    assert any(ev.source_name == "Ann Pierce" and ev.target_name == "Tom Hale" for ev in sentenced)
    assert all(ev.target_name != "Ann Pierce" for ev in sentenced)
