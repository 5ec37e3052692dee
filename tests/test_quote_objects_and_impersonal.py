"""A speech verb's complement must be content, and an impersonal subject speaks for no one (issue 11, stop 33).

Our own articles. "claimed asylum", "boasts a harbour" and "question the witnesses" report no words (a thing or
people as the bare object); a quotation after "so-called" is the writer's term; "It is worth noting that ..." is the
writer's remark; "X quoted Y as saying" is Y's; an object the parse took for the frame's subject ("Police have
arrested activist Y, the group Z said") is content and the apposition speaks; "Mr." before the bare surname of a woman's
full name is a man of his own, who speaks (the entity layer, stop 33 t8); "they" in a clause hung on a clause with a
plural group subject is that group.
"""

from __future__ import annotations

import pytest
from conftest import annotated_docs

THRESHOLD = 0.5

DOCS = {
    "objects": "\n\n".join(
        [
            "Two fishermen from Tarsk have claimed political asylum in Norway, saying they were threatened at home.",
            "The port of Velden boasts a range of modern cargo terminals, attracting several shipping lines.",
            "Opposition deputies have been trying to question several of those retired officials, the speaker said.",
            "The mayor claimed the bridge would be finished by June.",
        ]
    ),
    "terms": "\n\n".join(
        [
            "Senator Ada Voss spoke in Halden on Tuesday.",
            'Voss has called for taxing so-called "carry forward" income at a lower rate than wages.',
        ]
    ),
    "impersonal": "\n\n".join(
        [
            "Norsk Bank said its profit rose in the third quarter.",
            "It is worth noting that the bank's new branch in Halden is a good example of money spent at home.",
        ]
    ),
    "quoting": "\n\n".join(
        [
            "Two guards were hurt on Sunday when a fire broke out at a depot outside Tarsk, the Velden agency said.",
            "It quoted local firemen as saying the fire started in a storage shed.",
        ]
    ),
    "object": "Police have detained dissident Pavel Sokol, the pressure group Free Voices in Vilnius said on Saturday.",
    "mixed": "\n\n".join(
        [
            "Governor Halvorsen is rolling out a new campaign message this week.",
            '"Our progress is on the ballot," Mr. Halvorsen said on Saturday in Tarsk.',
            "The governor told voters he would consider it a \"personal insult\" if they stayed home.",
            "The governor's wife, Susan Halvorsen, also spoke at the rally.",
        ]
    ),
    "they": "\n\n".join(
        [
            "The Fair Tax Institute said the plan was flawed.",
            "Liberals want policies that raise more money, and Conservatives want policies that raise less (they "
            "want lower rates and suggest that such rates would spur growth).",
        ]
    ),
}


@pytest.fixture(scope="module")
def articles():
    return annotated_docs(DOCS)


def _shown(article, text: str):
    return [q for q in article.quotes if text in q.text and q.confidence >= THRESHOLD]


def test_a_claimed_thing_a_possession_and_the_people_questioned_are_no_words(articles):
    doc = articles["objects"]
    assert not _shown(doc, "political asylum")
    assert not _shown(doc, "cargo terminals")
    assert not any(q.text.startswith("several of those") for q in _shown(doc, "retired officials"))
    assert _shown(doc, "the bridge would be finished")  # "claimed" with a clause reports words


def test_a_quotation_after_so_called_is_a_term(articles):
    assert not any(q.kind == "partial" for q in _shown(articles["terms"], "carry forward"))


def test_it_is_worth_noting_is_the_writers_remark(articles):
    assert not _shown(articles["impersonal"], "good example of money")


def test_quoted_as_saying_goes_to_the_ones_quoted(articles):
    fire = next(q for q in articles["quoting"].quotes if "storage shed" in q.text)
    assert "firemen" in (fire.speaker_name or "")


def test_an_object_read_as_the_frames_subject_is_content(articles):
    q = next(q for q in articles["object"].quotes if q.text.startswith("Police have detained"))
    assert "Pavel Sokol" in q.text and "Sokol" not in (q.speaker_name or "")


def test_the_governor_written_only_by_his_surname_is_no_part_of_his_wifes_name(articles):
    # stop 33 (t8): the entity layer keeps "Mr. Halvorsen" and "Governor Halvorsen" apart from "Susan Halvorsen"
    # (person_short_forms.gender_owners), so his words are his, shown, not hidden as q8's cluster rule did
    said = [q for q in articles["mixed"].quotes if "progress is on the ballot" in q.text]
    assert said and all(q.speaker_name == "Halvorsen" and (q.speaker_confidence or 0) >= THRESHOLD for q in said), [
        (q.speaker_name, q.speaker_confidence) for q in said]
    assert not any(q.speaker_name == "Susan Halvorsen" for q in articles["mixed"].quotes)


def test_they_is_the_group_of_the_clause_it_hangs_on(articles):
    q = next(q for q in articles["they"].quotes if "spur growth" in q.text)
    assert q.speaker_name == "Conservatives"
