"""Quote attribution by clause: a partial quote belongs to the speech verb whose clause holds it; reported
content stays in its paragraph; passive cues without an agent report no one."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        'Kenyan official Mary Wanjiku said the plan "puts the needs of every family first", while Tomas Berg '
        "said Norway had kept its right to decide its own budget.",
        "The negotiations are expected to last until Thursday.",
        "The harbour authority said 30 ships were waiting at anchor and warned that the delays would cost millions.",
        "Mayor Lina Haddad promised to build 2,000 homes by next year.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def _find(article, needle):
    return [q for q in article.quotes if needle in q.text]


def test_partial_quote_takes_the_speaker_of_its_own_clause(article):
    qs = [q for q in _find(article, "puts the needs") if q.kind == "partial"]
    assert qs and qs[0].speaker_name.endswith("Wanjiku")
    assert [q.speaker_name for q in _find(article, "Norway had kept")] == ["Tomas Berg"]


def test_passive_cue_without_agent_is_no_report(article):
    assert _find(article, "last until Thursday") == []


def test_coordinated_speech_verb_keeps_the_first_speaker(article):
    qs = _find(article, "delays would cost")
    assert qs and all("ships" not in q.speaker_name for q in qs)
    assert all("authority" in q.speaker_name.lower() for q in qs)


def test_complement_of_a_promise_is_not_a_second_report(article):
    assert [q.cue for q in _find(article, "2,000 homes")] == ["promised"]


def test_reported_content_stops_before_a_second_frame():
    body = (
        "The ferry operator cancelled all crossings on Friday, the coastguard said, according to a local radio station.\n\n"
        "Officials said the bridge would reopen in May and warned that tolls would rise."
    )
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    texts = [q.text for q in art.quotes if q.kind == "indirect"]
    assert "the bridge would reopen in May" in texts
    assert not any("according" in t or "warned" in t for t in texts)


def test_a_cue_inside_reported_content_is_no_second_report():
    body = "The governor said she would consider naming a new auditor before the summer recess."
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    assert [(q.cue, q.text) for q in art.quotes] == [("said", "she would consider naming a new auditor before the summer recess")]


def test_reported_content_does_not_run_over_a_clause_set_off_by_a_comma():
    body = "The minister said the new port would open in June, although she gave no figure for its cost."
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    assert [q.text for q in art.quotes if q.cue == "said"] == ["the new port would open in June"]


def test_according_to_content_keeps_names_with_initials():
    body = "The plant in St. Louis closed two lines in March, according to the company."
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    assert [q.text for q in art.quotes if q.cue == "according to"] == ["The plant in St. Louis closed two lines in March"]


def test_speaker_in_apposition_to_a_possessed_role_is_the_person():
    body = "Chile's finance minister, Rosa Vidal, said her country would not accept the new tariff."
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    assert [q.speaker_name for q in art.quotes] == ["Rosa Vidal"]


def test_reported_content_never_cuts_a_quotation_in_half():
    body = 'The coach called the new stadium "a cathedral of noise."'
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))
    ind = [q for q in art.quotes if q.kind == "indirect"]
    part = [q for q in art.quotes if q.kind == "partial"]
    assert ind and part and ind[0].start <= part[0].start and part[0].end <= ind[0].end


def test_a_frame_set_off_by_commas_inside_its_sentence_reports_the_sentence_around_it(selective_nlp):
    body = "\n\n".join(
        [
            "The harbour tolls, port director Ana Reyes told reporters on Monday, will rise by a third next year.",
            "The minister said the bridge, which was built in 1960, would close in May.",
            "Carlos Mendes, who said he was tired, left the meeting early.",
            "Steel nets have worked well on the river, engineer Paul Okafor explained, but are too heavy for the dam.",
        ]
    )
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), selective_nlp)
    mid = [q for q in art.quotes if q.cue == "told"]
    assert [q.text for q in mid] == ["The harbour tolls will rise by a third next year"]
    assert mid[0].speaker_name.endswith("Reyes")
    assert body[mid[0].start : mid[0].end].startswith("The harbour tolls, port director")  # the span holds the frame
    # a comma inside the content, or a frame that is a relative clause, is no frame set off inside a sentence
    assert [q.text for q in art.quotes if q.cue == "said" and "bridge" in q.text] == ["the bridge, which was built in 1960, would close in May"]
    assert not any("left the meeting" in q.text for q in art.quotes)
    # the conjunction after the frame is part of what was said
    assert [q.text for q in art.quotes if q.cue == "explained"] == ["Steel nets have worked well on the river but are too heavy for the dam"]


def test_a_relative_clause_speaker_is_the_noun_it_modifies_whatever_the_tag_of_its_pronoun(selective_nlp):
    body = "\n\n".join(
        [
            "The court fined Nordbank, which denied that its traders had broken any rule.",
            "Dock workers in Rotterdam, many of whom say the new cranes are unsafe, stopped work on Monday.",
            "The court overturned a ruling in Rotterdam, which had said the cranes were unsafe.",
            "Ms. Anna Berg, head of the Dialogue Group in Oslo, which says that the port must stay open, spoke first.",
        ]
    )
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), selective_nlp)
    by_cue = {q.cue: q for q in art.quotes if q.kind == "indirect"}
    assert by_cue["denied"].speaker_name == "Nordbank"  # "which" is tagged DET, not PRON, by the parser
    assert by_cue["say"].speaker_name.startswith("Dock workers")
    # a place is no antecedent that speaks: the clause is about the ruling in it, and the speaker stays unresolved
    assert by_cue["said"].speaker_name == "which" and by_cue["said"].confidence < 0.5
    # "which" never stands for a person: not the group's head
    assert by_cue["says"].speaker_name != "Anna Berg"


def test_a_report_with_a_quotation_inside_is_indirect_speech_unless_it_is_all_quotation(selective_nlp):
    body = (
        'The judge said that under the new rules "most of the cases would be settled out of court" within a year.\n\n'
        'The judge also said "the court will sit again in May."'
    )
    art = annotate(Extracted(input="t", body=body, published="2024-05-10", kind="body"), selective_nlp)
    indirect = [q.text for q in art.quotes if q.kind == "indirect"]
    assert indirect == ['under the new rules "most of the cases would be settled out of court" within a year']
