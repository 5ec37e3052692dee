"""A disease or a force of nature is no actor of a violent act (issue 11, stop 24, annotate/event_mishaps.py).

Deaths from an outbreak, a virus or a storm are no ASSAULT and, with no one who acted, no event at all: the
[instrument] kinds "disease" and "nature" as the verb's subject, its relative clause's antecedent, its "by" agent,
the "of" object of a sort noun ("a strain of flu") or a two-word kind ("a heat wave"). A person, an armed group
or a weapon as agent stays an ASSAULT.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import events_with_trigger as _events

BODY = "\n\n".join(
    [
        "A salmonella outbreak traced to frozen chicken has killed two people in Ohio, health officials said.",
        "The strain is not the bird flu virus that has killed more than 80 people in Asia.",
        "Three farm workers were killed by the virus in Kerala, the ministry said.",
        "Officials said a new strain of Avian Flu killed 14 people in Hanoi last year.",
        "A heat wave killed 12 people in Lyon.",
        "Ana Ruiz was killed by a soldier at the checkpoint.",
        "A missile killed 12 people in Kharkiv on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(
    "sentence",
    ["A salmonella outbreak", "the bird flu virus", "killed by the virus", "a new strain of Avian Flu", "A heat wave"],
)
def test_a_disease_or_the_weather_is_no_actor_of_an_assault(article, sentence):
    assert not _events(article, "killed", sentence)


@pytest.mark.parametrize(("sentence", "target"), [("by a soldier", "Ana Ruiz"), ("A missile", None)])
def test_a_person_or_a_weapon_stays_an_assault(article, sentence, target):
    killed = _events(article, "killed", sentence)
    assert any(ev.type == "ASSAULT" for ev in killed)
    assert target is None or any(ev.target_name == target for ev in killed)
