"""A cue verb in a sense without speech reports nobody's words (issue 11, stop 24 round 2).

Our own articles. "call" and "recall" report speech only with a clause, a predicate on the object or a demand
("called the plan a disaster", "called for an inquiry", "recalled that ..."); with a bare object or as a
participle naming a noun they convene, withdraw or name ("called an emergency meeting", "recalled 200 million
jars", "a parasite called X"); "declare" with a bare object proclaims a state ("declared a state of emergency",
'declared a "flu emergency"': the quoted words are a term inside the object), with a clause it reports words.
"said to be" passes on a description from nobody. A test or a sample finds, it does not speak. Such quotes stay in the record below the display threshold; the speech senses stay shown.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

DOCS = {
    "meeting": "Floods hit the north on Monday. Prime Minister Anna Keller called an emergency cabinet meeting "
    "to discuss the damage.",
    "election": "The coalition collapsed in March. Prime Minister Anna Keller called a snap election for June.",
    "recall": "Salmonella was found in a plant in Ohio. The Food Safety Agency has recalled 200 million jars of "
    "peanut butter.",
    "remember": "The former coach spoke at the ceremony. Tom Berg recalled that the team had no money for shoes "
    "in 1970.",
    "naming": "Scientists in Brazil studied three parasites. The two that can harm cattle were picked for the "
    "trial, called Babesia bovis and Babesia bigemina.",
    "hearsay": "Ivan Petrov left Moscow in May. Petrov had met two men at a hotel in Riga, one said to be a "
    "former intelligence officer.",
    "tests": "The plant was closed on Friday. Manager Lisa Hart said the decision was made after laboratory tests "
    "confirmed that the powder in the jars was indeed arsenic.",
    "callit": "Farm prices fell again this year. Senator Mary Cole called the plan a disaster for farmers.",
    "killers": "The bill passed the House on Tuesday. Two senators called tax increases job killers.",
    "callfor": "The audit found gaps in the accounts. Senator Mary Cole called for an inquiry into the spending.",
    "declared": "Clinics in the region are short of beds. Earlier this week, the Mayor of Dunmore declared a \"flu "
    "emergency\" for the town, as 400 cases were reported.",
    "state": "Floods hit the coast on Sunday. Governor Anna Keller declared a state of emergency on Monday.",
    "declaredthat": "The storm moved north overnight. Governor Anna Keller declared that the emergency was over.",
    "callhim": "The vote was close. Senator Mary Cole called him \"a liar\" on Monday.",
}


@pytest.fixture(scope="module")
def articles():
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in DOCS.items()])
    return dict(zip(DOCS, out, strict=True))


def _shown(article, text: str):
    return [q for q in article.quotes if text in q.text and (q.confidence is None or q.confidence >= THRESHOLD)]


@pytest.mark.parametrize(
    ("key", "cue", "text"),
    [
        ("meeting", "called", "emergency cabinet meeting"),
        ("election", "called", "snap election"),
        ("recall", "recalled", "200 million jars"),
        ("naming", "called", "Babesia bovis"),
        ("hearsay", "said", "two men at a hotel"),
        ("tests", "confirmed", "indeed arsenic"),
        ("declared", "declared", "flu emergency"),
    ],
)
def test_a_cue_in_a_sense_without_speech_is_not_shown(articles, key, cue, text):
    assert any(q.cue == cue and text in q.text for q in articles[key].quotes)  # found, kept in the record
    assert not [q for q in _shown(articles[key], text) if q.cue == cue]


def test_a_declared_state_is_no_quote(articles):
    assert not _shown(articles["state"], "state of emergency")


def test_the_hearsay_content_is_not_shown_with_a_speaker(articles):
    assert not _shown(articles["hearsay"], "two men at a hotel")


@pytest.mark.parametrize(("key", "text"), [("callit", "a disaster"), ("killers", "job killers"), ("callfor", "an inquiry"),
                                           ("remember", "no money for shoes"), ("declaredthat", "the emergency was over"),
                                           ("callhim", "a liar")])
def test_the_speech_senses_stay_shown(articles, key, text):
    assert _shown(articles[key], text)


def test_the_report_around_a_finding_keeps_its_speaker(articles):
    said = [q for q in _shown(articles["tests"], "the decision was made") if q.speaker_name]
    assert said and "Hart" in said[0].speaker_name
