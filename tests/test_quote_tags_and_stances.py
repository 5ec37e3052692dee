"""Spans that are no words said: a speech tag left between quotation marks by straight quotes, and the noun-phrase
object of a denial or a rejection (stop 29's held-out wire audit; stop 28's f454aefc). Our own articles, with
invented people and places."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

TAG = (
    "Harbour police said they were watching a crowd of about 40 fishermen near the pier of Calloway on Saturday.\n\n"
    '"I have to tell you this morning that we have in fact received reports ...\n\n'
    'that up to 40 fishermen are believed to be marching on the pier, "Harbour police spokesman Captain Ivo Brandt '
    "said in Westmere.\n\nBrandt said officers had closed the road to the pier."
)
TAG_AFTER = (
    '"He will fight again in March and we expect a full house, " Valdoran Boxing League President Tomas Reyl said.\n\n'
    "The bout was stopped in the fourth round.\n\nAn armoured carrier was destroyed, confirmed spokesman Ivo Brandt. "
    "\u201cHeavy shootings continue,\u201d he told the Harbour Herald yesterday."
)
DENY = (
    "Governor Alma Teague, 66, has been seen only rarely since the election in May, although her aides have denied a "
    "string of rumours that she has been taken ill again.\n\nThe council rejected the proposal to close the library. "
    "Her spokesman denied that she had met the developer.\n\nMayor Ivo Brandt has dismissed the protests as the work "
    "of rival builders, and last year closed the harbour.\n\nThe Harbour Health Agency confirmed the death of a "
    "five-year-old boy on June 16 was due to bird flu."
)


@pytest.fixture(scope="module")
def articles():
    docs = {"tag": TAG, "tag_after": TAG_AFTER, "deny": DENY}
    out = annotate_many([Extracted(input=k, body=v, kind="body", published="1996-08-30") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def test_speech_tag_between_marks_is_no_quote_and_names_the_speaker(articles):
    quotes = articles["tag"].quotes
    assert not any("said in Westmere" in q.text for q in quotes)
    words = next(q for q in quotes if q.text.startswith("I have to tell you"))
    assert words.kind == "direct" and words.speaker_name and "Brandt" in words.speaker_name


def test_a_quote_before_its_tag_keeps_its_words(articles):
    (q,) = [q for q in articles["tag_after"].quotes if "full house" in q.text]
    assert q.kind == "direct" and "Reyl" in (q.speaker_name or "")
    # a quotation whose own clause has a subject and a verb that may frame speech ("continue") is still the words
    (q,) = [q for q in articles["tag_after"].quotes if "shootings" in q.text]
    assert q.kind == "direct" and q.cue == "told"


def test_noun_object_of_a_denial_or_rejection_is_not_shown(articles):
    quotes = articles["deny"].quotes
    rumours = next(q for q in quotes if "rumours" in q.text)
    proposal = next(q for q in quotes if "proposal" in q.text)
    assert rumours.confidence < THRESHOLD and proposal.confidence < THRESHOLD
    clause = next(q for q in quotes if q.text.startswith("she had met"))
    assert clause.confidence >= THRESHOLD  # a denial with its clause reports words
    # an object with a predicate of its own is the subject of a reported clause (no "that"): words
    death = next(q for q in quotes if "bird flu" in q.text)
    assert death.confidence >= THRESHOLD
