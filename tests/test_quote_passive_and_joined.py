"""Who speaks in a passive frame, quotations of two speakers side by side, and a recall that is no speech (issue 11,
stop 25 round 2). Our own articles, invented names.

- "X was told by her surgeon, '...'": the agent of a passive verb of speech speaks, the subject is spoken to; with
  no agent nobody is named.
- '"A," X told the paper. "B." "C," Y told the paper. "D."': B is X's second part (a quotation that ends its
  sentence does not take the frame after the next quotation), C and D are Y's.
- "On March 3, X recalled all of its food ...": a date's "on" before the verb is no demand ("called on"); the
  recall has a bare object and reports no speech.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

DOCS = {
    "told_by": 'Doctors in Akron were alarmed. Mary Palen of Akron, Ohio was told by her surgeon, "The implants you '
    'got might have been faulty."',
    "told": 'Mary Palen went back to the clinic. Mary Palen was told: "Your implants might have been faulty."',
    "joined": 'The scientist died on Monday. "For ten years, Dr. Horn fully cooperated with the inquiry," Mr. Lott '
    'told the Daily Star. "The endless pressure of suspicion wore him down." "Everybody is rushing to judgement," '
    'Mr. Brand told the Daily Star. "That is a weak theory."',
    "recall": "Pet owners were worried. On March 3, the maker of the food, Brill Foods, which is based in Dayton, "
    "recalled all of its dog and cat food which totaled over 20 million cans.",
}


@pytest.fixture(scope="module")
def articles():
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in DOCS.items()])
    return dict(zip(DOCS, out, strict=True))


def _quote(article, text: str):
    hits = [q for q in article.quotes if text in q.text]
    assert hits, [q.text for q in article.quotes]
    return hits[0]


def test_the_one_told_is_not_the_speaker(articles):
    q = _quote(articles["told_by"], "might have been faulty")
    assert "Palen" not in (q.speaker_name or "")
    q = _quote(articles["told"], "might have been faulty")
    assert "Palen" not in (q.speaker_name or "") or (q.speaker_confidence or 0) < THRESHOLD


def test_two_speakers_quotations_stay_apart(articles):
    second = _quote(articles["joined"], "wore him down")
    assert "Lott" in second.speaker_name
    assert "Everybody" not in second.text
    third = _quote(articles["joined"], "Everybody is rushing")
    assert "Brand" in third.speaker_name and third.kind == "direct"
    assert "wore him down" not in third.text


def test_a_recall_after_a_date_is_no_speech(articles):
    shown = [q for q in articles["recall"].quotes if "dog and cat food" in q.text and (q.confidence or 0) >= THRESHOLD]
    assert shown == []
