"""A verb with a particle is another predicate unless data/plover.tsv lists the phrasal form."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "A federal court in Texas struck down the order issued by Governor Mark Ellison on Tuesday.",
        "Lisbon United signed up striker Paulo Mendes on Friday.",
        "The Ukrainian army shot down a Russian helicopter near Kharkiv.",
        "Spain cut off aid to Venezuela.",
        "Russia struck Ukraine overnight.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _triggers(article):
    return {(ev.type, ev.trigger) for ev in article.events}


def test_unlisted_particle_verbs_are_not_events(article):
    # "struck down" an order is not an assault, "signed up" a player is no support
    assert not [ev for ev in article.events if ev.trigger == "signed"]
    assert [ev.source_name for ev in article.events if ev.trigger == "struck"] == ["Russia"]


def test_listed_phrasal_forms_and_bare_verbs_stay(article):
    types = _triggers(article)
    assert ("ASSAULT", "shot") in types  # shoot down: listed
    assert ("SANCTION", "cut") in types  # cut off: listed
    assert any(ev.type == "ASSAULT" and ev.trigger == "struck" and ev.source_name == "Russia" for ev in article.events)
