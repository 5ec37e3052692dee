"""Scare quotes that name a thing, and partial quotes no cue governs, are no reported speech (issue 11, stop 24).

Our own articles. A quoted word premodifying a noun ('the "relief" payments') is the name of a kind of thing; a
partial quote whose cue stands in another clause is the writer's quotation marks or someone else's word. Both stay
in the record below the display threshold; a quoted predicate under its cue ('called it a "grave error"') is shown.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

BUDGET = "\n\n".join(
    [
        "The county unveiled its new budget on Thursday after three months of talks.",
        'Treasurer Paul Wendt suggested some of the measures planned by the county, including lower fees and '
        'twice yearly "relief" payments, would soften the blow for families.',
        'Wendt called the spending plan a "grave error" in an interview on Friday.',
    ]
)
MILL = "\n\n".join(
    [
        "Workers at the Halden mill said the company had ignored their complaints for years.",
        'One worker who spoke at the meeting had come out saying the machines were unsafe, but managers felt '
        'it was "overblown" and nothing was done.',
    ]
)


DESCRIBED = "\n\n".join(
    [
        "The mayor defended the new levy on Monday.",
        'Councillor Ruth Adler simply described the fee increases as "a sensible way to pay for roads," saying '
        "the city had no choice.",
    ]
)
CHOIR = "\n\n".join(
    [
        "Maya Lund grew up in a small town in Maine and began preaching at nineteen.",
        'At five, she climbed onto a chair in the village hall shouting: "I want to sing! Let me sing!" '
        "The elders said she was too young to join the choir.",
    ]
)
CRASH = "\n\n".join(
    [
        "Two men were hurt when their truck left the road near Millbrook on Sunday.",
        'The driver was in "serious but stable" condition, according to a hospital spokesperson.',
    ]
)


@pytest.fixture(scope="module")
def articles():
    docs = {"budget": BUDGET, "mill": MILL, "described": DESCRIBED, "choir": CHOIR, "crash": CRASH}
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def _quotes(article, text: str):
    return [q for q in article.quotes if q.text.startswith(text)]


def test_a_quoted_premodifier_of_a_noun_is_a_term_not_speech(articles):
    hits = _quotes(articles["budget"], "relief")
    assert all(q.confidence is None or q.confidence < THRESHOLD for q in hits)


def test_a_quoted_predicate_under_its_cue_stays_shown(articles):
    hits = _quotes(articles["budget"], "grave error")
    assert hits and all(q.confidence >= THRESHOLD for q in hits)
    assert hits[0].speaker_name and "Wendt" in hits[0].speaker_name


def test_a_partial_quote_in_another_clause_than_its_cue_is_not_shown(articles):
    hits = _quotes(articles["mill"], "overblown")
    assert all(q.confidence is None or q.confidence < THRESHOLD for q in hits)


def test_the_object_of_described_as_is_not_the_words_said(articles):
    art = articles["described"]
    assert all(q.confidence < THRESHOLD for q in art.quotes if q.text == "the fee increases")
    said = _quotes(art, "a sensible way")
    assert said and said[0].confidence >= THRESHOLD and said[0].speaker_name == "Ruth Adler"


def test_a_colon_frame_before_a_cry_beats_a_cue_of_the_next_sentence(articles):
    hits = _quotes(articles["choir"], "I want to sing")
    assert hits
    assert all(q.speaker_name is None or "elders" not in q.speaker_name for q in hits)


def test_a_quoted_adjective_before_a_noun_with_a_source_stays_shown(articles):
    hits = _quotes(articles["crash"], "serious but stable")
    assert hits and all(q.confidence >= THRESHOLD for q in hits)
