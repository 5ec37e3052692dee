"""PLOVER events from the parse: types, coordinated targets, nominal forms, intent and negation."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Chilean President Ana Torres met separately with Argentine President Luis Medina and "
        "Bolivian President Jorge Quispe in Santiago on Monday.",
        "Torres urged Medina to reopen the border crossings.",
        "Peru condemned Bolivia over the seizure of a fishing vessel.",
        "Ecuador will not send troops to the region.",
        "Brazil vetoed the resolution.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def _last(name):
    # compare by surname: titles in names are the entity component's business, not this one's
    return (name or "").split()[-1] if name else None


def events(article, type_):
    names = {e.id: e.name for e in article.entities}
    return [
        (_last(names.get(ev.source or "", ev.source_name)), _last(names.get(ev.target or "", ev.target_name)), ev)
        for ev in article.events
        if ev.type == type_
    ]


def test_met_with_coordinated_targets_gives_two_consult_events(article):
    pairs = {(s, t) for s, t, _ in events(article, "CONSULT")}
    assert ("Torres", "Medina") in pairs
    assert ("Torres", "Quispe") in pairs


def test_location_and_date_come_from_the_sentence(article):
    ev = next(ev for s, t, ev in events(article, "CONSULT") if t == "Medina")
    assert ev.location_name == "Santiago"
    assert ev.date == "2021-06-07"


def test_request_and_accuse(article):
    assert ("Torres", "Medina") in {(s, t) for s, t, _ in events(article, "REQUEST")}
    assert ("Peru", "Bolivia") in {(s, t) for s, t, _ in events(article, "ACCUSE")}


def test_reject(article):
    assert any(s == "Brazil" for s, _, _ in events(article, "REJECT"))


def test_events_have_sentence_spans(article):
    for ev in article.events:
        assert 0 <= ev.start < ev.end <= len(BODY)


MODES = "\n\n".join(
    [
        "Uruguay would free the detained fishermen.",
        "Paraguay wants to attack Bolivia.",
        "Colombia did not support Venezuela.",
        "Chile said Peru attacked Bolivia.",
    ]
)


@pytest.fixture(scope="module")
def modes(selective_nlp):
    return annotate(Extracted(input="m", body=MODES, published="2021-06-09", kind="body"), selective_nlp)


def test_intent_negation_and_allegation(modes):
    assert any(s == "Uruguay" for s, _, _ in events(modes, "AGREE"))
    assert ("Paraguay", "Bolivia") in {(s, t) for s, t, _ in events(modes, "THREATEN")}
    assert ("Colombia", "Venezuela") in {(s, t) for s, t, _ in events(modes, "REJECT")}
    assert ("Chile", "Peru") in {(s, t) for s, t, _ in events(modes, "ACCUSE")}
    assert ("Peru", "Bolivia") in {(s, t) for s, t, _ in events(modes, "ASSAULT")}
