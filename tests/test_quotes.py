"""Quotes: direct, partial and indirect, with speakers resolved to entities (our own test article)."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.quotes import quote_spans
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Portuguese fisheries minister Helena Marques met trawler owners in Lisbon on Tuesday.",
        '"We cannot keep fishing the same stocks," Marques told reporters after the meeting. '
        '"The quotas will fall next year."',
        '"Nobody here wants that," she added.',
        "Union leader Tomas Ferreira said the plan would ruin small ports, adding: "
        '"Our members will not accept it."',
        'Ferreira called the proposal a "slow death" for the coast.',
        "The cuts are unavoidable, according to a European Commission statement.",
        '"It is a disaster for families," Ferreira said.',
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def find(article, contains: str, kind: str | None = None):
    hits = [q for q in article.quotes if contains in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote with {contains!r}: {[q.text for q in article.quotes]}"
    return hits[0]


def test_quote_spans_join_multi_paragraph_quotes():
    text = '"First part of it.\n\n"Second part," he said. Then "more".'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans[0] == '"First part of it.\n\n"Second part,"'
    assert spans[1] == '"more"'


def test_direct_quote_speaker_after_and_two_parts_joined(article):
    q = find(article, "We cannot keep fishing")
    assert q.kind == "direct"
    assert q.speaker_name.endswith("Helena Marques")
    assert q.cue == "told"
    assert "The quotas will fall next year" in q.text  # the second part, after the frame, is the same quote


def test_pronoun_speaker_resolves_to_the_person(article):
    q = find(article, "Nobody here wants that")
    assert q.speaker_name.endswith("Helena Marques")
    assert q.cue == "added"


def test_adding_colon_takes_the_subject_of_the_speech_verb(article):
    q = find(article, "Our members will not accept it")
    assert q.kind == "direct"
    assert q.speaker_name.endswith("Tomas Ferreira")


def test_partial_quote(article):
    q = find(article, "slow death", "partial")
    assert q.speaker_name.endswith("Tomas Ferreira")


def test_indirect_speech(article):
    q = find(article, "the plan would ruin small ports")
    assert q.kind == "indirect"
    assert q.speaker_name.endswith("Tomas Ferreira")
    assert q.cue == "said"


def test_according_to_an_organisation_statement(article):
    q = find(article, "The cuts are unavoidable")
    assert q.kind == "indirect"
    assert q.cue == "according to"
    assert "European Commission" in (q.speaker_name or "")


def test_offsets_point_into_the_body(article):
    for q in article.quotes:
        if q.kind != "direct" or "\n" not in q.text:
            assert BODY[q.start : q.end].startswith(q.text[:10])
        if q.speaker_start is not None:
            assert BODY[q.speaker_start : q.speaker_end]


def test_a_quotation_closed_by_a_mark_of_the_other_family_ends_there():
    # scraped copy mixes curly and straight marks; a quotation must not run on into the narration after it
    text = '\u201cThe deal is dead," the chairman said, adding that posts were handed out "like candy."\n\nIt will take "more hours\u201d to know.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['\u201cThe deal is dead,"', '"like candy."', '"more hours\u201d']
    # a curly pair inside a straight quotation, and a straight pair inside a curly one, stay nested
    nested = '"She called it a \u201cmedical problem,\u201d and left.\n\n\u201cHe said "no" to me,\u201d she said.'
    assert [nested[s:e] for s, e in quote_spans(nested)] == ['"She called it a \u201cmedical problem,\u201d and left.', '\u201cHe said "no" to me,\u201d']


def test_a_quotation_with_a_frame_of_its_own_is_a_quote_of_its_own(selective_nlp):
    body = (
        'Engineer Leslie Moore tested the shields at home. "I have learned to listen to the critics," Moore told me. '
        'She tried hay and cotton. "They were both terrible," she said.'
    )
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), selective_nlp)
    direct = sorted(q.text for q in art.quotes if q.kind == "direct")
    # the second quotation has its own frame ("she said"): not joined to the first across the narration between
    assert direct == ["I have learned to listen to the critics,", "They were both terrible,"]
