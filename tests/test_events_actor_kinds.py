"""The source of an act is an actor (issue 11, stop 27; event_actor_kinds.py).

- A disaster or a disease as the author of an act makes no event of any type ("the earthquake that has killed"), also
  where the parse hides the author (a participle with an object, "an outbreak of cholera killed"; the controller of
  a complement, "the virus is feared to invade"), and an illness named by a trigger noun ("a heart attack").
- A thing as the source of a type that needs an author (plover.tsv [actor_source]: ASSAULT, COERCE, ACCUSE, ...)
  makes no event ("the worst hit areas of the quake that has killed").
- The "by" phrase of a legal passive that is no actor names the means ("arrested for theft by unlawful taking"): the
  act stands with no source.
- A person, a body, a state, a nationality, a name, a people noun, an institution noun or a resolved pronoun stays an
  actor; a weapon's act with no author stays an act by someone unnamed.
Every sentence is invented.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "Rescuers reached the worst hit areas of the Borduria earthquake that has killed more than 3,000 people.",
        "The earthquake killed 40 people in Goma on Monday.",
        "Hurricane Olga destroyed 300 homes and killed 12 people in Ruritania.",
        "The report accused Dan Hale of fraud.",
        "A man wanted for violating his parole gravely wounded Officer Tim Ortiz on Sunday.",
        "Ruritanian troops attacked the village of Mora on Tuesday.",
        "The council accused the mayor, Lena Ruiz, of hiding the costs.",
        "Police arrested Tom Vale in Goma on Friday.",
        "The Ruritanian army shelled Borduria's border posts.",
        "Protesters attacked the Ruritanian embassy in Goma.",
        "The court sentenced Ana Ortiz to two years.",
        "Dan Hale said Borduria attacked his village.",
        "Tom Reed, 34, of Goma, was arrested Saturday for misdemeanor theft by unlawful taking.",
        "State health officials in Mora declared an emergency after an outbreak of cholera killed over 60 people.",
        "Last night Tom Reed suffered a heart attack.",
        "The virus is feared to invade northern Borduria.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(
    ("trigger", "sentence"),
    [
        ("killed", "worst hit areas"),
        ("killed", "The earthquake killed"),
        ("killed", "Hurricane Olga"),
        ("destroyed", "Hurricane Olga"),
        ("killed", "an outbreak of cholera"),  # a participle with an object: the noun it hangs on is its subject
        ("attack", "a heart attack"),  # an illness named by a trigger noun
        ("invade", "The virus is feared"),  # the controller of the complement is the virus
    ],
)
def test_no_actor_no_act(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize(
    ("trigger", "sentence", "source"),
    [
        ("attacked", "Ruritanian troops", "Ruritanian troops"),
        ("accused", "The council accused", "The council"),
        ("arrested", "Police arrested", "Police"),
        ("shelled", "The Ruritanian army", "The Ruritanian army"),
        ("attacked", "Protesters attacked", "Protesters"),
        ("sentenced", "The court sentenced", "The court"),
        ("wounded", "violating his parole", "A man"),
    ],
)
def test_actors_stay(article, trigger, sentence, source):
    found = _events(article, trigger, sentence)
    assert found, (trigger, sentence)
    assert any((e.source_name or "").lower().endswith(source.lower().split()[-1]) for e in found), [(e.type, e.source_name, e.target_name) for e in found]


LAW_BODY = "\n\n".join(
    [
        "On Saturday local farmers said a meteorite slammed into a field near Goma, on the border of Ruritania. It has now been blamed for a mass illness.",
        "The Goma Farmers Union met in Mora on Monday. It accused Dan Hale of fraud.",
        "The Ruritania Malaria Initiative provided the funds to the clinic in Goma.",
        "The two suspects were charged for violation of the Borduria Consumer Act or the Meat Inspection Code.",
    ]
)


@pytest.fixture(scope="module")
def laws(selective_nlp):
    return annotated_body(LAW_BODY, selective_nlp)


def test_a_law_is_no_patient(laws):
    targets = {e.target_name for e in _events(laws, "charged")}
    assert not any(t and ("Code" in t or "Act" in t) for t in targets), targets
    assert "The two suspects" in targets  # the state charges them by convention: no named actor needed


def test_a_pronoun_for_a_thing_beside_a_place_is_no_actor(laws):
    assert _pairs(laws, "blamed", "blamed for a mass illness") == set()


def test_a_pronoun_for_an_actor_stays(laws):
    assert ("ACCUSE", "Goma Farmers Union", "Dan Hale") in _pairs(laws, "accused", "It accused")


def test_a_disease_before_a_bodys_name_leaves_the_body(laws):
    provided = _events(laws, "provided")
    assert provided and all(e.source_name for e in provided)  # no disease acting for no one


def test_a_legal_passives_means_is_no_author(article):
    assert _pairs(article, "arrested", "by unlawful taking") == {("COERCE", None, "Tom Reed")}


def test_a_clause_made_of_a_weapon_phrase_is_read_by_its_subject(selective_nlp):
    from newsgraph.annotate.event_actor_kinds import head_noun

    doc = selective_nlp("Missiles fired from the north struck the town.")
    span = doc[0:5]
    assert head_noun(span).text == "Missiles"
