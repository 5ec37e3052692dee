"""Spans that report nobody's words, and speakers read from the phrase and the document (stop 31, helper q6; the
classes of stop 30's held-out draws): a supposition opened by "Say" / "Let's say", the page's own correction note, a
quoted term that is the object of an infinitive, the topic of a question, a reporter's participle after a request;
a title whose "of" phrase ends in the speaker's name, a "who" clause hung on a place, two people of one surname.
Our own articles, with invented people and places."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate_many
from newsgraph.records import Extracted

THRESHOLD = 0.5

SUPPOSE = (
    "Say Valdoria demanded that the republic prove every trucker was a citizen before it would let the trucks in. "
    "The ministry would then have to answer.\n\n"
    "SAVE A DIME Let's say you think a degree from the state college will cost $90,000 in ten years.\n\n"
    "Minister Tomas Reyl said the republic would answer any demand within a week."
)
NOTE = (
    "Former party chairman Ivo Brandt said the party should prepare a plan to replace its candidate.\n\n"
    "The rules give the chair of the party authority to call a \u201cspecial meeting\u201d to vote on a replacement.\n\n"
    "CLARIFICATION: The first sentence has been clarified to reflect that Brandt is calling for a process, not a name."
)
ASKED = (
    "The host faced criticism after he asked Alma Teague about her travel records during the forum in Westmere.\n\n"
    "Later the host asked Teague to explain the records, and a student asked whether the college would close."
)
REQUEST = (
    "A group of Westmere clerics urged the new culture minister on Sunday to ban singers from the radio, making clear "
    "that the town's old guard is wary of the new push toward openness."
)
TITLE = (
    "The harbour board met on Monday in Calloway. First Selectman Nora Vale said the board would vote in May.\n\n"
    "Director of Harbour Works Emil Haskett said the town is buying the crane from a firm in Westmere. "
    "\u201cWe are trying to keep it local,\u201d he told the board."
)
WHO = (
    "The plan is likely to please anxious councillors on Harbour Hill, who have argued that it helps the party when the "
    "mayor is painted as a spendthrift."
)
BROTHERS = (
    "Private Michael Denn, 22, was buried on Saturday in Calloway. Friends said Denn had wanted to be a teacher.\n\n"
    "Kevin Denn, the younger brother, greeted each guest with a hug. \u201cThank you for coming,\u201d he told one "
    "woman as he hugged her."
)
STAGE = (
    "At her rally, the choir leader called the town's councillors to the stage, singing \"Our Harbour Now.\" "
    "Then someone asked how the mayor could pay for the new pier. Mayor Ivo Brandt said the port would pay."
)
SURNAME = (
    "Westmere Rep. Dario Fennick is running for the Senate this year.\n\n"
    "Fennick said he would raise what he needed. \u201cI have done this before,\u201d Fennick said.\n\n"
    "Sen. Olaf Fennick, a Republican from the north, is no relation.\n\n"
    "At a forum in Calloway on Friday, the congressman spoke about schools.\n\n"
    "\u201cI have always been insulted by the word outreach,\u201d Fennick told the group."
)


@pytest.fixture(scope="module")
def articles():
    docs = {"suppose": SUPPOSE, "note": NOTE, "asked": ASKED, "request": REQUEST, "title": TITLE, "who": WHO, "surname": SURNAME, "stage": STAGE, "brothers": BROTHERS}
    out = annotate_many([Extracted(input=k, body=v, kind="body", published="2016-09-12") for k, v in docs.items()])
    return dict(zip(docs, out, strict=True))


def _shown(art):
    return [q for q in art.quotes if q.confidence >= THRESHOLD]


def test_a_supposition_is_no_quote(articles):
    shown = _shown(articles["suppose"])
    assert not any("prove every trucker" in q.text for q in shown)
    assert not any("degree from the state college" in q.text for q in shown)
    # a real report beside them stays
    assert any("answer any demand" in q.text and "Reyl" in (q.speaker_name or "") for q in shown)


def test_a_correction_note_and_a_quoted_term_are_no_quotes(articles):
    shown = _shown(articles["note"])
    assert not any("has been clarified" in q.text for q in shown)
    assert not any(q.text.strip(".,") == "special meeting" for q in shown)
    assert any("prepare a plan" in q.text for q in shown)


def test_the_topic_of_a_question_is_no_quote_but_a_request_or_a_question_is(articles):
    quotes = articles["asked"].quotes
    topic = [q for q in quotes if "travel records during" in q.text]
    assert all(q.confidence < THRESHOLD for q in topic)
    assert any("whether the college would close" in q.text or "the college would close" in q.text for q in _shown(articles["asked"]))


def test_a_reporters_participle_ends_a_request(articles):
    (q,) = [q for q in articles["request"].quotes if "ban singers" in q.text]
    assert "making clear" not in q.text and q.text.endswith("radio")


def test_a_title_of_an_office_gives_the_name_after_it(articles):
    shown = _shown(articles["title"])
    buying = next(q for q in shown if "buying the crane" in q.text)
    assert "Emil Haskett" in (buying.speaker_name or "")
    local = next(q for q in shown if "keep it local" in q.text)
    assert "Emil Haskett" in (local.speaker_name or "")


def test_who_after_a_place_in_a_phrase_is_the_people(articles):
    (q,) = [q for q in articles["who"].quotes if "helps the party" in q.text]
    assert "Harbour Hill" not in (q.speaker_name or "") and "councillors" in (q.speaker_name or "")


def test_a_bare_surname_is_the_person_named_first(articles):
    quotes = articles["surname"].quotes
    for q in quotes:
        if q.speaker_name and "Fennick" in q.speaker_name and q.speaker_confidence is not None and q.speaker_confidence >= THRESHOLD:
            assert q.speaker_name != "Olaf Fennick", q.text
    outreach = next(q for q in quotes if "outreach" in q.text)
    assert outreach.speaker_name == "Dario Fennick"


def test_a_summons_with_a_song_is_no_report_and_someone_is_nobody_named_before(articles):
    quotes = articles["stage"].quotes
    assert not any(("rally" in q.text or "councillors" in q.text) and q.confidence >= THRESHOLD for q in quotes)
    asked = next(q for q in quotes if "pay for the new pier" in q.text)
    assert asked.speaker_name == "someone"


def test_a_surname_just_named_in_full_keeps_the_resolvers_answer(articles):
    thanks = next(q for q in articles["brothers"].quotes if "Thank you for coming" in q.text)
    assert thanks.speaker_name == "Kevin Denn" and thanks.speaker_confidence >= THRESHOLD



ASKED_NAMED = "Ray Mallon, the host of the forum, faced criticism after he asked Alma Teague about her travel records."


@pytest.mark.parametrize("switched", [False, True])
def test_the_supposition_and_question_topic_policies_can_be_switched(monkeypatch, switched):
    # quote_evidence.py HYPOTHETICAL_IS_SPEECH / ASKED_TOPIC_IS_SPEECH: PolNeAR counts both as attributions; switched
    # on, the spans are scored as any report is (the stop-30 behaviour); off (the default) they are hidden
    from newsgraph.annotate import quote_evidence as QE

    monkeypatch.setattr(QE, "HYPOTHETICAL_IS_SPEECH", switched)
    monkeypatch.setattr(QE, "ASKED_TOPIC_IS_SPEECH", switched)
    suppose, asked = annotate_many([Extracted(input=k, body=v, kind="body", published="2016-09-12") for k, v in (("s", SUPPOSE), ("a", ASKED_NAMED))])
    assert any("prove every trucker" in q.text for q in _shown(suppose)) is switched
    assert any("travel records" in q.text and q.speaker_name == "Ray Mallon" for q in _shown(asked)) is switched
