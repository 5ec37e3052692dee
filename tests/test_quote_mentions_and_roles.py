"""Quotations that name, refusals that report no words, cut frames, and who speaks for a role (issue 11, stop 32).

Our own articles. A quotation introduced by a naming noun or participle ('the words "X"', 'her podcast, "Night
Shift."', 'a song titled "X"') is a mention, not speech; "denied a permit application to ..." refuses a thing; a
frame set off by commas ("The trick, they said, will be for ...") never cuts its content after an opener; the agent
of a passive verb of speech speaks; "who" after a predicate noun is the copula's subject; a role phrase whose
capitalised modifier differs from an introduction's is not that person.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

WORDS = "\n\n".join(
    [
        "Mayor Dana Whitlock spoke to reporters at City Hall on Tuesday.",
        'Whitlock defended the plan, saying her decision to drop the words "urban renewal" from the bill was a '
        '"sensible" choice.',
        'She also appeared on Mark Ruben\'s podcast, "Night Shift." The episode drew a large audience.',
        'Whitlock told the council in her own words, "We will not back down."',
        'Whitlock said the words "divide" neighbours from each other.',
        'Whitlock said the words "lump" the good farmers with the bad.',
    ]
)
PERMIT = "\n\n".join(
    [
        "The city's planning board met on Thursday to review three building projects.",
        "The board on Thursday denied Halvorsen's application to build a tower on the pier the developer had "
        "promised to the harbour trust after they met last spring.",
        "The board said the tower would block the view of the old lighthouse.",
    ]
)
TRICK = "\n\n".join(
    [
        "Traders at two Oslo banks said the central bank would keep rates on hold this month.",
        "The trick, they said, will be for the ministers to continue to convince investors that the budget will "
        "balance.",
    ]
)
CHARLATAN = "\n\n".join(
    [
        "Dr. Lena Marsh hosts a popular health programme on regional television.",
        'Marsh has been called a fraud by fellow doctors for promoting "phony" diet pills on air.',
    ]
)
EPITHETS = "\n\n".join(
    [
        "The council election in Brackton is next week.",
        "Editor's note: Victor Hale is a habitual liar, notorious bully and fraud who has repeatedly promised to "
        "close every library in the county.",
    ]
)
NOMINEES = "\n\n".join(
    [
        "Green Party nominee Ingrid Solberg and Labour Party nominee Tomas Berg campaigned in Bergen on Monday.",
        "Labour Party nominee Tomas Berg visited a shipyard in the morning.",
        "Ingrid Solberg spoke at a school in the afternoon.",
        "The Green nominee says every child should have a teacher who knows their name.",
    ]
)
INITIALS = "\n\n".join(
    [
        "Republican presidential nominee Walter Brandt spoke in Ohio on Monday.",
        "The GOP presidential nominee says taxes are too high.",
    ]
)


@pytest.fixture(scope="module")
def articles():
    docs = {
        "words": WORDS,
        "permit": PERMIT,
        "trick": TRICK,
        "charlatan": CHARLATAN,
        "epithets": EPITHETS,
        "nominees": NOMINEES,
        "initials": INITIALS,
    }
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def _quotes(article, text: str):
    return [q for q in article.quotes if q.text.startswith(text)]


def test_a_quotation_after_the_words_is_a_mention_not_speech(articles):
    hits = _quotes(articles["words"], "urban renewal")
    assert hits and all(q.confidence < THRESHOLD for q in hits)


def test_a_title_after_a_naming_noun_is_a_mention_not_speech(articles):
    hits = _quotes(articles["words"], "Night Shift")
    assert all(q.confidence < THRESHOLD for q in hits)


def test_her_words_introduce_her_speech(articles):
    hits = _quotes(articles["words"], "We will not back down")
    assert hits and all(q.confidence >= THRESHOLD for q in hits)


def test_a_quoted_predicate_after_the_words_is_speech(articles):
    for word in ("divide", "lump"):
        hits = [q for q in articles["words"].quotes if q.text.strip('"') == word]
        assert hits and all(q.confidence >= THRESHOLD for q in hits), word


def test_a_refused_application_is_no_words(articles):
    hits = _quotes(articles["permit"], "Halvorsen")
    assert all(q.confidence < THRESHOLD for q in hits)
    said = _quotes(articles["permit"], "the tower would block")
    assert said and said[0].confidence >= THRESHOLD


def test_a_mid_sentence_frame_does_not_cut_the_content_after_an_opener(articles):
    hits = [q for q in articles["trick"].quotes if q.text.startswith("The trick")]
    assert hits
    assert all("ministers" in q.text for q in hits), [q.text for q in hits]


def test_the_agent_of_a_passive_speech_verb_speaks(articles):
    hits = _quotes(articles["charlatan"], "phony")
    assert hits
    assert all(q.speaker_name is None or "Marsh" not in q.speaker_name for q in hits)


def test_who_after_a_list_of_epithets_is_the_person_described(articles):
    hits = _quotes(articles["epithets"], "to close every library")
    assert hits
    assert hits[0].speaker_name == "Victor Hale"


def test_a_role_with_another_party_is_not_that_nominee(articles):
    hits = _quotes(articles["nominees"], "every child should have")
    assert hits
    assert all(q.speaker_name is None or "Berg" not in q.speaker_name for q in hits)


def test_a_role_with_initials_keeps_the_introduced_nominee(articles):
    hits = _quotes(articles["initials"], "taxes are too high")
    assert hits and hits[0].speaker_name == "Walter Brandt"
