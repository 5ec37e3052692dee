"""Speakers by type and by the syntax of their own clause, and utterances nobody made (issue 11, stop 33 q9).

Our own articles. A date or a time after the cue ("said Thursday morning") is when, never who; a common noun a
relative "which" stands for is a thing or a body, so an agent noun's ending ("cancer") makes no speaker of it; the
"he" of an adverbial clause ("X said Y was right when he said ...") binds the subject of the clause it modifies; "he"
never takes up a body noun ("the current administration"); a speech verb under a verb of wishing ("I hope Norway
says, '...'") reports nothing said.
"""

from __future__ import annotations

import pytest
from conftest import annotated_docs

THRESHOLD = 0.5

DOCS = {
    "weekday": "Retired admiral Tor Lund backed the plan on Wednesday.\n\n"
    "\u201cIt is the right plan. The navy has waited too long,\u201d Lund, a former fleet commander, said Thursday "
    "morning on Radio Velden\u2019s \u201cMorning Hour.\u201d",
    "which": "My uncle died ten years ago of lung cancer, which confirmed what I always suspected. "
    "The ministry, which said on Monday that talks would resume, declined to comment further.",
    "when": "Retired Gen. Karl Moen said Peter Aas was \u201centirely right\u201d when he said on Wednesday that "
    "under the old government, \u201cthe army has been left to rot.\u201d",
    "body": "Retired Gen. Harald Berg spoke in Tarsk on Monday.\n\n"
    "\u201cWe lost good people,\u201d he said.\n\n"
    "According to Berg, the current administration has replaced many commanders because they disagreed.\n\n"
    "\u201cWe are on our fourth minister of defence,\u201d he said.",
    "wish": "Will the inquiries into the senator ever stop? She has done nothing wrong. I hope in 2027 Norway says, "
    "\"Senator Voss, thank you for a lifetime of service.\"\n\n"
    "\u201cI hope we win,\u201d Mayor Ann Reed said on Monday.",
}


@pytest.fixture(scope="module")
def articles():
    return annotated_docs(DOCS)


def _speakers_shown(article, text: str) -> list[str]:
    return [q.speaker_name or "" for q in article.quotes if text in q.text and q.confidence >= THRESHOLD and (q.speaker_confidence or 0) >= THRESHOLD]


def test_a_weekday_after_the_cue_is_no_speaker(articles):
    assert not any("Thursday" in s for s in _speakers_shown(articles["weekday"], "the right plan"))


def test_a_thing_which_confirmed_is_no_speaker_and_a_body_which_said_is(articles):
    doc = articles["which"]
    assert not [q for q in doc.quotes if "always suspected" in q.text and q.confidence >= THRESHOLD]
    assert _speakers_shown(doc, "talks would resume") == ["The ministry"]


def test_he_of_a_when_clause_is_the_subject_of_the_clause_it_modifies(articles):
    said = [q for q in articles["when"].quotes if "left to rot" in q.text and not q.text.startswith("Peter Aas was")]
    spk = [q.speaker_name or "" for q in said if q.confidence >= THRESHOLD and (q.speaker_confidence or 0) >= THRESHOLD]
    assert spk and all("Aas" in s for s in spk), spk  # Moen's words are the whole clause "Peter Aas was ..."


def test_he_never_takes_up_a_body_noun(articles):
    assert not any("administration" in s for s in _speakers_shown(articles["body"], "fourth minister"))


def test_a_wished_for_utterance_is_no_speech_and_a_wish_in_a_quotation_is(articles):
    doc = articles["wish"]
    assert not [q for q in doc.quotes if "thank you for a lifetime" in q.text and q.confidence >= THRESHOLD]
    assert _speakers_shown(doc, "I hope we win") == ["Ann Reed"]


def test_the_class_of_a_date_or_time_phrase_is_no_speaker_and_an_age_is_a_person():
    # the parse of "said Thursday morning" varies; the speaker's class is what decides, read off the phrase's type
    from newsgraph.annotate import language_pipeline
    from newsgraph.annotate.quote_evidence import QuoteEvidence

    nlp = language_pipeline("en")
    ev = QuoteEvidence()
    doc = nlp("Lund spoke on Thursday morning.")
    day = next(t for t in doc if t.text == "Thursday")
    assert ev._noun_class(doc[day.i : day.i + 1]) == "non_speaker"
    doc = nlp("The 26-year-old said the lapses frightened him.")
    old = next(t for t in doc if t.lower_ == "old")
    assert ev._noun_class(doc[0 : old.i + 1]) != "non_speaker"
