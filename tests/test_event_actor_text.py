"""An event actor is a name or a noun phrase: a span with no letter or digit (a markup bracket of wire copy that the
parser took for an object) is no actor, whatever role the parse gives it."""

from __future__ import annotations

from newsgraph.annotate.event_actor_phrases import useful_actor
from newsgraph.annotate.resolve import Actor


def test_a_bracket_or_a_dash_is_no_actor():
    assert not useful_actor(Actor(None, ">", 10, 11))
    assert not useful_actor(Actor(None, "--", 10, 12))


def test_phrases_and_numbered_names_stay_actors():
    assert useful_actor(Actor(None, "the 14 banks", 0, 12))
    assert useful_actor(Actor(None, "G-7", 0, 3))
    assert not useful_actor(Actor(None, "they", 0, 4))
