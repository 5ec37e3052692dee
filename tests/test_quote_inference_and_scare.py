"""Quotes that are no one's statement, and a plural pronoun's speaker (stop 26, helper q1).

Our own articles, with invented names, written to the shapes of the wrong quotes left on the judged draws:
- a verb of inference whose subject is a thing ("the mutation predicted when ...", "new polling suggests ...") reports
  what data shows, not words; a person or a body as subject keeps the statement;
- a short quoted word with no verb inside the writer's clause and no speaker we can name (a scare quote) is hidden;
  a quoted word under a speech verb of a named speaker stays;
- a participle naming a place ("Port Alden, now called New Alden, ...") is no speech even when the parser hangs it
  on the main verb;
- a speech verb with only an "about" phrase ("is asking about the cost") names a topic, no words;
- two partial quotations after one frame, the second ending its sentence, keep that frame; the next sentence's
  frame ("Y believes that ...") is the next quotation's;
- initials read as a pronoun by the tagger ("WHO describes ...") are a name, not "who" standing for the last
  person named;
- a comma inside a quotation never closes a frame set in mid-sentence ('In a press release, the agency described
  the symptoms as "fever, headache, ..."': one partial quote, no indirect quote stitched from both sides);
- "They say" after "Many countries ... have warned the agency": the countries, not the agency; "they" after
  "the residents and their lawyer" is not "the residents" alone.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

DOCS = {
    "marker": "The gene mutation was found last year in patients in three hospitals. The new trial found the "
    "mutation, located on a protein on chromosome 9, predicted when the fever would last more than four days.",
    "polling": "The race for governor is close. New polling suggests that Mara Quill is closing the gap on her rival.",
    "person": "Doctors are preparing for a long winter. Ivo Brandt, the director of the health institute, "
    "predicted that the flu would peak in January.",
    "scare": "Hundreds of residents flocked to the lake after rumours that its water had turned sweet. Television "
    "reports showed people drinking from the shore, apparently to wash away their sins with the \"holy\" water.",
    "spoken": "The council met on Monday. Mayor Tess Orwin said the plan was \"reckless\" and would cost too much.",
    "aides": "The tax bill passed on Friday. Her aides called her \"a genius\" for the plan.",
    "naming": "Scientists found traces of the virus in a sample taken in 1961 from a man who lived in Port Alden, "
    "now called New Alden, the capital of the province.",
    "about": "Many firms have moved their mines abroad to keep their profits, but law professor Jon Harte is "
    "asking about the cost to the environment and public health.",
    "aboutthat": "The mine reopened in May. Law professor Jon Harte said that the cost to the river would be high.",
    "they": "Flu has spread to many parts of the globe. Many countries, among them Norland, Belvia and Ostrava, have "
    "warned the Global Health Agency to be careful about declaring a pandemic. They say that such an announcement "
    "could cause mass panic.",
    "initials": "President Tomas Ruel visited the province on Monday. There is no vaccine for the fever. WHO "
    "describes the symptoms as being \"characterized by the sudden onset of fever, weakness and muscle pain.\"",
    "midcomma": "Health authorities are, however, unsure of the full extent of the outbreak. In a press release, the "
    "agency described the symptoms as \"fever, headache, diarrhoea or colicky abdominal pain, and vomiting.\" They "
    "also indicated that most of the cases have been in children.",
    "coord": "After talks failed, the residents and their lawyer decided to take their case to the public. Last "
    "Saturday, they announced that they are bringing their suit before a judge.",
    "ownsubject": "Board members say some coaches and parents are ruining the schools. School officials are trying "
    "to correct what they said was a loophole in county policy.",
    "label": "NOTICE: This is the final article in a series that looks back over the past couple of years.",
    "twoparts": "Lena Moss, who founded the dairy, stated: \"There is no law against it\". She claimed that "
    "\"[i]f it's good enough for our babies, it's good enough for us\" and \"[s]ome people will say yuck - but "
    "it's pure and natural.\" Carl Dunne, a member of the council, believes that \"[a]s the local authority we must "
    "protect the health of consumers.\"",
}


@pytest.fixture(scope="module")
def articles():
    out = annotate_many([Extracted(input=k, body=v, kind="body") for k, v in DOCS.items()])
    return dict(zip(DOCS, out, strict=True))


def _shown(article, contains: str) -> list:
    return [q for q in article.quotes if contains in q.text and (q.confidence or 0) >= THRESHOLD]


@pytest.mark.parametrize("key,text", [("marker", "the fever would last"), ("polling", "closing the gap")])
def test_an_inference_by_a_thing_is_no_quote(articles, key, text):
    assert not _shown(articles[key], text), [(q.text, q.cue, q.confidence) for q in articles[key].quotes]


def test_a_prediction_by_a_person_stays(articles):
    hits = _shown(articles["person"], "the flu would peak")
    assert hits and hits[0].speaker_name == "Ivo Brandt"


def test_a_scare_quote_is_hidden(articles):
    assert not _shown(articles["scare"], "holy")


def test_a_quoted_word_of_a_named_speaker_stays(articles):
    hits = _shown(articles["spoken"], "reckless")
    assert hits and hits[0].speaker_name == "Tess Orwin"


def test_a_quoted_word_under_a_speech_cue_stays(articles):
    assert _shown(articles["aides"], "a genius"), [(q.text, q.cue, q.confidence) for q in articles["aides"].quotes]


def test_a_participle_naming_a_place_is_no_quote(articles):
    assert not _shown(articles["naming"], "New Alden")


def test_asking_about_a_topic_reports_no_words(articles):
    assert not _shown(articles["about"], "the cost to the environment")


def test_a_clause_said_about_a_topic_stays(articles):
    assert _shown(articles["aboutthat"], "the cost to the river would be high")


def test_they_takes_the_plural_subject_before(articles):
    hits = _shown(articles["they"], "mass panic")
    assert hits, [(q.text, q.speaker_name) for q in articles["they"].quotes]
    assert hits[0].speaker_name != "Global Health Agency"
    assert "countries" in (hits[0].speaker_name or "")


def test_a_later_quotation_ending_the_sentence_bounds_the_frame(articles):
    first = _shown(articles["twoparts"], "good enough for our babies")
    assert first and first[0].speaker_name == "Lena Moss", [(q.text, q.speaker_name) for q in articles["twoparts"].quotes]
    third = _shown(articles["twoparts"], "protect the health")
    assert third and third[0].speaker_name == "Carl Dunne"


def test_a_label_in_capitals_is_no_speaker(articles):
    assert all((q.speaker_confidence or 0) < THRESHOLD for q in articles["label"].quotes)


def test_initials_are_no_pronoun(articles):
    hits = [q for q in articles["initials"].quotes if "sudden onset" in q.text]
    assert hits and all(q.speaker_name != "Tomas Ruel" for q in hits), [(q.text, q.speaker_name) for q in hits]


def test_a_comma_inside_a_quotation_closes_no_frame(articles):
    shown = [q for q in articles["midcomma"].quotes if (q.confidence or 0) >= THRESHOLD]
    assert all(not q.text.startswith("In a press release") for q in shown), [(q.kind, q.text) for q in shown]


def test_they_is_not_one_conjunct_of_its_antecedent(articles):
    hits = [q for q in articles["coord"].quotes if "bringing their suit" in q.text]
    shown = [q for q in hits if (q.speaker_confidence or 0) >= THRESHOLD]
    assert all(q.speaker_name != "the residents" for q in shown), [(q.text, q.speaker_name) for q in hits]


def test_they_takes_the_plural_subject_of_its_own_sentence(articles):
    hits = [q for q in articles["ownsubject"].quotes if "loophole" in q.text and (q.speaker_confidence or 0) >= THRESHOLD]
    assert all(q.speaker_name != "Board members" for q in hits), [(q.text, q.speaker_name) for q in hits]
