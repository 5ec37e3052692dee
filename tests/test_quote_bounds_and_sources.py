"""Quote spans and speakers bounded by the sentence and the parse; documents as sources (stop 27, helper q2).

Our own articles, with invented names, written to the shapes of the broad error classes left on the judged draws:
- a short quoted name right after ", or" or "(" is another name of the thing named before it (a gloss), not words;
- reported content never holds its own speaker (a source that lost a full stop runs "said X, from the Group" into
  the next sentence);
- a straight quotation that lost its closing mark ends with its first sentence, not at the next quotation's
  opening mark; a passive frame whose subject points back at the quotation ("This question ... was answered by")
  names no speaker of it;
- "according to X" reports the clause it modifies by the parse ("A, but according to X, B": B);
- a sentence ending inside closing quotation marks ('... matter." And one blogger ...') bounds the next frame;
- a title whose parts are coordinated, then the name between commas: the person speaks;
- a pronoun whose antecedent is only mentioned inside what an earlier quote reports is contested (hidden);
- initials after "the" that the parser read as the relative pronoun "who" are part of the speaker's title;
- an amount pledged ("pledged 10 million dollars in assistance") is an act, no words; a promise with a clause stays;
- reported content never holds its own cue ('"To me, this is too much," said X' is the quotation's frame);
- a publication is a source of an inference verb ("the press release suggests"), a thing is not.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

DOCS = {
    "naming": "The Food Agency has confirmed that a cow in Norland tested positive for bovine spongiform "
    "encephalopathy, or \"mad cow disease\". Officials announced on Friday that initial tests had come back "
    "inconclusive.",
    "runon": "Storms damaged hundreds of homes in Tarrow. \"Some homes will need complete rebuilding. But right now "
    "let's get people settled as much as we can.\" said Mira Kent, from the Disaster Group Hospitals are unable to "
    "cope with the lack of clean water. There are concerns about fever.",
    "question": "Parents were worried about the plant. \"How many businesses in Elmford need permits for "
    "emissions?\" This question Dunmore posed at the last meeting was answered by the district, who provided maps "
    "of the city. \"I can tell you one thing, at the end of the meeting, we won't have all of the answers. Initial "
    "concerns were raised when five boys were diagnosed with leukemia in 2002. The centre told parents that the "
    "cases \"were in an acceptable range\". Parents remain unconvinced.",
    "according": "Thousands of people are camping in the hills. They are too afraid to return home due to fears of "
    "another wave, but according to the Daily Courier, health officials are worried about the threat of disease.",
    "according_lead": "The count is not over. The race is too close to call, according to a poll published on "
    "Thursday, three days before the vote.",
    "title": "The agency has launched an appeal for $42 million. Agency Chief of Humanitarian Affairs and Emergency "
    "Relief, Tomas Brevik, says the funds are urgently needed to help 500,000 people.",
    "title2": "The agency has launched an appeal for $42 million to assist victims of violence in Norland. U.N. "
    "Chief of Humanitarian Affairs and Emergency Relief, Tomas Brevik, says the funds are urgently needed to provide "
    "humanitarian assistance.",
    "itdoc": "Some women may have to travel abroad to give birth. According to a Westbury press release, the Harlow "
    "Perinatal Service will remain closed until there are no new infections. It further explains that such "
    "outbreaks are rare and that several measures have been put in place.",
    "pledge": "Floods hit the north. The government pledged 10 million dollars in assistance following the first "
    "reports. The mayor promised that a new bridge would open in May.",
    "ownframe": "Dunn then introduced a teacher, Tammy Sanz. Tammy said, \"In December we received some very "
    "disturbing news. One of my students was ill. Sanz then explained about more deaths near the school. \"To me, "
    "this is way too much,\" said Sanz.",
    "postframe": "Farmers are worried. A cow in the province of Westmark has tested positive for the disease, said "
    "food agency officials on Friday.",
    "blogger": "Geologist Anna Pell visited the site and did not find a 'crater' but \"a lake of mud, which may be "
    "full of smelly matter.\" And one science blogger, Rob Tesk, theorized that in fact the crater is a mud volcano "
    "\"that is producing toxic gasses such as methane.\"",
    "release": "Several babies fell ill at the hospital. The Brightwater press release suggests that the organism "
    "has caused a variety of infections to the skin of the babies.",
    "publication": "The fungus is spreading west. The publication predicts that at the current rate, the fungus "
    "will reach the coast before 2012.",
    "initials": "Egypt reported its first cases on Friday. \"There is avian flu now in Egypt,\" Idris Mallow, "
    "regional adviser for communicable diseases of the WHO said.",
}


@pytest.fixture(scope="module")
def articles():
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in DOCS.items()])
    return dict(zip(DOCS, out, strict=True))


def _shown(article, contains: str) -> list:
    return [q for q in article.quotes if contains in q.text and (q.confidence or 0) >= THRESHOLD]


def _all(article) -> list:
    return [(q.kind, q.text, q.speaker_name, q.confidence) for q in article.quotes]


def test_a_quoted_other_name_is_no_quote(articles):
    assert not [q for q in _shown(articles["naming"], "mad cow disease") if q.kind == "partial"], _all(articles["naming"])
    assert _shown(articles["naming"], "initial tests had come back")


def test_reported_content_never_holds_its_speaker(articles):
    assert not [q for q in articles["runon"].quotes if "Hospitals are unable" in q.text], _all(articles["runon"])
    hits = _shown(articles["runon"], "complete rebuilding")
    assert hits and hits[0].speaker_name == "Mira Kent"


def test_a_lost_closing_mark_ends_the_quotation_with_its_sentence(articles):
    quotes = articles["question"].quotes
    assert not [q for q in quotes if "Initial concerns" in q.text or "answered" in q.text], _all(articles["question"])
    first = [q for q in quotes if q.text.startswith("How many businesses")]
    assert first and first[0].speaker_name != "This question" and "I can tell" not in first[0].text


def test_according_to_reports_the_clause_it_modifies(articles):
    hits = [q for q in articles["according"].quotes if q.cue == "according to"]
    assert hits and hits[0].text.startswith("health officials are worried"), _all(articles["according"])
    assert not [q for q in hits if "too afraid" in q.text]


def test_according_to_after_the_sentence_keeps_the_sentence_before(articles):
    hits = [q for q in articles["according_lead"].quotes if q.cue == "according to"]
    assert hits and hits[0].text == "The race is too close to call", _all(articles["according_lead"])


def test_a_quotation_ending_a_sentence_bounds_the_next_frame(articles):
    assert not [q for q in articles["blogger"].quotes if "toxic gasses" in q.text and q.speaker_name == "Anna Pell"], _all(articles["blogger"])


@pytest.mark.parametrize("key", ["title", "title2"])
def test_the_person_after_a_coordinated_title_speaks(articles, key):
    hits = _shown(articles[key], "the funds are urgently needed")
    assert hits and hits[0].speaker_name == "Tomas Brevik", _all(articles[key])


def test_a_pronoun_does_not_take_a_name_only_reported_about(articles):
    hits = _shown(articles["itdoc"], "outbreaks are rare")
    assert hits, _all(articles["itdoc"])
    assert "Perinatal" not in (hits[0].speaker_name or "") or (hits[0].speaker_confidence or 0) < THRESHOLD


def test_initials_after_the_are_no_relative_pronoun(articles):
    hits = _shown(articles["initials"], "avian flu now in Egypt")
    assert hits and hits[0].speaker_name == "Idris Mallow", _all(articles["initials"])


@pytest.mark.parametrize("key,text", [("release", "the organism has caused"), ("publication", "the fungus will reach")])
def test_a_publication_is_a_source_of_an_inference(articles, key, text):
    hits = _shown(articles[key], text)
    assert hits, _all(articles[key])
    assert (hits[0].speaker_confidence or 0) < THRESHOLD  # a document: the attribution is real, the speaker hidden


def test_an_amount_pledged_is_no_quote(articles):
    assert not _shown(articles["pledge"], "10 million dollars"), _all(articles["pledge"])
    assert _shown(articles["pledge"], "a new bridge would open")


def test_reported_content_never_holds_its_cue(articles):
    assert not [q for q in articles["ownframe"].quotes if q.kind == "indirect" and "said" in q.text], _all(articles["ownframe"])
    assert not [q for q in articles["postframe"].quotes if "said" in q.text], _all(articles["postframe"])
    assert _shown(articles["postframe"], "tested positive for the disease")
