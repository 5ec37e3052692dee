"""Evidence and confidence of quotes, events, facts and dates: what the text does not support stays below the
display threshold, what it states plainly stays above it. Articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.dates import find_dates
from newsgraph.records import Extracted

THRESHOLD = 0.5


@pytest.fixture(scope="module")
def nlp(selective_nlp):
    return selective_nlp


def run(nlp, body: str, published: str = "2024-03-14"):
    return annotate(Extracted(input="t", body=body, published=published, kind="body"), nlp)


def test_direct_quote_with_a_named_speaker_is_sure(nlp):
    art = run(nlp, '"We will rebuild the bridge by spring," said Mayor Ana Ortiz of Bellwater.')
    q = next(q for q in art.quotes if q.kind == "direct")
    assert q.confidence >= 0.8 and q.speaker_confidence >= 0.8


def test_indirect_quote_needs_a_speaker_that_can_speak(nlp):
    art = run(nlp, "The brochure says that the shelters hold 6,000 people.\n\nPolls show that most voters back the plan.")
    assert art.quotes, "the quote finder reports them; the evidence keeps them below the threshold"
    assert all(q.confidence < THRESHOLD for q in art.quotes if q.kind == "indirect")


def test_indirect_quote_of_an_official_is_shown(nlp):
    art = run(nlp, "Residents said the bridge collapsed shortly after the storm on Tuesday.")
    q = next(q for q in art.quotes if q.kind == "indirect")
    assert q.confidence >= THRESHOLD


def test_a_call_to_action_reports_nobody(nlp):
    art = run(nlp, "Anna Berg wrote the guide.\n\nTell us what you think about the new timetable.")
    assert all(q.confidence < THRESHOLD for q in art.quotes if q.cue and q.cue.lower().startswith("tell"))


def test_events_that_did_not_happen_keep_their_status(nlp):
    body = "\n\n".join(
        [
            "The Velorian army attacked the town of Marsk on Monday.",
            "The Velorian army did not attack the port of Ostra.",
            "If talks fail, Veloria will attack Ostra.",
            "Sign up to support the Velorian relief fund today.",
        ]
    )
    art = run(nlp, body)
    by_sentence = {body[e.start : e.end].split()[1]: e.status for e in art.events}
    statuses = [e.status for e in art.events]
    assert "asserted" in statuses
    assert any(s != "asserted" for s in statuses)
    done = [e for e in art.events if e.status == "asserted"]
    assert all("Marsk" in body[e.start : e.end] for e in done), by_sentence


def test_an_act_on_a_thing_is_doubtful(nlp):
    art = run(nlp, "The Lumen bar offers a new menu and cocktails.")
    assert all(e.confidence < THRESHOLD for e in art.events)


def test_a_passive_subject_is_not_the_source(nlp):
    art = run(nlp, "Karl Weiss was arrested in Bellwater on Monday.")
    evs = [e for e in art.events if e.source_name and "Weiss" in e.source_name]
    assert all(e.source_confidence < THRESHOLD for e in evs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were killed two weeks ago in the town.", [("killed", 2)]),
        ("The pair were detained at 3am on Sunday.", []),
        ("A man aged 40 was killed in the crash.", []),
        ("The home side won 3-1 after two players were injured.", [("injured", 2)]),
        ("At least 12 people were killed and 30 injured in the blast.", [("killed", 12), ("injured", 30)]),
        ("The war has killed more than 39,000, officials said.", [("killed", 39000)]),
        ("Floods displaced 500,000 and killed 185 people.", [("displaced", 500000), ("killed", 185)]),
        ("Members of Teamsters Local 90 rallied outside the depot.", []),
        ("One of the protesters, a teacher, spoke to reporters.", []),
    ],
)
def test_facts_count_the_noun_they_are_bound_to(nlp, text, expected):
    art = run(nlp, text)
    assert [(f.kind, f.value) for f in art.facts] == expected
    assert all(0.0 <= f.confidence <= 1.0 for f in art.facts)


def test_dates_read_with_their_neighbours():
    anchor = dt.date(2025, 5, 21)
    got = {d.text: (d.value, d.confidence) for d in find_dates("On Friday, April 17, the gallery opens.", anchor)}
    assert got == {"On Friday, April 17": ("2025-04-17", got["On Friday, April 17"][1])}
    assert find_dates("The Good Friday Agreement holds.", anchor) == []
    (d,) = find_dates("The sum was allocated in November last year.", anchor)
    assert d.value == "2024-11"


def test_date_evidence_orders_the_raw_scores():
    """The raw evidence (before the calibration map, which may pool neighbouring scores) ranks an explicit date
    above a bare weekday above a generic "today"."""
    from benchmarks.calibrate_items import raw_scores

    anchor = dt.date(2025, 5, 21)
    with raw_scores():
        explicit = find_dates("The vote was held on 3 February 2025.", anchor)[0].confidence
        weekday = find_dates("The vote was held on Saturday.", anchor)[0].confidence
        generic = find_dates("Today's sleeping bags are light.", anchor)[0].confidence
    assert explicit > weekday > generic


def test_isotonic_fit_keeps_the_steps_of_tied_scores():
    """Raw scores come in few distinct values; each value's items are one group before PAV compares them."""
    from benchmarks.calibration import fit_isotonic

    scores, labels = [], []
    for x, n, right in ((0.2, 40, 10), (0.5, 40, 24), (0.9, 40, 38)):
        scores += [x] * n
        labels += [1] * right + [0] * (n - right)
    xs, ys = fit_isotonic(scores, labels)
    assert xs == [0.2, 0.5, 0.9]
    assert ys[0] < 0.3 < ys[1] < 0.7 < ys[2]


def test_a_count_of_dead_animals_is_no_shown_count_of_people(nlp):
    art = run(nlp, "The farmer found four dead chickens in the barn, then 16 more. Two dead workers were also found.")
    shown = {(f.kind, f.value) for f in art.facts if f.confidence >= 0.5}
    assert ("killed", 4) not in shown
    assert ("killed", 2) in shown
